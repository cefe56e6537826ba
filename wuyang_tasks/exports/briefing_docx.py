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
from . import briefing_tables as tables
METRIC_HEADERS = ("序号", "指标", "目标", "完成情况", "状态", "说明")


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
    w.title(bt.briefing_title(b))
    if office.recipients_line:
        w.paragraph(office.recipients_line, align=dc.LEFT_ALIGN)
    from .metric_charts import metrics_sentence

    for number, (heading, paragraphs) in enumerate(bt.body_sections(b, metrics_sentence), start=1):
        w.heading(heading)
        for text in paragraphs:
            w.body(text)
        if number == 2 and b.unit_stats:
            _table(w, tables.unit_table(b), size=10.5, width_mm=dc.TEXT_WIDTH)
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
    w.colophon_page(office.copies_line, office.name, chinese_date(b.as_of))
    path = w.save(target, title=f"工作周报 {b.issue_caption}")
    return RenderedPdf(path, 0, list(fonts.warnings))


def _table(w, table, *, size: float, width_mm: float) -> None:
    total = sum(table.widths)
    w.table(table.headers, table.rows, [x * width_mm / total for x in table.widths],
            centered=table.centered, size=size, fills=table.fills)


def _overdue(w, b: Briefing) -> None:
    if b.overdue:
        _table(w, tables.overdue_table(b), size=9, width_mm=dc.TURNED_WIDTH)
    else:
        w.body("本期无逾期任务。")


def _metrics(w, b: Briefing) -> None:
    from .metric_charts import RULE_TEXT, STATUS_COLOURS

    report = b.metrics
    assert report is not None  # attachment_names lists this attachment only with a report
    w.paragraph(report.caption, align=dc.LEFT_ALIGN, size=12)
    rows = [[i, m.name, m.target_text, m.current_text, m.status.label, m.reason]
            for i, m in enumerate(report.metrics, start=1)]
    fills = {(i, 4): STATUS_COLOURS[m.status] for i, m in enumerate(report.metrics)}
    w.table(METRIC_HEADERS, rows, (10, 32, 28, 48, 17, 90), centered=(0, 2, 4), size=9, fills=fills)
    note = RULE_TEXT + ("注：读数为演示台账中程序生成的演示数据，不是实测监测数据。" if report.demo_data else "")
    w.paragraph(note, size=9, line=13, space_before=4)


ATTACHMENTS = {"任务进展明细": lambda w, b: _table(w, tables.detail_table(b), size=9, width_mm=dc.TURNED_WIDTH),
               "逾期任务": _overdue,
               "督导检查情况": lambda w, b: _table(w, tables.inspection_table(b), size=9, width_mm=dc.TURNED_WIDTH),
               "目标指标完成情况": _metrics}
