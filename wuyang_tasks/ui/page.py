"""Base class of the pages in the navigation (工作台, 任务台账, …).

A page loads its data in ``refresh()``. The base class calls it the first time the page is
shown and again after ``ctx.data_changed`` / ``ctx.ledger_replaced`` — immediately if the page
is visible, otherwise the next time it is shown — so hidden pages cost nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QWidget

from .changes import Change, ChangeKind
from .context import UiContext


class Page(QWidget):
    badge_changed = Signal(int)  # a number shown next to the page's name in the navigation

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.data_changed.connect(self._on_data_changed)
        ctx.ledger_replaced.connect(self.mark_stale)

    def refresh(self) -> None:
        """Reload what the page shows from ``self.ctx.ledger``."""

    def show_item(self, **kwargs) -> None:
        """Navigation target: e.g. the task ledger selects ``task_id``. Default: nothing."""

    def save_state(self, settings: QSettings) -> None:
        """Remember layout (splitters, columns) under a key of this page."""

    def restore_state(self, settings: QSettings) -> None:
        """Restore what save_state wrote."""

    def accepts_data_change(self, change: Change) -> bool:
        """Whether ``change`` affects this page (default: any change)."""
        return True

    def when_visible(self, update) -> None:
        """Run ``update`` now if the page is shown, else refresh when it is next shown (for
        pages that follow a signal such as the task store's)."""
        if self.isVisible():
            update()
        else:
            self._stale = True

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def _on_data_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.ALL or self.accepts_data_change(change):
            self.mark_stale()

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_now()
