"""The 反馈表 menu of the 任务台账 toolbar: 下发反馈表…, 收回反馈表…, 本周进展… (the dialogs are
imported when first used)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton

from ...access import Need

if TYPE_CHECKING:
    from ..tasks.page import TasksPage


class FeedbackActions(QObject):
    def __init__(self, page: TasksPage):
        super().__init__(page)
        self.page = page
        guard = page.ctx.role_guard
        self.send = QAction(self.tr("Send feedback forms…"), page)  # writes workbooks, not the ledger
        self.send.triggered.connect(self.send_forms)
        self.collect = guard.restrict(QAction(self.tr("Collect feedback forms…"), page), Need.EDIT)
        self.collect.triggered.connect(self.collect_forms)
        self.weekly = guard.restrict(QAction(self.tr("This week's progress…"), page), Need.EDIT)
        self.weekly.triggered.connect(self.weekly_entry)
        self.button = QToolButton()
        self.button.setText(self.tr("Feedback forms"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        for action in (self.send, self.collect, self.weekly):
            menu.addAction(action)
        self.button.setMenu(menu)

    def send_forms(self) -> None:
        from .send_dialog import FeedbackSendDialog

        FeedbackSendDialog(self.page.ctx, self.page).exec()

    def collect_forms(self) -> None:
        """Asks for the folder of returned workbooks, then shows what collecting would do."""
        folder = QFileDialog.getExistingDirectory(self.page, self.tr("Folder of the returned feedback forms"))
        if folder:
            from .collect_dialog import open_collect_dialog

            open_collect_dialog(self.page.ctx, folder, self.page)

    def weekly_entry(self) -> None:
        """本周进展 over the tasks the list shows (its filter), the open ones."""
        from .weekly_entry import WeeklyEntryDialog

        rows = [r for r in self.page.model.rows if r.status.is_open]
        WeeklyEntryDialog(self.page.ctx, rows, self.page).exec()


def add_feedback_actions(page: TasksPage) -> FeedbackActions:
    actions = FeedbackActions(page)
    page.toolbar.addWidget(actions.button)
    return actions
