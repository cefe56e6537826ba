"""督办通知单 as a Word document, portrait A4 on GB/T 9704 margins, one page: the red
发文机关标志 and red rule when the office profile issues it as a 公文 (else the office's name in
black), the number 舞督〔2016〕1号 with 签发人, the boxes, the issuer and the urging's date with
room for the seal (no "（盖章）" printed there), and the return slip.

Imported only when a .docx is written (python-docx loads with it)."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.services.documents import NoticeDocument
from wuyang_tasks.services.task_list import chinese_date

from . import docx_common as dc
from . import notice_text as nt

SIZE = 12
LABEL_W, TEXT_W = 36, 120  # mm: the 156 mm text block


def write_notice_docx(doc: NoticeDocument, target: str | Path, fonts=None):
    from .fonts import font_set
    from .pdf_common import RenderedPdf

    fonts = fonts or font_set()
    w = dc.Writer(fonts)
    n, office = doc.notice, doc.profile
    if office.official:
        w.masthead(office.masthead_text, size=min(30, 156 / 0.3528 / max(len(office.masthead_text), 1) * 0.95))
        w.number_and_rule(n.number_label, signer=office.signer)
        w.paragraph(nt.TITLE, role="title", size=24, align=dc.CENTER, line=34)
    else:
        w.paragraph(doc.issuer, role="title", size=20, align=dc.CENTER, line=30)
        w.paragraph(nt.TITLE, role="title", size=24, align=dc.CENTER, line=34)
        p = w.paragraph(n.number_label, align=dc.CENTER, size=14, line=22)
        if office.signer:
            w.paragraph(f"签发人：{office.signer}", align=dc.RIGHT_ALIGN, size=14, line=22)
    w.label_table(nt.boxes(doc), (LABEL_W, TEXT_W), size=SIZE)
    w.paragraph("", line=12)
    for text in (doc.issuer, chinese_date(n.urged_on)):
        p = w.paragraph(text, align=dc.RIGHT_ALIGN, size=14, line=24)
        p.paragraph_format.right_indent = dc.Pt(14 * 2)
    cut = w.paragraph("", line=10, space_before=6)
    w.rule(cut, style="dashed", eighths=6)
    w.paragraph(nt.slip_title(doc), role="heading", align=dc.CENTER, size=14, line=26, space_before=4)
    w.label_table([("办理结果", ""), ("承办单位\n负责人签字", ""),
                   (f"签{nt.SPACE * 2}收{nt.SPACE * 2}人", "签收时间：        年    月    日    时")],
                  (LABEL_W, TEXT_W), size=SIZE, heights_mm=(26, 14, 9))
    w.paragraph(nt.reply_sentence(doc), size=SIZE, line=20, space_before=4)
    path = w.save(target, title=f"督办通知单 {n.number_label}")
    return RenderedPdf(path, 0, list(fonts.warnings))
