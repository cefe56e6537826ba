"""导入台账: choose a workbook, see every row as it will be imported (resolved names, problems
highlighted), confirm new units/people, import in a worker. Nothing is written before 导入."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.enums import Role
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.imports.ledger_plan import LedgerPlan, PlannedTask
from wuyang_tasks.imports.ledger_table import TableReading
from wuyang_tasks.imports.names import ALL_TOWNSHIPS
from wuyang_tasks.imports.workbook import sheet_names
from wuyang_tasks.services import intake
from wuyang_tasks.services.task_list import chinese_date

from ...changes import EVERYTHING
from ...context import UiContext
from ...sizing import fit_to_screen

ERROR_BRUSH = QBrush(QColor("#f8d7da"))
EXISTING_BRUSH = QBrush(QColor("#e9ecef"))


@dataclass
class Preview:
    reading: TableReading
    plan: LedgerPlan
    sheets: list[str]


def _names(t: PlannedTask, role: Role) -> str:
    return "、".join(r.display for r in t.roles if r.role is role and r.written != ALL_TOWNSHIPS)


def _territorial(t: PlannedTask) -> str:
    towns = [r for r in t.roles if r.role is Role.TERRITORIAL_UNIT]
    every = sum(1 for r in towns if r.written == ALL_TOWNSHIPS)
    named = [r.display for r in towns if r.written != ALL_TOWNSHIPS]
    return "、".join(([f"各乡镇（{every}个）"] if every else []) + named)


def _deadline(t: PlannedTask) -> str:
    return t.deadline_caption(chinese_date) or ""


class PreviewModel(QAbstractTableModel):
    """One row per task row of the sheet, as it will be imported."""

    ROW, RESULT, TITLE, LEADER, LEAD, COOP, TERRITORIAL, DEADLINE, STATUS, CATEGORY, PROBLEMS = range(11)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.headers = [self.tr("Row"), self.tr("Result"), self.tr("Task"), self.tr("Lead leader"),
                        self.tr("Lead unit"), self.tr("Cooperating units"), self.tr("Territorial units"),
                        self.tr("Deadline"), self.tr("Status"), self.tr("Category"), self.tr("Problems")]
        self.tasks: list[PlannedTask] = []
        self.problems: dict[int, list[str]] = {}

    def set_plan(self, plan: LedgerPlan | None) -> None:
        self.beginResetModel()
        self.tasks = list(plan.tasks) if plan else []
        self.problems = {}
        for p in plan.problems if plan else []:
            if p.row is not None and p.is_error:
                text = " ".join(x for x in (f"{p.column}列" if p.column else "", p.field or "",
                                            f"“{p.value}”" if p.value is not None else "", p.message) if x)
                self.problems.setdefault(p.row, []).append(text)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.tasks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def result_text(self, t: PlannedTask) -> str:
        if self.problems.get(t.row.row):
            return self.tr("Problem")
        if t.update is not None and not t.update.is_empty:
            return self.tr("Update: %1").replace("%1", "；".join(t.update.changes))
        return self.tr("Already in ledger") if t.existing_id else self.tr("New")

    def text(self, t: PlannedTask, column: int) -> str:
        row = t.row
        values = {
            self.ROW: str(row.row), self.RESULT: self.result_text(t), self.TITLE: row.title,
            self.LEADER: _names(t, Role.LEAD_LEADER), self.LEAD: _names(t, Role.LEAD_UNIT),
            self.COOP: _names(t, Role.COOPERATING_UNIT), self.TERRITORIAL: _territorial(t),
            self.DEADLINE: _deadline(t), self.STATUS: row.status.label if row.status else "",
            self.CATEGORY: row.category or "", self.PROBLEMS: "；".join(self.problems.get(row.row, [])),
        }
        return values[column]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t = self.tasks[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(t, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.problems.get(t.row.row):
                return ERROR_BRUSH
            if t.existing_id:
                return EXISTING_BRUSH
        return None


class LedgerImportDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.preview: Preview | None = None
        self.result: intake.LedgerImportResult | None = None
        self.setWindowTitle(self.tr("Import task ledger (Excel)"))
        fit_to_screen(self, 1100, 640)

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("Choose an .xlsx workbook"))
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.addItem(self.tr("(first sheet with a header)"), None)
        self.sheet.activated.connect(lambda _i: self.start_preview())
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Default: the title of the table"))
        self.source.editingFinished.connect(self.start_preview)
        self.create_missing = QCheckBox(self.tr("Create units and people not yet in the ledger"))
        self.create_missing.toggled.connect(lambda _on: self.start_preview())
        self.update_deadlines = QCheckBox(self.tr("Change the deadlines of tasks already in the ledger to the table's"))
        self.update_deadlines.toggled.connect(lambda _on: self.start_preview())

        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Task source"), self.source)
        form.addRow("", self.create_missing)
        form.addRow("", self.update_deadlines)

        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(PreviewModel.TITLE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(PreviewModel.TITLE, 280)
        self.problem_box = QPlainTextEdit()
        self.problem_box.setReadOnly(True)
        self.problem_box.setPlaceholderText(self.tr("Problems found in the file are listed here."))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.problem_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    # -- choosing and previewing ---------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose task ledger"), "",
                                              self.tr("Excel workbooks (*.xlsx *.xlsm);;All files (*)"))
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        self.file.setText(str(path))
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItem(self.tr("(first sheet with a header)"), None)
        self.sheet.blockSignals(False)
        self.start_preview()

    def start_preview(self) -> None:
        if not self.file.text():
            return
        path = Path(self.file.text())
        sheet = self.sheet.currentData()
        source = self.source.text().strip() or None
        create = self.create_missing.isChecked()
        deadlines = self.update_deadlines.isChecked()
        ledger = self.ctx.ledger
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the file…"))

        def work(progress):
            progress.report(0, None, "")
            names = sheet_names(path)
            reading = intake.read_table(path, sheet=sheet, ledger=ledger)
            progress.check()
            plan = intake.preview_ledger(ledger, reading, create_missing=create, source_title=source,
                                         update_deadlines=deadlines)
            return Preview(reading, plan, names)

        self.ctx.run_in_worker(self.tr("Reading the ledger file…"), work, on_done=self.show_preview,
                               on_error=self.show_refusal, parent=self)

    def show_refusal(self, exc: BaseException) -> None:
        self.preview = None
        self.model.set_plan(None)
        if isinstance(exc, LedgerError):
            self.problem_box.setPlainText(exc.message)
            self.summary.setText(self.tr("The file cannot be imported."))
        else:
            self.summary.setText("")
            self.ctx.show_error(exc, self)

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        plan = preview.plan
        if self.sheet.count() == 1:
            for name in preview.sheets:
                self.sheet.addItem(name, name)
        if not self.source.text().strip():
            self.source.setPlaceholderText(plan.source_title)
        self.model.set_plan(plan)
        lines = [p.text() for p in plan.errors] + [self.tr("Note: ") + p.text() for p in plan.warnings]
        self.problem_box.setPlainText("\n".join(lines))
        reading = preview.reading
        text = (self.tr("Sheet %1, header in row %2: %3 task rows — %4 new, %5 already in the ledger, "
                        "%6 problems.")
                .replace("%1", reading.sheet).replace("%2", "、".join(map(str, reading.header_rows)))
                .replace("%3", str(len(plan.tasks))).replace("%4", str(len(plan.to_create)))
                .replace("%5", str(len(plan.existing))).replace("%6", str(len(plan.errors))))
        if plan.new_units or plan.new_people:
            text += " " + self.tr("Will create: %1.").replace(
                "%1", "、".join([u.name for u in plan.new_units] + plan.new_people))
        if plan.to_update:
            text += " " + self.tr("%1 tasks already in the ledger will be updated.").replace(
                "%1", str(len(plan.to_update)))
        self.summary.setText(text)
        self.import_button.setEnabled(not plan.errors and bool(plan.to_create or plan.to_update))

    # -- importing -------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.preview is None or self.preview.plan.errors:
            return
        plan = self.preview.plan
        new = [u.name for u in plan.new_units] + plan.new_people
        if new:
            box = QMessageBox(
                QMessageBox.Icon.Question, self.tr("Create units and people"),
                self.tr("These names are not in the ledger and will be created:\n%1\n\nCreate them and import?")
                .replace("%1", "、".join(new)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        reading = self.preview.reading
        create = self.create_missing.isChecked()
        deadlines = self.update_deadlines.isChecked()
        source = self.source.text().strip() or None
        ledger = self.ctx.ledger

        def work(progress):
            progress.report(0, None, "")
            return intake.import_ledger(ledger, reading, create_missing=create, source_title=source,
                                        update_deadlines=deadlines)

        self.import_button.setEnabled(False)
        self.ctx.run_in_worker(self.tr("Importing…"), work, on_done=self.imported,
                               on_error=self.import_failed, cancellable=False, parent=self)

    def import_failed(self, exc: BaseException) -> None:
        self.ctx.show_error(exc, self)
        self.start_preview()

    def imported(self, result: intake.LedgerImportResult) -> None:
        self.result = result
        self.ctx.data_changed.emit(EVERYTHING)
        text = (self.tr("%1 tasks imported (source “%2”); %3 were already in the ledger.")
                .replace("%1", str(len(result.created))).replace("%2", result.source_title)
                .replace("%3", str(len(result.existing))))
        for code, changes in result.updated:
            text += "\n" + self.tr("Updated %1: %2").replace("%1", code).replace("%2", changes)
        if result.backup_path:
            text += "\n" + self.tr("The ledger was backed up first: %1").replace("%1", str(result.backup_path))
        self.ctx.status_message.emit(text.splitlines()[0])
        QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"), text,
                    QMessageBox.StandardButton.Ok, self).exec()
        self.accept()
