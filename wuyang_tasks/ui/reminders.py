"""Reminders: tasks that turned BLUE (due soon) or RED (overdue) since the clerk last looked.

On start and then every hour the rows are read again (alert levels depend on the day); new
BLUE/RED tasks raise a tray notification and a badge on 任务台账. Opening the task ledger counts
as looking: what is shown then is remembered (per ledger, ``seen_alerts``) and the badge clears.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from wuyang_tasks.domain.enums import AlertLevel

from . import seen_alerts
from .context import UiContext

WATCHED = (AlertLevel.BLUE, AlertLevel.RED)
HOUR_MS = 3_600_000


class Reminders(QObject):
    badge_changed = Signal(int)

    def __init__(self, ctx: UiContext, interval_ms: int = HOUR_MS):
        super().__init__()
        self.ctx = ctx
        self.store = ctx.task_rows
        self.new: set[str] = set()
        self._notified: set[str] = set()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("Task reminders"))
            self.tray.show()
        seen_alerts.drop_legacy(ctx.settings())
        self.store.reset.connect(lambda: self.check(notify=True))
        self.store.rows_changed.connect(lambda _ids: self.check(notify=False))
        ctx.ledger_replaced.connect(self._forget)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.store.load)
        self.timer.start()

    def _key(self) -> str:
        return hashlib.sha1(self.ctx.ledger.display_name().encode()).hexdigest()[:12]

    def current(self) -> dict[str, str]:
        """'id:LEVEL' → task code for every task now BLUE or RED."""
        return {f"{r.id}:{r.alert.value}": r.code for r in self.store.rows if r.alert in WATCHED}

    def seen(self) -> set[str]:
        return seen_alerts.load(self._key())

    def check(self, notify: bool) -> None:
        now = self.current()
        self.new = set(now) - self.seen()
        self.badge_changed.emit(len(self.new))
        fresh = self.new - self._notified
        if notify and fresh:
            self._notified |= fresh
            self.notify(sorted(now[k] for k in fresh), sum(k.endswith(":RED") for k in fresh))

    def notify(self, codes: list[str], red: int) -> None:
        text = self.tr("%1 task(s) turned red or blue: %2").replace("%1", str(len(codes))).replace(
            "%2", "、".join(codes[:8]) + ("…" if len(codes) > 8 else ""))
        if red:
            text += "\n" + self.tr("%1 of them overdue.").replace("%1", str(red))
        self.last_message = text
        if self.tray is not None:
            self.tray.showMessage(self.tr("Deadline reminders"), text,
                                  QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def mark_seen(self) -> None:
        """The clerk looked at the task ledger."""
        if not self.store.loaded:
            return
        seen_alerts.save(self._key(), set(self.current()))
        self.new = set()
        self.badge_changed.emit(0)

    def _forget(self) -> None:
        self._notified = set()
