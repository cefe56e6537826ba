"""What every page gets: the open ledger, the day, the calendar, workers, errors, navigation.

Pages never open sessions for writing on their own: ``ctx.perform(fn)`` runs ``fn(session)`` in
one ``ledger.write()`` transaction (one user action), turns errors into dialogs and tells every
page that data changed. Reads for small things use ``with ctx.ledger.read() as s:``; big reads
go through ``ctx.run_in_worker``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QWidget

from wuyang_tasks.db.ledger import Ledger
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.errors import ConflictError, ConnectionLost
from wuyang_tasks.services.access import Access, current_access

from . import errors
from .access import RoleGuard
from .changes import EVERYTHING, Change, ChangeKind
from .settings import app_settings
from .workers import Job, Progress, start_job

if TYPE_CHECKING:  # the ORM is imported after the window's first paint (ui/app.py)
    from sqlalchemy.orm import Session

T = TypeVar("T")


class UiContext(QObject):
    data_changed = Signal(object)  # a Change (ui/changes.py): what kind of records, which ones
    ledger_replaced = Signal()  # another ledger was opened
    navigate_requested = Signal(str, dict)  # page key, arguments for Page.show_item
    status_message = Signal(str)

    def __init__(self, ledger: Ledger, window: QWidget | None = None):
        super().__init__()
        self.ledger = ledger
        self.window = window
        self._calendar: WorkdayCalendar | None = None
        self._jobs: set[Job] = set()
        self._task_rows = None
        self._access: Access | None = None
        self.data_changed.connect(self._forget_calendar)
        self.ledger_replaced.connect(self._forget_access)
        self.role_guard = RoleGuard(self)  # connected after _forget_access: sees the new role

    @property
    def task_rows(self):
        """The shared task rows (ui/task_store.py), created on first use."""
        if self._task_rows is None:
            from .task_store import TaskRowStore

            self._task_rows = TaskRowStore(self)
        return self._task_rows

    # -- the ledger ------------------------------------------------------------------------
    def today(self) -> date:
        return self.ledger.today()

    def calendar(self) -> WorkdayCalendar:
        """The working-day calendar with this ledger's overrides (cached until data changes)."""
        if self._calendar is None:
            self._calendar = self.ledger.calendar()
        return self._calendar

    def replace_ledger(self, ledger: Ledger) -> None:
        old, self.ledger, self._calendar = self.ledger, ledger, None
        self.ledger_replaced.emit()
        if old is not ledger:
            old.dispose()

    @property
    def access(self) -> Access:
        """Who the user is and what the role allows (SQLite: everything), read once per ledger."""
        if self._access is None:
            self._access = current_access(self.ledger)
        return self._access

    def _forget_access(self) -> None:
        self._access = None

    def _forget_calendar(self, change: Change) -> None:
        if change.touches(ChangeKind.CALENDAR):
            self._calendar = None

    def settings(self) -> QSettings:
        return app_settings()

    # -- actions ---------------------------------------------------------------------------
    def perform(self, fn: Callable[[Session], T], *,
                changed: Change | Callable[[T], Change] = EVERYTHING,
                parent: QWidget | None = None,
                on_conflict: Callable[[], None] | None = None) -> tuple[bool, T | None]:
        """Run one user action in one write transaction. Returns (ok, result); on failure
        nothing was saved and the user has seen a dialog (for a conflict: with 重新载入; for a
        lost connection: with 重新连接, which runs the same action again — the caller's dialog
        stays open with what was typed).

        ``changed`` is announced to the pages afterwards: what the action changed, or a function
        of its result giving that (a new task's id is known only once it is saved). After a
        conflict such a function has no result to look at, and every page reloads."""
        parent = parent or self._parent()
        try:
            with self.ledger.write() as session:
                result = fn(session)
        except ConnectionLost as exc:
            if errors.ask_reconnect(parent, exc):
                return self.perform(fn, changed=changed, parent=parent, on_conflict=on_conflict)
            return False, None
        except ConflictError as exc:
            if errors.ask_reload_after_conflict(parent, exc):
                if on_conflict is not None:
                    on_conflict()
                self.data_changed.emit(changed if isinstance(changed, Change) else EVERYTHING)
            return False, None
        except Exception as exc:
            self.show_error(exc, parent)
            return False, None
        self.data_changed.emit(changed if isinstance(changed, Change) else changed(result))
        return True, result

    def show_error(self, exc: BaseException, parent: QWidget | None = None,
                   title: str | None = None) -> None:
        errors.show_error(parent or self._parent(), exc, title)

    def run_in_worker(self, title: str, fn: Callable[[Progress], Any],
                      on_done: Callable[[Any], None] | None = None, *,
                      on_error: Callable[[BaseException], None] | None = None,
                      cancellable: bool = True, parent: QWidget | None = None,
                      delay_ms: int = 500) -> Job:
        """Run ``fn(progress)`` in a worker thread; ``on_done(result)`` back on the GUI thread.
        Errors become dialogs (or go to ``on_error``)."""
        parent = parent or self._parent()
        job = start_job(title, fn, on_done, on_error or (lambda exc: self.show_error(exc, parent)),
                        parent=parent, cancellable=cancellable, delay_ms=delay_ms)
        self._jobs.add(job)
        job.done.connect(lambda: self._jobs.discard(job))
        return job

    def is_idle(self) -> bool:
        """No worker is running or about to (tests wait on this)."""
        return not self._jobs and not (self._task_rows is not None and self._task_rows.busy)

    def wait_for_workers(self, ms: int = 60_000) -> None:
        for job in list(self._jobs):
            job.wait(ms)
        QApplication.processEvents()

    def navigate(self, key: str, **kwargs) -> None:
        self.navigate_requested.emit(key, kwargs)

    def _parent(self) -> QWidget | None:
        return self.window or QApplication.activeWindow()
