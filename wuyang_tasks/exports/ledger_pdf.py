"""任务台账 as a landscape PDF list: the Excel ledger's columns, with 时限说明 printed under the
date in the 完成时限 cell (a printed ledger does not need its own column for it)."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.services.documents import LedgerDocument
from wuyang_tasks.services.task_list import chinese_date

from .ledger_xlsx import JOIN

HEADERS = ("序号", "编号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "属地单位", "责任人",
           "完成时限", "进展情况", "状态")
WIDTHS = (5, 7.5, 22, 6, 9, 11, 11, 6, 12, 17, 6)


def write_ledger_pdf(doc: LedgerDocument, target: str | Path, fonts=None):
    from reportlab.platypus import Spacer

    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    st = pc.Styles(fonts)
    rows = []
    for i, r in enumerate(doc.rows, start=1):
        deadline = r.deadline_display if (r.ongoing or r.recurrence_day or not r.effective_deadline) \
            else chinese_date(r.effective_deadline)
        note = doc.deadline_notes.get(r.id)
        if note:
            deadline += f"\n{note}"
        rows.append([i, r.code, r.title, JOIN.join(r.lead_leaders), JOIN.join(r.lead_units),
                     JOIN.join(r.cooperating_units), JOIN.join(doc.territorial.get(r.id, r.territorial_units)),
                     JOIN.join(r.responsible_persons), deadline, r.last_report_text or "",
                     r.status.label])
    width = pc.GBT_LANDSCAPE.width
    story = [st.p(doc.title, st.title), st.p(doc.caption, st.subtitle), Spacer(1, 8),
             pc.table(st, HEADERS, rows, pc.scaled(WIDTHS, width), centered=(0, 1, 3, 8, 10))]
    templates = pc.numbered_templates(fonts)
    return pc.build(target, story, templates=[templates["landscape"]], title=doc.title, fonts=fonts)
