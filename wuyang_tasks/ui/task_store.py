"""The task rows every page works from, loaded once per ledger in a worker.

Reading 100,000 tasks with their responsibilities and alert levels takes seconds, so the rows
are read once (off the GUI thread) and kept; filters and sorting work on this list in Python.
After an action on some tasks only those rows are read again: pages say which tasks they
changed with ``ctx.perform(..., changed=task_change(ids))``. Any other change reloads all.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from wuyang_tasks.services.task_list import TaskFilter, TaskRow, list_tasks

from .workers import Progress

TASK_PREFIX = "task:"


def task_change(ids: Iterable[int]) -> str:
    """The ``changed`` argument of ctx.perform for an action on these tasks."""
    return TASK_PREFIX + ",".join(str(i) for i in sorted(set(ids)))


def changed_task_ids(entity: str) -> set[int] | None:
    if not entity.startswith(TASK_PREFIX):
        return None
    return {int(x) for x in entity[len(TASK_PREFIX):].split(",") if x}


class TaskRowStore(QObject):
    reset = Signal()  # the whole list was (re)loaded
    rows_changed = Signal(object)  # set of task ids read again

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.rows: list[TaskRow] = []
        self.loaded = False
        self._loading = None
        self._stale = True
        ctx.data_changed.connect(self._on_data_changed)
        ctx.ledger_replaced.connect(self.invalidate)

    def ensure_loaded(self) -> None:
        """Start loading if the rows are missing or out of date (no-op while loading)."""
        if self._stale and self._loading is None:
            self.load()

    def load(self) -> None:
        ledger, today, cal = self.ctx.ledger, self.ctx.today(), self.ctx.calendar()

        def work(progress: Progress) -> list[TaskRow]:
            progress.report(0, None, QCoreApplication.translate("TaskStore", "Reading the tasks…"))
            with ledger.read() as s:
                return list_tasks(s, today=today, cal=cal)

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

    def reload_ids(self, ids: set[int]) -> None:
        if not self.loaded:
            return
        with self.ctx.ledger.read() as s:
            fresh = list_tasks(s, today=self.ctx.today(), cal=self.ctx.calendar(),
                               flt=TaskFilter(task_ids=frozenset(ids)))
        by_id = {r.id: r for r in fresh}
        self.rows = [by_id.pop(r.id, r) if r.id in ids else r for r in self.rows]
        self.rows.extend(by_id.values())  # new tasks
        self.rows_changed.emit(ids)

    def _on_data_changed(self, entity: str) -> None:
        ids = changed_task_ids(entity)
        if ids is None:
            self.invalidate()
        else:
            self.reload_ids(ids)

