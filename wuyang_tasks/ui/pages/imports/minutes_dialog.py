"""从纪要提出任务: open (Word or text) or paste minutes / a plan, see the cleaned text, review and
edit the proposed drafts — add and split rows, set 牵头县领导 and 责任人 — and the metrics — merge
one into the ledger's metric it means instead of creating a second — then save the kept ones as
待交办 tasks under a new source. A meeting imported before is named and cannot be saved twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.errors import LedgerError, ValidationError
from wuyang_tasks.imports.deadlines import DeadlineError, deadline_in_text
from wuyang_tasks.imports.minutes import DraftTask, MinutesProposal, UnitRef
from wuyang_tasks.imports.names import is_all_townships, is_other_collective, split_names
from wuyang_tasks.imports.text_file import read_text_file
from wuyang_tasks.services import intake
from wuyang_tasks.services.task_list import chinese_date

from ...changes import EVERYTHING
from ...context import UiContext
from ...sizing import fit_to_screen

UNKNOWN_BRUSH = QBrush(QColor("#fff3cd"))
ALL_TOWNSHIPS_TEXT = "各乡镇"


def _deadline_text(draft: DraftTask) -> str:
    spec = draft.deadline
    if spec is None:
        return ""
    return chinese_date(spec.day) if spec.day else (spec.text or "")


class MinutesDialog(QDialog):
    KEEP, TITLE, LEADER, LEAD, COOP, TERRITORIAL, PERSON, DEADLINE, SENTENCE = range(9)
    EDITABLE = (TITLE, LEADER, LEAD, COOP, TERRITORIAL, PERSON, DEADLINE)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.proposal: MinutesProposal | None = None
        self.result: intake.MinutesResult | None = None
        self.file_stem: str | None = None
        self.setWindowTitle(self.tr("Draft tasks from minutes or a plan"))
        fit_to_screen(self, 1100, 700)

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paste the minutes, speech or implementation plan here, "
                                             "or open a text file."))
        open_button = QPushButton(self.tr("Open Word or text file…"))
        open_button.clicked.connect(self.choose_file)
        self.use_date = QCheckBox(self.tr("Meeting / issue date"))
        self.day = QDateEdit(QDate(ctx.today().year, ctx.today().month, ctx.today().day))
        self.day.setCalendarPopup(True)
        self.day.setEnabled(False)
        self.use_date.toggled.connect(self.day.setEnabled)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Default: the meeting or document named in the text"))
        analyse = QPushButton(self.tr("Propose drafts"))
        analyse.clicked.connect(self.analyse)

        top = QHBoxLayout()
        top.addWidget(open_button)
        top.addWidget(self.use_date)
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(analyse)
        form = QFormLayout()
        form.addRow(self.tr("Task source"), self.source)

        self.drafts = QTableWidget(0, 9)
        self.drafts.setHorizontalHeaderLabels([
            self.tr("Keep"), self.tr("Task"), self.tr("Lead county leader"), self.tr("Lead unit"),
            self.tr("Cooperating units"), self.tr("Territorial units"), self.tr("Responsible person"),
            self.tr("Deadline"), self.tr("Source sentence")])
        header = self.drafts.horizontalHeader()
        header.setSectionResizeMode(self.SENTENCE, QHeaderView.ResizeMode.Stretch)
        self.drafts.setWordWrap(False)  # the full sentence is in the tooltip
        self.drafts.setColumnWidth(self.KEEP, 48)
        self.drafts.setColumnWidth(self.TITLE, 300)
        self.drafts.setColumnWidth(self.LEADER, 80)
        self.drafts.setColumnWidth(self.LEAD, 110)
        self.drafts.setColumnWidth(self.COOP, 180)
        self.drafts.setColumnWidth(self.PERSON, 70)
        self.add_row_button = QPushButton(self.tr("Add row"))
        self.add_row_button.clicked.connect(self.add_row)
        self.split_row_button = QPushButton(self.tr("Split row"))
        self.split_row_button.setToolTip(self.tr("Split the current task at its first comma or semicolon "
                                                 "into two tasks with the same units"))
        self.split_row_button.clicked.connect(self.split_row)
        drafts_page = QWidget()
        drafts_layout = QVBoxLayout(drafts_page)
        drafts_layout.setContentsMargins(0, 0, 0, 0)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_row_button)
        row_buttons.addWidget(self.split_row_button)
        row_buttons.addStretch(1)
        drafts_layout.addLayout(row_buttons)
        drafts_layout.addWidget(self.drafts, 1)
        self.metrics = QTableWidget(0, 4)
        self.metrics.setHorizontalHeaderLabels([self.tr("Metric"), self.tr("Target"), self.tr("Save as"),
                                                self.tr("Source sentence")])
        self.metrics.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.metrics.setColumnWidth(0, 170)
        self.metrics.setColumnWidth(1, 210)
        self.metrics.setColumnWidth(2, 240)
        self.cleaned = QPlainTextEdit()
        self.cleaned.setReadOnly(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.text, self.tr("Text"))
        self.tabs.addTab(drafts_page, self.tr("Draft tasks"))
        self.tabs.addTab(self.metrics, self.tr("Metrics"))
        self.tabs.addTab(self.cleaned, self.tr("Cleaned text"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.create_missing = QCheckBox(self.tr("Create units not yet in the ledger"))

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save drafts"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        bottom = QHBoxLayout()
        bottom.addWidget(self.create_missing)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    # -- input -------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open minutes or plan"), "",
                                              self.tr("Word or text files (*.docx *.doc *.wps *.txt);;All files (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            self.text.setPlainText(read_text_file(path))
        except LedgerError as exc:
            self.ctx.show_error(exc, self)
            return
        self.file_stem = path.stem
        self.analyse()

    def analyse(self) -> None:
        raw = self.text.toPlainText()
        issued = self.day.date().toPython() if self.use_date.isChecked() else None
        title = self.source.text().strip() or None
        ledger = self.ctx.ledger
        stem = self.file_stem

        def work(progress):
            progress.report(0, None, "")
            return intake.propose_minutes(ledger, raw, title=title, issued_on=issued, file_stem=stem)

        self.ctx.run_in_worker(self.tr("Reading the text…"), work, on_done=self.show_proposal, parent=self)

    def show_proposal(self, proposal: MinutesProposal) -> None:
        self.proposal = proposal
        self.cleaned.setPlainText(proposal.cleaned.text)
        if not self.source.text().strip():
            self.source.setPlaceholderText(proposal.title)
        self.drafts.setRowCount(0)
        for draft in proposal.drafts:
            self._add_draft_row(draft)
        self.metrics.setRowCount(0)
        existing = intake.metrics_of_year(self.ctx.ledger, proposal.year)
        for metric in proposal.metrics:
            row = self.metrics.rowCount()
            self.metrics.insertRow(row)
            name = QTableWidgetItem(metric.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked)
            self.metrics.setItem(row, 0, name)
            target = QComboBox()
            target.addItem(self.tr("New metric"), None)
            for metric_id, metric_name in existing:
                target.addItem(self.tr("Add to “%1”").replace("%1", metric_name), metric_id)
            if metric.merge_into is not None:
                target.setCurrentIndex(max(0, target.findData(metric.merge_into)))
            self.metrics.setCellWidget(row, 2, target)
            for col, text in ((1, f"{metric.target_text}（{metric.year}年）"), (3, metric.sentence)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(text)
                self.metrics.setItem(row, col, item)
        parts = [self.tr("Source: %1 (%2).").replace("%1", proposal.title).replace("%2", proposal.kind.label),
                 self.tr("Removed %1 pinyin annotations, converted %2 characters to simplified.")
                 .replace("%1", str(proposal.cleaned.pinyin_removed))
                 .replace("%2", str(proposal.cleaned.converted_chars)),
                 self.tr("%1 draft tasks, %2 metrics.").replace("%1", str(len(proposal.drafts)))
                 .replace("%2", str(len(proposal.metrics)))]
        if proposal.key_period:
            start, end = proposal.key_period
            parts.append(self.tr("Key period: %1 to %2.").replace("%1", chinese_date(start))
                         .replace("%2", chinese_date(end)))
        parts += proposal.notices
        if proposal.earlier_source:
            parts.append(self.tr("This meeting or document was imported before (source “%1”); "
                                 "it cannot be saved again.").replace("%1", proposal.earlier_source))
        if proposal.unknown_names:
            parts.append(self.tr("Not in the ledger (highlighted): %1.").replace(
                "%1", "、".join(proposal.unknown_names)))
        self.summary.setText(" ".join(parts))
        self.save_button.setEnabled(bool(proposal.drafts or proposal.metrics) and not proposal.earlier_source)
        self.tabs.setCurrentIndex(1)

    def add_row(self) -> None:
        """A task the reader missed: an empty row to fill in."""
        if self.proposal is None:
            return
        self._add_draft_row(DraftTask(title="", sentence=""), self.drafts.rowCount())
        self.drafts.setCurrentCell(self.drafts.rowCount() - 1, self.TITLE)
        self.save_button.setEnabled(not self.proposal.earlier_source)

    def split_row(self) -> None:
        """Two tasks read as one: the current row's title is cut at its first comma or semicolon;
        both rows keep the units, leader and deadline as they stand."""
        row = self.drafts.currentRow()
        if row < 0:
            return
        title = self.drafts.item(row, self.TITLE).text()
        head, sep, tail = next(((title[:i], title[i], title[i + 1:]) for i, ch in enumerate(title)
                                if ch in "，；;,"), (title, "", ""))
        if not sep or not tail.strip():
            self.ctx.status_message.emit(self.tr("Nothing to split: the task has no comma or semicolon."))
            return
        original: DraftTask = self.drafts.item(row, self.KEEP).data(Qt.ItemDataRole.UserRole)
        self._add_draft_row(original, row + 1)
        for col in self.EDITABLE:
            self.drafts.item(row + 1, col).setText(self.drafts.item(row, col).text())
        self.drafts.item(row, self.TITLE).setText(head.strip())
        self.drafts.item(row + 1, self.TITLE).setText(tail.strip())
        self.drafts.setCurrentCell(row + 1, self.TITLE)

    def _add_draft_row(self, draft: DraftTask, row: int | None = None) -> None:
        row = self.drafts.rowCount() if row is None else row
        self.drafts.insertRow(row)
        keep = QTableWidgetItem()
        keep.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        keep.setCheckState(Qt.CheckState.Checked)
        keep.setData(Qt.ItemDataRole.UserRole, draft)
        self.drafts.setItem(row, self.KEEP, keep)
        territorial = ([ALL_TOWNSHIPS_TEXT] if draft.all_townships else []) + [r.display for r in draft.territorial]
        cooperating = [r.display for r in draft.cooperating] + draft.collective
        texts = {self.TITLE: draft.title, self.LEADER: draft.leader or "", self.PERSON: draft.responsible or "",
                 self.LEAD: draft.lead.display if draft.lead else "",
                 self.COOP: "、".join(cooperating), self.TERRITORIAL: "、".join(territorial),
                 self.DEADLINE: _deadline_text(draft), self.SENTENCE: draft.sentence}
        unknown = set(draft.unknown)
        for col, text in texts.items():
            item = QTableWidgetItem(text)
            if col == self.SENTENCE:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(text)
            if col in (self.LEAD, self.COOP, self.TERRITORIAL) and any(n in unknown for n in split_names(text)):
                item.setBackground(UNKNOWN_BRUSH)
            self.drafts.setItem(row, col, item)

    # -- saving ------------------------------------------------------------------------------
    def edited_drafts(self) -> list[DraftTask]:
        """The kept rows as drafts, with the clerk's edits. Raises ValidationError naming the row."""
        out = []
        proposal = self.proposal
        for row in range(self.drafts.rowCount()):
            keep = self.drafts.item(row, self.KEEP)
            if keep.checkState() != Qt.CheckState.Checked:
                continue
            original: DraftTask = keep.data(Qt.ItemDataRole.UserRole)
            text = {col: self.drafts.item(row, col).text().strip() for col in self.EDITABLE}
            draft = DraftTask(title=text[self.TITLE], sentence=original.sentence or text[self.TITLE],
                              category=original.category, leader=text[self.LEADER] or None,
                              responsible=text[self.PERSON] or None)
            known = {r.display: r for r in original.unit_refs()}
            lead = split_names(text[self.LEAD])
            if len(lead) > 1:
                raise ValidationError(self.tr("Row %1: a task has one lead unit; put the others under "
                                              "cooperating units.").replace("%1", str(row + 1)))
            draft.lead = known.get(lead[0], UnitRef(lead[0])) if lead else None
            for name in split_names(text[self.COOP]):
                if is_other_collective(name):
                    draft.collective.append(name)
                elif is_all_townships(name):
                    draft.all_townships = True
                else:
                    draft.cooperating.append(known.get(name, UnitRef(name)))
            for name in split_names(text[self.TERRITORIAL]):
                if is_all_townships(name):
                    draft.all_townships = True
                elif is_other_collective(name):
                    draft.collective.append(name)
                else:
                    draft.territorial.append(known.get(name, UnitRef(name)))
            if text[self.DEADLINE] == _deadline_text(original):
                draft.deadline, draft.deadline_from_key_period = original.deadline, original.deadline_from_key_period
            elif text[self.DEADLINE]:
                try:
                    draft.deadline = deadline_in_text(text[self.DEADLINE], proposal.year,
                                                      doc_date=proposal.issued_on)
                except DeadlineError:
                    draft.deadline = None
                if draft.deadline is None:
                    raise ValidationError(self.tr("Row %1: deadline “%2” is not understood.")
                                          .replace("%1", str(row + 1)).replace("%2", text[self.DEADLINE]))
            out.append(draft)
        return out

    def kept_metrics(self):
        """The kept metrics, each merged into the ledger's metric the clerk chose (or new)."""
        kept = []
        for row, metric in enumerate(self.proposal.metrics):
            if self.metrics.item(row, 0).checkState() != Qt.CheckState.Checked:
                continue
            target = self.metrics.cellWidget(row, 2)
            metric.merge_into = target.currentData()
            metric.merge_name = target.currentText() if metric.merge_into is not None else None
            kept.append(metric)
        return kept

    def save(self) -> None:
        if self.proposal is None:
            return
        try:
            drafts = self.edited_drafts()
        except ValidationError as exc:
            self.ctx.show_error(exc, self)
            return
        proposal, metrics = self.proposal, self.kept_metrics()
        title = self.source.text().strip()
        if title:
            proposal.title = title[:200]
        create = self.create_missing.isChecked()
        ledger = self.ctx.ledger

        def work(progress):
            progress.report(0, None, "")
            return intake.save_minutes(ledger, proposal, drafts=drafts, metrics=metrics, create_missing=create)

        self.save_button.setEnabled(False)
        self.ctx.run_in_worker(self.tr("Saving drafts…"), work, on_done=self.saved,
                               on_error=self.save_failed, cancellable=False, parent=self)

    def save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.ctx.show_error(exc, self)

    def saved(self, result: intake.MinutesResult) -> None:
        self.result = result
        self.ctx.data_changed.emit(EVERYTHING)
        text = (self.tr("%1 draft tasks saved under “%2”; %3 metrics created.")
                .replace("%1", str(len(result.created))).replace("%2", result.source_title)
                .replace("%3", str(len(result.metrics_created))))
        if result.unknown_names:
            text += "\n" + self.tr("Units not in the ledger were noted on the tasks: %1").replace(
                "%1", "、".join(result.unknown_names))
        self.ctx.status_message.emit(text.splitlines()[0])
        QMessageBox(QMessageBox.Icon.Information, self.tr("Drafts saved"), text,
                    QMessageBox.StandardButton.Ok, self).exec()
        self.accept()
