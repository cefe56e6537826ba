"""A rectification task (整改, from an inspection finding) is closed — 审核办结, 销号 — only with
佐证材料 in its file (the after photo, the rectification report), or with the clerk's reason why
there is none, which the closing's audit event keeps."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Finding
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.errors import ValidationError

from .attachments import has_evidence


def is_rectification(session: Session, task_id: int) -> bool:
    if isinstance(session, Writer):  # also a finding this action has made (an import's batch)
        return session.taken(Finding.rectification_task_id, task_id)
    return session.scalar(select(Finding.id).where(Finding.rectification_task_id == task_id)
                          .limit(1)) is not None


def needs_reason(session: Session, task_id: int) -> bool:
    """True when closing this task asks for a reason: a rectification without evidence."""
    return is_rectification(session, task_id) and not has_evidence(session, task_id)


def reason_to_record(session: Session, task_id: int, code: str, reason: str | None) -> str | None:
    """The reason the closing event keeps (None when none is needed), or why it cannot close."""
    if not needs_reason(session, task_id):
        return None
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            f"整改任务“{code}”还没有佐证材料（整改后的照片、整改报告等），不能办结销号。"
            "请先添加佐证材料，或写明没有佐证材料的理由。")
    return reason
