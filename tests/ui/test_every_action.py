"""Every action a user can trigger, triggered as the user triggers it.

The walk goes through every page of the navigation and every QAction it finds there — the
page's toolbar and its menus, the actions of a table's right-click menu (opened by a right
click) — then the window's own menus, the 退出 last. Each enabled action is triggered twice
with the page's rows selected: once answering every dialog with 取消, once accepting it with
sensible input (``tests/ui/user.py``). Nothing is listed by hand: an action added to a page or
a menu is walked as soon as it is there. The test fails on any exception that reached the
error handler, that Qt saw escape a slot (pytest-qt), or that was written to errors.log, and on
an action that wrote to the ledger (the audit chain grew) without declaring the role it needs
(ui/access.py): a viewer would have been offered it and refused by the server.

A page's rows are selected as a clerk would: a click on the row that enables the most actions,
then Ctrl+A. On PostgreSQL the walk covers the task ledger only (the page whose actions write
most); the rest does not depend on the backend.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QMenu,
    QPushButton,
    QToolBar,
    QWidget,
)

from wuyang_tasks.services.changes import head
from wuyang_tasks.ui import errors, navigation
from wuyang_tasks.ui.sizing import free_size

from .user import User, settle_qt_objects

IDLE_MS = 60_000
OFFICE_ROOM = QSize(1366 - 16, 768 - 40 - 48)  # a 1366×768 screen, its taskbar, a title bar
CHOICE_LIST = 8  # a view of this many rows or fewer is a choice (报表's kinds), not data


def _label(action: QAction) -> str:
    return action.text().replace("&", "").replace("\n", " ") or action.objectName() or "?"


def _views(page: QWidget) -> list[QAbstractItemView]:
    return [v for v in page.findChildren(QAbstractItemView)
            if v.isVisible() and v.model() is not None and v.model().rowCount() > 0
            and v.selectionMode() != QAbstractItemView.SelectionMode.NoSelection]


def _page_actions(page: QWidget) -> list[QAction]:
    """The page's actions and what its menus (a toolbar button's, 我的筛选) show when opened."""
    seen, found = set(), []
    in_menus = [a for menu in page.findChildren(QMenu) for a in _menu_actions(menu)]
    for action in page.findChildren(QAction) + in_menus:
        if action.menu() is None and not action.isSeparator() and id(action) not in seen \
                and (action.text() or action.objectName()):
            seen.add(id(action))
            found.append(action)
    return found


def _click_row(view: QAbstractItemView, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(index).center())


def _row_enabling(view: QAbstractItemView, action) -> None:
    """Click the first row whose selection enables ``action`` (the first row if none does)."""
    rows = view.model().rowCount()
    for row in range(min(rows, 60)):
        _click_row(view, row)
        if action.isEnabled():
            return
    _click_row(view, 0)


def _page_buttons(page: QWidget) -> list[QAbstractButton]:
    """Push buttons on the page itself (a toolbar's buttons are its actions)."""
    return [b for b in page.findChildren(QPushButton)
            if b.isVisible() and not b.isCheckable() and b.window() is page.window()
            and not isinstance(b.parent(), QToolBar)]


class _ButtonAction:
    """A page's push button, walked like an action (clicked with the mouse)."""

    def __init__(self, button: QAbstractButton):
        self.button = button

    def isEnabled(self) -> bool:
        return self.button.isVisible() and self.button.isEnabled()

    @property
    def target(self) -> QAbstractButton:
        return self.button

    def trigger(self) -> None:
        QTest.mouseClick(self.button, Qt.MouseButton.LeftButton)

    def text(self) -> str:
        return self.button.text()

    def objectName(self) -> str:
        return self.button.objectName()


class Walk:
    def __init__(self, window, user: User, qtbot):
        self.window, self.user, self.qtbot = window, user, qtbot
        self.ctx = window.ctx
        self.triggered: list[str] = []
        self.writers: dict[str, object] = {}  # "where ▸ action" → the action or button, if it wrote

    def settle(self) -> None:
        self.qtbot.waitUntil(self.ctx.is_idle, timeout=IDLE_MS)
        QApplication.processEvents()

    def trigger(self, where: str, action: QAction, select=None) -> None:
        for mode in ("cancel", "accept"):
            if select is not None:
                select()
            if not action.isEnabled():
                continue
            self.user.mode = mode
            before = len(self.user.errors)
            ledger = self.ctx.ledger
            with ledger.read() as s:
                chain = head(s)
            action.trigger()
            self.settle()
            self.triggered.append(f"{where} ▸ {_label(action)} ({mode})")
            if self.ctx.ledger is ledger:  # not 打开台账 / 新建台账
                with ledger.read() as s:
                    if head(s) != chain:
                        self.writers[f"{where} ▸ {_label(action)}"] = getattr(action, "target", action)
            bugs = [e for e in self.user.errors[before:] if e in self.user.bugs]
            assert not bugs, f"{where} ▸ {_label(action)} ({mode}): {bugs[0]!r}"

    def page(self, key: str) -> None:
        self.window.go_to(key)
        self.settle()
        page = self.window.pages[key]
        views = _views(page)
        view = views[0] if views else None
        actions = _page_actions(page) + [_ButtonAction(b) for b in _page_buttons(page)]
        if view is None:
            for action in actions:
                self.trigger(key, action, lambda: self.window.go_to(key))
            return
        if view.model().rowCount() <= CHOICE_LIST:  # a list of kinds: each one in turn
            rows = [lambda r=r: (self.window.go_to(key), _click_row(view, r))
                    for r in range(view.model().rowCount())]
            for i, select in enumerate(rows):
                for action in actions:
                    self.trigger(f"{key} [row {i + 1}]", action, select)
            return
        for action in actions:
            self.trigger(f"{key} [one row]", action,
                         lambda a=action: (self.window.go_to(key), _row_enabling(view, a)))
        if view.selectionMode() != QAbstractItemView.SelectionMode.SingleSelection:
            def select_all():
                self.window.go_to(key)
                view.setFocus()
                QTest.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            for action in actions:
                self.trigger(f"{key} [all rows]", action, select_all)
            select = select_all
        else:
            select = lambda: (self.window.go_to(key), _click_row(view, 0))  # noqa: E731
        for action in self.context_menu(view, select):
            if action not in actions:
                self.trigger(f"{key} right-click", action, select)

    def context_menu(self, view: QAbstractItemView, select) -> list[QAction]:
        if view.contextMenuPolicy() not in (Qt.ContextMenuPolicy.CustomContextMenu,
                                            Qt.ContextMenuPolicy.DefaultContextMenu):
            return []
        select()
        count = len(self.user.menus)
        pos = view.visualRect(view.currentIndex()).center() if view.currentIndex().isValid() \
            else QPoint(5, 5)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
        QApplication.sendEvent(view.viewport(), event)
        return [a for menu in self.user.menus[count:] for a in _menu_actions(menu)]

    def menu_bar(self) -> None:
        """Every menu's actions but 退出 (the walk ends with it)."""
        for top in self.window.menuBar().actions():
            for action in _menu_actions(top.menu()):
                if action is not self.window.action_quit:
                    self.trigger(top.text().replace("&", ""), action)


def _menu_actions(menu: QMenu) -> list[QAction]:
    """What a user sees in the menu when it opens (submenus opened too)."""
    menu.aboutToShow.emit()  # as Qt does when it pops up: menus filled on demand fill now
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found += _menu_actions(action.menu())
        elif action.isVisible():
            found.append(action)
    return found


@pytest.fixture
def walk(main_window, qtbot, monkeypatch, tmp_path, demo_ledger):
    ledger_file = tmp_path / "demo.db" if demo_ledger.is_sqlite else None
    user = User(monkeypatch, tmp_path / "files", ledger_file=ledger_file,
                xlsx_file=lambda: _ledger_workbook(main_window.ctx, tmp_path),
                screenshots=tmp_path / "screenshots")
    user.ctx = main_window.ctx
    main_window.resize(1366, 768)
    yield Walk(main_window, user, qtbot)
    main_window.ctx.wait_for_workers()
    if main_window.ctx.ledger is not demo_ledger:  # 打开台账 / 新建 replaced it: close that one
        main_window.ctx.ledger.dispose()
    settle_qt_objects()


def _ledger_workbook(ctx, tmp_path):
    """The workbook 导入Excel台账 is given: this ledger's own export (it imports as no change)."""
    from wuyang_tasks.exports.ledger_xlsx import write_ledger_xlsx
    from wuyang_tasks.services import documents

    target = tmp_path / "台账.xlsx"
    if not target.exists():
        with ctx.ledger.read() as s:
            doc = documents.build_ledger(s, today=ctx.today(), cal=ctx.calendar())
        write_ledger_xlsx(doc, target)
    return target


def test_every_action_of_the_window(walk, backend):
    keys = [n.key for n in navigation.NAVIGATION] if backend == "sqlite" else ["tasks"]
    keys.sort(key=lambda k: k != "tasks")  # the task ledger first, on the demo as it comes
    for key in keys:
        walk.page(key)
    if backend == "sqlite":
        walk.menu_bar()
        walk.window.action_quit.trigger()
        assert not walk.window.isVisible()
    assert not walk.user.bugs
    room = free_size(walk.window)  # this screen's (offscreen: 800×800; under Xvfb 1366×768)
    for name, size, hint, least in walk.user.sizes:  # never cut off, never squeezed
        assert least.width() <= OFFICE_ROOM.width() and least.height() <= OFFICE_ROOM.height(), \
            (name, least)  # its contents fit a 1366×768 screen
        assert size.width() <= room.width() and size.height() <= room.height(), (name, size)
        assert size.width() >= min(hint.width(), room.width()), (name, size, hint)
        assert size.height() >= min(hint.height(), room.height()), (name, size, hint)
    assert not errors.log_file().exists() or errors.log_file().read_text(encoding="utf-8") == ""
    walked = "\n".join(walk.triggered)
    for expected in ("tasks [all rows] ▸ 导出 Excel… (accept)", "tasks [one row] ▸ 催办… (accept)"):
        assert expected in walked, walked
    assert any(p.suffix == ".xlsx" and p.exists() for p in walk.user.saved)
    guard = walk.ctx.role_guard
    undeclared = [name for name, target in walk.writers.items() if guard.need_of(target) is None]
    assert not undeclared, undeclared
    assert "tasks [one row] ▸ 催办…" in walk.writers  # the check saw the writes
