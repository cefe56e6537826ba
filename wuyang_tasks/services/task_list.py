"""The task list read model: lightweight rows for the ledger view, the command line and documents.

Read with Core selects of the columns shown (never ORM objects), a few queries in all however
many tasks there are, joined in Python. Filters that SQL can answer are applied in SQL; the
alert level is derived (domain.alerts) and filtered after.

The window reads every task at once (100,000 in a county ledger after some years), so this is
a hot path (benchmarks/README.md): statements are executed on the Core tables (no ORM result
machinery), enumerations are read as their stored strings and looked up in dicts, TaskRow
has slots, and the cyclic garbage collector is paused while the rows are built (wuyang_tasks.collector.paused).
Memory (the window keeps every row): the big selects are fetched in batches, rows with the
same names share one tuple of them, and recurring days and categorical texts one object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, timedelta
from itertools import groupby, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, TypeAlias

from sqlalchemy import Connection, String, and_, exists, func, or_, select, type_coerce

from wuyang_tasks.db import tables
from wuyang_tasks.domain import alerts
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.domain.enums import (
    AlertLevel,
    DeadlineBasis,
    ExtensionStatus,
    Role,
    TaskStatus,
    Urgency,
)

from wuyang_tasks.collector import paused

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    # a session, or a connection (Ledger.read_tables: the window's first screenful, read
    # before the ORM is imported)
    Reader: TypeAlias = Session | Connection


@dataclass(slots=True)
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
    # names in their order on the task; one tuple object shared by every row with the same names
    lead_leaders: tuple[str, ...] = ()
    lead_units: tuple[str, ...] = ()
    cooperating_units: tuple[str, ...] = ()
    territorial_units: tuple[str, ...] = ()
    responsible_persons: tuple[str, ...] = ()
    # county leaders liaising (分包联系) with one of the task's units while it runs
    liaison_leaders: tuple[str, ...] = ()
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
    # with leader_id: also the tasks of the units the leader liaises with while the task runs
    with_liaisons: bool = False
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


_T = tables.task.c
_R = tables.responsibility.c
_STATUS = {m.value: m for m in TaskStatus}
_URGENCY = {m.value: m for m in Urgency}
_BASIS = {m.value: m for m in DeadlineBasis}
_ROLE_FIELD = {
    Role.LEAD_LEADER.value: "lead_leaders", Role.LEAD_UNIT.value: "lead_units",
    Role.COOPERATING_UNIT.value: "cooperating_units", Role.TERRITORIAL_UNIT.value: "territorial_units",
    Role.RESPONSIBLE_PERSON.value: "responsible_persons",
}
_BATCH = 2_000  # rows fetched at a time from the big selects (_stream)
_EXPLICIT_IDS_UP_TO = 5_000  # beyond that, reading every row and skipping is quicker than IN (…)


def _plain(column):
    """An enumeration column read as its stored string (looked up in a dict, much faster)."""
    return type_coerce(column, String)


def _task_conditions(flt: TaskFilter) -> list:
    conditions = []
    if flt.statuses:
        conditions.append(_T.status.in_([s.value for s in flt.statuses]))
    if not flt.include_closed:
        conditions.append(_T.status.not_in([TaskStatus.ARCHIVED.value, TaskStatus.CANCELLED.value]))
    if flt.unit_id is not None:
        roles = [flt.unit_role] if flt.unit_role else list(UNIT_ROLES)
        conditions.append(_T.id.in_(select(_R.task_id).where(
            _R.unit_id == flt.unit_id, _R.role.in_([r.value for r in roles]))))
    if flt.leader_id is not None:
        leads = _T.id.in_(select(_R.task_id).where(
            _R.person_id == flt.leader_id, _R.role == Role.LEAD_LEADER.value))
        if flt.with_liaisons:
            li = tables.liaison.c
            liaises = exists().where(
                _R.task_id == _T.id, _R.unit_id == li.unit_id, li.leader_id == flt.leader_id,
                _T.assigned_on.is_not(None), or_(li.end_date.is_(None), li.end_date >= _T.assigned_on),
                or_(_T.closed_on.is_(None), li.start_date <= _T.closed_on))
            leads = or_(leads, liaises)
        conditions.append(leads)
    if flt.person_id is not None:
        conditions.append(_T.id.in_(select(_R.task_id).where(_R.person_id == flt.person_id)))
    if flt.source_id is not None:
        conditions.append(_T.source_id == flt.source_id)
    if flt.category:
        conditions.append(_T.category == flt.category)
    if flt.task_ids is not None:
        conditions.append(_T.id.in_(flt.task_ids))
    needle = (flt.text or "").replace("\x00", "").strip()  # NUL cannot occur in stored text
    if needle:
        pattern = f"%{_escape_like(needle)}%"
        conditions.append(or_(_T.title.like(pattern, escape="\\"),
                              _T.content.like(pattern, escape="\\"),
                              _T.code.like(pattern, escape="\\")))
    return conditions


# The fields of a TaskRow read from its task, in TaskRow's order: the column each is read from
# (None: attached after) and how a stored value becomes the field's value — as read (None), one
# shared object for each distinct value (_SHARED: days and categorical texts such as 类别 and
# 时限说明 recur across 10^5 rows, and the driver makes a new object for every cell), or looked
# up in a dict (an enumeration read as its stored string).
_SHARED = "shared"
_ROW_FIELDS = (
    ("id", _T.id, None),
    ("code", _T.code, None),
    ("title", _T.title, None),
    ("category", _T.category, _SHARED),
    ("status", _plain(_T.status), _STATUS),
    ("urgency", _plain(_T.urgency), _URGENCY),
    ("is_key", _T.is_key, None),
    ("deadline", _T.deadline, _SHARED),
    ("deadline_basis", _plain(_T.deadline_basis), _BASIS),
    ("deadline_text", _T.deadline_text, _SHARED),
    ("ongoing", _T.ongoing, None),
    ("recurrence_day", _T.recurrence_day, None),
    ("assigned_on", _T.assigned_on, _SHARED),
    ("closed_on", _T.closed_on, _SHARED),
    ("source_id", _T.source_id, None),
    ("source_title", None, None),  # _attach_sources
    ("parent_id", _T.parent_id, None),
    ("version", _T.version, None),
)
if [name for name, _, _ in _ROW_FIELDS] != [f.name for f in fields(TaskRow)][:len(_ROW_FIELDS)]:
    raise TypeError("_ROW_FIELDS must name TaskRow's first fields in their order (rows are built positionally)")


def _task_query(conditions: list):
    query = select(*(column for _, column, _ in _ROW_FIELDS if column is not None))
    if conditions:
        query = query.where(and_(*conditions))
    return query.order_by(_T.id)


def list_tasks(session: Reader, *, today: date, cal: WorkdayCalendar,
               flt: TaskFilter | None = None,
               policy: alerts.AlertPolicy = alerts.AlertPolicy()) -> list[TaskRow]:
    with paused():
        return _list_tasks(session, today, cal, flt or TaskFilter(), policy)


def first_task_ids(session: Reader, *, limit: int, descending: bool = False) -> list[int]:
    """Ids of the first ``limit`` tasks in code order (domain.codes: year, then number — the
    window's default order): a screenful to show while the whole list is read. The database
    orders "年份-序号" codes as code_key does (the year's text, then the shorter number, then
    the text: 2017-089 < 2017-105 < 2017-1001); the candidates are then put in code_key's own
    order (a code of another shape may differ from the full list's place by a row or two)."""
    bind = session if isinstance(session, Connection) else session.get_bind()
    code = _T.code if bind.dialect.name == "sqlite" else _T.code.collate("C")
    order = (func.substr(code, 1, 5), func.length(_T.code), code)
    stmt = select(_T.id, _T.code).order_by(*(o.desc() if descending else o for o in order)).limit(limit)
    rows = sorted(session.execute(stmt), key=lambda r: code_key(r.code), reverse=descending)
    return [r.id for r in rows]


def _list_tasks(session: Reader, today: date, cal: WorkdayCalendar, flt: TaskFilter,
                policy: alerts.AlertPolicy) -> list[TaskRow]:
    conditions = _task_conditions(flt)
    same = {}.setdefault
    rows = _read_rows(session, _task_query(conditions), same)
    if not rows:
        return rows
    by_id = {r.id: r for r in rows}
    restrict = bool(conditions) and (flt.task_ids is not None or len(rows) <= _EXPLICIT_IDS_UP_TO)
    ids = list(by_id) if restrict else None
    _attach_sources(session, rows)
    _attach_responsibilities(session, by_id, ids)
    _attach_liaisons(session, rows)
    _attach_counts(session, by_id, ids, same)
    evaluate = alerts.evaluate
    for row in rows:
        result = evaluate(
            status=row.status, deadline=row.deadline, basis=row.deadline_basis, today=today,
            cal=cal, extended_to=row.extended_to, recurrence_day=row.recurrence_day,
            last_report=row.last_report_date, assigned_on=row.assigned_on, policy=policy)
        row.alert = result.level
        row.days_overdue = result.days_overdue
        row.days_left = result.days_left
        row.effective_deadline = result.effective_deadline
    return [r for r in rows if _keep(r, flt)]


def _read_rows(session: Reader, query, same: Callable) -> list[TaskRow]:
    """The TaskRows of ``query``'s tasks (_ROW_FIELDS), a batch at a time and a column at a time:
    each column converted by one ``map`` and the rows made by ``map(TaskRow, *columns)``: no
    Python loop over the rows besides TaskRow's own __init__ (quicker than a comprehension)."""
    rows: list[TaskRow] = []
    for batch in _stream(session, query).partitions():
        read = iter(zip(*batch))
        columns = []
        for _, column, convert in _ROW_FIELDS:
            if column is None:
                columns.append(repeat(None))
                continue
            values = next(read)
            if convert is _SHARED:
                values = map(same, values, values)
            elif convert is not None:
                values = map(convert.__getitem__, values)
            columns.append(values)
        rows.extend(map(TaskRow, *columns))
    return rows


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


def _stream(session: Reader, statement):
    """The rows of a big select, fetched in batches: at 100,000 tasks the whole result lists
    (half a million rows) next to the rows built from them were the window's peak memory."""
    return session.execute(statement, execution_options={"yield_per": _BATCH})


def _in(column, ids):
    return column.in_(ids) if ids is not None else True


def _attach_liaisons(session: Reader, rows: list[TaskRow]) -> None:
    """Each row's liaison leaders: those whose 分包联系 with one of its units overlaps the
    task's life (交办 to 办结, or on while open)."""
    by_unit: dict[str, list[tuple[str, date, date | None]]] = {}
    li, person, unit = tables.liaison, tables.person, tables.unit
    for name, leader, start, end in session.execute(
            select(unit.c.name, person.c.name, li.c.start_date, li.c.end_date).select_from(li)
            .join(person, person.c.id == li.c.leader_id).join(unit, unit.c.id == li.c.unit_id)
            .order_by(li.c.start_date, li.c.id)):
        by_unit.setdefault(name, []).append((leader, start, end))
    if not by_unit:
        return
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in rows:
        if row.assigned_on is None:
            continue
        found = []
        for name in (*row.lead_units, *row.cooperating_units, *row.territorial_units):
            for leader, start, end in by_unit.get(name, ()):
                if (end is None or end >= row.assigned_on) and (
                        row.closed_on is None or start <= row.closed_on) and leader not in found:
                    found.append(leader)
        if found:
            key = tuple(found)
            row.liaison_leaders = shared.setdefault(key, key)


def _attach_sources(session: Reader, rows: list[TaskRow]) -> None:
    source = tables.source.c
    titles = dict(session.execute(select(source.id, source.title)).all())
    for row in rows:
        if row.source_id is not None:
            row.source_title = titles.get(row.source_id)


def _attach_responsibilities(session: Reader, by_id: dict[int, TaskRow], ids) -> None:
    unit_names = dict(session.execute(select(tables.unit.c.id, tables.unit.c.name)).all())
    person_names = dict(session.execute(select(tables.person.c.id, tables.person.c.name)).all())
    query = (select(_R.task_id, _plain(_R.role), _R.unit_id, _R.person_id)
             .where(_in(_R.task_id, ids))
             .order_by(_R.task_id, _R.sort_order, _R.id))
    field_of = _ROLE_FIELD
    get_row = by_id.get
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    for task_id, group in groupby(_stream(session, query), key=itemgetter(0)):
        row = get_row(task_id)
        if row is None:
            continue
        names: dict[str, list[str]] = {}
        for _task_id, role, unit_id, person_id in group:
            name = unit_names.get(unit_id) if unit_id is not None else person_names.get(person_id)
            names.setdefault(field_of[role], []).append(name or "?")
        for name_field, values in names.items():
            value = tuple(values)
            setattr(row, name_field, shared.setdefault(value, value))


def _attach_counts(session: Reader, by_id: dict[int, TaskRow], ids,
                   same: Callable[[object, object], object]) -> None:
    urging, extension, report = tables.urging.c, tables.extension.c, tables.progress_report.c
    urgings = session.execute(select(urging.task_id, func.count(urging.id))
                              .where(_in(urging.task_id, ids)).group_by(urging.task_id))
    for task_id, n in urgings:
        if task_id in by_id:
            by_id[task_id].urging_count = n
    extensions = session.execute(
        select(extension.task_id, func.max(extension.new_deadline))
        .where(extension.status == ExtensionStatus.APPROVED.value, _in(extension.task_id, ids))
        .group_by(extension.task_id))
    for task_id, new_deadline in extensions:
        if task_id in by_id:
            by_id[task_id].extended_to = new_deadline
    latest = (select(report.task_id, func.max(report.id).label("rid"))
              .where(_in(report.task_id, ids)).group_by(report.task_id).subquery())
    reports = _stream(session, select(report.task_id, report.report_date, report.text, report.percent)
                      .join(latest, report.id == latest.c.rid))
    get_row = by_id.get
    for task_id, report_date, text, percent in reports:
        row = get_row(task_id)
        if row is not None:
            row.last_report_date = same(report_date, report_date)
            row.last_report_text, row.last_percent = text, percent


def week_range(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)
