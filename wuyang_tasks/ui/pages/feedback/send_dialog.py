"""下发反馈表: choose the units and the week, then a folder; one workbook per unit is written
there in a worker (services.feedback_forms, exports.feedback_xlsx)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.services.feedback_forms import Week, forms_for, units_with_open_tasks
from wuyang_tasks.services.task_list import chinese_date

from ...context import UiContext
from ...sizing import fit_to_screen


class FeedbackSendDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.written: list = []
        self.setWindowTitle(self.tr("Send feedback forms"))
        fit_to_screen(self, 460, 560)
        today = ctx.today()
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy年M月d日")
        self.as_of.dateChanged.connect(self._show_week)
        self.week_label = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("As of"), self.as_of)
        form.addRow(self.tr("Week"), self.week_label)
        self.units = QListWidget()
        with ctx.ledger.read() as s:
            for unit_id, name, count in units_with_open_tasks(s):
                item = QListWidgetItem(self.tr("%1 (%2 open tasks)").replace("%1", name).replace("%2", str(count)))
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.units.addItem(item)
        self.units.itemChanged.connect(lambda _item: self._update())
        every = QPushButton(self.tr("Select all"))
        every.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        none = QPushButton(self.tr("Select none"))
        none.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        row = QHBoxLayout()
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        hint = QLabel(self.tr("One workbook per unit with its open tasks in every role; the ledger's facts "
                              "are locked, the unit fills in its columns and returns the file."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.generate = self.buttons.addButton(self.tr("Write forms…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.choose_folder)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Units")))
        layout.addWidget(self.units, 1)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._show_week()
        self._update()

    def day(self) -> date:
        return self.as_of.date().toPython()

    def chosen(self) -> list[str]:
        return [self.units.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.units.count())
                if self.units.item(i).checkState() == Qt.CheckState.Checked]

    def _check_all(self, state: Qt.CheckState) -> None:
        for i in range(self.units.count()):
            self.units.item(i).setCheckState(state)

    def _show_week(self, *_args) -> None:
        week = Week.of(self.day())
        self.week_label.setText(f"{week.caption}（{chinese_date(week.start)}至{chinese_date(week.end)}）")

    def _update(self) -> None:
        self.generate.setEnabled(bool(self.chosen()))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the feedback forms"))
        if folder:
            self.write_to(folder)

    def write_to(self, folder: str) -> None:
        from wuyang_tasks.exports.feedback_xlsx import write_forms

        ledger, names, day = self.ctx.ledger, self.chosen(), self.day()

        def work(progress):
            forms = forms_for(ledger, unit_names=names, as_of=day)
            return write_forms(forms, folder, progress=lambda i, n: progress.report(i, n))

        self.generate.setEnabled(False)
        self.ctx.run_in_worker(self.tr("Writing feedback forms…"), work, on_done=lambda paths: self._done(paths, folder),
                               on_error=self._failed, parent=self)

    def _failed(self, exc: BaseException) -> None:
        self._update()
        self.ctx.show_error(exc, self)

    def _done(self, paths: list, folder: str) -> None:
        self.written = paths
        text = self.tr("%1 feedback forms written to %2").replace("%1", str(len(paths))).replace("%2", folder)
        self.ctx.status_message.emit(text)
        QMessageBox(QMessageBox.Icon.Information, self.tr("Feedback forms written"), text,
                    QMessageBox.StandardButton.Ok, self).exec()
        self.accept()
