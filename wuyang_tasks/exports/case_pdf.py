"""一案一档 PDF: portrait A4 (GB/T 9704 margins, "— N —"): the task's facts, then its file in
time order — each entry with its photos printed in place (scaled to the text block, captioned
with name, time and hash prefix) and its other attachments listed — and at the end the list of
every attachment with its full SHA-256 (withdrawn ones marked, with the reason)."""

from __future__ import annotations

import io
from pathlib import Path

from wuyang_tasks.services.attachments import AttachmentView
from wuyang_tasks.services.case_file import CaseFile
from wuyang_tasks.services.task_list import chinese_date

PHOTO_MAX_H_MM = 60


def write_case_pdf(case: CaseFile, target: str | Path, fonts=None):
    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    template = pc.numbered_templates(fonts)["portrait"]
    return pc.build(target, _story(case, fonts), templates=[template],
                    title=f"任务档案 {case.code}", fonts=fonts)


def attachment_line(a: AttachmentView) -> str:
    state = "" if a.withdrawn_at is None else f"（已于{a.withdrawn_at[:10]}撤回：{a.withdrawn_reason}）"
    return f"{a.name}（{a.label}，{a.size_text}，SHA-256 {a.sha256}）{state}"


def caption(a: AttachmentView, number: int) -> str:
    return f"图{number}　{a.name}　{a.attached_at[:16].replace('T', ' ')}　SHA-256 {a.sha256[:16]}…"


def _story(case: CaseFile, fonts) -> list:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

    from . import pdf_common as pc

    st = pc.Styles(fonts, body_size=12, table_size=10.5)
    width = pc.GBT_PORTRAIT.width
    small = ParagraphStyle("small", parent=st.cell, fontSize=9, leading=12)
    center = ParagraphStyle("caption", parent=small, alignment=TA_CENTER)
    heading = ParagraphStyle("entry", parent=st.plain, fontName=fonts.heading, spaceBefore=8)
    label = ParagraphStyle("label", parent=st.cell, fontName=fonts.heading, alignment=TA_CENTER)

    story = [st.p("任务档案（一案一档）", st.title), st.p(case.caption, st.subtitle), Spacer(1, 6 * mm)]
    facts = Table([[pc.Paragraph(pc.text(k), label), st.p(v, st.cell)] for k, v in case.facts],
                  colWidths=[width * 0.18, width * 0.82])
    facts.setStyle(_grid(fonts))
    story += [facts, Spacer(1, 4 * mm)]
    section = st.p("办理经过", ParagraphStyle("h", parent=st.plain, fontName=fonts.heading, fontSize=14,
                                           leading=22))
    figures = 0
    for n, entry in enumerate(case.entries):
        part: list[Flowable] = [section] if n == 0 else []
        part.append(st.p(f"{entry.day_text}　{entry.kind}", heading))
        part += [st.p(line, st.plain) for line in entry.lines]
        for a in entry.attachments:
            if a.is_image and a.active and a.id in case.images:
                figures += 1
                part.append(_photo(case.images[a.id], caption(a, figures), width,
                                   PHOTO_MAX_H_MM * mm, center))
            else:
                part.append(st.p(f"附件：{attachment_line(a)}", small))
        # the entry's heading never stays behind at the foot of a page without what follows
        keep = len(entry.lines) + (3 if n == 0 else 2)
        story += [KeepTogether(part[:keep]), *part[keep:]]
    if not case.entries:
        story += [section, st.p("（尚未交办）", st.plain)]
    story += [Spacer(1, 6 * mm), st.p("佐证材料清单", ParagraphStyle(
        "h2", parent=st.plain, fontName=fonts.heading, fontSize=14, leading=22))]
    if case.attachments:
        digest = ParagraphStyle("digest", parent=small, fontSize=7, leading=9)
        rows = [(n, a.name, a.label, a.size_text, a.attached_at[:16].replace("T", " "), a.attached_by,
                 pc.Paragraph(a.sha256, digest), "有效" if a.active else f"已撤回：{a.withdrawn_reason}")
                for n, a in enumerate(case.attachments, start=1)]
        story.append(pc.table(st, ["序号", "文件名", "类型", "大小", "添加时间", "添加人", "SHA-256", "状态"],
                              rows, pc.scaled([4, 24, 9, 7, 12, 6, 28, 10], width), centered=(0, 3)))
    else:
        story.append(st.p("（无）", st.plain))
    story += [Spacer(1, 6 * mm), st.p(
        f"本档案由{case.issuer}于{chinese_date(case.made_on)}从任务台账导出。佐证材料原件保存在台账中，"
        "可用 SHA-256 校验值核对；wuyang-tasks verify 校验台账中的全部文件。", small)]
    return story


def _photo(data: bytes, text: str, width: float, max_h: float, style):
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer

    from .pdf_common import text as safe

    reader = ImageReader(io.BytesIO(data))
    w, h = reader.getSize()
    scale = min(width * 0.9 / w, max_h / h)
    image = Image(io.BytesIO(data), width=w * scale, height=h * scale)
    return KeepTogether([Spacer(1, 4), image, Paragraph(safe(text), style), Spacer(1, 4)])


def _grid(fonts):
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    return TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                       ("FONTNAME", (0, 0), (-1, -1), fonts.body), ("TOPPADDING", (0, 0), (-1, -1), 3),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
