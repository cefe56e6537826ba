"""Dialogs of the 问责台账: a decision (new or correcting one), voiding, a person's own view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks import paths
from wuyang_tasks.domain.enums import AccountabilityMeasure, ResponsibilityType
from wuyang_tasks.services import accountability as acc
from wuyang_tasks.services import people
from wuyang_tasks.services.task_list import chinese_date

from ...changes import Change, ChangeKind
from ...context import UiContext
from ...printing import print_document
from ...sizing import fit_to_screen


DATE_FORMAT = "yyyy年M月d日"  # as everywhere else in the window (task editor, lists)


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RecordDialog(QDialog):
    """A decision. With ``correcting`` it is a correction (更正) of that record, pre-filled."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, correcting: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.correcting = correcting
        self.record_id: int | None = None
        self.setWindowTitle(self.tr("Correct record") if correcting else self.tr("New accountability record"))
        fit_to_screen(self, 620, 560)
        today = ctx.today()
        with ctx.ledger.read() as s:
            choices = people.person_choices(s, today)
            self.base = acc.spec_of(s, correcting) if correcting else None
        self.person = QComboBox()
        self.person.setEditable(True)
        for person_id, label in choices:
            self.person.addItem(label, person_id)
        # No one is preselected: a record is never rewritten, so the clerk must pick the person.
        self.person.setCurrentIndex(-1)
        self.person.lineEdit().setPlaceholderText(self.tr("Type or choose the person held to account"))
        completer = self.person.completer()  # a few characters of the name, anywhere in it
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.measure = QComboBox()
        for m in AccountabilityMeasure:
            self.measure.addItem(m.label, m.value)
        self.rtype = QComboBox()
        for r in ResponsibilityType:
            self.rtype.addItem(r.label, r.value)
        self.failure_on = _date_edit(today)
        self.post_title = QLineEdit()
        self.post_title.setPlaceholderText(self.tr("Only when no tenure is on file"))
        self.tasks = QLineEdit()
        self.tasks.setPlaceholderText(self.tr("Task codes separated by 、"))
        self.facts = QPlainTextEdit()
        self.basis = QLineEdit()
        self.body = QLineEdit()
        self.number = QLineEdit()
        self.effective = _date_edit(today)
        self.appeal_days = QSpinBox()
        self.appeal_days.setRange(0, 365)
        self.appeal_days.setValue(acc.APPEAL_DAYS)
        form = QFormLayout(self)
        for label, widget in ((self.tr("Person"), self.person), (self.tr("Measure"), self.measure),
                              (self.tr("Responsibility"), self.rtype),
                              (self.tr("Date of the failure"), self.failure_on),
                              (self.tr("Post held then"), self.post_title), (self.tr("Tasks"), self.tasks),
                              (self.tr("Facts"), self.facts), (self.tr("Basis"), self.basis),
                              (self.tr("Deciding body"), self.body), (self.tr("Decision number"), self.number),
                              (self.tr("Effective date"), self.effective),
                              (self.tr("Appeal period (days)"), self.appeal_days)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if self.base is not None:
            self._prefill(self.base)

    def _prefill(self, spec: acc.RecordSpec) -> None:
        self.person.setCurrentIndex(self.person.findData(spec.person_id))
        self.measure.setCurrentIndex(self.measure.findData(spec.measure.value))
        self.rtype.setCurrentIndex(self.rtype.findData(spec.responsibility_type.value))
        self.post_title.setText(spec.post_title or "")
        self.facts.setPlainText(spec.facts)
        self.basis.setText(spec.basis or "")
        self.body.setText(spec.deciding_body or "")
        self.number.setText(spec.decision_number or "")
        self.effective.setDate(_qdate(spec.effective_date))
        with self.ctx.ledger.read() as s:
            codes = [v.task_codes for v in acc.record_views(s, record_ids=[self.correcting])][0]
        self.tasks.setText("、".join(codes))

    def spec(self, session) -> acc.RecordSpec:
        typed = self.person.currentText().strip()
        index = self.person.findText(typed)
        person_id = self.person.itemData(index) if index >= 0 else people.person_id_by_name(session, typed)
        codes = [c for c in (x.strip() for x in self.tasks.text().replace(",", "、").split("、")) if c]
        values = dict(
            person_id=person_id, measure=AccountabilityMeasure(self.measure.currentData()),
            responsibility_type=ResponsibilityType(self.rtype.currentData()),
            facts=self.facts.toPlainText(), effective_date=_pydate(self.effective.date()),
            failure_on=_pydate(self.failure_on.date()), post_title=self.post_title.text() or None,
            task_ids=acc.task_ids_by_codes(session, codes), basis=self.basis.text(),
            deciding_body=self.body.text(), decision_number=self.number.text(),
            appeal_days=self.appeal_days.value(), appeal_deadline=None, tenure_id=None, unit_id=None)
        if self.base is not None and self.base.person_id == person_id and not self.post_title.text():
            values.update(tenure_id=self.base.tenure_id, unit_id=self.base.unit_id, failure_on=None)
        return replace(self.base, **values) if self.base else acc.RecordSpec(**values)

    def save(self, session):
        spec = self.spec(session)
        if self.correcting:
            return acc.supersede(session, self.correcting, spec, cal=self.ctx.calendar())
        return acc.issue(session, spec, cal=self.ctx.calendar())

    def accept(self) -> None:
        ok, record = self.ctx.perform(self.save, changed=Change(ChangeKind.ACCOUNTABILITY), parent=self)
        if ok:
            self.record_id = record.id
            super().accept()


class VoidDialog(QDialog):
    def __init__(self, ctx: UiContext, record_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.record_id = ctx, record_id
        self.setWindowTitle(self.tr("Void record %1").replace("%1", str(record_id)))
        self.reason = QPlainTextEdit()
        self.effective = _date_edit(ctx.today())
        self.body = QLineEdit()
        self.number = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Effective date"), self.effective)
        form.addRow(self.tr("Deciding body"), self.body)
        form.addRow(self.tr("Decision number"), self.number)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        ok, _ = self.ctx.perform(lambda s: acc.void(
            s, self.record_id, reason=self.reason.toPlainText(), effective_date=_pydate(self.effective.date()),
            cal=self.ctx.calendar(), deciding_body=self.body.text() or None,
            decision_number=self.number.text() or None), changed=Change(ChangeKind.ACCOUNTABILITY), parent=self)
        if ok:
            super().accept()


class PersonDialog(QDialog):
    """A person's own view: posts held, everything answered for, records, measures per year."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        with ctx.ledger.read() as s:
            view = people.person_view(s, person_id, today=ctx.today(), cal=ctx.calendar())
        self.setWindowTitle(view.name)
        fit_to_screen(self, 900, 640)
        self.ctx, self.view = ctx, view
        self.text = QTextBrowser()
        self.text.setHtml(self.html(view))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("Export PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_file)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def export_pdf(self) -> None:
        """个人档案 as a PDF (exports/person_pdf.py), where the clerk says."""
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), f"个人档案_{self.view.name}.pdf",
                                                self.tr("PDF document (*.pdf)"))
        if target:
            target = target if target.lower().endswith(".pdf") else target + ".pdf"
            self._write(target, lambda path: self.ctx.status_message.emit(
                self.tr("Saved %1").replace("%1", str(path))))

    def print_file(self) -> None:
        """The same PDF in the data folder's print folder, handed to the printer."""
        folder = paths.data_dir() / "print"
        folder.mkdir(parents=True, exist_ok=True)
        self._write(str(folder / f"个人档案_{self.view.name}.pdf"), print_document)

    def _write(self, target: str, then) -> None:
        from wuyang_tasks.exports.person_pdf import write_person_pdf
        from wuyang_tasks.services.documents import issuer_name

        ledger, view, as_of = self.ctx.ledger, self.view, self.ctx.today()

        def work(progress):
            progress.report(0, None, "")
            with ledger.read() as s:
                issuer = issuer_name(s)
            return write_person_pdf(view, target, issuer=issuer, as_of=as_of).path

        self.ctx.run_in_worker(self.tr("Writing the person's file…"), work, then, parent=self)

    def html(self, view: people.PersonView) -> str:
        current_posts = self.tr("Current posts")
        posts_held = self.tr("Posts held")
        now = self.tr("now")
        answered = self.tr("Answered for")
        records = self.tr("Accountability records")
        per_year = self.tr("Measures per year")
        parts = [f"<h2>{escape(view.name)}</h2>",
                 f"<p>{escape(current_posts)}：{escape('、'.join(view.current_posts) or '—')}</p>",
                 f"<h3>{escape(posts_held)}</h3><ul>"]
        parts += [f"<li>{chinese_date(x.start)}—{chinese_date(x.end) or escape(now)} {escape(x.post)}</li>"
                  for x in view.tenures]
        headers = (self.tr("Code"), self.tr("Task"), self.tr("Unit (role)"), self.tr("Capacity"),
                   self.tr("Post then"), self.tr("Status"), self.tr("Alert"), self.tr("Deadline"))
        parts.append(f"</ul><h3>{escape(answered)}（{len(view.answered_for)}）</h3>"
                     "<table border='1' cellspacing='0' cellpadding='3'><tr>"
                     + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr>")
        for a in view.answered_for:
            unit = f"{a.unit_name}（{a.unit_role.label}）" if a.unit_role else ""
            then = "<br>".join(escape(t) for t in (a.post_held, a.period) if t)  # a liaison: no post
            parts.append(f"<tr><td>{escape(a.code)}</td><td>{escape(a.title)}</td><td>{escape(unit)}</td>"
                         f"<td>{escape(a.capacity)}</td><td>{then}</td>"
                         f"<td>{a.status.label}</td><td>{a.alert.label if a.alert else ''}</td>"
                         f"<td>{escape(a.deadline_display)}</td></tr>")
        parts.append(f"</table><h3>{escape(records)}</h3><ul>")
        for r in view.records:
            parts.append(f"<li>第{r.id}号 {escape(r.state_label)}：{escape(r.post_held)}，"
                         f"{r.responsibility_type.label}，{r.measure.label}，{chinese_date(r.effective_date)}"
                         f"，{escape(r.facts)}</li>")
        counts = "；".join(f"{m.year}年{m.count}次" for m in view.measures_per_year) or "—"
        parts.append(f"</ul><p>{escape(per_year)}：{escape(counts)}</p>")
        return "".join(parts)
