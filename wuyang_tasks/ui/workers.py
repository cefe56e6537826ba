"""Long work off the GUI thread, with a progress dialog that can be cancelled.

The work function runs in a QThread and receives a :class:`Progress`; it reports with
``progress.report(done, total, text)`` and should call ``progress.check()`` between steps so
that 取消 takes effect. A cancelled job's result is dropped. The function must not touch
widgets: it opens its own session (``ledger.read()``) and returns plain data.

The progress dialog is made only once a job has run for its delay: most jobs (opening a
ledger, reading a task) end before, and a dialog made for nothing cost the window's start
some 10 ms each.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised by Progress.check() after the user pressed 取消."""


class Progress:
    def __init__(self, job: Job):
        self._job = job
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int | None = None, text: str | None = None) -> None:
        self.check()
        self._job.progressed.emit(int(done), -1 if total is None else int(total), text or "")


class _Thread(QThread):
    def __init__(self, job: Job):
        super().__init__()
        self._job = job

    def run(self) -> None:
        job = self._job
        try:
            result = job.fn(job.progress)
        except Cancelled:
            job.finished_work.emit(False, None, None)
        except BaseException as exc:  # reported to the GUI thread, shown as a dialog there
            job.finished_work.emit(False, None, exc)
        else:
            job.finished_work.emit(True, result, None)


class Job(QObject):
    progressed = Signal(int, int, str)
    finished_work = Signal(bool, object, object)  # ok, result, error
    done = Signal()

    def __init__(self, title: str, fn: Callable[[Progress], Any], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None], parent_widget: QWidget | None,
                 cancellable: bool, delay_ms: int):
        super().__init__()
        self.fn = fn
        self.progress = Progress(self)
        self.cancelled = False
        self._on_done = on_done
        self._on_error = on_error
        self._title, self._parent_widget = title, parent_widget
        self._cancellable, self._delay_ms = cancellable, delay_ms
        self._dialog: QProgressDialog | None = None
        self._reported = (0, -1, "")  # the latest report, for a dialog made after it
        self._finished = False
        self.progressed.connect(self._on_progress)
        self.finished_work.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._thread = _Thread(self)

    def start(self) -> None:
        QTimer.singleShot(self._delay_ms, self, self._show_dialog)
        self._thread.start()

    def _show_dialog(self) -> None:
        if self._finished or self.cancelled:
            return
        dialog = wait_dialog(self._title, self._parent_widget, width=360)
        if self._cancellable:
            dialog.setCancelButtonText(QCoreApplication.translate("Workers", "Cancel"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog
        self._on_progress(*self._reported)
        dialog.show()

    def cancel(self) -> None:
        self.cancelled = True
        self.progress.cancel()
        if self._dialog is not None:
            self._dialog.hide()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 60_000) -> bool:
        return self._thread.wait(ms)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.cancelled:
            return
        if self._dialog is None:
            _done, seen_total, seen_text = self._reported
            self._reported = (done, total if total >= 0 else seen_total, text or seen_text)
            return
        if total >= 0:
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(min(done, max(total, 1)))
        if text:
            self._dialog.setLabelText(text)

    def _on_finished(self, ok: bool, result: object, error: object) -> None:
        self._thread.wait()
        self._finished = True
        if self._dialog is not None:
            self._dialog.hide()
            self._dialog.deleteLater()
        try:
            if self.cancelled:
                return
            if error is not None:
                self._on_error(error)
            elif ok and self._on_done is not None:
                self._on_done(result)
        finally:
            self.done.emit()


_ACTIVE: set[Job] = set()


def start_job(title: str, fn: Callable[[Progress], Any], on_done: Callable[[Any], None] | None,
              on_error: Callable[[BaseException], None], *, parent: QWidget | None = None,
              cancellable: bool = True, delay_ms: int = 500) -> Job:
    """Start a job and keep it alive until it has finished (see UiContext.run_in_worker)."""
    job = Job(title, fn, on_done, on_error, parent, cancellable, delay_ms)
    _ACTIVE.add(job)
    job.done.connect(lambda: _ACTIVE.discard(job))
    job.start()
    return job


def active_jobs() -> set[Job]:
    return set(_ACTIVE)


def wait_dialog(text: str, parent, *, width: int, cancel_text: str | None = None) -> QProgressDialog:
    """请稍候: a progress dialog without steps, modal to its window, shown at once and kept until
    the caller closes it (a job's, the daily backup's wait at exit)."""
    dialog = QProgressDialog(text, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Workers", "Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(width)
    return dialog
