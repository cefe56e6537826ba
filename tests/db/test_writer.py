"""The one write path (issue 15): every audited change goes through the action's writer.

What it promises: the events of an action are appended at its commit in the order they were
stated and not at all when it fails; ``version`` counts actions, not flushes; only db/writer.py
hands events to the chain.
"""

import ast
from contextlib import nullcontext
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from wuyang_tasks.db import audit
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import AuditEvent, Task, Unit
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.enums import TaskStatus, UnitKind
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services.evidence import verify_ledger

PACKAGE = Path(__file__).resolve().parents[2] / "wuyang_tasks"


def _events(ledger) -> int:
    with ledger.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def test_the_ledger_writes_through_a_writer(ledger):
    with ledger.write() as s:
        assert isinstance(s, Writer)
    with ledger.read() as s:
        assert not isinstance(s, Writer)  # a read cannot state a change


def test_events_are_appended_at_commit_in_the_order_stated(ledger):
    before = _events(ledger)
    with ledger.write() as s:
        unit = s.insert(Unit(name="县环保局", kind=UnitKind.DEPARTMENT, sort_order=1))
        s.update(unit, "update", short_name="环保局")
        s.update(unit, "update", short_name="环保局")  # no change: nothing stated
        assert _events(ledger) == before  # buffered until the action commits
    with ledger.read() as s:
        rows = s.execute(select(AuditEvent.entity, AuditEvent.action, AuditEvent.after)
                         .where(AuditEvent.seq > before).order_by(AuditEvent.seq)).all()
    assert [(r.entity, r.action) for r in rows] == [("unit", "create"), ("unit", "update")]
    assert rows[1].after == '{"short_name":"环保局"}'
    assert verify_ledger(ledger).ok


def test_a_failed_action_appends_nothing(ledger):
    before = _events(ledger)
    with pytest.raises(RuntimeError):
        with ledger.write() as s:
            s.insert(Unit(name="县水务局", kind=UnitKind.DEPARTMENT, sort_order=2))
            raise RuntimeError("the clerk's action fails half-way")
    assert _events(ledger) == before
    with ledger.read() as s:
        assert s.scalar(select(Unit.id).where(Unit.name == "县水务局")) is None


def test_version_counts_actions_not_flushes(demo_ledger):
    cal, today = demo_ledger.calendar(), demo_ledger.today()
    with demo_ledger.read() as s:
        task_id, version = s.execute(select(Task.id, Task.version)
                                     .where(Task.status == TaskStatus.ASSIGNED).limit(1)).one()
    with demo_ledger.write() as s:  # 签收, 开始办理 (flushed by the report's insert), the report
        ts.report_progress(s, task_id, report_date=today, text="已开始整治。", today=today, cal=cal)
        s.flush()
        ts.transition(s, task_id, Action.REPORT, today=today, cal=cal)
    with demo_ledger.read() as s:
        assert s.get(Task, task_id).version == version + 1  # one action, one version
    with demo_ledger.write() as s:
        ts.transition(s, task_id, Action.SEND_BACK, today=today, cal=cal, note="佐证不足")
    with demo_ledger.read() as s:
        assert s.get(Task, task_id).version == version + 2


def test_a_new_task_moved_in_its_own_action_is_at_version_one(ledger):
    today = date(2016, 7, 13)
    with ledger.write() as s:
        unit = s.insert(Unit(name="县环保局", kind=UnitKind.DEPARTMENT, sort_order=1))
        task = ts.create_task(s, title="清理违法建设项目", today=today, cal=ledger.calendar(),
                              deadline=ts.DeadlineSpec(day=date(2016, 7, 29)),
                              responsibilities=[ts.Assignment(ts.Role.LEAD_UNIT, unit_id=unit.id)])
        ts.transition(s, task.id, Action.ASSIGN, today=today, cal=ledger.calendar())
    with ledger.read() as s:
        assert s.get(Task, task.id).version == 1


