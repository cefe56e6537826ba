"""本周进展: one row per open task of the filtered list — last report, the new report, percent,
申请 — so that twenty reports taken by phone or from paper are entered without twenty editors.
保存 records every filled row in one transaction through services.feedback.record_entries, the
service the 反馈表 collect uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.enums import FeedbackRequest
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.imports.feedback_form import parse_day, parse_percent
from wuyang_tasks.services import feedback
from wuyang_tasks.services.feedback_forms import last_report_caption
from wuyang_tasks.services.task_list import TaskRow

from ...changes import Change
from ...context import UiContext
from ...sizing import fit_to_screen

CODE, TITLE, LAST, UNIT, TEXT, PERCENT, REQUEST, EXTEND_TO, REASON, REPORTER = range(10)
EDITABLE = (TEXT, PERCENT, EXTEND_TO, REASON, REPORTER)


class WeeklyEntryDialog(QDialog):
    def __init__(self, ctx: UiContext, rows: list[TaskRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows = rows
        self.saved = 0
        self.setWindowTitle(self.tr("This week's progress"))
        fit_to_screen(self, 1240, 640)
        with ctx.ledger.read() as s:
            self.units = feedback.units_of_tasks(s, [r.id for r in rows])
        self.table = QTableWidget(len(rows), 10, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Task"), self.tr("Last report"), self.tr("Reporting unit"),
            self.tr("New report"), self.tr("Percent"), self.tr("Request"), self.tr("Extend to"),
            self.tr("Reason for extension"), self.tr("Reported by")])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for column, width in enumerate((72, 200, 220, 170, 260, 76, 96, 96, 120, 70)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for i, row in enumerate(rows):
            self._fill(i, row)
        self.table.resizeRowsToContents()
        hint = QLabel(self.tr("%1 open tasks of the current list. Fill in the rows that have news; empty rows "
                              "are left alone. 申请办结 submits the task for review, 申请延期 asks the office "
                              "for a later deadline (date as 2016-09-30).").replace("%1", str(len(rows))))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def _fill(self, i: int, row: TaskRow) -> None:
        for column, text in ((CODE, row.code), (TITLE, row.title), (LAST, last_report_caption(row))):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(i, column, item)
        for column in EDITABLE:
            self.table.setItem(i, column, QTableWidgetItem(""))
        unit = QComboBox()
        for unit_id, name, role in self.units.get(row.id, []):
            unit.addItem(f"{name}（{role}）", unit_id)
        self.table.setCellWidget(i, UNIT, unit)
        request = QComboBox()
        for choice in FeedbackRequest:
            request.addItem(choice.label, choice)
        self.table.setCellWidget(i, REQUEST, request)

    def text(self, i: int, column: int) -> str:
        item = self.table.item(i, column)
        return item.text().strip() if item else ""

    def entries(self) -> list[feedback.FeedbackEntry]:
        """The filled rows as entries; ValidationError naming the row's task and column."""
        entries = []
        for i, row in enumerate(self.rows):
            problems = []

            def bad(message, header, code=row.code):
                problems.append(self.tr("%1, %2: %3").replace("%1", code).replace("%2", header).replace("%3", message))

            percent = parse_percent(self.text(i, PERCENT) or None, lambda m: bad(m, "完成百分比"))
            extend_to = parse_day(self.text(i, EXTEND_TO) or None, lambda m: bad(m, "延期至"))
            if problems:
                raise ValidationError("；".join(problems))
            entry = feedback.FeedbackEntry(
                row.id, self.table.cellWidget(i, UNIT).currentData(), text=self.text(i, TEXT), percent=percent,
                request=FeedbackRequest(self.table.cellWidget(i, REQUEST).currentData()), extend_to=extend_to,
                reason=self.text(i, REASON), reporter=self.text(i, REPORTER))
            if not entry.is_empty:
                entries.append(entry)
        return entries

    def save(self) -> None:
        try:
            entries = self.entries()
        except ValidationError as exc:
            self.ctx.show_error(exc, self)
            return
        if not entries:
            QMessageBox(QMessageBox.Icon.Information, self.windowTitle(), self.tr("No row has been filled in."),
                        QMessageBox.StandardButton.Ok, self).exec()
            return
        ctx = self.ctx
        ok, _ = ctx.perform(lambda s: feedback.record_entries(s, entries, today=ctx.today(), cal=ctx.calendar()),
                            changed=Change.tasks(e.task_id for e in entries), parent=self)
        if ok:
            self.saved = len(entries)
            ctx.status_message.emit(self.tr("%1 progress entries saved").replace("%1", str(len(entries))))
            self.accept()
