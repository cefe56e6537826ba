"""延期: a unit asks, before the deadline, for a later date with a reason; a named person
approves or refuses. Only an approved extension moves the effective deadline (the task list
uses the latest approved new date); a task overdue without one is judged on its original date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from wuyang_tasks.db.models import Extension, Person, Task, Unit
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.enums import ExtensionStatus
from wuyang_tasks.domain.errors import ValidationError

from .common import check_version, get
from .task_list import chinese_date


@dataclass
class ExtensionView:
    id: int
    task_id: int
    task_code: str
    task_title: str
    requested_on: date
    requested_by_unit: str | None
    reason: str
    old_deadline: date | None
    new_deadline: date
    status: ExtensionStatus
    decided_by: str | None
    decided_on: date | None
    decision_note: str | None
    version: int


def current_deadline(session: Session, task: Task) -> date | None:
    """The deadline in force: the latest approved extension, else the task's own deadline."""
    extended = session.scalar(select(func.max(Extension.new_deadline)).where(
        Extension.task_id == task.id, Extension.status == ExtensionStatus.APPROVED))
    return extended or task.deadline


def request_extension(session: Writer, task_id: int, *, requested_on: date, new_deadline: date,
                      reason: str, today: date, requested_by_unit_id: int | None = None) -> Extension:
    task = get(session, Task, task_id, "任务")
    reason = (reason or "").strip()
    due = check_request(session, task, requested_on=requested_on, new_deadline=new_deadline,
                        reason=reason, today=today)
    if requested_by_unit_id is not None:
        get(session, Unit, requested_by_unit_id, "申请单位")
    return session.insert(Extension(
        task_id=task.id, requested_on=requested_on, requested_by_unit_id=requested_by_unit_id,
        reason=reason, old_deadline=due, new_deadline=new_deadline,
        status=ExtensionStatus.REQUESTED, version=1))


def check_request(session: Session, task: Task, *, requested_on: date, new_deadline: date,
                  reason: str, today: date) -> date:
    """Why this request cannot be made (ValidationError), else the deadline it would extend:
    what request_extension checks, for a preview to ask before anything is written."""
    if not task.status.is_open:
        raise ValidationError(f"任务“{task.code}”当前状态为“{task.status.label}”，不能申请延期。")
    if not reason:
        raise ValidationError("申请延期须写明理由。")
    if requested_on > today:
        raise ValidationError("申请日期不能晚于今天。")
    due = current_deadline(session, task)
    if due is None:
        raise ValidationError(f"任务“{task.code}”没有具体的完成时限（{task.deadline_text or '长期'}），"
                              "不需要申请延期。")
    if requested_on > due:
        raise ValidationError(
            f"任务“{task.code}”的完成时限是{chinese_date(due)}，延期须在时限届满前申请；"
            f"{chinese_date(requested_on)}已逾期，按原时限认定逾期。")
    if new_deadline <= due:
        raise ValidationError(f"延期后的时限（{chinese_date(new_deadline)}）应晚于现在的完成时限"
                              f"（{chinese_date(due)}）。")
    pending = session.scalar(select(Extension.id).where(
        Extension.task_id == task.id, Extension.status == ExtensionStatus.REQUESTED))
    if pending is not None:
        raise ValidationError(f"任务“{task.code}”已有一项待审批的延期申请，请先审批。")
    return due


def decide_extension(session: Writer, extension_id: int, *, approve: bool, decided_by_id: int,
                     decided_on: date, today: date, note: str | None = None,
                     expected_version: int | None = None) -> Extension:
    """Approve or refuse a pending request; the decision names the person who made it."""
    ext = get(session, Extension, extension_id, "延期申请")
    check_version(ext, expected_version, "该延期申请")
    if ext.status is not ExtensionStatus.REQUESTED:
        raise ValidationError(f"该延期申请已于{chinese_date(ext.decided_on)}{ext.status.label}，不能再次审批。")
    get(session, Person, decided_by_id, "审批人")
    if decided_on > today:
        raise ValidationError("审批日期不能晚于今天。")
    if decided_on < ext.requested_on:
        raise ValidationError("审批日期不能早于申请日期。")
    status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    return session.update(ext, "approve" if approve else "refuse", status=status,
                          decided_by_id=decided_by_id, decided_on=decided_on,
                          decision_note=(note or "").strip() or None)


def extensions_of(session: Session, task_id: int | None = None, *,
                  status: ExtensionStatus | None = None) -> list[ExtensionView]:
    decider = aliased(Person)
    query = (select(Extension, Task.code, Task.title, Unit.name, decider.name)
             .join(Task, Task.id == Extension.task_id)
             .outerjoin(Unit, Unit.id == Extension.requested_by_unit_id)
             .outerjoin(decider, decider.id == Extension.decided_by_id)
             .order_by(Extension.requested_on, Extension.id))
    if task_id is not None:
        query = query.where(Extension.task_id == task_id)
    if status is not None:
        query = query.where(Extension.status == status)
    return [ExtensionView(id=e.id, task_id=e.task_id, task_code=code, task_title=title,
                          requested_on=e.requested_on, requested_by_unit=unit, reason=e.reason,
                          old_deadline=e.old_deadline, new_deadline=e.new_deadline, status=e.status,
                          decided_by=by, decided_on=e.decided_on, decision_note=e.decision_note,
                          version=e.version)
            for e, code, title, unit, by in session.execute(query)]
