"""Pickers for responsibilities: a searchable list of checkable names (units in official order,
people with their posts) — never free text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from wuyang_tasks.services.task_views import Choice


class CheckList(QWidget):
    changed = Signal()

    def __init__(self, choices: list[Choice], parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        for choice in choices:
            text = f"{choice.name}（{choice.detail}）" if choice.detail else choice.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def _items(self):
        return (self.list.item(i) for i in range(self.list.count()))

    def _filter(self, text: str) -> None:
        for item in self._items():
            item.setHidden(bool(text) and text not in item.text())

    def checked_ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: list[int]) -> None:
        wanted = set(ids)
        for item in self._items():
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)
