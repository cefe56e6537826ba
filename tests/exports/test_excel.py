"""Exported workbooks read back with openpyxl: sheets, headers, counts, print settings, safety."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from wuyang_tasks.domain.enums import AlertLevel, TaskStatus
from wuyang_tasks.exports.accountability import RECORDS_SHEET, TASKS_SHEET, write_accountability_xlsx
from wuyang_tasks.exports.briefing_xlsx import DETAIL, OVERDUE, SUMMARY, UNIT_HEADERS, write_briefing_xlsx
from wuyang_tasks.exports.ledger_xlsx import HEADERS, SHEET, write_ledger_xlsx
from wuyang_tasks.services import document_lists, documents, tasks
from wuyang_tasks.services.task_list import TaskFilter, list_tasks

from .conftest import REFERENCE_DAY, WEEK_30

HOSTILE = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", '=HYPERLINK("http://x","y")']


def _ledger_doc(demo_ledger, cal, flt=None):
    with demo_ledger.read() as s:
        return documents.build_ledger(s, today=REFERENCE_DAY, cal=cal, flt=flt)


def _assert_print_ready(ws, header_row: int, landscape: bool = True):
    assert ws.page_setup.paperSize in (9, "9")
    assert ws.page_setup.orientation == ("landscape" if landscape else "portrait")
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")
    if header_row == 3:  # title and caption above the header: taller than Excel's default
        assert (ws.row_dimensions[1].height, ws.row_dimensions[2].height) == (36, 22)


def test_ledger_workbook_layout_and_counts(demo_ledger, cal, tmp_path):
    doc = _ledger_doc(demo_ledger, cal)
    path = write_ledger_xlsx(doc, tmp_path / "台账.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [SHEET]
    ws = wb[SHEET]
    assert ws["A1"].value == "舞阳县任务台账"
    assert "共" in ws["A2"].value
    assert tuple(c.value for c in ws[3]) == HEADERS
    data = list(ws.iter_rows(min_row=4, values_only=True))
    with demo_ledger.read() as s:
        expected = list_tasks(s, today=REFERENCE_DAY, cal=cal)
    assert len(data) == len(expected) == 30
    by_code = {row[1]: row for row in data}
    survey = by_code["2016-002"]
    assert survey[4] == "县住建委" and survey[5] == "县环保局" and survey[11] == "办理中"
    assert isinstance(survey[8], datetime) and survey[8].date().isoformat() == "2016-07-27"
    assert ws.cell(row=4 + data.index(survey), column=9).number_format == 'yyyy"年"m"月"d"日"'
    ongoing = [r for r in data if r[8] == "长期坚持"]
    assert len(ongoing) == 3
    assert [r[0] for r in data] == list(range(1, len(data) + 1))
    _assert_print_ready(ws, 3)
    assert ws.auto_filter.ref == f"A3:L{3 + len(data)}"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width


def test_ledger_multi_unit_cells_are_joined_with_dunhao(demo_ledger, cal, tmp_path):
    path = write_ledger_xlsx(_ledger_doc(demo_ledger, cal), tmp_path / "l.xlsx")
    rows = {r[1]: r for r in openpyxl.load_workbook(path)[SHEET].iter_rows(min_row=4, values_only=True)}
    assert rows["2016-003"][5] == "县住建委、县交通运输局"


def test_ledger_filter_is_respected(demo_ledger, cal, tmp_path):
    flt = TaskFilter(overdue=True)
    path = write_ledger_xlsx(_ledger_doc(demo_ledger, cal, flt), tmp_path / "l.xlsx")
    rows = list(openpyxl.load_workbook(path)[SHEET].iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in rows] == ["2016-002"]


def test_hostile_titles_stay_strings(demo_ledger, cal, tmp_path):
    with demo_ledger.write() as s:
        for title in HOSTILE + ["控制\x07字符\x1b"]:
            tasks.create_task(s, title=title, today=REFERENCE_DAY, cal=cal)
    path = write_ledger_xlsx(_ledger_doc(demo_ledger, cal), tmp_path / "l.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET]
    cells = {c.value: c for c in ws["C"][3:]}
    for title in HOSTILE:
        assert title in cells, title
        assert cells[title].data_type == "s", title
    assert "控制字符" in cells
    raw = path.read_bytes()
    assert b"<f>" not in raw  # no formula anywhere in the file


def test_ledger_round_trips_through_the_import(demo_ledger, cal, tmp_path):
    from wuyang_tasks.imports.ledger_table import read_ledger_table

    doc = _ledger_doc(demo_ledger, cal)
    path = write_ledger_xlsx(doc, tmp_path / "l.xlsx")
    reading = read_ledger_table(path)
    assert reading.errors == []
    assert len(reading.rows) == len(doc.rows)
    first = reading.rows[0]
    assert first.code == doc.rows[0].code and first.title == doc.rows[0].title
    assert first.lead_units == list(doc.rows[0].lead_units)


def _briefing(demo_ledger, cal, keep=True):
    with demo_ledger.write() as s:
        return documents.build_briefing(s, start=WEEK_30[0], end=WEEK_30[1], today=REFERENCE_DAY,
                                        cal=cal, keep_issue=keep)


def test_briefing_workbook_holds_the_circulars_text(demo_ledger, cal, tmp_path):
    """The 总体情况 sheet is the 通报 as the PDF and Word versions print it: title, 主送, every
    numbered section with its paragraphs (the units named, 工作要求), 附件 one a line, 落款, 版记; the
    chart under the last line, on a page of its own. The sheet used to stop after 二、."""
    from wuyang_tasks.exports import briefing_text
    from wuyang_tasks.exports.metric_charts import metrics_sentence

    b = _briefing(demo_ledger, cal)
    summary = openpyxl.load_workbook(write_briefing_xlsx(b, tmp_path / "周报.xlsx"))[SUMMARY]
    lines = [summary.cell(r, 1).value for r in range(1, summary.max_row + 1)]
    texts = [v.strip("\u3000") for v in lines if isinstance(v, str)]
    assert briefing_text.briefing_title(b) in texts and "各乡镇人民政府，县直各部门：" in texts
    sections = briefing_text.body_sections(b, metrics_sentence)
    assert [h for h, _ in sections][-1] == "四、工作要求"
    position = -1
    for heading, paragraphs in sections:  # in the PDF's order, word for word
        for text in (heading, *paragraphs):
            assert texts.index(text) > position, text
            position = texts.index(text)
    requirements = briefing_text.requirement_paragraphs(b)
    assert requirements[0].startswith("（一）抓紧办理逾期任务。2016-002") and requirements[-1] in texts
    assert texts[-7:-2] == ["附件：1.任务进展明细", "2.逾期任务", "3.目标指标完成情况", b.profile.name, "2016年7月29日"]
    copies_row = lines.index(f"抄送：{b.profile.copies_line}") + 1  # 版记: 抄送, then 印发机关 and date
    assert summary.cell(copies_row + 1, 1).value == b.profile.name
    assert "2016年7月29日印发" in [summary.cell(copies_row + 1, c).value for c in range(2, 12)]
    assert summary.cell(copies_row, 1).border.top.style == "medium"
    assert summary.cell(copies_row + 1, 11).border.bottom.style == "medium"
    merged = {str(m) for m in summary.merged_cells.ranges}
    last_text = copies_row + 1  # the 版记's last line
    requirement_row = lines.index("\u3000\u3000" + requirements[0]) + 1
    assert f"A{requirement_row}:K{requirement_row}" in merged  # across the page's width
    assert summary.row_dimensions[requirement_row].height >= 3 * 16  # tall enough for its lines
    assert summary.page_setup.orientation == "portrait" and int(summary.page_setup.fitToWidth) == 1
    chart = summary._charts[0]
    assert chart.anchor._from.row >= last_text  # below the 落款, not over the text
    assert [brk.id for brk in summary.row_breaks.brk] == [last_text]


def test_briefing_workbook(demo_ledger, cal, tmp_path):
    b = _briefing(demo_ledger, cal)
    path = write_briefing_xlsx(b, tmp_path / "周报.xlsx")
    wb = openpyxl.load_workbook(path)
    # no inspections in the demo week; the year targets (issue 11) come last
    assert wb.sheetnames == [SUMMARY, DETAIL, OVERDUE, "目标指标"]
    summary = wb[SUMMARY]
    assert summary["A1"].value == "工作周报"
    assert "第一期" in summary["A2"].value and "2016年7月25日至7月31日" in summary["A2"].value
    assert len(summary._charts) == 1
    header_row = next(r for r in range(1, summary.max_row + 1) if summary.cell(r, 1).value == "序号")
    assert tuple(summary.cell(header_row, c).value for c in range(1, 12)) == UNIT_HEADERS
    table = {summary.cell(r, 2).value: [summary.cell(r, c).value for c in range(3, 12)]
             for r in range(header_row + 1, summary.max_row + 1) if summary.cell(r, 2).value}
    with demo_ledger.read() as s:
        rows = [r for r in list_tasks(s, today=REFERENCE_DAY, cal=cal)
                if r.status not in (TaskStatus.DRAFT, TaskStatus.CANCELLED)]
    env = [r for r in rows if "县环保局" in r.lead_units or "县环保局" in r.territorial_units]
    total, done, open_, overdue, rate, due, reported, not_reported, rank = table["县环保局"]
    assert due >= open_ and due == reported + not_reported  # 应报: every task under way in the period
    assert total == len(env)
    assert done == sum(r.status.is_closed for r in env)
    assert open_ == sum(r.status.is_open for r in env)
    assert overdue == sum(r.alert is AlertLevel.RED for r in env)
    assert rate == pytest.approx(done / total)
    assert summary.cell(header_row + 1, 7).number_format == "0.0%"
    # units in official order (Unit.sort_order), not alphabetical
    assert list(table)[:3] == ["县环境保护工作委员会办公室", "县环保局", "县发改委"]
    detail = wb[DETAIL]
    _assert_print_ready(detail, 3)
    detail_rows = list(detail.iter_rows(min_row=4, values_only=True))
    assert len(detail_rows) == len(b.lines)
    red = next(r for r in detail_rows if r[1] == "2016-002")
    assert red[9] == "红灯"
    overdue_ws = wb[OVERDUE]
    overdue_rows = list(overdue_ws.iter_rows(min_row=4, values_only=True))
    assert [(r[1], r[6], r[7], r[8]) for r in overdue_rows] == [("2016-002", 2, "工作日", 1)]
    assert isinstance(overdue_rows[0][9], datetime)


def test_briefing_issue_numbers_are_kept_per_period(demo_ledger, cal):
    first = _briefing(demo_ledger, cal)
    again = _briefing(demo_ledger, cal)
    assert first.issue == again.issue == 1
    with demo_ledger.write() as s:
        peek = documents.build_briefing(s, start=WEEK_30[0].replace(day=18), end=WEEK_30[1].replace(day=24),
                                        today=REFERENCE_DAY, cal=cal, keep_issue=False)
    assert peek.issue == 2
    with demo_ledger.write() as s:
        nxt = documents.build_briefing(s, start=WEEK_30[0].replace(day=18), end=WEEK_30[1].replace(day=24),
                                       today=REFERENCE_DAY, cal=cal, keep_issue=True)
    assert nxt.issue == 2 and nxt.issue_caption == "第二期"
    with demo_ledger.read() as s:
        later = documents.build_briefing(s, start=date(2016, 8, 1), end=date(2016, 8, 7),
                                         today=REFERENCE_DAY, cal=cal)
    assert later.issue == 3  # 第二期 was kept for 7-18…7-24


def test_briefing_gets_an_inspection_sheet_when_inspections_exist(demo_ledger, cal, tmp_path):
    from wuyang_tasks.domain.enums import CheckResult
    from wuyang_tasks.services import checklists, inspections, units

    with demo_ledger.write() as s:
        template = checklists.find_template(s, "六个百分之百")
        items = checklists.active_items(s, template.id)
        town = units.find_unit(s, "舞泉镇")
        inspections.record_inspection(
            s, inspected_on=REFERENCE_DAY, today=REFERENCE_DAY, cal=cal,
            inspectors=[inspections.Inspector(name="检查员甲")], unit_id=town.id, site="城南安置房工地",
            template_id=template.id,
            results=[inspections.ItemResult(i.id, CheckResult.FAIL if i.seq == 1 else CheckResult.PASS)
                     for i in items],
            findings=[inspections.FindingSpec("围挡不连续", requirement="立即整改", workdays=3,
                                              item_id=items[0].id)],
            summary="围挡有缺口")
    b = _briefing(demo_ledger, cal)
    path = write_briefing_xlsx(b, tmp_path / "周报.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[-2:] == ["督导检查", "目标指标"]
    row = next(wb["督导检查"].iter_rows(min_row=4, values_only=True))
    assert row[2] == "舞泉镇" and row[3] == "城南安置房工地" and row[6] == 1 and row[7] == 0


def test_accountability_workbook(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        sheet = document_lists.build_accountability(s, today=REFERENCE_DAY, cal=cal, unit="舞泉镇")
    path = write_accountability_xlsx(sheet, tmp_path / "责任.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [TASKS_SHEET, RECORDS_SHEET]
    ws = wb[TASKS_SHEET]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(sheet.lines) > 0
    assert all(r[3] == "舞泉镇" for r in rows)
    assert all(r[5] and "舞泉镇党委书记" in r[5] for r in rows)
    assert all(r[6] and "舞泉镇镇长" in r[6] for r in rows)
    _assert_print_ready(ws, 3)
