"""The task rows every page works from, loaded once per ledger in a worker.

Reading 100,000 tasks with their responsibilities and alert levels takes seconds, so the rows
are read once (off the GUI thread) and kept; filters and sorting work on this list in Python.
After an action on some tasks only those rows are read again: pages say which tasks they
changed with ``ctx.perform(..., changed=Change.tasks(ids))`` (ui/changes.py), and the pages get
just those rows (``rows_changed``). Any other change reloads all.

The first load starts only after the window's next paint, so that what it shows first (the
ledger page: a screenful read by ``first_screen`` in a few ms) is on screen at once: the worker
building 10^5 rows holds the GIL, and every model call of a paint would wait for it. The rows
are read through the tables (``Ledger.read_tables``): the first screenful comes before the ORM
is imported at all.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from wuyang_tasks.services.task_list import TaskFilter, TaskRow, first_task_ids, list_tasks

from .changes import Change
from .workers import Progress

FIRST_SCREEN = 100  # rows shown while the whole list loads (more than a screen holds)
PAINT_WAIT_MS = 1000  # load anyway if the first screenful was never painted (window hidden)


class TaskRowStore(QObject):
    reset = Signal()  # the whole list was (re)loaded
    rows_changed = Signal(object)  # {task id: its row read again, None if the task is gone}

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.rows: list[TaskRow] = []
        self.loaded = False
        self._loading = None
        self._deferred = False
        self._stale = True
        ctx.data_changed.connect(self._on_data_changed)
        ctx.ledger_replaced.connect(self.invalidate)

    @property
    def busy(self) -> bool:
        """Loading, or about to (waiting for the first screenful to be painted)."""
        return self._loading is not None or self._deferred

    def first_screen(self, descending: bool = False) -> list[TaskRow]:
        """The first FIRST_SCREEN tasks in code order, read now (on the GUI thread)."""
        with self.ctx.ledger.read_tables() as s:
            ids = first_task_ids(s, limit=FIRST_SCREEN, descending=descending)
            return list_tasks(s, today=self.ctx.today(), cal=self.ctx.calendar(),
                              flt=TaskFilter(task_ids=frozenset(ids)))

    @staticmethod
    def reading_all_caption() -> str:
        return QCoreApplication.translate("TaskStore", "Reading all tasks…")

    def ensure_loaded(self) -> None:
        """Start loading if the rows are missing or out of date (no-op while loading); the
        first load after the next paint of any widget (or PAINT_WAIT_MS)."""
        if not self._stale or self.busy:
            return
        if self.loaded:
            self.load()
            return
        self._deferred = True
        _NextPaint(QCoreApplication.instance(), self._start_deferred)
        QTimer.singleShot(PAINT_WAIT_MS, self._start_deferred)

    def _start_deferred(self) -> None:
        if self._deferred:
            self._deferred = False
            if self._stale and self._loading is None:
                self.load()

    def load(self) -> None:
        ledger, today, cal = self.ctx.ledger, self.ctx.today(), self.ctx.calendar()

        def work(progress: Progress) -> list[TaskRow]:
            progress.report(0, None, QCoreApplication.translate("TaskStore", "Reading the tasks…"))
            with ledger.read_tables() as connection:
                return list_tasks(connection, today=today, cal=cal)

        self._stale = False
        self._loading = self.ctx.run_in_worker(
            QCoreApplication.translate("TaskStore", "Reading the tasks…"), work, self._loaded,
            on_error=self._failed)
        self._loading.done.connect(self._finished)

    def _finished(self) -> None:
        self._loading = None
        if self._stale:  # changed while loading
            self.load()

    def _loaded(self, rows: list[TaskRow]) -> None:
        self.rows = rows
        self.loaded = True
        self.reset.emit()

    def _failed(self, exc: BaseException) -> None:
        self.ctx.show_error(exc)

    def invalidate(self) -> None:
        self._stale = True
        if self._loading is None and self.loaded:  # someone is looking at the rows: reload now
            self.load()

    def reload_ids(self, ids: frozenset[int]) -> None:
        if not self.loaded:
            self._stale = True  # the load under way may have read them before the change
            return
        with self.ctx.ledger.read_tables() as s:
            fresh = list_tasks(s, today=self.ctx.today(), cal=self.ctx.calendar(),
                               flt=TaskFilter(task_ids=ids))
        by_id = {r.id: r for r in fresh}
        changed = {i: by_id.get(i) for i in ids}
        self.rows = [by_id.pop(r.id, None) if r.id in ids else r for r in self.rows]
        if len(fresh) < len(ids):  # a task named is gone
            self.rows = [r for r in self.rows if r is not None]
        self.rows.extend(by_id.values())  # new tasks
        self.rows_changed.emit(changed)

    def _on_data_changed(self, change: Change) -> None:
        if change.task_ids is None:
            self.invalidate()
        else:
            self.reload_ids(change.task_ids)



class _NextPaint(QObject):
    """Calls ``then`` from the event loop once any widget has painted (an application-wide
    event filter, removed at the first paint)."""

    def __init__(self, app, then):
        super().__init__(app)
        self.app, self.then = app, then
        app.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.then is not None:
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # after the rest of this paint pass
            self.then = None
            self.deleteLater()
        return False
