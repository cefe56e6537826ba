"""List-sheet body rows written as sheet XML (exports.xlsx_rows): the same bytes openpyxl writes
for the same cells, and the cells, types and styles a reader gets back."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from wuyang_tasks.exports import xlsx_common as x
from wuyang_tasks.exports.xlsx_rows import BodyRows

COLUMNS = [x.Column("序号", 5, 6, center=True), x.Column("任务内容", 10, 20), x.Column("完成时限", 14, 18, center=True),
           x.Column("办结率", 6, 8, center=True), x.Column("亮灯", 6, 7, center=True)]


def _workbook(values, fills=None) -> bytes:
    wb = Workbook(write_only=True)
    x.list_sheet(wb, "明细", "标题", "说明", COLUMNS, values, fills=fills)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}  # core: the save time


def _as_openpyxl_cells(values, fills=None) -> bytes:
    """The same sheet with every body row appended as openpyxl cells."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(BodyRows, "append", BodyRows.append_cells)
        return _workbook(values, fills)


cell_values = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["=1+1", "+SUM(A1:A2)", "-2", "@cmd", " 前后空格 ", "  ", "a & <b> \"c\" 'd'", "第一行\n第二行",
                     "\r\n", "😀", "", None, True]),
    st.integers(-10**15, 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
)
rows = st.lists(st.lists(cell_values, min_size=len(COLUMNS), max_size=len(COLUMNS)), max_size=6)


@settings(max_examples=60, deadline=None)
@given(rows=rows, red=st.sets(st.integers(0, 5)))
def test_body_rows_are_the_bytes_openpyxl_writes_for_the_same_cells(rows, red):
    fills = [{4: x.ALERT_FILLS["RED"]} if i in red else {} for i in range(len(rows))]
    assert _parts(_workbook(rows, fills)) == _parts(_as_openpyxl_cells(rows, fills))


def test_the_body_reads_back_with_its_values_types_and_styles():
    long = "城区认真组织建筑工地扬尘污染百日攻坚行动，切实改善环境质量，按时限要求办结"
    values = [[1, "=1+1", date(2026, 11, 30), 0.25, "红灯"],
              [2, long, None, 1.0, ""],
              [3, " 前后空格 & <标记>", date(2026, 1, 5), 0.0, "绿灯"]]
    fills = [{4: x.ALERT_FILLS["RED"]}, {}, {4: x.ALERT_FILLS["GREEN"]}]
    wb = openpyxl.load_workbook(io.BytesIO(_workbook(values, fills)))
    ws = wb["明细"]
    assert [c.value for c in ws[3]] == [c.header for c in COLUMNS]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:E1", "A2:E2"}
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == "A3:E6"
    first, second, third = ws[4], ws[5], ws[6]
    assert [c.value for c in first] == [1, "=1+1", datetime(2026, 11, 30), 0.25, "红灯"]
    assert first[1].data_type == "s"  # text, never a formula
    assert first[2].is_date and first[2].number_format == x.DATE_FORMAT
    assert first[3].number_format == x.PERCENT_FORMAT and first[0].number_format == "General"
    assert third[1].value == " 前后空格 & <标记>"
    assert second[2].value is None and second[4].value is None
    for cell in (*first, *second, *third):
        assert cell.font.name == "仿宋" and cell.font.sz == 11
        assert cell.border.left.style == cell.border.bottom.style == "thin"
        assert cell.alignment.wrap_text and cell.alignment.vertical == "center"
    assert [c.alignment.horizontal for c in first] == ["center", "left", "center", "center", "center"]
    assert first[4].fill.fgColor.rgb == "00FF9999" and third[4].fill.fgColor.rgb == "00A9D08E"
    assert second[4].fill.fill_type is None
    assert ws.column_dimensions["B"].width == 20
    lines = x.wrapped_lines(long, 20)
    assert lines > 1
    assert ws.row_dimensions[4].height == 21 and ws.row_dimensions[5].height == lines * 15 + 6


def test_body_rows_need_a_sheet_whose_rows_have_not_started():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("明细")
    ws.append(["已写"])
    with pytest.raises(ValueError):
        BodyRows(ws, 1)
    wb.save(io.BytesIO())  # the sheet's stream still closes as openpyxl's own
