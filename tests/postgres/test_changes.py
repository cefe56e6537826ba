"""Live view: a second program sees what the first committed, without restarting."""

from __future__ import annotations

from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services.changes import ChangeWatcher

from .helpers import TODAY, make_task


def test_a_watcher_sees_other_clients_committed_changes(ledger):
    task_id, unit_id = make_task(ledger)
    watcher = ChangeWatcher(ledger)
    assert watcher.poll() == []
    other = open_ledger(ledger.url, daily_backup=False)  # another clerk's program
    try:
        cal = other.calendar()
        with other.write() as s:
            ts.report_progress(s, task_id, report_date=TODAY, text="已完成一半", unit_id=unit_id,
                               today=TODAY, cal=cal)
            assert watcher.poll() == []  # not committed yet: nothing to see
        changes = watcher.poll()
    finally:
        other.dispose()
    assert {(c.entity, c.task_id) for c in changes} >= {("progress_report", task_id), ("task", task_id)}
    assert all(c.task_id == task_id for c in changes)
    assert [c.seq for c in changes] == sorted(c.seq for c in changes)
    assert watcher.poll() == []
