"""Dialog sizes that fit the clerk's screen (often 1366×768 with a taskbar)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QWidget

TITLE_BAR, FRAME_MARGIN = 32, 16  # what the window manager adds around a window (Windows 10)


def free_size(widget: QWidget) -> QSize:
    """The largest window the screen's free area holds, title bar and frame included."""
    free = widget.screen().availableGeometry()
    return QSize(free.width() - FRAME_MARGIN, free.height() - TITLE_BAR - FRAME_MARGIN)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """``width``×``height`` — at least what the contents ask for (never cramped), at most what
    the screen holds (never cut off). Called in a dialog's constructor, before its contents
    are laid out: the size is set again when it is first shown."""
    def fit() -> None:
        hint, room = widget.sizeHint(), free_size(widget)
        widget.resize(min(max(width, hint.width()), room.width()),
                      min(max(height, hint.height()), room.height()))
    fit()
    _OnFirstShow(widget, fit)


class _OnFirstShow(QObject):
    def __init__(self, widget: QWidget, then):
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show:
            obj.removeEventFilter(self)
            self.then()
        return False
