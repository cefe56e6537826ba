"""The day's automatic backup in the window: in the background, after the window is up.

``open_ledger`` takes it before returning when the command line opens a ledger; the window opens
with ``daily_backup=False`` and :class:`DailyBackup` takes it in a thread a moment after each
ledger is shown, so the window is usable at once. Meanwhile a note in the status bar says so.
``db.backup``'s lock keeps it to one at a time, also against another program on the same
ledger (this one then waits, and finds today's backup made). Closing the window waits for it
with a note and a button to stop it; a stopped or interrupted backup is simply taken at the
next start (nothing half-written is kept). A failure is a red note in the status bar, in
Chinese; a damaged ledger found by the backup's check also says so in a message box.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from wuyang_tasks.db import backup
from wuyang_tasks.db.ledger import LedgerOpenError, take_daily_backup

from ...context import UiContext
from ...errors import describe, log_unexpected
from ...workers import wait_dialog

START_DELAY_MS = 2000  # after the window shows: its first screenful goes first


def _run(path: Path, stop: threading.Event, relay: _Relay) -> None:
    """In the thread: never a widget here, only the relay's signals."""
    try:
        problem = take_daily_backup(path, stop=stop)
    except backup.BackupStopped:
        relay.finished.emit(None, None)
    except LedgerOpenError as exc:  # the snapshot's check found the ledger itself damaged
        relay.damaged.emit(exc.message)
        relay.finished.emit(None, exc.message)
    except Exception as exc:  # noqa: BLE001 — logged, shown as a sentence, never a traceback
        log_unexpected(exc)
        relay.finished.emit(None, describe(exc))
    else:
        newest = next(iter(backup.list_backups(path)), None)
        relay.finished.emit(newest.path if newest and not problem else None, problem)


class _Relay(QObject):
    """Carries the thread's outcome to the GUI thread. Not a child of the window: if the window
    is deleted while the thread runs, the thread still emits into a live object and Qt has
    dropped the connections to the deleted receiver."""

    finished = Signal(object, object)  # path backed up (or None: not needed / stopped), problem text
    damaged = Signal(str)


class DailyBackup(QObject):

    def __init__(self, ctx: UiContext, window: QMainWindow):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.note = QLabel()
        self.note.setObjectName("dailyBackupNote")
        self.note.hide()
        window.statusBar().addPermanentWidget(self.note)
        self._thread: threading.Thread | None = None
        self._path: Path | None = None  # the ledger being backed up
        self._relay: _Relay | None = None
        self._stop = threading.Event()
        self._timer = QTimer(self, singleShot=True, interval=START_DELAY_MS)
        self._timer.timeout.connect(self.start)
        ctx.ledger_replaced.connect(self._timer.start)
        window.installEventFilter(self)  # the window's close waits for a running backup
        # deleted without closing: stop it (the next start takes it)
        self.destroyed.connect(lambda _obj=None, stop=self._stop: stop.set())
        self._timer.start()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.finish_before_exit()
        return False

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def pending(self) -> bool:
        """About to start or running."""
        return self._timer.isActive() or self.is_running()

    def start(self) -> None:
        ledger = self.ctx.ledger
        if self.is_running() or ledger.read_only or ledger.path is None or not ledger.path.exists() \
                or not backup.daily_due(ledger.path):
            return
        self._stop.clear()
        self._path = ledger.path
        self._show_note(self.tr("Making today's automatic backup… (you can go on working)"), error=False)
        relay = self._relay = _Relay()  # kept here, so that it is deleted on this thread
        relay.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        relay.damaged.connect(self._damaged, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=_run, args=(ledger.path, self._stop, relay),
                                        name="daily-backup", daemon=True)
        self._thread.start()

    def _finished(self, made: Path | None, problem: str | None) -> None:
        if self.ctx.ledger.path != self._path:  # another ledger was opened meanwhile: its turn
            self._timer.start()
        if problem:
            self._show_note(problem, error=True)
            return
        self.note.hide()
        if made is not None:
            text = self.tr("Today's automatic backup is done: %1").replace("%1", made.name)
            self.ctx.status_message.emit(text)

    def _damaged(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Today's automatic backup"),
                            message + "\n" + self.tr("Restore it from a backup: File ▸ Backups and restore…"))

    def _show_note(self, text: str, *, error: bool) -> None:
        self.note.setStyleSheet("color: #a61b1b;" if error else "color: #1f5fa8;")
        self.note.setText(text)
        self.note.setToolTip(text)
        self.note.show()

    # -- closing -------------------------------------------------------------------------------
    def finish_before_exit(self) -> None:
        """Called as the window closes: wait for a running backup, with a note and a button that
        stops it (it is then taken at the next start). Returns when the thread has ended."""
        self._timer.stop()
        if not self.is_running():
            return
        dialog = wait_dialog(self.tr("Finishing today's automatic backup; the program closes "
                                     "when it is done…"), self.window, width=420,
                             cancel_text=self.tr("Don't wait (back up at the next start)"))
        loop = QEventLoop()
        dialog.canceled.connect(self._stop.set)
        poll = QTimer(interval=50)
        poll.timeout.connect(lambda: None if self.is_running() else loop.quit())
        poll.start()
        dialog.show()
        loop.exec()
        poll.stop()
        dialog.hide()
        dialog.deleteLater()
