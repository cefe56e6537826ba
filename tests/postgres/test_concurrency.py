"""Many clients writing at once: every report lands, the audit chain stays unbroken, and two
clerks saving the same task never overwrite each other silently."""

from __future__ import annotations

import multiprocessing
import time

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db.models import AuditEvent, ProgressReport, Task
from wuyang_tasks.domain.enums import TaskStatus
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


def test_a_save_racing_past_the_version_check_is_a_conflict_too(pg_ledger_url):
    """Clerk A's action has checked the version when clerk B commits: A's UPDATE finds its
    version gone (StaleDataError), which reaches A as a ConflictError naming B's change."""
    from wuyang_tasks.db.ledger import open_ledger

    a = open_ledger(pg_ledger_url)
    b = open_ledger(pg_ledger_url)
    try:
        task_id, _ = make_task(a)
        cal = a.calendar()
        with a.read() as s:
            seen = s.get(Task, task_id).version
        with pytest.raises(ConflictError) as err:
            with a.write() as sa:
                task = sa.get(Task, task_id)
                assert task.version == seen  # A's check passes …
                with b.write() as sb:  # … B saves in between …
                    ts.update_task(sb, task_id, expected_version=seen, cal=cal, title="乙改过的标题")
                task.title = "甲的标题"  # … and A's save must not overwrite B's
                sa.flush()
        assert "乙改过的标题" in err.value.message and "postgres" in err.value.message
        assert err.value.current["title"] == "乙改过的标题"
        with a.read() as s:
            assert s.get(Task, task_id).title == "乙改过的标题"
        assert verify_ledger(a).ok
    finally:
        a.dispose()
        b.dispose()




def test_a_move_whose_task_changed_meanwhile_is_refused_at_commit(pg_ledger_url):
    """Clerk A's 中止 has read the task (and appended its event) when clerk B's 中止 commits: A's
    row update, flushed at commit, finds its version gone and becomes a ConflictError; A's event
    goes with it and the chain stays whole."""
    from wuyang_tasks.db.ledger import open_ledger

    a = open_ledger(pg_ledger_url)
    b = open_ledger(pg_ledger_url)
    try:
        task_id, _ = make_task(a, start=True)
        cal = a.calendar()
        with a.read() as s:
            events = s.scalar(select(func.count(AuditEvent.id)))
        with pytest.raises(ConflictError) as err:
            with a.write() as sa:
                seen = sa.get(Task, task_id)  # A has the task as it was …
                with b.write() as sb:  # … B moves it first …
                    ts.transition(sb, task_id, Action.SUSPEND, today=TODAY, cal=cal)
                moved = ts.transition(sa, task_id, Action.SUSPEND, today=TODAY, cal=cal)
                assert moved is seen  # … A's check passes on it
        assert "已被其他人修改" in err.value.message and "postgres" in err.value.message
        with a.read() as s:
            assert s.get(Task, task_id).status is TaskStatus.SUSPENDED
            assert s.scalar(select(func.count(AuditEvent.id))) == events + 1  # B's event only
        assert verify_ledger(a).ok
    finally:
        a.dispose()
        b.dispose()
