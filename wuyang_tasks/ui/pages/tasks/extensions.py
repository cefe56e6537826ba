"""延期 in the task view: a unit's request (reason, new date) and the decision of a named person.

Both go through services/extensions.py, which refuses a request after the deadline, a new date
not later than the current one, a second pending request, a decision without a person …; the
dialog stays open after a refusal so the clerk can correct the form.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.db.models import Task
from wuyang_tasks.domain.enums import ExtensionStatus
from wuyang_tasks.services import extensions, task_views
from wuyang_tasks.services.extensions import ExtensionView
from wuyang_tasks.services.task_list import chinese_date

from ...changes import Change
from ...context import UiContext
from ...sizing import fit_to_screen

DATE_FORMAT = "yyyy年M月d日"


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


class _ExtensionDialog(QDialog):
    def __init__(self, ctx: UiContext, task_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task_id = task_id
        with ctx.ledger.read() as s:
            self.detail = task_views.task_detail(s, task_id)
            self.due = extensions.current_deadline(s, s.get(Task, task_id))
            self.history = extensions.extensions_of(s, task_id)
            self.picks = task_views.pick_lists(s, ctx.today())
        self.pending = next((v for v in self.history if v.status is ExtensionStatus.REQUESTED), None)
        self.layout_ = QVBoxLayout(self)
        heading = QLabel(f"<b>{self.detail.code}</b>　{self.detail.title}")
        heading.setWordWrap(True)
        self.layout_.addWidget(heading)
        deadline = chinese_date(self.due) if self.due else (self.detail.deadline_text or "—")
        self.deadline_label = QLabel(self.tr("Deadline in force: %1").replace("%1", deadline))
        self.layout_.addWidget(self.deadline_label)
        if self.history:
            self.layout_.addWidget(QLabel(self.tr("Earlier requests")))
            self.history_table = self._history_table(self.history)
            self.layout_.addWidget(self.history_table)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)

    def _history_table(self, views: list[ExtensionView]) -> QTableWidget:
        table = QTableWidget(len(views), 5, self)
        table.setHorizontalHeaderLabels([
            self.tr("Requested on"), self.tr("Deadline → new date"), self.tr("Reason"),
            self.tr("Decision"), self.tr("Decided by")])
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, v in enumerate(views):
            decided = " ".join(x for x in (v.decided_by, chinese_date(v.decided_on) if v.decided_on
                                           else None) if x)
            old = chinese_date(v.old_deadline) if v.old_deadline else "—"
            texts = (chinese_date(v.requested_on), f"{old} → {chinese_date(v.new_deadline)}",
                     v.reason + (f"（{v.decision_note}）" if v.decision_note else ""),
                     v.status.label, decided)
            for j, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(i, j, item)
        for column in (0, 1, 3, 4):
            table.resizeColumnToContents(column)
        table.setMaximumHeight(150)
        return table

    def _finish(self, ok: bool, message: str) -> None:
        if ok:
            self.ctx.status_message.emit(message)
            self.accept()


class RequestExtensionDialog(_ExtensionDialog):
    """申请延期: before the deadline, a unit asks for a later date and says why."""

    def __init__(self, ctx: UiContext, task_id: int, parent: QWidget | None = None):
        super().__init__(ctx, task_id, parent)
        self.setWindowTitle(self.tr("Request an extension — %1").replace("%1", self.detail.code))
        fit_to_screen(self, 640, 420)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("(not stated)"), None)
        names = {c.id: c.name for c in self.picks.units}
        for r in self.detail.responsibilities:
            if r.role.is_unit_role and self.unit.findData(r.unit_id) < 0:
                self.unit.addItem(f"{names.get(r.unit_id, '?')}（{r.role.label}）", r.unit_id)
        if self.unit.count() > 1:
            self.unit.setCurrentIndex(1)  # the lead unit comes first
        today = ctx.today()
        self.requested_on = _date_edit(today)
        later = self.due if self.due and self.due > today else today
        self.new_deadline = _date_edit(date.fromordinal(later.toordinal() + 10))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why the unit cannot finish in time"))
        self.reason.setMaximumHeight(100)
        self.form.addRow(self.tr("Requesting unit"), self.unit)
        self.form.addRow(self.tr("Requested on"), self.requested_on)
        self.form.addRow(self.tr("New deadline"), self.new_deadline)
        self.form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record the request"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)

    def submit(self) -> bool:
        ctx, task_id = self.ctx, self.task_id
        unit_id, reason = self.unit.currentData(), self.reason.toPlainText()
        on, new = self.requested_on.date().toPython(), self.new_deadline.date().toPython()
        ok, _ = ctx.perform(lambda s: extensions.request_extension(
            s, task_id, requested_on=on, new_deadline=new, reason=reason, today=ctx.today(),
            requested_by_unit_id=unit_id), changed=Change.tasks([task_id]), parent=self)
        self._finish(ok, self.tr("Extension request recorded for %1; it awaits a decision.")
                     .replace("%1", self.detail.code))
        return ok


class DecideExtensionDialog(_ExtensionDialog):
    """审批延期: the pending request approved or refused by a named person. Only an approved
    extension moves the deadline in force."""

    def __init__(self, ctx: UiContext, task_id: int, parent: QWidget | None = None):
        super().__init__(ctx, task_id, parent)
        self.setWindowTitle(self.tr("Decide on the extension — %1").replace("%1", self.detail.code))
        fit_to_screen(self, 640, 440)
        p = self.pending
        if p is None:
            return
        self.request_label = QLabel(
            self.tr("%1 requested on %2: from %3 to %4.")
            .replace("%1", p.requested_by_unit or self.tr("The unit"))
            .replace("%2", chinese_date(p.requested_on))
            .replace("%3", chinese_date(p.old_deadline) if p.old_deadline else "—")
            .replace("%4", chinese_date(p.new_deadline)))
        self.request_label.setWordWrap(True)
        reason = QLabel(p.reason)
        reason.setWordWrap(True)
        self.person = QComboBox()
        self.person.addItem(self.tr("(choose who decides)"), None)
        for c in self.picks.leaders:  # an extension is a county leader's decision, not a unit's
            self.person.addItem(f"{c.name}（{c.detail}）" if c.detail else c.name, c.id)
        self.decided_on = _date_edit(ctx.today())
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Opinion (optional)"))
        self.note.setMaximumHeight(70)
        self.form.addRow(self.tr("Request"), self.request_label)
        self.form.addRow(self.tr("Reason"), reason)
        self.form.addRow(self.tr("Decided by"), self.person)
        self.form.addRow(self.tr("Decided on"), self.decided_on)
        self.form.addRow(self.tr("Opinion"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = buttons.addButton(self.tr("Approve"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.refuse_button = buttons.addButton(self.tr("Refuse"), QDialogButtonBox.ButtonRole.ActionRole)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)

    def decide(self, approve: bool) -> bool:
        person = self.person.currentData()
        if person is None:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("Choose the person who decides on the extension."))
            return False
        ctx, task_id, p = self.ctx, self.task_id, self.pending
        on, note = self.decided_on.date().toPython(), self.note.toPlainText()
        ok, _ = ctx.perform(lambda s: extensions.decide_extension(
            s, p.id, approve=approve, decided_by_id=person, decided_on=on, today=ctx.today(),
            note=note, expected_version=p.version), changed=Change.tasks([task_id]), parent=self,
            on_conflict=self.reject)
        message = (self.tr("Extension of %1 approved: new deadline %2.") if approve
                   else self.tr("Extension of %1 refused; the deadline stays %2."))
        self._finish(ok, message.replace("%1", self.detail.code).replace(
            "%2", chinese_date(p.new_deadline if approve else p.old_deadline or p.new_deadline)))
        return ok


def request_extension_dialog(ctx: UiContext, task_id: int, parent: QWidget | None = None) -> bool:
    dialog = RequestExtensionDialog(ctx, task_id, parent)
    if dialog.pending is not None:
        QMessageBox.information(parent, dialog.windowTitle(), QCoreApplication.translate(
            "RequestExtensionDialog",
            "%1 already has a request awaiting a decision (to %2). Decide on it first.")
            .replace("%1", dialog.detail.code).replace("%2", chinese_date(dialog.pending.new_deadline)))
        return False
    return dialog.exec() == QDialog.DialogCode.Accepted


def decide_extension_dialog(ctx: UiContext, task_id: int, parent: QWidget | None = None) -> bool:
    dialog = DecideExtensionDialog(ctx, task_id, parent)
    if dialog.pending is None:
        QMessageBox.information(parent, dialog.windowTitle(), QCoreApplication.translate(
            "DecideExtensionDialog", "%1 has no extension request awaiting a decision.").replace("%1", dialog.detail.code))
        return False
    return dialog.exec() == QDialog.DialogCode.Accepted
