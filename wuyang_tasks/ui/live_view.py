"""Live view: every few seconds the window asks the ledger whether someone else committed
something (services/changes.py: one index lookup on the audit chain's head) and, if so, tells the
pages through ``ctx.data_changed`` — only the changed tasks are read again when every change
belongs to a task. Runs for server ledgers and for SQLite files too (another program, or the
command line, may write the same file).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from sqlalchemy.exc import DBAPIError

from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.services.changes import MAX_CHANGES, POLL_SECONDS, ChangeWatcher
from wuyang_tasks.services.changes import Change as LedgerChange

from .changes import EVERYTHING, Change

LOST_INTERVAL_MS = 30_000  # while the server is unreachable: a poll may wait for the connect timeout


def change_of(changes: list[LedgerChange]) -> Change:
    """What the pages are told of these audit events: the tasks they belong to, or everything."""
    if len(changes) >= MAX_CHANGES or not all(c.is_task_related for c in changes):
        return EVERYTHING
    return Change.tasks(c.task_id for c in changes if c.task_id is not None)


class LiveView(QObject):
    def __init__(self, ctx, interval_ms: int = POLL_SECONDS * 1000):
        super().__init__(ctx)
        self.ctx = ctx
        self.watcher: ChangeWatcher | None = None
        self._lost = False
        self._emitting = False
        self.timer = QTimer(self)
        self.interval_ms = interval_ms
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        ctx.ledger_replaced.connect(self.restart)
        ctx.data_changed.connect(self._after_own_change)
        self.restart()

    def restart(self) -> None:
        self.timer.stop()
        try:
            self.watcher = ChangeWatcher(self.ctx.ledger)
        except (LedgerError, DBAPIError):
            self.watcher = None  # the next poll tries again
        self.timer.start()

    def _after_own_change(self, _change: Change) -> None:
        """This window's own action is shown already: move the counter past it so that it is
        not announced as someone else's (the same login may be used on two PCs, and on SQLite
        every program writes as the same user, so the actor alone cannot tell)."""
        if self._emitting or self.watcher is None:
            return
        try:
            others = self.watcher.others(self.watcher.poll())
        except (LedgerError, DBAPIError):
            return  # the next timed poll reports it
        if others:  # another user committed just before this window's action
            self._announce(others)

    def poll(self) -> None:
        """One look at the change counter (own changes were skipped right after they were made)."""
        try:
            if self.watcher is None:
                self.watcher = ChangeWatcher(self.ctx.ledger)
                return
            changes = self.watcher.poll()
        except (LedgerError, DBAPIError) as exc:  # the server is down: say it once, not every 3 s
            if not self._lost:
                self._lost = True
                self.timer.setInterval(max(self.interval_ms, LOST_INTERVAL_MS))
                self.ctx.status_message.emit(exc.message if isinstance(exc, LedgerError) else
                                             QCoreApplication.translate(
                                                 "LiveView", "The ledger server cannot be reached; "
                                                 "other users' changes will show once it is back."))
            return
        if self._lost:
            self._lost = False
            self.timer.setInterval(self.interval_ms)
        if changes:
            self._announce(changes)

    def _announce(self, changes: list[LedgerChange]) -> None:
        self._emitting = True
        try:
            self.ctx.data_changed.emit(change_of(changes))
        finally:
            self._emitting = False
        self.ctx.status_message.emit(QCoreApplication.translate(
            "LiveView", "Other users updated the ledger"))