def test_a_stored_row_is_written_at_once_and_told_its_values(demo_ledger):
    """A move on a stored task is one UPDATE, as it is stated (no unit-of-work flush): the object
    holds the new values and version, a later change of another column in the same action is the
    same version, and a change of a foreign key waits for the flush like any other change."""
    cal, today = demo_ledger.calendar(), demo_ledger.today()
    with demo_ledger.read() as s:
        task_id, version = s.execute(select(Task.id, Task.version)
                                     .where(Task.status == TaskStatus.IN_PROGRESS).limit(1)).one()
    statements: list[str] = []
    with demo_ledger.write() as s:
        task = s.get(Task, task_id)
        event.listen(s.connection(), "before_cursor_execute",
                     lambda _c, _k, sql, *_: statements.append(sql))
        ts.transition(s, task_id, Action.SUSPEND, today=today, cal=cal)
        (written,) = [q for q in statements if q.startswith("UPDATE task")]
        assert written.startswith("UPDATE task SET status=") and "task.version =" in written
        assert (task.status, task.version, s.is_modified(task)) == (TaskStatus.SUSPENDED, version + 1, False)
        s.update(task, "update", note="暂停待查")
        s.update(task, "update", parent_id=None, source_id=task.source_id)  # no change: nothing
        assert s.is_modified(task) is False
    with demo_ledger.read() as s:
        stored = s.get(Task, task_id)
        assert (stored.status, stored.note, stored.version) == (TaskStatus.SUSPENDED, "暂停待查", version + 1)
    assert verify_ledger(demo_ledger).ok


def _appends_to_the_chain(path: Path) -> bool:
    """Whether ``path`` calls the chain's append (``record_many``) itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.Call)
               and getattr(node.func, "attr", getattr(node.func, "id", None)) == "record_many"
               for node in ast.walk(tree))


def test_only_the_writer_appends_audit_events():
    callers = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if _appends_to_the_chain(p)}
    assert callers == {"db/writer.py"}


def _create_in(ledger, batched: bool, monkeypatch) -> tuple[list, list]:
    """A unit and two tasks made with ``create``/``create_all`` in one action (in a batch or
    not), with the clock fixed: the rows written and the events' (entity, action, after, row digest)."""
    monkeypatch.setattr(audit, "now_iso", lambda: "2016-07-13T08:00:00.000000+00:00")
    before = _events(ledger)
    with ledger.write() as s:
        with s.batch() if batched else nullcontext():
            unit = s.create(Unit, name="县环保局", kind=UnitKind.DEPARTMENT)
            tasks = s.create_all(Task, [dict(code="2016-001", title="秸秆禁烧", status=TaskStatus.DRAFT),
                                        dict(code="2016-002", title="河长制巡河", is_key=True)])
            assert (unit.id, [t.code for t in tasks]) == (1, ["2016-001", "2016-002"])
    with ledger.read() as s:
        rows = [tuple(r) for r in s.execute(select(Unit.__table__))] + \
            [tuple(r) for r in s.execute(select(Task.__table__).order_by(Task.id))]
        events = s.execute(select(AuditEvent.entity, AuditEvent.action, AuditEvent.after,
                                  AuditEvent.row_digest)
                           .where(AuditEvent.seq > before).order_by(AuditEvent.seq)).all()
    return rows, [tuple(e) for e in events]


def test_create_in_a_batch_writes_what_it_writes_outside(tmp_path, monkeypatch):
    """``create``/``create_all`` make a batch's objects without the mapped class's constructor
    (no instrumented attribute sets, the columns' defaults filled as the flush fills them); the
    rows and events are those of the same calls outside a batch."""
    written = []
    for batched in (True, False):
        led = open_ledger(tmp_path / f"{batched}.db", daily_backup=False)
        written.append(_create_in(led, batched, monkeypatch))
        assert verify_ledger(led).ok
        led.dispose()
    assert written[0] == written[1]
    rows, events = written[0]
    assert [(e[0], e[1]) for e in events] == [("unit", "create"), ("task", "create"), ("task", "create")]
    assert '"urgency":"NORMAL"' in events[1][2] and '"is_key":true' in events[2][2]  # defaults, given values


def test_a_batch_makes_its_objects_without_their_constructor(ledger):
    made = []
    listener = lambda target, args, kwargs: made.append(type(target).__name__)  # noqa: E731
    event.listen(Task, "init", listener)
    try:
        with ledger.write() as s:
            with s.batch():
                s.create(Task, code="2016-001", title="秸秆禁烧")
            assert made == []
            s.create(Task, code="2016-002", title="河长制巡河")  # outside a batch: Task(**values)
            assert made == ["Task"]
    finally:
        event.remove(Task, "init", listener)


def test_create_refuses_a_column_the_table_does_not_have(ledger):
    with ledger.write() as s:
        with pytest.raises(TypeError, match="titel"):
            with s.batch():
                s.create(Task, code="2016-001", titel="秸秆禁烧")
        with pytest.raises(TypeError, match="titel"):
            s.create(Task, code="2016-001", titel="秸秆禁烧")
