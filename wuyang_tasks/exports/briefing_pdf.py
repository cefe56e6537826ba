"""工作周报 (通报) as a PDF on GB/T 9704 portrait pages: the red 发文机关标志 of the office profile
over 第N期 and the red rule, the title, 主送机关, the numbered sections of briefing_text (总体情况,
各单位办理情况 with the per-unit table, 目标指标, 督导检查, 工作要求), 附件说明 one attachment a
line aligned with the first, 落款; the attachment tables on landscape pages whose text block is
the portrait one turned (225 × 156 mm) with the page number turned where the portrait pages
have it; the 版记 at the foot of the last page."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.services.documents import Briefing
from wuyang_tasks.services.task_list import chinese_date

from . import briefing_tables as tables
from . import briefing_text as bt

RED = "#C00000"


def write_briefing_pdf(b: Briefing, target: str | Path, fonts=None):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import HRFlowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

    from . import metric_charts
    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    st = pc.Styles(fonts)
    office = b.profile
    width = pc.GBT_PORTRAIT.width
    red = colors.HexColor(RED)
    name_size = min(30, width / max(len(office.masthead_text), 1) * 0.95)
    office_head = ParagraphStyle("office_head", fontName=fonts.title, fontSize=name_size, leading=name_size * 1.3,
                                 alignment=TA_CENTER, textColor=red)
    masthead = ParagraphStyle("masthead", parent=office_head, fontSize=42, leading=52)
    right = ParagraphStyle("right", parent=st.plain, alignment=TA_RIGHT, rightIndent=st.body.fontSize * 4)
    issue_line = Table([[st.p(office.name, st.plain), st.p(chinese_date(b.as_of), ParagraphStyle(
        "date", parent=st.plain, alignment=TA_RIGHT))]], colWidths=[width * 0.6, width * 0.4])
    issue_line.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("FONTNAME", (0, 0), (-1, -1), fonts.body)]))
    story = [st.p(office.masthead_text, office_head), st.p("工 作 周 报", masthead),
             st.p(b.issue_caption, st.subtitle), Spacer(1, 10), issue_line,
             HRFlowable(width="100%", thickness=2, color=red, spaceBefore=2, spaceAfter=18),
             st.p(bt.briefing_title(b), st.title)]
    if office.recipients_line:
        story.append(st.p(office.recipients_line, st.plain))
    for number, (heading, paragraphs) in enumerate(bt.body_sections(b, metric_charts.metrics_sentence), start=1):
        story.append(st.p(heading, st.heading))
        story += [st.p(text) for text in paragraphs]
        if number == 2 and b.unit_stats:
            story += [Spacer(1, 6), _table(pc, st, tables.unit_table(b), width, colors), Spacer(1, 6)]
    if b.calendar_warning:
        story.append(st.p(f"注：{b.calendar_warning}"))
    names = bt.attachment_names(b)
    story.append(Spacer(1, st.body.leading))
    indent = st.body.fontSize * 2
    for i, name in enumerate(names, start=1):  # later names aligned with the first one's
        style = ParagraphStyle(f"note{i}", parent=st.plain, leftIndent=indent + (st.body.fontSize * 3 if i > 1 else 0))
        story.append(st.p(("附件：" if i == 1 else "") + (f"{i}.{name}" if len(names) > 1 else name), style))
    story += [Spacer(1, st.body.leading), st.p(office.name, right), st.p(chinese_date(b.as_of), right)]

    lw = pc.GBT_TURNED.width
    for i, name in enumerate(names, start=1):
        story += [NextPageTemplate("turned"), PageBreak(), st.p(f"附件{i}", st.heading),
                  st.p(f"{name}（{b.issue_caption}）", st.title)]
        if name == "任务进展明细":
            story.append(_table(pc, st, tables.detail_table(b), lw, colors))
        elif name == "逾期任务":
            story.append(_table(pc, st, tables.overdue_table(b), lw, colors) if b.overdue
                         else st.p("本期无逾期任务。"))
        elif name == "督导检查情况":
            story.append(_table(pc, st, tables.inspection_table(b), lw, colors))
        else:  # 目标指标完成情况
            assert b.metrics is not None  # attachment_names lists it only with a metrics report
            story += metric_charts.metrics_flowables(b.metrics, st, lw, heading=None)
    story += [NextPageTemplate("portrait"), PageBreak(),
              pc.colophon(st, office.copies_line, office.name, chinese_date(b.as_of), width)]
    templates = pc.numbered_templates(fonts)
    return pc.build(target, story, templates=[templates["portrait"], templates["turned"]],
                    title=f"工作周报 {b.issue_caption}", fonts=fonts)


def _table(pc, st, table: tables.PrintedTable, width: float, colors):
    fills = [("BACKGROUND", (c, r + 1), (c, r + 1), colors.HexColor("#" + rgb))
             for (r, c), rgb in table.fills.items()]
    return pc.table(st, table.headers, table.rows, pc.scaled(table.widths, width), centered=table.centered,
                    row_styles=fills)
