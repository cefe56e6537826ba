"""工作周报 as a PDF: a red-headed circular on GB/T 9704 portrait pages (一、总体情况, 二、各单位
办理情况 with the per-unit table, 三、督导检查情况), the detail and overdue lists as landscape
attachments (附件), page numbers "— N —"."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.services.documents import Briefing
from wuyang_tasks.services.task_list import chinese_date

from .briefing_xlsx import (
    DETAIL_HEADERS,
    INSPECTION_HEADERS,
    OVERDUE_HEADERS,
    SCORE_HEADER,
    UNIT_HEADERS,
    JOIN,
    laggard_sentence,
    summary_sentence,
)

RED = "#C00000"
ALERT_COLOURS = {"RED": "#FF9999", "YELLOW": "#FFE699", "BLUE": "#9DC3E6", "GREEN": "#A9D08E"}


def write_briefing_pdf(b: Briefing, target: str | Path, fonts=None):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import HRFlowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    st = pc.Styles(fonts)
    masthead = ParagraphStyle("masthead", fontName=fonts.title, fontSize=42, leading=52,
                              alignment=TA_CENTER, textColor=colors.HexColor(RED))
    width = pc.GBT_PORTRAIT.width
    right = ParagraphStyle("right", parent=st.plain, alignment=TA_RIGHT)
    issue_line = Table([[st.p(b.issuer, st.plain), st.p(chinese_date(b.as_of), right)]],
                       colWidths=[width * 0.6, width * 0.4])
    issue_line.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("FONTNAME", (0, 0), (-1, -1), fonts.body)]))
    story = [
        st.p("工 作 周 报", masthead),
        st.p(b.issue_caption, st.subtitle), Spacer(1, 10),
        issue_line,
        HRFlowable(width="100%", thickness=2, color=colors.HexColor(RED), spaceBefore=2, spaceAfter=18),
        st.p(f"{b.period}重点任务推进情况", st.title),
        st.p("一、总体情况", st.heading),
        st.p(summary_sentence(b)),
        st.p("二、各单位办理情况", st.heading),
        st.p(laggard_sentence(b)),
        Spacer(1, 6),
    ]
    scored = bool(b.unit_stats) and b.unit_stats[0].score is not None
    unit_rows = [[i, s.unit, s.total, s.done, s.open, s.overdue, f"{s.done_rate:.1%}", s.rank] + [s.score] * scored
                 for i, s in enumerate(b.unit_stats, start=1)]
    red_rows = [("BACKGROUND", (5, i), (5, i), colors.HexColor(ALERT_COLOURS["RED"]))
                for i, s in enumerate(b.unit_stats, start=1) if s.overdue]
    story.append(pc.table(st, UNIT_HEADERS + (SCORE_HEADER,) * scored, unit_rows,
                          pc.scaled((5, 26, 8, 8, 8, 7, 9, 7) + (9,) * scored, width),
                          centered=(0, 2, 3, 4, 5, 6, 7, 8), row_styles=red_rows))
    from . import metric_charts

    has_metrics = bool(b.metrics and b.metrics.metrics)
    if has_metrics:
        story.append(st.p("三、目标指标完成情况", st.heading))
        story.append(st.p(metric_charts.metrics_sentence(b.metrics)))
    if b.inspections:
        story.append(st.p(f"{'四' if has_metrics else '三'}、督导检查情况", st.heading))
        found = sum(i.findings for i in b.inspections)
        fixed = sum(i.rectified for i in b.inspections)
        story.append(st.p(f"本期开展督导检查{len(b.inspections)}次，发现问题{found}个，已整改{fixed}个。"))
    if b.calendar_warning:
        story.append(st.p(f"注：{b.calendar_warning}"))
    attachments = ["任务进展明细", "逾期任务"] + (["督导检查情况"] if b.inspections else []) \
        + (["目标指标完成情况"] if has_metrics else [])
    story.append(Spacer(1, 14))
    story.append(st.p("附件：" + "  ".join(f"{i}.{a}" for i, a in enumerate(attachments, start=1))))

    lw = pc.GBT_LANDSCAPE.width
    story += [NextPageTemplate("landscape"), PageBreak(), st.p("附件1", st.heading),
              st.p(f"任务进展明细（{b.issue_caption}）", st.title)]
    rows, fills = [], []
    for i, line in enumerate(b.lines, start=1):
        r = line.row
        rows.append([i, r.code, r.title, JOIN.join(r.lead_leaders), JOIN.join(r.lead_units),
                     JOIN.join(r.cooperating_units), r.deadline_display,
                     line.progress_text, r.status.label, r.alert.label if r.alert else ""])
        if r.alert:
            fills.append(("BACKGROUND", (9, i), (9, i), colors.HexColor(ALERT_COLOURS[r.alert.value])))
    story.append(pc.table(st, DETAIL_HEADERS, rows, pc.scaled((4, 7.5, 20, 6, 9, 10, 11, 26, 6, 5), lw),
                          centered=(0, 1, 3, 6, 8, 9), row_styles=fills))
    story += [PageBreak(), st.p("附件2", st.heading), st.p(f"逾期任务（{b.issue_caption}）", st.title)]
    rows = [[i, o.row.code, o.row.title, JOIN.join(o.row.lead_leaders), JOIN.join(o.row.lead_units),
             o.row.deadline_display, o.row.days_overdue, o.row.deadline_basis.label, o.row.urging_count,
             chinese_date(o.last_urged_on), o.row.status.label] for i, o in enumerate(b.overdue, start=1)]
    if rows:
        story.append(pc.table(st, OVERDUE_HEADERS, rows, pc.scaled((4, 7.5, 24, 6, 10, 11, 5, 6, 5, 11, 6), lw),
                              centered=(0, 1, 3, 5, 6, 7, 8, 9, 10)))
    else:
        story.append(st.p("本期无逾期任务。"))
    if b.inspections:
        story += [PageBreak(), st.p("附件3", st.heading), st.p(f"督导检查情况（{b.issue_caption}）", st.title)]
        rows = [[i, chinese_date(n.inspected_on), n.unit, n.site, n.template, n.inspectors, n.findings,
                 n.rectified, n.summary] for i, n in enumerate(b.inspections, start=1)]
        story.append(pc.table(st, INSPECTION_HEADERS, rows, pc.scaled((4, 11, 10, 12, 9, 10, 5, 5, 30), lw),
                              centered=(0, 1, 6, 7)))
    if has_metrics:
        story += [PageBreak(), st.p(f"附件{len(attachments)}", st.heading),
                  st.p(f"目标指标完成情况（{b.issue_caption}）", st.title)]
        story += metric_charts.metrics_flowables(b.metrics, st, lw, heading=None)
    templates = pc.numbered_templates(fonts)
    return pc.build(target, story, templates=[templates["portrait"], templates["landscape"]],
                    title=f"工作周报 {b.issue_caption}", fonts=fonts)
