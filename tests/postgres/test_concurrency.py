"""Many clients writing at once: every report lands, the audit chain stays unbroken, and two
clerks saving the same task never overwrite each other silently."""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db.models import AuditEvent, ProgressReport, Task
from wuyang_tasks.domain.errors import ConflictError
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services.evidence import verify_ledger

from .helpers import TODAY, make_task, save_title, write_reports

WORKERS = 8
REPORTS_EACH = 500


def url_of(ledger) -> str:
    return ledger.url.render_as_string(hide_password=False)


@pytest.mark.slow
def test_eight_clients_writing_500_reports_each_all_land_in_an_unbroken_chain(ledger):
    task_id, unit_id = make_task(ledger, start=True)
    with ledger.read() as s:
        events_before = s.scalar(select(func.count(AuditEvent.id)))
    ctx = multiprocessing.get_context("spawn")
    started = time.monotonic()
    with ctx.Pool(WORKERS) as pool:
        done = pool.starmap(write_reports, [(url_of(ledger), task_id, unit_id, w, REPORTS_EACH)
                                            for w in range(WORKERS)])
    elapsed = time.monotonic() - started
    print(f"\n{ledger.url.get_backend_name()}: {WORKERS}×{REPORTS_EACH} reports in {elapsed:.1f} s")
    assert done == [REPORTS_EACH] * WORKERS
    with ledger.read() as s:
        texts = s.scalars(select(ProgressReport.text).order_by(ProgressReport.id)).all()
        events = s.scalar(select(func.count(AuditEvent.id)))
    assert len(texts) == WORKERS * REPORTS_EACH
    assert events == events_before + WORKERS * REPORTS_EACH
    for w in range(WORKERS):  # each client's reports are stored in the order it made them
        mine = [t for t in texts if t.startswith(f"第{w}组")]
        assert mine == [f"第{w}组第{n}次反馈" for n in range(REPORTS_EACH)]
    result = verify_ledger(ledger)
    assert result.ok, result.message
    assert result.events == events


def test_two_clerks_saving_one_task_at_once_one_gets_a_conflict(ledger):
    task_id, _ = make_task(ledger)
    with ledger.read() as s:
        seen = s.get(Task, task_id).version
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Manager().Barrier(2)
    with ctx.Pool(2) as pool:
        outcomes = pool.starmap(save_title, [(url_of(ledger), task_id, seen, "甲的标题", barrier),
                                             (url_of(ledger), task_id, seen, "乙的标题", barrier)])
    assert sorted(o.split(":")[0] for o in outcomes) == ["conflict", "saved"]
    winner = "甲的标题" if outcomes[0] == "saved" else "乙的标题"
    message = next(o for o in outcomes if o.startswith("conflict"))
    assert "已被其他人修改" in message and winner in message  # shows the other clerk's change
    with ledger.read() as s:
        task = s.get(Task, task_id)
        assert task.title == winner and task.version == seen + 1
        updates = s.scalars(select(AuditEvent.after).where(
            AuditEvent.entity == "task", AuditEvent.entity_id == task_id,
            AuditEvent.action == "update")).all()
    assert len(updates) == 1 and winner in updates[0]


def test_a_second_writer_waits_for_the_first_then_gets_a_conflict(pg_ledger_url):
    """Clerk B saves the task while clerk A's action on it is still open: B's write waits for
    A's (the writers' lock, held from each write's first statement, as SQLite's BEGIN IMMEDIATE),
    then B's save — made on the version B saw before A's — is refused as a conflict naming A's
    change. Nothing is overwritten and the chain stays whole."""
    from wuyang_tasks.db.ledger import open_ledger

    a = open_ledger(pg_ledger_url)
    b = open_ledger(pg_ledger_url)
    outcome = {}

    def clerk_b(seen, cal):
        try:
            with b.write() as sb:
                ts.update_task(sb, task_id, expected_version=seen, cal=cal, title="乙改过的标题")
            outcome["b"] = "saved"
        except ConflictError as exc:
            outcome["b"] = exc

    try:
        task_id, _ = make_task(a)
        cal = a.calendar()
        with a.read() as s:
            seen = s.get(Task, task_id).version
        with a.write() as sa:
            task = sa.get(Task, task_id)
            worker = threading.Thread(target=clerk_b, args=(seen, cal))
            worker.start()
            _wait_for_a_waiting_writer(a)
            ts.update_task(sa, task_id, expected_version=task.version, cal=cal, title="甲的标题")
            ts.transition(sa, task_id, Action.CANCEL, today=TODAY, cal=cal, note="重复立项")
        worker.join(timeout=60)
        assert isinstance(outcome["b"], ConflictError), outcome
        assert "已被其他人修改" in outcome["b"].message
        with a.read() as s:
            assert s.get(Task, task_id).title == "甲的标题"
        assert verify_ledger(a).ok
    finally:
        a.dispose()
        b.dispose()


def _wait_for_a_waiting_writer(ledger, timeout_s: float = 30) -> None:
    """Until another session waits for the writers' lock (pg_locks), or fail."""
    from sqlalchemy import text

    deadline = time.monotonic() + timeout_s
    with ledger.engine.connect() as conn:
        while conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                "AND NOT granted")).scalar() == 0:
            conn.rollback()
            assert time.monotonic() < deadline, "the second writer never waited for the lock"
            time.sleep(0.05)


def test_a_write_holds_the_writers_lock_from_its_first_statement(pg_ledger_url):
    """As SQLite's BEGIN IMMEDIATE: a second writer waits at its start, never between the row
    locks of an edit and the audit chain's lock (edit then move by two clerks: no deadlock)."""
    from sqlalchemy import text

    from wuyang_tasks.db.audit import PG_LOCK_KEY
    from wuyang_tasks.db.ledger import open_ledger

    ledger, other = open_ledger(pg_ledger_url), open_ledger(pg_ledger_url)
    try_lock = text("SELECT pg_try_advisory_xact_lock(:k)")
    try:
        with ledger.write():
            with other.engine.connect() as conn:
                assert conn.execute(try_lock, {"k": PG_LOCK_KEY}).scalar() is False
        with other.engine.connect() as conn:
            assert conn.execute(try_lock, {"k": PG_LOCK_KEY}).scalar() is True
    finally:
        ledger.dispose()
        other.dispose()
