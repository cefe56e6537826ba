"""The task list read model: lightweight rows for the ledger view, the command line and documents.

Read with Core selects of the columns shown (never ORM objects), a few queries in all however
many tasks there are, joined in Python. Filters that SQL can answer are applied in SQL; the
alert level is derived (domain.alerts) and filtered after.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import (
    Extension,
    Person,
    ProgressReport,
    Responsibility,
    Source,
    Task,
    Unit,
    Urging,
)
from wuyang_tasks.domain import alerts
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import (
    AlertLevel,
    DeadlineBasis,
    ExtensionStatus,
    Role,
    TaskStatus,
    Urgency,
)


@dataclass
class TaskRow:
    id: int
    code: str
    title: str
    category: str | None
    status: TaskStatus
    urgency: Urgency
    is_key: bool
    deadline: date | None
    deadline_basis: DeadlineBasis
    deadline_text: str | None
    ongoing: bool
    recurrence_day: int | None
    assigned_on: date | None
    closed_on: date | None
    source_id: int | None
    source_title: str | None
    parent_id: int | None
    version: int
    lead_leaders: list[str] = field(default_factory=list)
    lead_units: list[str] = field(default_factory=list)
    cooperating_units: list[str] = field(default_factory=list)
    territorial_units: list[str] = field(default_factory=list)
    responsible_persons: list[str] = field(default_factory=list)
    urging_count: int = 0
    last_report_date: date | None = None
    last_report_text: str | None = None
    last_percent: int | None = None
    extended_to: date | None = None
    alert: AlertLevel | None = None
    days_overdue: int = 0
    days_left: int | None = None
    effective_deadline: date | None = None

    @property
    def deadline_display(self) -> str:
        """完成时限 as printed: 2016年9月30日, 长期坚持, 每月25日前 …"""
        if self.ongoing:
            return self.deadline_text or "长期坚持"
        if self.recurrence_day:
            return self.deadline_text or f"每月{self.recurrence_day}日前"
        if self.effective_deadline is None:
            return self.deadline_text or ""
        return chinese_date(self.effective_deadline)


def chinese_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


@dataclass
class TaskFilter:
    unit_id: int | None = None
    unit_role: Role | None = None  # None: any unit role
    leader_id: int | None = None
    person_id: int | None = None
    statuses: frozenset[TaskStatus] | None = None
    alert_levels: frozenset[AlertLevel] | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    source_id: int | None = None
    category: str | None = None
    text: str | None = None
    overdue: bool = False
    due_within: int | None = None  # days (task's basis)
    task_ids: frozenset[int] | None = None
    include_closed: bool = True


UNIT_ROLES = (Role.LEAD_UNIT, Role.COOPERATING_UNIT, Role.TERRITORIAL_UNIT)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _task_query(flt: TaskFilter) -> Select:
    query = select(
        Task.id, Task.code, Task.title, Task.category, Task.status, Task.urgency, Task.is_key,
        Task.deadline, Task.deadline_basis, Task.deadline_text, Task.ongoing, Task.recurrence_day,
        Task.assigned_on, Task.closed_on, Task.source_id, Task.parent_id, Task.version,
    )
    conditions = []
    if flt.statuses:
        conditions.append(Task.status.in_([s.value for s in flt.statuses]))
    if not flt.include_closed:
        conditions.append(Task.status.not_in([TaskStatus.ARCHIVED.value, TaskStatus.CANCELLED.value]))
    if flt.unit_id is not None:
        roles = [flt.unit_role] if flt.unit_role else list(UNIT_ROLES)
        conditions.append(Task.id.in_(select(Responsibility.task_id).where(
            Responsibility.unit_id == flt.unit_id, Responsibility.role.in_([r.value for r in roles]))))
    if flt.leader_id is not None:
        conditions.append(Task.id.in_(select(Responsibility.task_id).where(
            Responsibility.person_id == flt.leader_id, Responsibility.role == Role.LEAD_LEADER.value)))
    if flt.person_id is not None:
        conditions.append(Task.id.in_(select(Responsibility.task_id).where(
            Responsibility.person_id == flt.person_id)))
    if flt.source_id is not None:
        conditions.append(Task.source_id == flt.source_id)
    if flt.category:
        conditions.append(Task.category == flt.category)
    if flt.task_ids is not None:
        conditions.append(Task.id.in_(flt.task_ids))
    if flt.text and flt.text.strip():
        pattern = f"%{_escape_like(flt.text.strip())}%"
        conditions.append(or_(Task.title.like(pattern, escape="\\"),
                              Task.content.like(pattern, escape="\\"),
                              Task.code.like(pattern, escape="\\")))
    if conditions:
        query = query.where(and_(*conditions))
    return query.order_by(Task.id)


def list_tasks(session: Session, *, today: date, cal: WorkdayCalendar,
               flt: TaskFilter | None = None,
               policy: alerts.AlertPolicy = alerts.AlertPolicy()) -> list[TaskRow]:
    flt = flt or TaskFilter()
    rows = [_row(r) for r in session.execute(_task_query(flt))]
    if not rows:
        return rows
    by_id = {r.id: r for r in rows}
    restrict = flt.task_ids is not None or len(rows) < 500
    ids = list(by_id) if restrict else None
    _attach_sources(session, rows)
    _attach_responsibilities(session, by_id, ids)
    _attach_counts(session, by_id, ids)
    for row in rows:
        result = alerts.evaluate(
            status=row.status, deadline=row.deadline, basis=row.deadline_basis, today=today,
            cal=cal, extended_to=row.extended_to, recurrence_day=row.recurrence_day,
            last_report=row.last_report_date, assigned_on=row.assigned_on, policy=policy)
        row.alert = result.level
        row.days_overdue = result.days_overdue
        row.days_left = result.days_left
        row.effective_deadline = result.effective_deadline
    return [r for r in rows if _keep(r, flt)]


def _row(r) -> TaskRow:
    return TaskRow(
        id=r.id, code=r.code, title=r.title, category=r.category, status=r.status,
        urgency=r.urgency, is_key=r.is_key, deadline=r.deadline, deadline_basis=r.deadline_basis,
        deadline_text=r.deadline_text, ongoing=r.ongoing, recurrence_day=r.recurrence_day,
        assigned_on=r.assigned_on, closed_on=r.closed_on, source_id=r.source_id, source_title=None,
        parent_id=r.parent_id, version=r.version)


def _keep(row: TaskRow, flt: TaskFilter) -> bool:
    due = row.effective_deadline
    if flt.alert_levels is not None and row.alert not in flt.alert_levels:
        return False
    if flt.overdue and row.alert is not AlertLevel.RED:
        return False
    if flt.due_within is not None and not (
            row.status.is_open and row.days_left is not None and 0 <= row.days_left <= flt.due_within):
        return False
    if flt.deadline_from and (due is None or due < flt.deadline_from):
        return False
    if flt.deadline_to and (due is None or due > flt.deadline_to):
        return False
    return True


def _in(column, ids):
    return column.in_(ids) if ids is not None else True


def _attach_sources(session: Session, rows: list[TaskRow]) -> None:
    titles = dict(session.execute(select(Source.id, Source.title)).all())
    for row in rows:
        if row.source_id is not None:
            row.source_title = titles.get(row.source_id)


def _attach_responsibilities(session: Session, by_id: dict[int, TaskRow], ids) -> None:
    unit_names = dict(session.execute(select(Unit.id, Unit.name)).all())
    person_names = dict(session.execute(select(Person.id, Person.name)).all())
    query = (select(Responsibility.task_id, Responsibility.role, Responsibility.unit_id,
                    Responsibility.person_id)
             .where(_in(Responsibility.task_id, ids))
             .order_by(Responsibility.task_id, Responsibility.sort_order, Responsibility.id))
    targets = {
        Role.LEAD_LEADER: "lead_leaders", Role.LEAD_UNIT: "lead_units",
        Role.COOPERATING_UNIT: "cooperating_units", Role.TERRITORIAL_UNIT: "territorial_units",
        Role.RESPONSIBLE_PERSON: "responsible_persons",
    }
    for task_id, role, unit_id, person_id in session.execute(query):
        row = by_id.get(task_id)
        if row is None:
            continue
        name = unit_names.get(unit_id) if unit_id is not None else person_names.get(person_id)
        getattr(row, targets[role]).append(name or "?")


def _attach_counts(session: Session, by_id: dict[int, TaskRow], ids) -> None:
    urgings = session.execute(select(Urging.task_id, func.count(Urging.id))
                              .where(_in(Urging.task_id, ids)).group_by(Urging.task_id))
    for task_id, n in urgings:
        if task_id in by_id:
            by_id[task_id].urging_count = n
    extensions = session.execute(
        select(Extension.task_id, func.max(Extension.new_deadline))
        .where(Extension.status == ExtensionStatus.APPROVED.value, _in(Extension.task_id, ids))
        .group_by(Extension.task_id))
    for task_id, new_deadline in extensions:
        if task_id in by_id:
            by_id[task_id].extended_to = new_deadline
    latest = (select(ProgressReport.task_id, func.max(ProgressReport.id).label("rid"))
              .where(_in(ProgressReport.task_id, ids)).group_by(ProgressReport.task_id).subquery())
    reports = session.execute(
        select(ProgressReport.task_id, ProgressReport.report_date, ProgressReport.text,
               ProgressReport.percent).join(latest, ProgressReport.id == latest.c.rid))
    for task_id, report_date, text, percent in reports:
        row = by_id.get(task_id)
        if row is not None:
            row.last_report_date, row.last_report_text, row.last_percent = report_date, text, percent


def week_range(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)
