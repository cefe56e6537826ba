"""What an imported ledger row changes on the task it matches (编号, or title + lead unit +
source): a new 进展情况, a status reached through the workflow, other responsibilities, another
deadline — each shown per row, none silent.

Reads only. The status is reached by the moves a clerk would make (交办, 签收, 开始办理, 反馈办结,
中止, 恢复办理, 撤销); 审核办结 and 归档 are the office's decisions, so a row saying 已办结 brings an
open task to 已反馈 for review, never to 办结; a status that no such moves reach (back from 已办结,
退回重办 without a reason …) is a problem named in the row. A deadline is changed only when the
clerk confirms it (``update_deadlines``); otherwise the difference is a warning.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Extension, ProgressReport, Responsibility, Task
from wuyang_tasks.domain.enums import ExtensionStatus, Role, TaskStatus
from wuyang_tasks.domain.workflow import clerk_path
from wuyang_tasks.services.ledger_updates import RowUpdate

from .ledger_table import Field

REVIEWED = (TaskStatus.DONE, TaskStatus.ARCHIVED)


def plan_update(session: Session, planned, *, update_deadlines: bool, problem, show_day) -> RowUpdate | None:
    """The update of the task ``planned.existing_id`` for its row, or None when nothing differs.
    ``problem(row, field, message, value, error=True)`` records a problem of the row."""
    row = planned.row
    task = session.get(Task, planned.existing_id)
    update = RowUpdate(task.id, task.code, task.status)
    _status(update, row, problem)
    last = session.scalar(select(ProgressReport.text).where(ProgressReport.task_id == task.id)
                          .order_by(ProgressReport.report_date.desc(), ProgressReport.id.desc()).limit(1))
    if row.progress and row.progress.strip() != (last or "").strip():
        if (update.target or task.status).is_open:
            update.progress = row.progress.strip()
        else:
            problem(row, Field.PROGRESS, f"任务为“{(update.target or task.status).label}”，不能再新增进展反馈",
                    row.progress, error=True)
    _roles(session, update, planned)
    _deadline(session, update, task, planned, update_deadlines, problem, show_day)
    return None if update.is_empty else update


def _status(update: RowUpdate, row, problem) -> None:
    target = row.status
    if target is None or target is update.status:
        return
    reach = target
    if target in REVIEWED and update.status not in REVIEWED:
        reach = TaskStatus.REPORTED
        problem(row, Field.STATUS, "办结须经督查室审核：导入只转为“已反馈”待审核", target.label, error=False)
    if reach is update.status:
        return
    path = clerk_path(update.status, reach)
    if path is None:
        problem(row, Field.STATUS, f"台账中为“{update.status.label}”，导入不能改为“{target.label}”"
                "（退回重办、审核办结、归档等请在任务台账中办理）", target.label, error=True)
        return
    update.target, update.moves = reach, path


def _roles(session: Session, update: RowUpdate, planned) -> None:
    if any(r.ref_id is None for r in planned.roles):
        return  # units or people to create: the row is not compared
    new = [(r.role, r.ref_id if r.is_unit else None, None if r.is_unit else r.ref_id) for r in planned.roles]
    old = session.execute(select(Responsibility.role, Responsibility.unit_id, Responsibility.person_id)
                          .where(Responsibility.task_id == update.task_id)).all()
    update.lead_unit_id = next((u for role, u, _ in old if Role(role) is Role.LEAD_UNIT), None)
    if {(Role(r), u, p) for r, u, p in old} != set(new):
        update.roles = new
        update.roles_caption = "；".join(
            f"{role.label}{'、'.join(planned.names(role))}" for role in Role if planned.names(role))
        update.lead_unit_id = next((u for role, u, _ in new if role is Role.LEAD_UNIT), None)


def _deadline(session: Session, update: RowUpdate, task: Task, planned, update_deadlines: bool, problem,
              show_day) -> None:
    spec = planned.deadline
    if spec is None or spec.day is None:
        return
    extended = session.scalar(select(Extension.new_deadline).where(
        Extension.task_id == task.id, Extension.status == ExtensionStatus.APPROVED)
        .order_by(Extension.new_deadline.desc()).limit(1))
    now: date | None = extended or task.deadline
    if now == spec.day:
        return
    caption = f"{show_day(now) if now else '无'}→{show_day(spec.day)}"
    if update_deadlines:
        update.deadline, update.deadline_caption = spec, caption
    else:
        problem(planned.row, Field.DEADLINE, f"完成时限与台账不同（{caption}），未修改；延期请走延期审批，"
                "确认直接修改请勾选“按表中完成时限修改”（命令行 --update-deadlines）", show_day(spec.day), error=False)
