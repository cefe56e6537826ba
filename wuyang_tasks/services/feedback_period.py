"""Who was asked for a report in a period and who reported (应报 / 已报 / 未报).

A unit is asked, for a period, about every task it holds in a unit role (牵头/配合/属地) that was
under way in the period: 交办 on or before its last day, not 待交办, 中止 or 撤销, and not closed
before its first day. That is what the 反馈表 of the period carries (services.feedback_forms
sends the tasks open on the day it is sent). A unit has reported on a task when a 进展反馈 of
that unit on the task is dated in the period — whether it came in by 反馈表, by the 本周进展
view or by the task editor.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import ProgressReport, Responsibility, Task, Unit
from wuyang_tasks.domain.enums import Role, TaskStatus, UnitKind

UNIT_ROLES = (Role.LEAD_UNIT, Role.COOPERATING_UNIT, Role.TERRITORIAL_UNIT)
NOT_ASKED = (TaskStatus.DRAFT, TaskStatus.SUSPENDED, TaskStatus.CANCELLED)
ASKED_KINDS = (UnitKind.TOWNSHIP, UnitKind.DEPARTMENT)  # enterprises get no 反馈表


@dataclass(frozen=True)
class DueReport:
    """One task a unit was asked to report on."""

    task_id: int
    task_code: str
    task_title: str
    role: Role
    reported_on: date | None  # its last report in the period, None: not reported

    @property
    def reported(self) -> bool:
        return self.reported_on is not None


@dataclass
class UnitReporting:
    unit_id: int
    unit_name: str
    kind: UnitKind
    due: list[DueReport] = field(default_factory=list)  # in 编号 order

    @property
    def expected(self) -> int:
        """应报: tasks asked about."""
        return len(self.due)

    @property
    def reported(self) -> int:
        """已报."""
        return sum(d.reported for d in self.due)

    @property
    def missing(self) -> int:
        """未报."""
        return self.expected - self.reported

    @property
    def missing_codes(self) -> list[str]:
        return [d.task_code for d in self.due if not d.reported]


def reports_due(session: Session, start: date, end: date, *,
                roles: tuple[Role, ...] = UNIT_ROLES,
                kinds: tuple[UnitKind, ...] = ASKED_KINDS) -> list[UnitReporting]:
    """Per unit (official order) with at least one task asked about in [start, end], each task
    it was asked about and whether it reported. ``roles``: which responsibilities count (e.g.
    only 牵头单位 and 属地单位, as the briefing's per-unit table counts tasks); ``kinds``: which
    units (townships and departments: the office sends no 反馈表 to enterprises)."""
    tasks = select(Task.id, Task.code, Task.title).where(
        Task.status.not_in([s.value for s in NOT_ASKED]), Task.assigned_on.is_not(None),
        Task.assigned_on <= end, (Task.closed_on.is_(None)) | (Task.closed_on >= start)).subquery()
    pairs = session.execute(
        select(Responsibility.unit_id, Responsibility.role, tasks.c.id, tasks.c.code, tasks.c.title)
        .join(tasks, tasks.c.id == Responsibility.task_id)
        .where(Responsibility.unit_id.is_not(None), Responsibility.role.in_([r.value for r in roles]))
        .order_by(tasks.c.code)).all()
    reported = dict(((unit_id, task_id), day) for unit_id, task_id, day in session.execute(
        select(ProgressReport.unit_id, ProgressReport.task_id, func.max(ProgressReport.report_date))
        .where(ProgressReport.report_date.between(start, end), ProgressReport.unit_id.is_not(None))
        .group_by(ProgressReport.unit_id, ProgressReport.task_id)))
    due: dict[int, list[DueReport]] = defaultdict(list)
    for unit_id, role, task_id, code, title in pairs:
        due[unit_id].append(DueReport(task_id, code, title, Role(role), reported.get((unit_id, task_id))))
    result = []
    for unit_id, name, kind in session.execute(
            select(Unit.id, Unit.name, Unit.kind).where(Unit.kind.in_([k.value for k in kinds]))
            .order_by(Unit.sort_order, Unit.id)):
        if unit_id in due:
            result.append(UnitReporting(unit_id, name, UnitKind(kind), due[unit_id]))
    return result
