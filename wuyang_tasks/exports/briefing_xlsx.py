"""工作周报 (weekly briefing) as an Excel workbook.

Sheets: 总体情况 — the 通报 itself, printable on portrait pages: its title, 主送, the numbered
sections in the words the PDF and Word versions print (briefing_text.body_sections: 总体情况 with
counts and rates, the units named, year targets, inspections, 工作要求), the counts table after
the first section and the per-unit table with 任务数/已办结/办理中/逾期/办结率/排名 after the
second, 附件 (the other sheets), 落款 and date, 版记 (抄送, 印发), then a native bar chart on a
page of its own;
任务进展明细 (open tasks and tasks closed in the period, with the progress
reported in the period, status and 亮灯 colour), 逾期任务 (days overdue in the task's own basis,
urgings), and 督导检查 when inspections took place in the period.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.documents import Briefing
from wuyang_tasks.services.task_list import chinese_date

from .briefing_tables import SCORE_HEADER, UNIT_HEADERS
from .briefing_text import JOIN, attachment_names, body_sections, briefing_title
from .metric_charts import metrics_sentence

SUMMARY, DETAIL, OVERDUE, INSPECTIONS = "总体情况", "任务进展明细", "逾期任务", "督导检查"


def write_briefing_xlsx(b: Briefing, target: str | Path,
                        progress: Callable[[int, int], None] | None = None) -> Path:
    from openpyxl import Workbook

    target = Path(target)
    with atomic_path(target) as tmp:  # write-only sheets spool to disk while being built
        wb = Workbook(write_only=True)
        _build(wb, b, progress)
        wb.save(tmp)
    return target


def _build(wb, b: Briefing, progress: Callable[[int, int], None] | None) -> None:
    from . import xlsx_common as x

    _summary_sheet(wb, b, x)
    caption = f"{b.issue_caption}  统计周期：{b.period}"
    detail_cols = [x.Column("序号", 5, 6, center=True), x.Column("编号", 9, 12, center=True),
                   x.Column("任务内容", 20, 36), x.Column("牵头县领导", 8, 11, center=True),
                   x.Column("牵头单位", 10, 18), x.Column("配合单位", 10, 22),
                   x.Column("完成时限", 14, 18, center=True), x.Column("本周进展", 20, 44),
                   x.Column("状态", 7, 9, center=True), x.Column("亮灯", 6, 7, center=True)]
    values, fills = [], []
    for i, line in enumerate(b.lines, start=1):
        r = line.row
        deadline = r.deadline_display if (r.ongoing or r.recurrence_day or not r.effective_deadline) \
            else r.effective_deadline
        values.append([i, r.code, r.title, JOIN.join(r.lead_leaders), JOIN.join(r.lead_units),
                       JOIN.join(r.cooperating_units), deadline, line.progress_text,
                       r.status.label, r.alert.label if r.alert else ""])
        fills.append({9: x.ALERT_FILLS[r.alert.value]} if r.alert else {})
    x.list_sheet(wb, DETAIL, f"任务进展明细（{b.issue_caption}）", caption, detail_cols, values,
                 fills=fills, progress=progress)

    overdue_cols = [x.Column("序号", 5, 6, center=True), x.Column("编号", 9, 12, center=True),
                    x.Column("工作任务", 20, 40), x.Column("牵头县领导", 8, 11, center=True),
                    x.Column("牵头单位", 10, 20), x.Column("完成时限", 14, 18, center=True),
                    x.Column("逾期天数", 8, 9, center=True), x.Column("计日方式", 8, 9, center=True),
                    x.Column("催办次数", 8, 9, center=True), x.Column("最近催办", 14, 18, center=True),
                    x.Column("状态", 7, 9, center=True)]
    values = [[i, o.row.code, o.row.title, JOIN.join(o.row.lead_leaders), JOIN.join(o.row.lead_units),
               o.row.effective_deadline, o.row.days_overdue, o.row.deadline_basis.label,
               o.row.urging_count, o.last_urged_on, o.row.status.label]
              for i, o in enumerate(b.overdue, start=1)]
    x.list_sheet(wb, OVERDUE, f"逾期任务（{b.issue_caption}）", f"截至{chinese_date(b.as_of)}",
                 overdue_cols, values)

    if b.inspections:
        cols = [x.Column("序号", 5, 6, center=True), x.Column("检查日期", 14, 18, center=True),
                x.Column("被检查单位", 10, 20), x.Column("项目/工地", 12, 24), x.Column("检查清单", 10, 16),
                x.Column("检查人", 8, 20), x.Column("发现问题", 8, 9, center=True),
                x.Column("已整改", 7, 8, center=True), x.Column("检查情况", 20, 44)]
        values = [[i, n.inspected_on, n.unit, n.site, n.template, n.inspectors, n.findings, n.rectified,
                   n.summary] for i, n in enumerate(b.inspections, start=1)]
        x.list_sheet(wb, INSPECTIONS, f"督导检查情况（{b.issue_caption}）", caption, cols, values)
    if b.metrics and b.metrics.metrics:
        from .metric_charts import add_metrics_sheet

        add_metrics_sheet(wb, b.metrics)  # 目标指标: table and native charts


# as on the window's 工作台: done green, open grey-blue, overdue red (the default palette made
# 办理中 red and 逾期 olive)
SERIES_COLOURS = ("2E7D32", "8EA2C8", "D32F2F")


def _summary_sheet(wb, b: Briefing, x) -> None:
    ws = wb.create_sheet(SUMMARY)
    scored = bool(b.unit_stats) and b.unit_stats[0].score is not None
    columns = [x.Column(h) for h in UNIT_HEADERS + (SCORE_HEADER,) * scored]
    widths = [6, 26, 8, 8, 8, 7, 9, 7, 7, 7, 7] + [10] * scored
    x.apply_widths(ws, widths)
    x.print_setup(ws, header_row=None, landscape=False)
    out = x.SheetWriter(ws, columns, widths, line_height=16)
    out.title_rows(f"{b.title}", f"{b.issue_caption}    {b.issuer}    统计周期：{b.period}")
    last = "L" if scored else "K"

    text_width = sum(widths)

    def paragraph(text: str, font=x.BODY, align=x.LEFT, lines: int | None = None) -> None:
        """A line of the 通报 across the table's width, as tall as its wrapped text."""
        out.row_count += 1
        ws.row_dimensions[out.row_count].height = out.row_height(lines or x.wrapped_lines(text, text_width - 2))
        ws.append([out.text(text, font, align, border=False)])
        ws.merged_cells.add(f"A{out.row_count}:{last}{out.row_count}")

    office = b.profile
    paragraph(briefing_title(b), x.DOCUMENT_TITLE, x.CENTER, lines=2)
    if office.recipients_line:
        paragraph(office.recipients_line)
    unit_rows = None
    for number, (heading, paragraphs) in enumerate(body_sections(b, metrics_sentence), start=1):
        paragraph(heading, x.BOLD_BODY)
        for text in paragraphs:
            paragraph("\u3000\u3000" + text)  # first line indented two characters
        if number == 1:
            _counts_table(out, b, x)
            out.row_count += 1
            ws.append([])
        elif number == 2 and b.unit_stats:
            first = _unit_table(out, b, x, scored)
            unit_rows = (first, out.row_count)
    if b.calendar_warning:
        paragraph(f"注：{b.calendar_warning}")
    names = attachment_names(b)
    out.row_count += 1
    ws.append([])
    for i, name in enumerate(names, start=1):  # each on its own line, aligned with the first name
        paragraph(("附件：" if i == 1 else "\u3000" * 3) + (f"{i}.{name}" if len(names) > 1 else name))
    out.row_count += 1
    ws.append([])
    for text in (office.name, chinese_date(b.as_of)):
        paragraph(text, align=x.RIGHT)
    out.row_count += 1
    ws.append([])
    _colophon(out, b, x, len(widths))
    if unit_rows:
        _chart(ws, *unit_rows, below=out.row_count)


