"""Shared set-up for the shared-ledger tests, and the worker functions run in child processes
(module level so that the ``spawn`` start method can import them)."""

from __future__ import annotations

from datetime import date

from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import DeadlineBasis, Role, UnitKind
from wuyang_tasks.domain.errors import ConflictError
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services import units

TODAY = date(2016, 7, 29)


def make_task(ledger, *, start: bool = False) -> tuple[int, int]:
    """A task of 县环保局 (assigned; in progress if ``start``); returns (task id, unit id)."""
    cal = ledger.calendar()
    with ledger.write() as s:
        unit = units.find_unit(s, "县环保局") or units.add_unit(s, "县环保局", UnitKind.DEPARTMENT)
        task = ts.create_task(s, title="排查在建工地扬尘", today=TODAY, cal=cal,
                              deadline=DeadlineSpec(basis=DeadlineBasis.WORKDAY, days=5),
                              responsibilities=[ts.Assignment(Role.LEAD_UNIT, unit_id=unit.id)])
        ts.transition(s, task.id, Action.ASSIGN, today=TODAY, cal=cal)
        if start:
            ts.transition(s, task.id, Action.ACCEPT, today=TODAY, cal=cal)
            ts.transition(s, task.id, Action.START, today=TODAY, cal=cal)
        return task.id, unit.id


def write_reports(url: str, task_id: int, unit_id: int, worker: int, count: int) -> int:
    """One clerk's program: ``count`` progress reports, one transaction (user action) each."""
    ledger = open_ledger(url, daily_backup=False)
    cal = ledger.calendar()
    try:
        for n in range(count):
            with ledger.write() as s:
                ts.report_progress(s, task_id, report_date=TODAY, text=f"第{worker}组第{n}次反馈",
                                   unit_id=unit_id, percent=n % 101, today=TODAY, cal=cal)
    finally:
        ledger.dispose()
    return count


def save_title(url: str, task_id: int, seen_version: int, title: str, barrier) -> str:
    """A clerk saving the task editor: 'saved' or the conflict message."""
    ledger = open_ledger(url, daily_backup=False)
    cal = ledger.calendar()
    try:
        barrier.wait(timeout=60)
        with ledger.write() as s:
            ts.update_task(s, task_id, expected_version=seen_version, cal=cal, title=title)
        return "saved"
    except ConflictError as exc:
        return "conflict:" + exc.message
    finally:
        ledger.dispose()
