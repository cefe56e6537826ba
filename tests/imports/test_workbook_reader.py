"""imports.workbook reads cells with openpyxl's own sheet parser, skipping load_workbook's sizing
pass and reading plain inline strings directly: the values must be those openpyxl's read-only
worksheet gives."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from wuyang_tasks.imports import workbook

TEXTS = ["  前后空格  ", "换\n行", "tab\tx", "_x000D_ 转义", "a\r\nb", "县环保局、县住建委", "长" * 400, " ",
         "&<>\"'", "\u3000全角空格", ""]


def _openpyxl_cells(path) -> dict[str, dict[int, list]]:
    wb = load_workbook(path, read_only=True, data_only=True)
    out = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows(max_col=workbook.MAX_COLS):
            values = [workbook._value(c.value) for c in row]
            while values and values[-1] is None:
                values.pop()
            number = next((c.row for c in row if getattr(c, "row", None) is not None), None)
            if values and number is not None:
                cells[number] = values
        out[ws.title] = cells
    wb.close()
    return out


@pytest.mark.parametrize("write_only", [True, False])  # inline strings / shared strings
def test_values_are_those_openpyxl_reads(tmp_path, write_only):
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("台账") if write_only else wb.active
    ws.title = "台账"
    for i, text in enumerate(TEXTS):
        ws.append([i + 1, text, 2.5, datetime(2016, 7, 1, 8, 30), date(2016, 9, 30), True, None, "=1+1"])
    rich = CellRichText(["牵头", TextBlock(InlineFont(b=True), "县环保局")])  # runs: read by openpyxl
    ws.append([None, rich, *[None] * 42, "第45列（超出读取范围）"])
    second = wb.create_sheet("第二页")
    second.append(["序号", "工作任务"])
    path = tmp_path / "表.xlsx"
    wb.save(path)
    ours = {s.name: s.cells for s in workbook.read_workbook(path)}
    assert ours == _openpyxl_cells(path)
    assert ours["台账"][2][1] == "换\n行" and ours["台账"][len(TEXTS) + 1] == [None, "牵头县环保局"]
