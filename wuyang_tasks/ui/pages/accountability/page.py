"""问责台账: every record, corrected and voided ones included, with the post held at the time."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QSplitter, QTableView, QToolBar, QVBoxLayout

from wuyang_tasks.services import accountability as acc
from wuyang_tasks.services.attachments import Target
from wuyang_tasks.services.task_list import chinese_date

from ...access import Need
from ...changes import Change, ChangeKind
from ...context import UiContext
from ...page import Page
from ..inspections.rows_model import RowsModel
from ..tasks.evidence_panel import EvidencePanel
from .dialogs import PersonDialog, RecordDialog, VoidDialog


def _cells(v: acc.RecordView) -> list[str]:
    return [str(v.id), v.state_label, v.person_name, v.post_held, v.responsibility_type.label,
            v.measure.label, chinese_date(v.effective_date), v.decision_number or "",
            "、".join(v.task_codes), v.facts]


class AccountabilityPage(Page):
    def __init__(self, ctx: UiContext):
        super().__init__(ctx)
        self.model = RowsModel([self.tr("No."), self.tr("State"), self.tr("Person"), self.tr("Post held then"), self.tr("Responsibility"),
                                self.tr("Measure"), self.tr("Effective"), self.tr("Decision number"), self.tr("Tasks"), self.tr("Facts")],
                               _cells, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda *_: self.open_person())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())

        guard = self.ctx.role_guard
        self.action_new = guard.restrict(QAction(self.tr("New record…"), self), Need.ADMINISTER)
        self.action_new.triggered.connect(self.new_record)
        self.action_correct = guard.restrict(QAction(self.tr("Correct…"), self), Need.ADMINISTER)
        self.action_correct.triggered.connect(self.correct)
        self.action_void = guard.restrict(QAction(self.tr("Void…"), self), Need.ADMINISTER)
        self.action_void.triggered.connect(self.void)
        self.action_person = QAction(self.tr("Person's record…"), self)
        self.action_person.triggered.connect(self.open_person)
        self.action_delete = QAction(self.tr("Delete"), self)
        self.action_delete.setShortcut(QKeySequence.StandardKey.Delete)
        self.action_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action_delete.triggered.connect(self.delete)
        self.addAction(self.action_delete)
        self.toolbar = QToolBar()
        for action in (self.action_new, self.action_correct, self.action_void, self.action_person):
            self.toolbar.addAction(action)
        self.evidence = EvidencePanel(ctx, None)
        evidence_box = QGroupBox(self.tr("Evidence of the selected record"))
        QVBoxLayout(evidence_box).addWidget(self.evidence)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(evidence_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter)
        self._enable()

    def accepts_data_change(self, change: Change) -> bool:
        return change.touches(ChangeKind.ACCOUNTABILITY)

    def refresh(self) -> None:
        with self.ctx.ledger.read() as s:
            views = acc.record_views(s)
        current = self.selected()
        self.model.set_items(views)
        self.table.resizeColumnsToContents()
        self.show_item(record_id=current.id if current else None)

    def show_item(self, record_id: int | None = None, **_) -> None:
        for i, view in enumerate(self.model.items):
            if view.id == record_id:
                self.table.selectRow(i)
        self._enable()

    def selected(self) -> acc.RecordView | None:
        index = self.table.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() and self.model.items else None

    def _enable(self) -> None:
        view = self.selected()
        in_force = bool(view and view.in_force)
        self.action_correct.setEnabled(in_force)
        self.action_void.setEnabled(in_force)
        self.action_person.setEnabled(view is not None)
        target = Target(record_id=view.id) if view is not None else None
        if target != self.evidence.target:
            self.evidence.set_target(target)

    def new_record(self) -> bool:
        dialog = RecordDialog(self.ctx, self)
        if dialog.exec():
            self.show_item(record_id=dialog.record_id)
            return True
        return False

    def correct(self) -> bool:
        view = self.selected()
        if view is None or not view.in_force:
            return False
        dialog = RecordDialog(self.ctx, self, correcting=view.id)
        if dialog.exec():
            self.show_item(record_id=dialog.record_id)
            return True
        return False

    def void(self) -> bool:
        view = self.selected()
        if view is None or not view.in_force:
            return False
        return bool(VoidDialog(self.ctx, view.id, self).exec())

    def delete(self) -> None:
        view = self.selected()
        if view is None:
            return
        try:
            with self.ctx.ledger.read() as s:
                acc.refuse_delete(s, view.id)
        except Exception as exc:  # EvidenceProtected: explain why, as a dialog
            self.ctx.show_error(exc, self)

    def open_person(self) -> None:
        view = self.selected()
        if view is not None:
            PersonDialog(self.ctx, view.person_id, self).exec()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("accountability/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("accountability/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
