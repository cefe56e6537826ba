"""督导检查: the list of visits, the selected visit's results and findings, and the actions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
)

from wuyang_tasks.services import inspections
from wuyang_tasks.services.attachments import Target
from wuyang_tasks.services.task_list import chinese_date

from ...access import Need
from ...changes import Change, ChangeKind
from ...context import UiContext
from ...page import Page
from ..tasks.evidence_panel import EvidencePanel
from .record_dialog import RecordInspectionDialog
from .rows_model import RowsModel
from .templates_dialog import TemplateEditorDialog


def _cells(r: inspections.InspectionRow) -> list[str]:
    return [chinese_date(r.inspected_on), r.place, r.template_name or "", "、".join(r.inspectors),
            str(r.passed), str(r.failed), str(r.not_applicable), str(r.findings),
            str(r.open_rectifications)]


class InspectionsPage(Page):
    def __init__(self, ctx: UiContext):
        super().__init__(ctx)
        self.model = RowsModel([self.tr("Date"), self.tr("Unit / site"), self.tr("Checklist"), self.tr("Inspectors"),
                                self.tr("Pass"), self.tr("Fail"), self.tr("N/A"), self.tr("Findings"),
                                self.tr("Open rectifications")], _cells, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(
            lambda url: self.ctx.navigate("tasks", task_id=int(url.toString().split(":")[1])))

        self.toolbar = QToolBar()
        guard = self.ctx.role_guard
        self.action_record = guard.restrict(QAction(self.tr("Record inspection…"), self), Need.EDIT)
        self.action_record.triggered.connect(self.record_inspection)
        self.action_templates = guard.restrict(QAction(self.tr("Checklist templates…"), self), Need.ADMINISTER)
        self.action_templates.triggered.connect(self.edit_templates)
        self.toolbar.addAction(self.action_record)
        self.toolbar.addAction(self.action_templates)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.addWidget(self._evidence_box())
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter)

    def _evidence_box(self) -> QGroupBox:
        """The problem photos (and other files) of the selected visit's findings."""
        box = QGroupBox(self.tr("Evidence of the finding"))
        self.finding_choice = QComboBox()
        self.finding_choice.currentIndexChanged.connect(self._show_finding_evidence)
        self.evidence = EvidencePanel(self.ctx, None)
        form = QFormLayout(box)
        form.addRow(self.tr("Finding"), self.finding_choice)
        form.addRow(self.evidence)
        return box

    def _show_finding_evidence(self, _index: int) -> None:
        finding_id = self.finding_choice.currentData()
        self.evidence.set_target(Target(finding_id=finding_id) if finding_id is not None else None)

    def accepts_data_change(self, change: Change) -> bool:
        return change.touches(ChangeKind.INSPECTION, ChangeKind.TEMPLATE, ChangeKind.TASK)

    def refresh(self) -> None:
        with self.ctx.ledger.read() as s:
            rows = inspections.list_inspections(s)
        current = self.selected()
        self.model.set_items(rows)
        self.table.resizeColumnsToContents()
        self.show_item(inspection_id=current.id if current else (rows[0].id if rows else None))

    def show_item(self, inspection_id: int | None = None, **_) -> None:
        for i, row in enumerate(self.model.items):
            if row.id == inspection_id:
                self.table.selectRow(i)
                break
        self._show_detail()

    def selected(self) -> inspections.InspectionRow | None:
        index = self.table.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() and self.model.items else None

    def _show_detail(self) -> None:
        row = self.selected()
        self.finding_choice.clear()
        if row is None:
            self.detail.setHtml("<p>" + escape(self.tr("No inspection recorded yet.")) + "</p>")
            return
        with self.ctx.ledger.read() as s:
            d = inspections.inspection_detail(s, row.id)
        for f in d.findings:
            self.finding_choice.addItem(f.description, f.id)
        inspectors = self.tr("Inspectors")
        finding = self.tr("Finding")
        requirement = self.tr("Requirement")
        deadline = self.tr("Deadline")
        parts = [f"<h3>{escape(chinese_date(row.inspected_on))} {escape(row.place)}</h3>",
                 f"<p>{escape(inspectors)}：{escape('、'.join(row.inspectors))}</p>"]
        if d.summary:
            parts.append(f"<p>{escape(d.summary)}</p>")
        parts.append("<table border='1' cellspacing='0' cellpadding='3'>")
        for r in d.results:
            colour = {"FAIL": "#d93025", "NOT_APPLICABLE": "#777"}.get(r.result.value, "#1e8e3e")
            parts.append(f"<tr><td>{r.seq}</td><td>{escape(r.category or '')}</td>"
                         f"<td>{escape(r.content)}</td><td style='color:{colour}'>{r.result.label}</td>"
                         f"<td>{escape(r.remark or '')}</td></tr>")
        parts.append("</table>")
        for f in d.findings:
            task = (f" → <a href='task:{f.task_id}'>{escape(f.task_code)}</a>（{f.task_status.label}）"
                    if f.task_id else "")
            parts.append(f"<p>{escape(finding)}：{escape(f.description)}；"
                         f"{escape(requirement)}：{escape(f.requirement or '—')}；"
                         f"{escape(deadline)}：{escape(chinese_date(f.deadline))}{task}</p>")
        self.detail.setHtml("".join(parts))

    def record_inspection(self) -> bool:
        dialog = RecordInspectionDialog(self.ctx, self)
        if not dialog.exec():
            return False
        self.show_item(inspection_id=dialog.inspection_id)
        return True

    def edit_templates(self) -> None:
        TemplateEditorDialog(self.ctx, self).exec()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("inspections/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("inspections/splitter")
        if state is not None:
            self.splitter.restoreState(state)
