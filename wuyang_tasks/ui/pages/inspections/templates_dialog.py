"""Checklist template editor: pick a template, edit its items as a table, save a new version
(items already used by inspections are kept and deactivated, never rewritten), add a template,
stop using one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.services import checklists

from ...changes import Change, ChangeKind
from ...context import UiContext
from ...sizing import fit_to_screen


class TemplateEditorDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Checklist templates"))
        fit_to_screen(self, 820, 520)
        self.views: list[checklists.TemplateView] = []
        self.template = QComboBox()
        self.template.currentIndexChanged.connect(self._show_items)
        self.items = QTableWidget(0, 2)
        self.items.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Item")])
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        add_row = QPushButton(self.tr("Add item"))
        add_row.clicked.connect(self.add_item)
        remove_row = QPushButton(self.tr("Remove item"))
        remove_row.clicked.connect(lambda: self.items.removeRow(self.items.currentRow()))
        self.save_button = QPushButton(self.tr("Save as new version"))
        self.save_button.clicked.connect(self.save)
        new_template = QPushButton(self.tr("New template…"))
        new_template.clicked.connect(self.new_template)
        self.deactivate_button = QPushButton(self.tr("Stop using"))
        self.deactivate_button.clicked.connect(self.deactivate)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (add_row, remove_row, self.save_button, new_template, self.deactivate_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.template)
        layout.addWidget(self.items)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        with self.ctx.ledger.read() as s:
            self.views = checklists.template_views(s)
        self.template.blockSignals(True)
        self.template.clear()
        for view in self.views:
            self.template.addItem(self.tr("%1 (version %2)").replace("%1", view.name)
                                  .replace("%2", str(view.version)), view.id)
        index = self.template.findData(select) if select is not None else 0
        self.template.setCurrentIndex(max(index, 0))
        self.template.blockSignals(False)
        self._show_items()

    def current(self) -> checklists.TemplateView | None:
        index = self.template.currentIndex()
        return self.views[index] if 0 <= index < len(self.views) else None

    def _show_items(self) -> None:
        view = self.current()
        items = view.items if view else []
        self.items.setRowCount(len(items))
        for row, item in enumerate(items):
            self.items.setItem(row, 0, QTableWidgetItem(item.category or ""))
            self.items.setItem(row, 1, QTableWidgetItem(item.content))

    def add_item(self) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        self.items.setItem(row, 0, QTableWidgetItem(""))
        self.items.setItem(row, 1, QTableWidgetItem(""))
        self.items.setCurrentCell(row, 1)

    def edited_items(self) -> list[checklists.ItemSpec]:
        specs = []
        for row in range(self.items.rowCount()):
            category = (self.items.item(row, 0).text() if self.items.item(row, 0) else "").strip()
            content = (self.items.item(row, 1).text() if self.items.item(row, 1) else "").strip()
            if content or category:
                specs.append(checklists.ItemSpec(content, category or None))
        return specs

    def save(self) -> bool:
        view = self.current()
        if view is None:
            return False
        items = self.edited_items()
        ok, _ = self.ctx.perform(lambda s: checklists.revise_items(s, view.id, items,
                                                                   expected_version=view.version),
                                 changed=Change(ChangeKind.TEMPLATE), parent=self, on_conflict=self.reload)
        if ok:
            self.reload(view.id)
        return ok

    def new_template(self) -> bool:
        name, ok = QInputDialog.getText(self, self.tr("New template"), self.tr("Name"))
        if not ok:
            return False
        spec = checklists.TemplateSpec(name=name, items=(checklists.ItemSpec(self.tr("First item")),))
        done, template = self.ctx.perform(lambda s: checklists.create_template(s, spec),
                                          changed=Change(ChangeKind.TEMPLATE), parent=self)
        if done:
            self.reload(template.id)
        return done

    def deactivate(self) -> bool:
        view = self.current()
        if view is None:
            return False
        ok, _ = self.ctx.perform(lambda s: checklists.update_template(
            s, view.id, expected_version=view.version, active=False), changed=Change(ChangeKind.TEMPLATE), parent=self,
            on_conflict=self.reload)
        if ok:
            self.reload()
        return ok
