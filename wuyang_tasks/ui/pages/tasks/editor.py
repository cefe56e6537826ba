"""The task editor: facts, responsibilities (pickers), deadline with its basis and the computed
date, the history (audit trail) and the progress reports of one task."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import DeadlineBasis, Role, Urgency
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.services import task_views
from wuyang_tasks.services.attachments import Target
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.task_list import chinese_date
from wuyang_tasks.services.task_views import PickLists, TaskDetail
from wuyang_tasks.services.tasks import Assignment

from ...access import Need
from ...changes import Change
from ...context import UiContext
from ...sizing import fit_to_screen
from .evidence_panel import EvidencePanel
from .extensions import decide_extension_dialog, request_extension_dialog
from .pickers import CheckList

DATE_FORMAT = "yyyy年M月d日"


def _qdate(day: date | None, fallback: date) -> QDate:
    day = day or fallback
    return QDate(day.year, day.month, day.day)


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day, day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


class TaskEditor(QDialog):
    def __init__(self, ctx: UiContext, task_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task_id = task_id
        self.saved = False
        with ctx.ledger.read() as s:
            self.picks: PickLists = task_views.pick_lists(s, ctx.today())
            self.detail: TaskDetail | None = task_views.task_detail(s, task_id) if task_id else None
        self.setWindowTitle(self.tr("New task") if task_id is None else
                            self.tr("Task %1").replace("%1", self.detail.code))
        fit_to_screen(self, 860, 680)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._facts_tab(), self.tr("Task"))
        self.tabs.addTab(self._responsibility_tab(), self.tr("Responsibilities"))
        if task_id is not None:
            self.tabs.addTab(self._reports_tab(), self.tr("Progress reports"))
            self.evidence = EvidencePanel(ctx, Target(task_id=task_id), whole_file=True)
            self.evidence.changed.connect(self._evidence_changed)
            self.tabs.addTab(self.evidence, self.tr("Evidence"))
            self.tabs.addTab(self._history_tab(), self.tr("History"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        guard = ctx.role_guard  # every role opens a task; saving needs 录入
        self.save_button = guard.restrict(buttons.button(QDialogButtonBox.StandardButton.Save), Need.EDIT)
        layout = QVBoxLayout(self)
        if self.detail is not None:
            status = QLabel(self.tr("Status: %1").replace("%1", self.detail.status.label))
            status.setObjectName("statusLine")
            top = QHBoxLayout()
            top.addWidget(status, 1)
            if self.detail.status.is_open:
                self.request_extension_button = guard.restrict(QPushButton(self.tr("Request extension…")),
                                                               Need.EDIT)
                self.request_extension_button.clicked.connect(self.request_extension)
                self.decide_extension_button = guard.restrict(QPushButton(self.tr("Decide on extension…")),
                                                              Need.EDIT)
                self.decide_extension_button.clicked.connect(self.decide_extension)
                top.addWidget(self.request_extension_button)
                top.addWidget(self.decide_extension_button)
            layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        if self.detail is not None:
            self._load(self.detail)
        self._update_deadline_preview()

    # -- tabs ---------------------------------------------------------------------------------
    def _facts_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("assigned automatically, e.g. %1-001")
                                     .replace("%1", str(self.ctx.today().year)))
        self.title = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setMinimumHeight(90)
        self.source = QComboBox()
        self.source.addItem(self.tr("(none)"), None)
        for choice in self.picks.sources:
            self.source.addItem(choice.name, choice.id)
        self.parent_code = QLineEdit()
        self.parent_code.setPlaceholderText(self.tr("code of the parent task, if this is a sub-task"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItem("")
        self.category.addItems(self.picks.categories)
        self.urgency = QComboBox()
        for urgency in Urgency:
            self.urgency.addItem(urgency.label, urgency.value)
        self.is_key = QCheckBox(self.tr("Key task"))
        self.target = QLineEdit()
        self.note = QLineEdit()
        row = QHBoxLayout()
        row.addWidget(self.urgency)
        row.addWidget(self.is_key)
        row.addStretch(1)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Parent task"), self.parent_code)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Urgency"), row)
        form.addRow(self.tr("Quantitative target"), self.target)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self._deadline_box())
        return page

    def _deadline_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Deadline"))
        grid = QGridLayout(box)
        today = self.ctx.today()
        self.mode = QButtonGroup(self)
        self.mode_date = QRadioButton(self.tr("On a date"))
        self.mode_days = QRadioButton(self.tr("Within"))
        self.mode_monthly = QRadioButton(self.tr("Every month by day"))
        self.mode_ongoing = QRadioButton(self.tr("Ongoing (长期坚持)"))
        for button in (self.mode_date, self.mode_days, self.mode_monthly, self.mode_ongoing):
            self.mode.addButton(button)
        self.deadline_day = _date_edit(today)
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setValue(10)
        self.basis = QComboBox()
        for basis in (DeadlineBasis.WORKDAY, DeadlineBasis.CALENDAR):
            self.basis.addItem(basis.label, basis.value)
        self.start_label = QLabel(self.tr("counted from"))
        self.start_day = _date_edit(today)
        self.start_on_assign = QCheckBox(self.tr("the day it is assigned"))
        self.monthly_day = QSpinBox()
        self.monthly_day.setRange(1, 31)
        self.monthly_day.setValue(25)
        self.deadline_text = QLineEdit()
        self.deadline_text.setPlaceholderText(self.tr("as written in the source (optional)"))
        self.computed = QLabel()
        self.computed.setObjectName("computedDeadline")
        self.computed.setStyleSheet("font-weight: bold; color: #1f5fa8;")
        grid.addWidget(self.mode_date, 0, 0)
        grid.addWidget(self.deadline_day, 0, 1)
        grid.addWidget(self.mode_days, 1, 0)
        days_row = QHBoxLayout()
        for widget in (self.days, self.basis, self.start_label, self.start_day, self.start_on_assign):
            days_row.addWidget(widget)
        days_row.addStretch(1)
        grid.addLayout(days_row, 1, 1)
        grid.addWidget(self.mode_monthly, 2, 0)
        grid.addWidget(self.monthly_day, 2, 1)
        grid.addWidget(self.mode_ongoing, 3, 0)
        grid.addWidget(QLabel(self.tr("Wording")), 4, 0)
        grid.addWidget(self.deadline_text, 4, 1)
        grid.addWidget(QLabel(self.tr("Computed deadline")), 5, 0)
        grid.addWidget(self.computed, 5, 1)
        self.mode_date.setChecked(True)
        for signal in (self.mode.buttonToggled, self.deadline_day.dateChanged, self.days.valueChanged,
                       self.basis.currentIndexChanged, self.start_day.dateChanged,
                       self.start_on_assign.toggled, self.monthly_day.valueChanged):
            signal.connect(self._update_deadline_preview)
        return box

    def _responsibility_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        self.lead_unit = QComboBox()
        self.lead_unit.addItem(self.tr("(choose the lead unit)"), None)
        for choice in self.picks.units:
            self.lead_unit.addItem(choice.name, choice.id)
        self.leaders = CheckList(self.picks.leaders)
        self.cooperating = CheckList(self.picks.units)
        self.territorial = CheckList(self.picks.units)
        self.persons = CheckList(self.picks.people)
        grid.addWidget(QLabel(Role.LEAD_UNIT.label), 0, 0)
        grid.addWidget(self.lead_unit, 0, 1, 1, 3)
        for col, (role, picker) in enumerate(((Role.LEAD_LEADER, self.leaders),
                                              (Role.COOPERATING_UNIT, self.cooperating),
                                              (Role.TERRITORIAL_UNIT, self.territorial),
                                              (Role.RESPONSIBLE_PERSON, self.persons))):
            grid.addWidget(QLabel(role.label), 1, col)
            grid.addWidget(picker, 2, col)
        return page

    def _reports_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.reports = QTableWidget(0, 4)
        self.reports.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Unit"), self.tr("Percent"),
                                                self.tr("Progress")])
        self.reports.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.reports.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reports.verticalHeader().setVisible(False)
        self.reports.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reports.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reports.currentCellChanged.connect(self._show_report_evidence)
        layout.addWidget(self.reports, 1)
        evidence_box = QGroupBox(self.tr("Evidence of the selected report"))
        self.report_evidence = EvidencePanel(self.ctx, None)
        self.report_evidence.changed.connect(self._evidence_changed)
        QVBoxLayout(evidence_box).addWidget(self.report_evidence)
        layout.addWidget(evidence_box, 1)
        box = QGroupBox(self.tr("Add a report"))
        form = QFormLayout(box)
        self.report_unit = QComboBox()
        self.report_date = _date_edit(self.ctx.today())
        self.report_percent = QSpinBox()
        self.report_percent.setRange(0, 100)
        self.report_percent.setSuffix(" %")
        self.report_text = QPlainTextEdit()
        self.report_text.setMaximumHeight(80)
        self.report_close = QCheckBox(self.tr("Finished: submit for review (已反馈)"))
        self.add_report_button = self.ctx.role_guard.restrict(QPushButton(self.tr("Add report")), Need.EDIT)
        self.add_report_button.clicked.connect(self.add_report)
        form.addRow(self.tr("Unit"), self.report_unit)
        form.addRow(self.tr("Date"), self.report_date)
        form.addRow(self.tr("Percent"), self.report_percent)
        form.addRow(self.tr("Progress"), self.report_text)
        form.addRow(self.report_close, self.add_report_button)
        layout.addWidget(box)
        self._fill_reports()
        return page

    def _history_tab(self) -> QWidget:
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("Action"),
                                                self.tr("Details")])
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.setWordWrap(True)
        self._fill_history()
        return self.history

    # -- loading ------------------------------------------------------------------------------
    def _load(self, d: TaskDetail) -> None:
        self.code.setText(d.code)
        self.title.setText(d.title)
        self.content.setPlainText(d.content)
        self.source.setCurrentIndex(max(self.source.findData(d.source_id), 0))
        if d.parent_id:
            with self.ctx.ledger.read() as s:
                self.parent_code.setText(task_views.task_detail(s, d.parent_id).code)
        self.category.setCurrentText(d.category or "")
        self.urgency.setCurrentIndex(self.urgency.findData(d.urgency.value))
        self.is_key.setChecked(d.is_key)
        self.target.setText(d.target or "")
        self.note.setText(d.note or "")
        self.deadline_text.setText(d.deadline_text or "")
        if d.ongoing:
            self.mode_ongoing.setChecked(True)
        elif d.recurrence_day:
            self.mode_monthly.setChecked(True)
            self.monthly_day.setValue(d.recurrence_day)
        elif d.deadline_days is not None:
            self.mode_days.setChecked(True)
            self.days.setValue(d.deadline_days)
            self.basis.setCurrentIndex(self.basis.findData(d.deadline_basis.value))
            self.start_on_assign.setChecked(d.deadline_start is None)
            self.start_day.setDate(_qdate(d.deadline_start, self.ctx.today()))
        else:
            self.mode_date.setChecked(True)
            self.deadline_day.setDate(_qdate(d.deadline, self.ctx.today()))
        by_role: dict[Role, list] = {}
        for r in d.responsibilities:
            by_role.setdefault(r.role, []).append(r.unit_id if r.role.is_unit_role else r.person_id)
        lead = by_role.get(Role.LEAD_UNIT, [None])[0]
        self.lead_unit.setCurrentIndex(max(self.lead_unit.findData(lead), 0))
        self.leaders.set_checked(by_role.get(Role.LEAD_LEADER, []))
        self.cooperating.set_checked(by_role.get(Role.COOPERATING_UNIT, []))
        self.territorial.set_checked(by_role.get(Role.TERRITORIAL_UNIT, []))
        self.persons.set_checked(by_role.get(Role.RESPONSIBLE_PERSON, []))
        self.report_unit.clear()
        names = {c.id: c.name for c in self.picks.units}
        unit_ids = [r.unit_id for r in d.responsibilities if r.role.is_unit_role]
        for uid in dict.fromkeys(unit_ids + list(names)):
            self.report_unit.addItem(names.get(uid, "?"), uid)

    def _fill_reports(self) -> None:
        with self.ctx.ledger.read() as s:
            reports = task_views.reports_of(s, self.task_id)
        self.report_ids = [r.id for r in reports]
        self.reports.setRowCount(len(reports))
        for i, r in enumerate(reports):
            for j, text in enumerate((chinese_date(r.report_date), r.unit_name,
                                      "" if r.percent is None else f"{r.percent}%", r.text)):
                self.reports.setItem(i, j, QTableWidgetItem(text))
        self.reports.resizeColumnsToContents()
        if reports:
            self.reports.setCurrentCell(0, 0)

    def _show_report_evidence(self, row: int, *_args) -> None:
        report_id = self.report_ids[row] if 0 <= row < len(self.report_ids) else None
        self.report_evidence.set_target(
            Target(task_id=self.task_id, report_id=report_id) if report_id is not None else None)

    def _evidence_changed(self) -> None:
        self.evidence.reload()
        if self.report_evidence.target is not None:
            self.report_evidence.reload()
        self._fill_history()

    def _fill_history(self) -> None:
        with self.ctx.ledger.read() as s:
            entries = task_views.task_history(s, self.task_id)
        self.history.setRowCount(len(entries))
        for i, e in enumerate(entries):
            for j, text in enumerate((e.at, e.actor, e.what, e.details)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(i, j, item)
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(2)

    # -- deadline -----------------------------------------------------------------------------
    def deadline_spec(self) -> DeadlineSpec:
        text = self.deadline_text.text().strip() or None
        if self.mode_ongoing.isChecked():
            return DeadlineSpec(ongoing=True, text=text)
        if self.mode_monthly.isChecked():
            return DeadlineSpec(recurrence_day=self.monthly_day.value(), text=text)
        if self.mode_days.isChecked():
            start = None if self.start_on_assign.isChecked() else self.start_day.date().toPython()
            return DeadlineSpec(basis=DeadlineBasis(self.basis.currentData()), start=start,
                                days=self.days.value(), text=text)
        return DeadlineSpec(day=self.deadline_day.date().toPython(), text=text)

    def _update_deadline_preview(self, *_args) -> None:
        days_mode = self.mode_days.isChecked()
        for widget in (self.days, self.basis, self.start_label, self.start_on_assign):
            widget.setEnabled(days_mode)
        self.start_day.setEnabled(days_mode and not self.start_on_assign.isChecked())
        self.deadline_day.setEnabled(self.mode_date.isChecked())
        self.monthly_day.setEnabled(self.mode_monthly.isChecked())
        spec = self.deadline_spec()
        assigned = self.detail.assigned_on if self.detail else None
        cal = self.ctx.calendar()
        try:
            due = spec.resolve(cal, assigned)
        except LedgerError as exc:
            self.computed.setText(exc.message)
            return
        if spec.ongoing:
            text = self.tr("no date (ongoing)")
        elif spec.recurrence_day:
            text = self.tr("by day %1 of every month").replace("%1", str(spec.recurrence_day))
        elif due is None:
            text = self.tr("computed when the task is assigned (e.g. assigned today: %1)").replace(
                "%1", chinese_date(spec.resolve(cal, self.ctx.today())))
        else:
            text = chinese_date(due)
        warning = cal.warning()
        self.computed.setText(text + (f"\n{warning}" if warning else ""))

    # -- saving -------------------------------------------------------------------------------
    def assignments(self) -> list[Assignment]:
        result = [Assignment(Role.LEAD_LEADER, person_id=p) for p in self.leaders.checked_ids()]
        if self.lead_unit.currentData() is not None:
            result.append(Assignment(Role.LEAD_UNIT, unit_id=self.lead_unit.currentData()))
        result += [Assignment(Role.COOPERATING_UNIT, unit_id=u) for u in self.cooperating.checked_ids()]
        result += [Assignment(Role.TERRITORIAL_UNIT, unit_id=u) for u in self.territorial.checked_ids()]
        result += [Assignment(Role.RESPONSIBLE_PERSON, person_id=p) for p in self.persons.checked_ids()]
        return result

    def _fields(self, session) -> dict:
        parent = self.parent_code.text().strip()
        return dict(title=self.title.text(), content=self.content.toPlainText(),
                    code=self.code.text().strip() or None,
                    category=self.category.currentText().strip() or None,
                    source_id=self.source.currentData(),
                    parent_id=task_views.task_id_by_code(session, parent) if parent else None,
                    urgency=Urgency(self.urgency.currentData()), is_key=self.is_key.isChecked(),
                    target=self.target.text().strip() or None, note=self.note.text().strip() or None)

    def save(self) -> None:
        ctx, spec, assignments = self.ctx, self.deadline_spec(), self.assignments()

        def action(session):
            fields = self._fields(session)
            if self.task_id is None:
                return task_service.create_task(session, today=ctx.today(), cal=ctx.calendar(),
                                                deadline=spec, responsibilities=assignments,
                                                **fields).id
            if fields["code"] is None:
                fields.pop("code")
            task_service.update_task(session, self.task_id, expected_version=self.detail.version,
                                     cal=ctx.calendar(), deadline=spec, **fields)
            if set(assignments) != set(self._original_assignments()):
                task_service.set_responsibilities(session, self.task_id, assignments, ctx.today())
            return self.task_id

        ok, task_id = ctx.perform(action, changed=lambda saved_id: Change.tasks([saved_id]), parent=self,
                                  on_conflict=self.reject)
        if ok:
            self.task_id = task_id
            self.saved = True
            self.accept()

    def _original_assignments(self) -> list[Assignment]:
        if self.detail is None:
            return []
        return [Assignment(r.role, unit_id=r.unit_id, person_id=r.person_id)
                for r in self.detail.responsibilities]

    # Bound methods, not lambdas capturing self: a lambda connected to a child's signal kept
    # the editor alive until interpreter exit, where its deletion crashed (tools/screenshots.py).
    def request_extension(self) -> bool:
        """申请延期 from the editor; the history tab shows the new entry."""
        done = request_extension_dialog(self.ctx, self.task_id, self)
        if done:
            self._fill_history()
        return done

    def decide_extension(self) -> bool:
        done = decide_extension_dialog(self.ctx, self.task_id, self)
        if done:
            self._fill_history()
        return done

    def add_report(self) -> None:
        ctx = self.ctx
        text, percent = self.report_text.toPlainText(), self.report_percent.value()
        unit_id, day = self.report_unit.currentData(), self.report_date.date().toPython()
        close = self.report_close.isChecked()
        ok, _ = ctx.perform(lambda s: task_service.report_progress(
            s, self.task_id, report_date=day, text=text, unit_id=unit_id, percent=percent,
            request_close=close, today=ctx.today(), cal=ctx.calendar()),
            changed=Change.tasks([self.task_id]), parent=self)
        if ok:
            self.report_text.clear()
            self.report_close.setChecked(False)
            with ctx.ledger.read() as s:
                self.detail.version = task_views.task_detail(s, self.task_id).version
            self._fill_reports()
            self._fill_history()
