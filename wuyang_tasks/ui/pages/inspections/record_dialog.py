"""Recording a visit: header, one row per checklist item (result, remark, rectification
requirement), a rectification deadline. Saved in one transaction when 确定 is pressed; on an
error the dialog stays open with everything typed."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.enums import CheckResult
from wuyang_tasks.services import checklists, inspections, people, units

from ...changes import Change, ChangeKind
from ...context import UiContext
from ...sizing import fit_to_screen


DATE_FORMAT = "yyyy年M月d日"  # as everywhere else in the window (task editor, lists)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RecordInspectionDialog(QDialog):
    RESULT, REMARK, REQUIREMENT = 2, 3, 4

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.inspection_id: int | None = None
        self.setWindowTitle(self.tr("Record inspection"))
        fit_to_screen(self, 960, 680)
        today = ctx.today()
        with ctx.ledger.read() as s:
            self.units = [(u.id, u.name) for u in units.units_in_order(s)]
            self.templates = checklists.template_views(s)
        self.day = QDateEdit(qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("(none)"), None)
        for unit_id, name in self.units:
            self.unit.addItem(name, unit_id)
        self.site = QLineEdit()
        self.site.setPlaceholderText(self.tr("Project, site or enterprise"))
        self.inspectors = QLineEdit()
        self.inspectors.setPlaceholderText(self.tr("Names separated by 、"))
        self.template = QComboBox()
        for view in self.templates:
            self.template.addItem(view.name, view.id)
        self.template.currentIndexChanged.connect(self._fill_items)
        self.items = QTableWidget(0, 5)
        self.items.setHorizontalHeaderLabels([self.tr("No."), self.tr("Item"), self.tr("Result"),
                                              self.tr("Remark / problem found"),
                                              self.tr("Rectification required")])
        self.items.verticalHeader().setVisible(False)  # the 序号 column numbers the items
        self.items.setWordWrap(True)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for column in (self.REMARK, self.REQUIREMENT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.items.setColumnWidth(column, 190)
        self.deadline = QDateEdit(qdate(ctx.calendar().add_workdays(today, 5)))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat(DATE_FORMAT)
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(60)

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Unit inspected"), self.unit)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Inspectors"), self.inspectors)
        form.addRow(self.tr("Checklist"), self.template)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.items, 1)  # the items take the height; the form keeps its own
        lower = QFormLayout()
        lower.addRow(self.tr("Rectification deadline"), self.deadline)
        lower.addRow(self.tr("Summary"), self.summary)
        layout.addLayout(lower)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill_items()

    def _current_template(self) -> checklists.TemplateView | None:
        return self.templates[self.template.currentIndex()] if self.templates else None

    def _fill_items(self) -> None:
        view = self._current_template()
        items = view.items if view else []
        self.items.setRowCount(len(items))
        for row, item in enumerate(items):
            for col, text in ((0, str(item.seq)), (1, f"{item.category or ''} {item.content}".strip())):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.items.setItem(row, col, cell)
            combo = QComboBox()
            for result in CheckResult:
                combo.addItem(result.label, result.value)
            self.items.setCellWidget(row, self.RESULT, combo)
            self.items.setItem(row, self.REMARK, QTableWidgetItem(""))
            self.items.setItem(row, self.REQUIREMENT, QTableWidgetItem(""))
        self.items.resizeRowsToContents()

    def set_result(self, row: int, result: CheckResult, remark: str = "", requirement: str = "") -> None:
        combo: QComboBox = self.items.cellWidget(row, self.RESULT)
        combo.setCurrentIndex(combo.findData(result.value))
        self.items.item(row, self.REMARK).setText(remark)
        self.items.item(row, self.REQUIREMENT).setText(requirement)

    def save(self, session) -> inspections.Inspection:
        view = self._current_template()
        results, findings = [], []
        deadline = pydate(self.deadline.date())
        for row, item in enumerate(view.items if view else []):
            result = CheckResult(self.items.cellWidget(row, self.RESULT).currentData())
            remark = self.items.item(row, self.REMARK).text().strip()
            requirement = self.items.item(row, self.REQUIREMENT).text().strip()
            results.append(inspections.ItemResult(item.id, result, remark or None))
            if result is CheckResult.FAIL and (remark or requirement):
                findings.append(inspections.FindingSpec(
                    remark or item.content, requirement=requirement or None,
                    deadline=deadline if requirement else None, item_id=item.id))
        inspectors = []
        for name in filter(None, (n.strip() for n in re.split(r"[、,，;；\s]+", self.inspectors.text()))):
            found = people.find_people(session, name)
            inspectors.append(inspections.Inspector(person_id=found[0].id) if len(found) == 1
                              else inspections.Inspector(name=name))
        return inspections.record_inspection(
            session, inspected_on=pydate(self.day.date()), today=self.ctx.today(), cal=self.ctx.calendar(),
            inspectors=inspectors, unit_id=self.unit.currentData(), site=self.site.text(),
            template_id=view.id if view else None, results=results, findings=findings,
            summary=self.summary.toPlainText())

    def accept(self) -> None:
        ok, inspection = self.ctx.perform(self.save, changed=Change(ChangeKind.INSPECTION), parent=self)
        if ok:
            self.inspection_id = inspection.id
            super().accept()

