"""Several 督办通知单 in one PDF (the task list's selection printed at once), one page each.

Each notice is fitted to its page by ``notice_pdf.fit`` (a smaller size, at the last its task's
text cut), then the pages are set one after the other in a single file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from wuyang_tasks.services.documents import NoticeDocument

from . import notice_pdf


def write_notices_pdf(docs: Sequence[NoticeDocument], target: str | Path, fonts=None, progress=None):
    from reportlab.platypus import PageBreak

    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    template = pc.numbered_templates(fonts)["portrait"]
    story: list = []
    with tempfile.TemporaryDirectory() as folder:
        for i, doc in enumerate(docs):
            if progress is not None:
                progress(i, len(docs))
            shown, size, _ = notice_pdf.fit(doc, fonts, template, Path(folder) / "one.pdf")
            story += ([PageBreak()] if story else []) + notice_pdf.story(shown, fonts, size)
    numbers = "、".join(d.notice.number_label for d in docs)
    return pc.build(target, story, templates=[template], title=f"督办通知单 {numbers}", fonts=fonts)
