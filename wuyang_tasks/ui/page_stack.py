"""The main window's pages, each built the first time it is shown or asked for.

Building all seven pages at start (their modules, services, widgets and models) cost
0.3–0.7 s before the window could paint, and a session opens two or three of them. A page
built late behaves as one built at start: a page loads its data when it is first shown anyway
(ui/page.py), the window connects its badge and restores its remembered layout as it is built
(``page_created``), and the page's actions declared their role restrictions as they were made.
"""

from __future__ import annotations

import linecache
from collections.abc import Iterator, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget

from . import navigation
from .context import UiContext
from .page import Page


class PageStack(QStackedWidget):
    page_created = Signal(str, object)  # key, page — before the page is first shown

    def __init__(self, ctx: UiContext):
        super().__init__()
        self.ctx = ctx
        self.built: dict[str, Page] = {}  # in the order they were built

    def page(self, key: str) -> Page:
        page = self.built.get(key)
        if page is None:
            page = navigation.create_page(navigation.entry(key), self.ctx)
            forget_module_sources()
            self.built[key] = page
            self.addWidget(page)
            self.page_created.emit(key, page)
        return page

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        self.setCurrentWidget(page)
        return page


def forget_module_sources() -> None:
    """PySide6's import hook reads every module imported after PySide6 with inspect.getsource
    (to see whether it names PySide6), which keeps each file's lines in linecache: ≈ 4 MB once
    the window and its first pages are built, held for the whole session. Nothing needs them (a
    traceback reads its files again), so they are let go as each page is built, before the task
    rows are read."""
    linecache.clearcache()


class Pages(Mapping[str, Page]):
    """``window.pages[key]``: the page of a navigation key, built now if it was not yet.
    Iterating visits every key (and so builds every page); ``PageStack.built`` has only the
    pages built so far."""

    def __init__(self, stack: PageStack):
        self._stack = stack

    def __getitem__(self, key: str) -> Page:
        if key not in self:
            raise KeyError(key)
        return self._stack.page(key)

    def __contains__(self, key: object) -> bool:
        return any(nav.key == key for nav in navigation.NAVIGATION)

    def __iter__(self) -> Iterator[str]:
        return (nav.key for nav in navigation.NAVIGATION)

    def __len__(self) -> int:
        return len(navigation.NAVIGATION)
