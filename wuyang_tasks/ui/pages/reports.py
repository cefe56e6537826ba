"""报表 page (navigation key ``reports``): choose a document and its parameters, save it, then
open or print it.

Documents: 工作周报, 任务台账, 督查清单, 责任清单/问责台账, 督办通知单 — from the document registry
(exports.registry: read model, writers by suffix, default file name), as ``wuyang-tasks export``.
The few writes a document needs (the briefing's issue number, a new written urging for a
notice) go through ``ctx.perform`` first; reading and rendering run in a worker with progress
and 取消 (a cancelled export leaves no file). This Qt build has no PDF renderer (QtPdf), so
"print" hands the file to the system's viewer (Windows: its print verb).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.exports import registry
from wuyang_tasks.services import checklists, units
from wuyang_tasks.services.task_list import TaskFilter, week_range

from ..access import Need
from ..changes import Change, ChangeKind
from ..context import UiContext
from ..page import Page
from ..printing import open_document, print_document

BRIEFING, LEDGER, CHECKLIST, ACCOUNTABILITY, NOTICE = range(5)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class ReportsPage(Page):
    def __init__(self, ctx: UiContext):
        super().__init__(ctx)
        self.last_path: Path | None = None
        self.kinds = QListWidget()
        self.kinds.addItems([self.tr("Weekly briefing"), self.tr("Task ledger"),
                             self.tr("Supervision checklist"), self.tr("Accountability sheet"),
                             self.tr("Supervision notice")])
        self.kinds.setMaximumWidth(200)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._briefing_form())
        self.stack.addWidget(self._ledger_form())
        self.stack.addWidget(self._checklist_form())
        self.stack.addWidget(self._accountability_form())
        self.stack.addWidget(self._notice_form())
        self.kinds.currentRowChanged.connect(self.stack.setCurrentIndex)

        # every role exports; below 录入 without recording the issue or the written urging first
        self.export_button = ctx.role_guard.open_below(QPushButton(self.tr("Export…")), Need.EDIT)
        self.export_button.clicked.connect(self.export)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_file)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_file)
        for button in (self.open_button, self.print_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.open_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.stack)
        right.addLayout(buttons)
        right.addWidget(self.result)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.kinds)
        layout.addLayout(right, 1)
        self.kinds.setCurrentRow(BRIEFING)

    # ------------------------------------------------------------------ forms
    def _format_combo(self, *formats: str) -> QComboBox:
        combo = QComboBox()
        labels = {".xlsx": self.tr("Excel workbook (.xlsx)"), ".pdf": self.tr("PDF (.pdf)"),
                  ".docx": self.tr("Word document (.docx)")}
        for suffix in formats:
            combo.addItem(labels[suffix], suffix)
        return combo

    def _briefing_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.week_day = QDateEdit()
        self.custom_period = QCheckBox(self.tr("Other period"))
        self.period_from, self.period_to = QDateEdit(), QDateEdit()
        for edit in (self.week_day, self.period_from, self.period_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy年M月d日")
        self.custom_period.toggled.connect(self._period_enabled)
        self.briefing_format = self._format_combo(*registry.BRIEFING.suffixes)
        form.addRow(self.tr("Week containing"), self.week_day)
        form.addRow("", self.custom_period)
        form.addRow(self.tr("From"), self.period_from)
        form.addRow(self.tr("To"), self.period_to)
        form.addRow(self.tr("Format"), self.briefing_format)
        self._period_enabled(False)
        return box

    def _period_enabled(self, custom: bool) -> None:
        self.week_day.setEnabled(not custom)
        self.period_from.setEnabled(custom)
        self.period_to.setEnabled(custom)

    def _ledger_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.ledger_unit, self.ledger_leader = QComboBox(), QComboBox()
        self.ledger_overdue = QCheckBox(self.tr("Overdue tasks only"))
        self.ledger_format = self._format_combo(*registry.LEDGER.suffixes)
        form.addRow(self.tr("Unit"), self.ledger_unit)
        form.addRow(self.tr("County leader"), self.ledger_leader)
        form.addRow("", self.ledger_overdue)
        form.addRow(self.tr("Format"), self.ledger_format)
        return box

    def _checklist_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.checklist_scope = QComboBox()
        self.checklist_scope.addItems([self.tr("A unit"), self.tr("A county leader's townships"),
                                       self.tr("A site")])
        self.checklist_unit, self.checklist_leader = QComboBox(), QComboBox()
        self.checklist_site = QLineEdit()
        self.checklist_site.setPlaceholderText(self.tr("project, site or enterprise name"))
        self.checklist_template = QComboBox()
        form.addRow(self.tr("Inspect"), self.checklist_scope)
        form.addRow(self.tr("Unit"), self.checklist_unit)
        form.addRow(self.tr("County leader"), self.checklist_leader)
        form.addRow(self.tr("Site"), self.checklist_site)
        form.addRow(self.tr("Checklist template"), self.checklist_template)
        self.checklist_scope.currentIndexChanged.connect(
            lambda i: self._only(i, self.checklist_unit, self.checklist_leader, self.checklist_site))
        self._only(0, self.checklist_unit, self.checklist_leader, self.checklist_site)
        return box

    @staticmethod
    def _only(index: int, *fields: QWidget) -> None:
        """Enable the field that belongs to the chosen scope (the others do not apply)."""
        for i, field in enumerate(fields):
            field.setEnabled(i == index)

    def _accountability_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.acc_scope = QComboBox()
        self.acc_scope.addItems([self.tr("A unit"), self.tr("A county leader"), self.tr("Whole county")])
        self.acc_unit, self.acc_leader = QComboBox(), QComboBox()
        self.acc_format = self._format_combo(*registry.ACCOUNTABILITY.suffixes)
        form.addRow(self.tr("Scope"), self.acc_scope)
        form.addRow(self.tr("Unit"), self.acc_unit)
        form.addRow(self.tr("County leader"), self.acc_leader)
        form.addRow(self.tr("Format"), self.acc_format)
        self.acc_scope.currentIndexChanged.connect(lambda i: self._only(i, self.acc_unit, self.acc_leader))
        self._only(0, self.acc_unit, self.acc_leader)
        return box

    def _notice_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.notice_task = QLineEdit()
        self.notice_task.setPlaceholderText("2016-002")
        hint = QLabel(self.tr("Prints the task's latest written urging; a task without one gets a new "
                              "numbered written urging first."))
        hint.setWordWrap(True)
        self.notice_format = self._format_combo(*registry.NOTICE.suffixes)
        form.addRow(self.tr("Task code"), self.notice_task)
        form.addRow(self.tr("Format"), self.notice_format)
        form.addRow("", hint)
        return box

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        today = self.ctx.today()
        self.week_day.setDate(_qdate(today))
        start, end = week_range(today)
        self.period_from.setDate(_qdate(start))
        self.period_to.setDate(_qdate(end))
        with self.ctx.ledger.read() as s:
            unit_names = [u.name for u in units.units_in_order(s)]
            leader_names = [p.name for p in units.county_leaders(s, today)]
            template_names = [t.name for t in checklists.template_views(s)]
        everyone = self.tr("(all)")
        for combo, names, blank in ((self.ledger_unit, unit_names, everyone),
                                    (self.ledger_leader, leader_names, everyone),
                                    (self.checklist_unit, unit_names, None),
                                    (self.checklist_leader, leader_names, None),
                                    (self.acc_unit, unit_names, None), (self.acc_leader, leader_names, None),
                                    (self.checklist_template, template_names, self.tr("(none)"))):
            current = combo.currentText()
            combo.clear()
            if blank is not None:
                combo.addItem(blank, None)
            for name in names:
                combo.addItem(name, name)
            if current:
                combo.setCurrentIndex(max(combo.findText(current), 0))

    # ------------------------------------------------------------------ export
    def _plan(self) -> tuple[registry.DocumentKind, dict, str]:
        """The chosen document (the registry's), its parameters and the file suffix."""
        kind = self.kinds.currentRow()
        if kind == BRIEFING:
            if self.custom_period.isChecked():
                start, end = _pydate(self.period_from), _pydate(self.period_to)
                if end < start:
                    raise ValidationError(self.tr("The end of the period is before its start."))
            else:
                start, end = week_range(_pydate(self.week_day))
            return registry.BRIEFING, {"start": start, "end": end}, self.briefing_format.currentData()
        if kind == LEDGER:
            return (registry.LEDGER, {"unit": self.ledger_unit.currentData(), "leader": self.ledger_leader.currentData(),
                                      "flt": TaskFilter(overdue=self.ledger_overdue.isChecked())},
                    self.ledger_format.currentData())
        if kind == CHECKLIST:
            scope = self.checklist_scope.currentIndex()
            params = {"unit": self.checklist_unit.currentData() if scope == 0 else None,
                      "leader": self.checklist_leader.currentData() if scope == 1 else None,
                      "site": self.checklist_site.text().strip() if scope == 2 else None,
                      "template": self.checklist_template.currentData()}
            if scope == 2 and not params["site"]:
                raise ValidationError(self.tr("Enter the name of the site."))
            return registry.CHECKLIST, params, ".pdf"
        if kind == ACCOUNTABILITY:
            scope = self.acc_scope.currentIndex()
            return (registry.ACCOUNTABILITY, {"unit": self.acc_unit.currentData() if scope == 0 else None,
                                              "leader": self.acc_leader.currentData() if scope == 1 else None,
                                              "whole_county": scope == 2}, self.acc_format.currentData())
        code = self.notice_task.text().strip()
        if not code:
            raise ValidationError(self.tr("Enter the code of the task."))
        return registry.NOTICE, {"task": code}, self.notice_format.currentData()

    def export(self) -> None:
        try:
            kind, params, suffix = self._plan()
        except ValidationError as exc:
            self.ctx.show_error(exc, self)
            return
        ledger, today = self.ctx.ledger, self.ctx.today()
        default_name = kind.file_name(params, today) + suffix
        start_dir = Path(self.ctx.settings().value("reports/folder", str(Path.home())))
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save document"), str(start_dir / default_name),
                                                f"*{suffix}")
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        self.ctx.settings().setValue("reports/folder", str(target.parent))
        if kind.prepare is not None and self.ctx.access.can_edit:
            cal = self.ctx.calendar()
            ok, _ = self.ctx.perform(lambda s: kind.prepare(s, today=today, cal=cal, **params),
                                     changed=Change(ChangeKind.URGING if kind is registry.NOTICE else ChangeKind.DOCUMENT), parent=self)
            if not ok:
                return

        reading, writing = self.tr("Reading the ledger…"), self.tr("Writing rows…")

        def work(progress):  # worker thread: no widgets
            progress.report(0, None, reading)
            return registry.produce(ledger, kind, params, target, today=today, prepared=True,
                                    progress=lambda done, total: progress.report(done, total, writing))

        self.ctx.run_in_worker(self.tr("Exporting…"), work, on_done=self._exported, parent=self)

    def _exported(self, written: registry.Written) -> None:
        self.last_path = written.path
        text = self.tr("Saved: %1").replace("%1", str(self.last_path))
        self.result.setText("\n".join([text, *written.warnings]))
        self.open_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.ctx.status_message.emit(text)

    def open_file(self) -> None:
        if self.last_path:
            open_document(self.last_path)

    def print_file(self) -> None:
        if self.last_path:
            print_document(self.last_path)


def create_page(ctx: UiContext) -> ReportsPage:
    return ReportsPage(ctx)
