"""The new tasks of an imported ledger table, written in bulk.

Created one by one through ``services.tasks`` (create_task, the workflow moves of
``path_from_draft`` up to the imported status, report_progress), each task cost some 30 ORM
statements, several flushes and ten audit events: 10^4 tasks took minutes. Here the same
calls' rules — the functions of ``services.tasks`` they are made of — compute every row and
every audit event first, for all tasks in table order (so the first bad row is refused, as
before, and nothing is written); then the rows go in with executemany (``db.bulk``) and the
events with ``audit.record_many``, in the caller's transaction. The ledger is the one the service calls
write: the same rows and ids, the same events in the same order, apart from the times
(tests/imports/test_bulk_import.py imports one table both ways and compares).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from wuyang_tasks.db import audit, bulk, text_guard
from wuyang_tasks.db.models import LedgerMeta, ProgressReport, Responsibility, Task, Unit
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import Role, TaskStatus
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.domain.workflow import Action, path_from_draft
from wuyang_tasks.imports.ledger_plan import PlannedTask

from . import tasks as task_service


class RowRefused(Exception):
    """The service calls would refuse this row (``error``); nothing has been written."""

    def __init__(self, planned: PlannedTask, error: LedgerError):
        super().__init__(error.message)
        self.planned = planned
        self.error = error


@dataclass
class _NewTask:
    at: str
    created: dict  # the task row as create_task inserts it (待交办)
    row: dict  # the row as it is once the moves are made (what is inserted)
    responsibilities: list[dict]
    steps: list[tuple]  # (action, before, after) of each move; (None, None, None): the report
    report: dict | None = None
    id: int | None = None
    counter: tuple | None = None  # (action, before, after) of the 编号 counter, when it gave the code


@dataclass
class _Codes:
    """编号 as create_task gives them to one task after another: the code written in the
    table, or the year's next number that no task has (those in the ledger and those given in
    this import). A written code already in the ledger never gets here: the plan, made in the
    same transaction, finds such a task as existing (same title) or refuses the row."""

    session: Session
    year: int
    given: set[str] = field(default_factory=set)
    counter: int | None = None
    stored: str | None = None  # the counter's value in ledger_meta, None: no row yet
    in_ledger: set[str] = field(default_factory=set)

    def take(self, written: str | None) -> tuple[str, tuple | None]:
        """The task's code, and the counter's event (as services.common.set_meta writes it)
        when the counter gave it."""
        code = (written or "").strip()
        event = None
        if not code:
            key = task_service.code_counter_key(self.year)
            if self.counter is None:
                meta = self.session.get(LedgerMeta, key)
                self.stored = meta.value if meta else None
                self.counter = int(meta.value) if meta else 0
                self.in_ledger = set(self.session.scalars(
                    select(Task.code).where(Task.code.like(f"{self.year}-%"))))
            self.counter, code = task_service.next_free_code(
                self.year, self.counter, lambda c: c in self.in_ledger or c in self.given)
            value = str(self.counter)
            if self.stored is None:
                event = ("create", None, {"key": key, "value": value})
            elif self.stored != value:
                event = ("update", {"key": key, "value": self.stored}, {"key": key, "value": value})
            self.stored = value
        elif code in self.given:
            raise task_service.code_taken(code)
        self.given.add(code)
        return code, event

    def store(self) -> None:
        if self.counter is not None:
            self.session.merge(LedgerMeta(key=task_service.code_counter_key(self.year),
                                          value=str(self.counter)))


def write_tasks(session: Session, planned: Sequence[PlannedTask], *, source_id: int,
                unit_ids: dict[str, int], person_ids: dict[str, int], today: date,
                cal: WorkdayCalendar, report_day: date, note: str) -> list[str]:
    """Create the planned tasks (their codes, in order); raises :class:`RowRefused`.
    ``unit_ids``/``person_ids``: the units and people just created for the plan, by name;
    ``note``: the note of the workflow moves."""
    builder = _Builder(session, source_id, unit_ids, person_ids, today, cal, report_day, note)
    tasks = []
    for p in planned:
        try:
            tasks.append(builder.task(p))
        except LedgerError as exc:
            raise RowRefused(p, exc) from None
    builder.codes.store()
    _insert(session, tasks)
    audit.record_many(session, _events(tasks))
    return [t.row["code"] for t in tasks]


class _Builder:
    def __init__(self, session: Session, source_id: int, unit_ids: dict[str, int],
                 person_ids: dict[str, int], today: date, cal: WorkdayCalendar,
                 report_day: date, note: str):
        self.s = session
        self.source_id, self.unit_ids, self.person_ids = source_id, unit_ids, person_ids
        self.today, self.cal, self.report_day, self.note = today, cal, report_day, note
        self.codes = _Codes(session, today.year)
        self._found = task_service.row_exists(session)
        self._checked: set[tuple[type, int]] = set()
        self._paths: dict[TaskStatus, list[tuple]] = {}
        self._blank = {model: dict.fromkeys(k for k in model.__table__.c.keys() if k != "id")
                       for model in (Task, Responsibility, ProgressReport)}  # ids: at insert

    def exists(self, model: type, ident: int) -> None:
        if (model, ident) not in self._checked:
            self._found(model, ident)
            self._checked.add((model, ident))

    def task(self, planned: PlannedTask) -> _NewTask:
        """What create_task, the moves and report_progress of the old import wrote for it."""
        row, today = planned.row, self.today
        at = audit.event_time(self.s)
        title = task_service.task_title(row.title)
        code, counter = self.codes.take(row.code)
        created = {**self._blank[Task], "created_at": at, **task_service.draft_values(
            code=code, title=title, cal=self.cal, content=row.content, category=row.category,
            source_id=self.source_id, deadline=planned.deadline or task_service.DeadlineSpec(),
            target=row.target, note=planned.note)}
        text_guard.check_row(Task.__table__, created)  # as the task's flush checks it
        assignments = self._assignments(planned)
        task_service.check_assignments(assignments, self.exists)
        responsibilities = [{**self._blank[Responsibility], "role": a.role, "unit_id": a.unit_id,
                             "person_id": a.person_id, "sort_order": order,
                             **task_service.tenure_values(self.s, a.unit_id, a.person_id, today)}
                            for order, a in enumerate(assignments)]
        new = _NewTask(at, created, dict(created), responsibilities, [], counter=counter)
        final = new.row
        lead = next((a.unit_id for a in assignments if a.role is Role.LEAD_UNIT), None)
        # version counts the task's UPDATEs on the service path: each move is flushed as its
        # event is recorded (audit.record reads the row back)
        for action, changes, before, after in self._moves(row.status or TaskStatus.DRAFT):
            if action is Action.ASSIGN:
                # the chiefs at 交办 are those of today, already on the rows made today; the
                # day and a deadline counted from it are the task's own (in its event too)
                assigned = task_service.assign_changes(
                    code, final["status"], [a.role for a in assignments],
                    {key: final[key] for key in task_service.DEADLINE_COLUMNS}, today, self.cal)
                changes, before, after = task_service.status_change(
                    final["status"], action, today, self.note, assigned, final)
            final.update(changes)
            final["version"] += 1
            new.steps.append((action, before, after))
            if action is Action.START and row.progress:
                # the task is 办理中 now: report_progress makes no move
                text = task_service.report_text(final["status"], row.progress, None,
                                                self.report_day, today)
                if lead is not None:
                    self.exists(Unit, lead)
                new.report = {**self._blank[ProgressReport], "created_at": at, "unit_id": lead,
                              "report_date": self.report_day, "text": text}
                text_guard.check_row(ProgressReport.__table__, new.report)
                new.steps.append((None, None, None))
        return new

    def _moves(self, target: TaskStatus) -> list[tuple]:
        """(action, changed columns, audit before, audit after — encoded) of each move from
        待交办 to ``target``: the same for every task (the moves of one import all happen today)."""
        if target not in self._paths:
            status, moves = TaskStatus.DRAFT, []
            for action in path_from_draft(target):
                changes, before, after = task_service.status_change(status, action, self.today, self.note)
                moves.append((action, changes, audit.encoded(before), audit.encoded(after)))
                status = changes["status"]
            self._paths[target] = moves
        return self._paths[target]

    def _assignments(self, planned: PlannedTask) -> list[task_service.Assignment]:
        out = []
        for r in planned.roles:
            if r.is_unit:
                uid = r.ref_id if r.ref_id is not None else self.unit_ids[r.new_name]
                out.append(task_service.Assignment(r.role, unit_id=uid))
            else:
                pid = r.ref_id if r.ref_id is not None else self.person_ids[r.new_name]
                out.append(task_service.Assignment(r.role, person_id=pid))
        return out


def _insert(session: Session, tasks: list[_NewTask]) -> None:
    """Insert the rows in the order the service calls did, each table's ids from the database."""
    conn = session.connection()

    def inserted_ids(table: Table, rows: list[dict]) -> list[int]:
        if not rows:
            return []
        if conn.dialect.name == "sqlite":
            # without RETURNING (with it SQLAlchemy sends SQLite one row per statement): the
            # write transaction holds the file's lock, so the new ids are those after the last
            last = conn.scalar(select(func.max(table.c.id))) or 0
            bulk.insert_rows(conn, table, rows)
            return list(conn.scalars(select(table.c.id).where(table.c.id > last).order_by(table.c.id)))
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(conn.execute(statement, rows).scalars())

    for t, ident in zip(tasks, inserted_ids(Task.__table__, [t.row for t in tasks]), strict=True):
        t.id = t.created["id"] = ident
        for r in t.responsibilities:
            r["task_id"] = ident
        if t.report is not None:
            t.report["task_id"] = ident
    responsibilities = [r for t in tasks for r in t.responsibilities]
    for r, ident in zip(responsibilities, inserted_ids(Responsibility.__table__, responsibilities),
                        strict=True):
        r["id"] = ident
    reports = [t.report for t in tasks if t.report is not None]
    for r, ident in zip(reports, inserted_ids(ProgressReport.__table__, reports), strict=True):
        r["id"] = ident


def _events(tasks: list[_NewTask]):
    """The audit events of the service calls, in their order."""
    snapshot = audit.snapshot_of_row
    for t in tasks:
        if t.counter is not None:
            yield (t.at, "ledger_meta", None, *t.counter)
        yield t.at, "task", t.id, "create", None, snapshot(t.created)
        for r in t.responsibilities:
            yield t.at, "responsibility", r["id"], "create", None, snapshot(r)
        for action, before, after in t.steps:
            if action is None:
                yield t.at, "progress_report", t.report["id"], "create", None, snapshot(t.report)
            else:
                yield t.at, task_service.STATUS_ENTITY, t.id, action.value, before, after
