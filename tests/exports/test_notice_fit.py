"""A 督办通知单 stays one page whatever the task's text: a smaller size, at the last the text cut
with a pointer to the ledger — alone and in the task list's selection printed at once. A task
text taller than a page made reportlab refuse the layout (LayoutError) instead."""

from __future__ import annotations

from dataclasses import replace

from wuyang_tasks.exports.notice_pdf import write_notice_pdf
from wuyang_tasks.exports.notices_pdf import write_notices_pdf
from wuyang_tasks.services import documents

from . import helpers
from .conftest import REFERENCE_DAY


def test_a_task_text_taller_than_a_page_is_cut_alone_and_in_a_selection(demo_ledger, cal, tmp_path):
    with demo_ledger.read() as s:
        doc = documents.build_notice(s, "2016-002", today=REFERENCE_DAY, cal=cal, create=False)
    huge = replace(doc, notice=replace(doc.notice, task_content=doc.notice.task_content * 40))

    alone = write_notice_pdf(huge, tmp_path / "one.pdf")
    assert helpers.pages(alone.path) == 1
    assert "全文见任务台账" in helpers.squeezed_text(alone.path)

    batch = write_notices_pdf([doc, huge, doc], tmp_path / "three.pdf")
    assert helpers.pages(batch.path) == 3
    assert helpers.squeezed_text(batch.path).count("全文见任务台账") == 1