def _colophon(out, b: Briefing, x, columns: int) -> None:
    """版记 under the 落款: 抄送, then 印发机关 and 印发日期, between a thick first and last rule
    and a thin one between (as the PDF and Word versions print it on their last page)."""
    from openpyxl.cell import Cell
    from openpyxl.styles import Border, Side
    from openpyxl.utils import get_column_letter

    ws, office = out.ws, b.profile
    thick, thin = Side(style="medium", color="000000"), Side(style="thin", color="000000")
    split = columns // 2 + 1  # the 印发 date's cells begin here
    lines: list[tuple[str, str | None]] = [(f"抄送：{office.copies_line}", None)] if office.copies_line else []
    lines.append((office.name, f"{chinese_date(b.as_of)}印发"))
    for n, (left, right) in enumerate(lines):
        border = Border(top=thick if n == 0 else thin, bottom=thick if n == len(lines) - 1 else thin)
        cells = []
        for column in range(1, columns + 1):
            cell = Cell(ws, 1, 1)
            value = left if column == 1 else right if column == split and right else ""
            # text, never a formula; the private slot as in xlsx_common (the stubs omit it)
            cell._value, cell.data_type = x.cell_text(value), "s"  # type: ignore[attr-defined]
            cell.font, cell.border = x.BODY, border
            cell.alignment = x.RIGHT_EDGE if right and column >= split else x.LEFT
            cells.append(cell)
        out.row_count += 1
        r = out.row_count
        ws.row_dimensions[r].height = out.row_height(x.wrapped_lines(left, sum(out.widths) - 2))
        ws.append(cells)
        last = get_column_letter(columns)
        if right:
            ws.merged_cells.add(f"A{r}:{get_column_letter(split - 1)}{r}")
            ws.merged_cells.add(f"{get_column_letter(split)}{r}:{last}{r}")
        else:
            ws.merged_cells.add(f"A{r}:{last}{r}")


