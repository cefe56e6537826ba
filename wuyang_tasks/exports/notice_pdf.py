"""督办通知单, portrait A4, one page (GB/T 9704 margins), numbered 舞督〔2016〕N号.

Prints an existing written urging (services.urgings.NoticeView), in the words of notice_text:
the red 发文机关标志 with 发文字号, 签发人 and the red rule when the office profile issues it
as a 公文, the boxes 督办事项 … 督办要求 and 联系方式, the issuer with the date (the seal goes
over it: no words printed there), and the return slip (办理结果, 承办单位负责人签字, 签收人,
签收时间). A long task is set in a smaller size rather than spill onto a second page.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wuyang_tasks.services.task_list import chinese_date
from wuyang_tasks.services.documents import NoticeDocument

from . import notice_text as nt
from .briefing_pdf import RED

SIZES = (14, 12, 10.5, 9)


def write_notice_pdf(doc: NoticeDocument, target: str | Path, fonts=None):
    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    return fit(doc, fonts, pc.numbered_templates(fonts)["portrait"], target)[2]


def fit(doc: NoticeDocument, fonts, template, target: str | Path) -> tuple[NoticeDocument, float, object]:
    """The notice as it fits one page, built into ``target`` to measure: the first of SIZES at
    which it does, else the smallest with the task's text cut (the title, units, deadline and
    requirement are always printed whole; the full text is in the ledger). Returns the notice
    as printed, its size and the build's result."""
    for size in SIZES:
        result = _build(doc, fonts, size, template, target)
        if result is not None and result.pages == 1:
            return doc, size, result
    content = doc.notice.task_content
    while (result is None or result.pages > 1) and content:
        content = content[: len(content) // 2]
        doc = replace(doc, notice=replace(doc.notice, task_content=content + "……（全文见任务台账）"))
        result = _build(doc, fonts, SIZES[-1], template, target)
    return doc, SIZES[-1], result


def _build(doc: NoticeDocument, fonts, size: float, template, target: str | Path):
    """The built notice, or None where a box of it is taller than a page (reportlab refuses
    the layout): that size does not fit either."""
    from reportlab.platypus.doctemplate import LayoutError

    from . import pdf_common as pc

    try:
        return pc.build(target, story(doc, fonts, size), templates=[template],
                        title=f"督办通知单 {doc.notice.number_label}", fonts=fonts)
    except LayoutError:
        return None


def story(doc: NoticeDocument, fonts, size: float) -> list:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, Spacer, Table

    from . import pdf_common as pc

    n, issuer = doc.notice, doc.issuer
    st = pc.Styles(fonts, body_size=size, table_size=size)
    width = pc.GBT_PORTRAIT.width
    office = ParagraphStyle("office", fontName=fonts.title, fontSize=22, leading=30, alignment=TA_CENTER)
    heading = ParagraphStyle("heading", fontName=fonts.title, fontSize=26, leading=36, alignment=TA_CENTER,
                             spaceAfter=4)
    right = ParagraphStyle("right", parent=st.plain, alignment=TA_RIGHT)
    label = ParagraphStyle("label", parent=st.cell, fontName=fonts.heading, alignment=TA_CENTER)

    rows = nt.boxes(doc)
    body = Table([[pc.Paragraph(pc.text(k), label), st.p(v, st.cell)] for k, v in rows],
                 colWidths=[width * 0.2, width * 0.8])
    body.setStyle(_grid(fonts))
    slip = Table([[pc.Paragraph("办理结果", label), st.p("", st.cell)],
                  [pc.Paragraph("承办单位负责人<br/>签字", label), st.p("", st.cell)],
                  [pc.Paragraph("签\u00a0\u00a0收\u00a0\u00a0人", label), st.p("签收时间：\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0年\u00a0\u00a0\u00a0\u00a0月"
                                                                 "\u00a0\u00a0\u00a0\u00a0日\u00a0\u00a0\u00a0\u00a0时", st.cell)]],
                 colWidths=[width * 0.2, width * 0.8], rowHeights=[size * 6, size * 4, size * 2.6])
    slip.setStyle(_grid(fonts))
    profile = doc.profile
    number = ParagraphStyle("number", parent=st.plain, alignment=TA_CENTER)
    if profile.official:  # 发文机关标志 in red, 发文字号 and 签发人, the red rule
        red = colors.HexColor(RED)
        masthead = ParagraphStyle("masthead", parent=office, textColor=red,
                                  fontSize=min(30, width / max(len(profile.masthead_text), 1) * 0.95))
        masthead.leading = masthead.fontSize * 1.3
        number_line = Table([[st.p(n.number_label, st.plain),
                              st.p(f"签发人：{profile.signer}" if profile.signer else "", right)]],
                            colWidths=[width * 0.6, width * 0.4])
        number_line.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("FONTNAME", (0, 0), (-1, -1), fonts.body)])
        head = [st.p(profile.masthead_text, masthead), Spacer(1, 3 * mm), number_line,
                HRFlowable(width="100%", thickness=1.5, color=red, spaceBefore=1 * mm, spaceAfter=3 * mm),
                st.p(nt.TITLE, heading)]
    else:
        head = [st.p(issuer, office), st.p(nt.TITLE, heading), st.p(n.number_label, number)]
        if profile.signer:
            head.append(st.p(f"签发人：{profile.signer}", right))
    return head + [
        Spacer(1, 4 * mm),
        body,
        Spacer(1, 5 * mm),
        st.p(issuer, right),  # the seal goes over the name: no words printed there
        st.p(chinese_date(n.urged_on), right),
        Spacer(1, 4 * mm),
        _cut_line(width, fonts, colors),
        Spacer(1, 3 * mm),
        st.p(nt.slip_title(doc), ParagraphStyle("slip", parent=st.plain, alignment=TA_CENTER,
                                                fontName=fonts.heading)),
        Spacer(1, 2 * mm),
        slip,
        st.p(nt.reply_sentence(doc), st.plain),
    ]


def _grid(fonts):
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    return TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                       ("FONTNAME", (0, 0), (-1, -1), fonts.body), ("TOPPADDING", (0, 0), (-1, -1), 5),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])


def _cut_line(width, fonts, colors):
    from reportlab.platypus.flowables import HRFlowable

    return HRFlowable(width=width, thickness=0.8, dash=(4, 3), color=colors.black)
