"""任务台账 as a landscape PDF list (the same columns as the Excel ledger)."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.services.documents import LedgerDocument
from wuyang_tasks.services.task_list import chinese_date

from .ledger_xlsx import HEADERS, JOIN

WIDTHS = (4, 7.5, 21, 6, 10, 12, 6, 12, 21, 6)


def write_ledger_pdf(doc: LedgerDocument, target: str | Path, fonts=None):
    from reportlab.platypus import Spacer

    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    st = pc.Styles(fonts)
    rows = []
    for i, r in enumerate(doc.rows, start=1):
        deadline = r.deadline_display if (r.ongoing or r.recurrence_day or not r.effective_deadline) \
            else chinese_date(r.effective_deadline)
        rows.append([i, r.code, r.title, JOIN.join(r.lead_leaders), JOIN.join(r.lead_units),
                     JOIN.join(r.cooperating_units), JOIN.join(r.responsible_persons), deadline,
                     r.last_report_text or "", r.status.label])
    width = pc.GBT_LANDSCAPE.width
    story = [st.p(doc.title, st.title), st.p(doc.caption, st.subtitle), Spacer(1, 8),
             pc.table(st, HEADERS, rows, pc.scaled(WIDTHS, width), centered=(0, 1, 3, 7, 9))]
    templates = pc.numbered_templates(fonts)
    return pc.build(target, story, templates=[templates["landscape"]], title=doc.title, fonts=fonts)
