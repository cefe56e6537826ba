"""工作周报 (通报) as a Word document the clerk edits and signs off: the red 发文机关标志 of the
office profile, 第N期 over the red rule, the title, 主送机关, 一、总体情况 … 工作要求 (drafted
from the period's facts), the per-unit table, 附件说明 one attachment a line, 落款, the
attachment tables in landscape sections, and the 版记 at the foot of the last page.

Imported only when a .docx is written (python-docx loads with it)."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.services.documents import Briefing
from wuyang_tasks.services.task_list import chinese_date

from . import briefing_text as bt
from . import docx_common as dc
from .briefing_xlsx import DETAIL_HEADERS, INSPECTION_HEADERS, OVERDUE_HEADERS, UNIT_HEADERS

ALERT_FILLS = {"RED": "FF9999", "YELLOW": "FFE699", "BLUE": "9DC3E6", "GREEN": "A9D08E"}
METRIC_HEADERS = ("序号", "指标", "目标", "完成情况", "状态", "说明")


def briefing_title(b: Briefing) -> str:
    return f"关于{b.period}重点任务推进情况的通报"


def write_briefing_docx(b: Briefing, target: str | Path, fonts=None):
    from .fonts import font_set
    from .pdf_common import RenderedPdf

    fonts = fonts or font_set()
    w = dc.Writer(fonts)
    office = b.profile
    masthead = office.masthead_text
    w.masthead(masthead, size=min(30, 156 / 0.3528 / max(len(masthead), 1) * 0.95))
    w.masthead("工 作 周 报", size=42)
    p = w.paragraph(b.issue_caption, align=dc.CENTER, space_before=8)
    p = w.paragraph("", align=dc.LEFT_ALIGN)
    p.paragraph_format.tab_stops.add_tab_stop(dc.Mm(156), alignment=2)
    w.run(p, office.name)
    w.run(p, "\t" + chinese_date(b.as_of))
    rule = w.paragraph("", line=6, space_after=10)
    w.rule(rule, where="top", colour="FF0000", eighths=16)
    w.title(briefing_title(b))
    if office.recipients_line:
        w.paragraph(office.recipients_line, align=dc.LEFT_ALIGN)
    from .metric_charts import metrics_sentence

    for number, (heading, paragraphs) in enumerate(bt.body_sections(b, metrics_sentence), start=1):
        w.heading(heading)
        for text in paragraphs:
            w.body(text)
        if number == 2 and b.unit_stats:
            _unit_table(w, b)
    if b.calendar_warning:
        w.body(f"注：{b.calendar_warning}")
    names = bt.attachment_names(b)
    w.attachment_note(names)
    w.signature(office.name, chinese_date(b.as_of))
    for i, name in enumerate(names, start=1):
        w.landscape_section()
        w.paragraph(f"附件{i}", role="heading", align=dc.LEFT_ALIGN)
        w.title(f"{name}（{b.issue_caption}）")
        ATTACHMENTS[name](w, b)
    w.colophon_page("，".join(office.copies), office.name, chinese_date(b.as_of))
    path = w.save(target, title=f"工作周报 {b.issue_caption}")
    return RenderedPdf(path, 0, list(fonts.warnings))


def _unit_table(w, b: Briefing) -> None:
    rows, fills = [], {}
    for r, s in enumerate(b.unit_stats):
        rows.append([r + 1, s.unit, s.total, s.done, s.open, s.overdue, f"{s.done_rate:.1%}", s.due_reports,
                     s.reported, s.not_reported, s.rank])
        if s.overdue:
            fills[(r, 5)] = ALERT_FILLS["RED"]
        if s.not_reported:
            fills[(r, 9)] = ALERT_FILLS["YELLOW"]
    w.table(UNIT_HEADERS, rows, (8, 31, 12, 12, 12, 11, 15, 12, 12, 12, 9), centered=tuple(i for i in range(11) if i != 1),
            size=10.5, fills=fills)


def _details(w, b: Briefing) -> None:
    rows, fills = [], {}
    for i, line in enumerate(b.lines):
        r = line.row
        rows.append([i + 1, r.code, r.title, bt.JOIN.join(r.lead_leaders), bt.JOIN.join(r.lead_units),
                     bt.JOIN.join(r.cooperating_units), r.deadline_display, line.progress_text, r.status.label,
                     r.alert.label if r.alert else ""])
        if r.alert:
            fills[(i, 9)] = ALERT_FILLS[r.alert.value]
    w.table(DETAIL_HEADERS, rows, (9, 19, 40, 14, 18, 20, 20, 53, 16, 12), centered=(0, 1, 3, 6, 8, 9),
            size=9, fills=fills)


def _overdue(w, b: Briefing) -> None:
    if not b.overdue:
        w.body("本期无逾期任务。")
        return
    rows = [[i, o.row.code, o.row.title, bt.JOIN.join(o.row.lead_leaders), bt.JOIN.join(o.row.lead_units),
             o.row.deadline_display, o.row.days_overdue, o.row.deadline_basis.label, o.row.urging_count,
             chinese_date(o.last_urged_on), o.row.status.label] for i, o in enumerate(b.overdue, start=1)]
    w.table(OVERDUE_HEADERS, rows, (9, 19, 47, 14, 22, 24, 12, 14, 12, 24, 14), centered=(0, 1, 3, 5, 6, 7, 8, 9, 10),
            size=9)


def _inspections(w, b: Briefing) -> None:
    rows = [[i, chinese_date(n.inspected_on), n.unit, n.site, n.template, n.inspectors, n.findings, n.rectified,
             n.summary] for i, n in enumerate(b.inspections, start=1)]
    w.table(INSPECTION_HEADERS, rows, (9, 24, 22, 26, 20, 22, 12, 12, 64), centered=(0, 1, 6, 7), size=9)


def _metrics(w, b: Briefing) -> None:
    from .metric_charts import RULE_TEXT, STATUS_COLOURS

    report = b.metrics
    w.paragraph(report.caption, align=dc.LEFT_ALIGN, size=12)
    rows = [[i, m.name, m.target_text, m.current_text, m.status.label, m.reason]
            for i, m in enumerate(report.metrics, start=1)]
    fills = {(i, 4): STATUS_COLOURS[m.status] for i, m in enumerate(report.metrics)}
    w.table(METRIC_HEADERS, rows, (10, 32, 28, 48, 17, 90), centered=(0, 2, 4), size=9, fills=fills)
    note = RULE_TEXT + ("注：读数为演示台账中程序生成的演示数据，不是实测监测数据。" if report.demo_data else "")
    w.paragraph(note, size=9, line=13, space_before=4)


ATTACHMENTS = {"任务进展明细": _details, "逾期任务": _overdue, "督导检查情况": _inspections,
               "目标指标完成情况": _metrics}