def _counts_table(out, b: Briefing, x) -> None:
    t = b.totals
    out.append([out.text("", border=False), out.text("指标", x.HEADER, x.CENTER, x.HEADER_FILL),
                out.text("数量", x.HEADER, x.CENTER, x.HEADER_FILL),
                out.text("占比", x.HEADER, x.CENTER, x.HEADER_FILL)])
    for label, n, rate in (("任务总数", t.total, None), ("已办结", t.done, t.done_rate),
                           ("办理中", t.open, t.open_rate), ("逾期", t.overdue,
                                                              t.overdue / t.total if t.total else 0.0),
                           ("中止", t.suspended, None), ("本期到期", t.due_in_period, None),
                           ("本期新交办", t.assigned_in_period, None), ("本期办结", t.closed_in_period, None)):
        out.append([out.text("", border=False), out.text(label, align=x.CENTER), out.number(n),
                    out.number(rate, x.PERCENT_FORMAT) if rate is not None else out.text("")])


def _unit_table(out, b: Briefing, x, scored: bool) -> int:
    """The per-unit table; returns its first body row."""
    out.header_row()
    first = out.row_count + 1
    for i, s in enumerate(b.unit_stats, start=1):
        out.append([out.number(i), out.text(s.unit), out.number(s.total), out.number(s.done),
                    out.number(s.open), out.number(s.overdue, fill=x.ALERT_FILLS["RED"] if s.overdue else None),
                    out.number(s.done_rate, x.PERCENT_FORMAT), out.number(s.due_reports),
                    out.number(s.reported),
                    out.number(s.not_reported, fill=x.ALERT_FILLS["YELLOW"] if s.not_reported else None),
                    out.number(s.rank)]
                   + [out.text(s.score, align=x.CENTER)] * scored)
    return first


def _chart(ws, first: int, last_row: int, below: int) -> None:
    """The per-unit bar chart of the table's rows ``first``..``last_row``, under the sheet's row
    ``below`` on a page of its own."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.worksheet.pagebreak import Break

    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = "各单位任务办理情况"
    chart.y_axis.title = "任务数（项）"
    chart.y_axis.majorGridlines = None
    chart.height = 10
    chart.width = 17.5  # type: ignore[assignment]  # cm; the stubs type it int after its default 15
    data = Reference(ws, min_col=4, max_col=6, min_row=first - 1, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last_row))
    for series, colour in zip(chart.series, SERIES_COLOURS):  # 已办结, 办理中, 逾期
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, f"A{below + 2}")
    ws.row_breaks.append(Break(id=below))  # the chart prints whole, on its own page
