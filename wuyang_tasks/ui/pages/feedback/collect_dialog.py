"""收回反馈表: what the returned workbooks of a folder would record — per unit and row: a report,
申请办结, 延期申请, unchanged, a conflict with both sides (the clerk decides: 记录 or 跳过), every
problem — and 收回 when nothing stands in the way (services.feedback_collect, all or nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.enums import FeedbackRequest
from wuyang_tasks.imports.feedback_form import read_forms
from wuyang_tasks.services.returned_forms import FormProblem
from wuyang_tasks.services import feedback_collect as fc

from ...changes import EVERYTHING
from ...context import UiContext
from ...sizing import fit_to_screen

PROBLEM_BRUSH = QBrush(QColor("#f8d7da"))
CONFLICT_BRUSH = QBrush(QColor("#fff3cd"))
UNCHANGED_BRUSH = QBrush(QColor("#e9ecef"))


@dataclass
class Line:
    """One line of the preview: a planned row or a problem."""

    file: str
    unit: str
    row: int | None
    planned: fc.PlannedRow | None = None
    problem: FormProblem | None = None


def plan_lines(plan: fc.CollectPlan) -> list[Line]:
    lines = []
    for wb in plan.workbooks:
        for r in wb.rows:
            lines.append(Line(wb.path.name, wb.unit_name, r.row, planned=r))
        for p in wb.problems:
            lines.append(Line(wb.path.name, wb.unit_name, p.row, problem=p))
    return lines


class CollectModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.headers = [self.tr("File"), self.tr("Unit"), self.tr("Row"), self.tr("Code"), self.tr("Task"),
                        self.tr("Result"), self.tr("To record"), self.tr("Details")]
        self.lines: list[Line] = []

    def set_lines(self, lines: list[Line]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def result(self, line: Line) -> str:
        if line.problem is not None:
            return self.tr("Problem")
        r = line.planned
        if r.kind == fc.UNCHANGED:
            return self.tr("Unchanged")
        if r.kind == fc.CLOSED:
            return self.tr("Not recorded")
        if r.kind == fc.CONFLICT:
            return {None: self.tr("Conflict: to decide"), True: self.tr("Conflict: record"),
                    False: self.tr("Conflict: skip")}[r.record]
        return self.tr("Will be recorded")

    def text(self, line: Line, column: int) -> str:
        r, p = line.planned, line.problem
        if column == 0:
            return line.file
        if column == 1:
            return line.unit
        if column == 2:
            return str(line.row) if line.row else ""
        if column == 5:
            return self.result(line)
        if p is not None:
            return p.text().split("：", 1)[-1] if column == 7 else ""
        if column == 3:
            return r.task_code
        if column == 4:
            return r.task_title
        if column == 6:
            return r.what()
        if r.kind == fc.CONFLICT:
            return f"{r.sent}\n" + self.tr("Now in the ledger: %1").replace("%1", r.now)
        return r.now

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(line, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.problem is not None:
                return PROBLEM_BRUSH
            return {fc.CONFLICT: CONFLICT_BRUSH, fc.UNCHANGED: UNCHANGED_BRUSH,
                    fc.CLOSED: UNCHANGED_BRUSH}.get(line.planned.kind)
        return None


class FeedbackCollectDialog(QDialog):
    def __init__(self, ctx: UiContext, folder: str, forms: list, plan: fc.CollectPlan,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.forms = forms
        self.plan = plan
        self.result_: fc.CollectResult | None = None
        self.setWindowTitle(self.tr("Collect feedback forms"))
        fit_to_screen(self, 1180, 620)
        self.heading = QLabel(self.tr("Folder: %1 (%2 workbooks)").replace("%1", folder)
                              .replace("%2", str(len(forms))))
        self.model = CollectModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((190, 90, 40, 72, 200, 110, 210)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record selected conflicts"))
        self.record_button.clicked.connect(lambda: self.decide(True))
        self.skip_button = QPushButton(self.tr("Skip selected conflicts"))
        self.skip_button.clicked.connect(lambda: self.decide(False))
        decide = QHBoxLayout()
        decide.addWidget(QLabel(self.tr("Conflicts:")))
        decide.addWidget(self.record_button)
        decide.addWidget(self.skip_button)
        decide.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.collect_button = self.buttons.addButton(self.tr("Collect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start_collect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(decide)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.show_plan()

    def show_plan(self) -> None:
        self.model.set_lines(plan_lines(self.plan))
        self.table.resizeRowsToContents()
        plan = self.plan
        rows = plan.to_record
        text = (self.tr("To record: %1 rows (%2 reports, %3 to review, %4 extension requests); unchanged: %5; "
                        "conflicts to decide: %6; problems: %7.")
                .replace("%1", str(len(rows)))
                .replace("%2", str(sum(bool(r.entry.text) for r in rows)))
                .replace("%3", str(sum(r.entry.request is FeedbackRequest.CLOSE for r in rows)))
                .replace("%4", str(sum(r.entry.request is FeedbackRequest.EXTEND for r in rows)))
                .replace("%5", str(len(plan.unchanged))).replace("%6", str(len(plan.undecided)))
                .replace("%7", str(len(plan.problems))))
        if plan.problems:
            text += "\n" + self.tr("Nothing can be collected while there are problems: have the units correct "
                                   "those workbooks, or move them out of the folder, and collect again.")
        self.summary.setText(text)
        has_conflicts = bool(plan.conflicts)
        self.record_button.setEnabled(has_conflicts)
        self.skip_button.setEnabled(has_conflicts)
        self.collect_button.setEnabled(not plan.problems and not plan.undecided and bool(rows))

    def decide(self, record: bool) -> None:
        """记录 or 跳过 for the selected conflict rows (all conflicts if none is selected)."""
        chosen = {i.row() for i in self.table.selectionModel().selectedRows()}
        lines = [line for i, line in enumerate(self.model.lines) if not chosen or i in chosen]
        for line in lines:
            if line.planned is not None and line.planned.kind == fc.CONFLICT:
                line.planned.record = record
        self.show_plan()

    def decisions(self) -> dict[str, bool]:
        return {r.key: r.record for r in self.plan.conflicts if r.record is not None}

    def start_collect(self) -> None:
        if not self.collect_button.isEnabled():
            return
        ledger, forms, decisions = self.ctx.ledger, self.forms, self.decisions()

        def work(progress):
            progress.report(0, None, "")
            return fc.collect(ledger, forms, decisions=decisions)

        self.collect_button.setEnabled(False)
        self.ctx.run_in_worker(self.tr("Collecting…"), work, on_done=self.collected, on_error=self.failed,
                               cancellable=False, parent=self)

    def failed(self, exc: BaseException) -> None:
        self.ctx.show_error(exc, self)
        self.plan = fc.preview(self.ctx.ledger, self.forms, decisions=self.decisions())
        self.show_plan()

    def collected(self, result: fc.CollectResult) -> None:
        self.result_ = result
        self.ctx.data_changed.emit(EVERYTHING)
        text = (self.tr("Recorded %1 reports; %2 tasks submitted for review; %3 extension requests; "
                        "%4 rows unchanged.").replace("%1", str(result.reports))
                .replace("%2", str(result.to_review)).replace("%3", str(result.extensions))
                .replace("%4", str(result.unchanged)))
        if result.backup_path:
            text += "\n" + self.tr("The ledger was backed up first: %1").replace("%1", str(result.backup_path))
        self.ctx.status_message.emit(text.splitlines()[0])
        QMessageBox(QMessageBox.Icon.Information, self.tr("Feedback forms collected"), text,
                    QMessageBox.StandardButton.Ok, self).exec()
        self.accept()


def open_collect_dialog(ctx: UiContext, folder: str, parent: QWidget) -> None:
    """Read the folder's workbooks and preview them in a worker, then show the dialog."""
    ledger = ctx.ledger

    def work(progress):
        progress.report(0, None, "")
        forms = read_forms([Path(folder)])
        return forms, fc.preview(ledger, forms)

    def show(result) -> None:
        forms, plan = result
        # after the reading job has finished (the dialog's own collect is another job)
        QTimer.singleShot(0, lambda: FeedbackCollectDialog(ctx, folder, forms, plan, parent).exec())

    ctx.run_in_worker(QCoreApplication.translate("FeedbackCollectDialog", "Reading the feedback forms…"),
                      work, on_done=show, parent=parent)
