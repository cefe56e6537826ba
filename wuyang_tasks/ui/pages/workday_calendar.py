"""工作日历 (工具 ▸ 工作日历…): a year's holidays and 调休 as packaged, the days entered by hand,
whether the year is covered; a day can be set as working day / rest day or its entry removed.

After a change every task is evaluated again: ``changed=Change(ChangeKind.CALENDAR)`` makes the
context forget its cached calendar and the task rows reload (ui/context.py, ui/task_store.py).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.services import calendar_overrides as overrides
from wuyang_tasks.services.calendar_overrides import CalendarYear
from wuyang_tasks.services.task_list import chinese_date

from ..changes import Change, ChangeKind
from ..context import UiContext
from ..sizing import fit_to_screen

REST_COLOUR = QColor("#fdecea")
WORK_COLOUR = QColor("#e8f1fb")


class WorkdayCalendarDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, year: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Working-day calendar"))
        fit_to_screen(self, 760, 620)
        self.view: CalendarYear | None = None

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setSuffix(self.tr(" (year)"))
        self.year.setValue(year or ctx.today().year)
        self.year.valueChanged.connect(self.reload)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setObjectName("coverage")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.caption, 1)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Weekday"),
                                              self.tr("Arrangement"), self.tr("Source"),
                                              self.tr("Description")])
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(64)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)

        box = QGroupBox(self.tr("Enter the arrangement of one day"))
        row = QHBoxLayout(box)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy年M月d日")
        self._set_day(ctx.today())
        self.day.dateChanged.connect(self._show_day)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("working day"), True)
        self.kind.addItem(self.tr("rest day"), False)
        self.note = QLineEdit()
        self.note.setMaxLength(overrides.NOTE_MAX)
        self.note.setPlaceholderText(self.tr("note, e.g. 春节调休上班"))
        self.save_button = QPushButton(self.tr("Save this day"))
        self.save_button.clicked.connect(self.save_day)
        self.remove_button = QPushButton(self.tr("Remove the entry"))
        self.remove_button.setToolTip(self.tr("The day is counted as the packaged schedule says again"))
        self.remove_button.clicked.connect(self.remove_day)
        for widget in (self.day, self.kind):
            row.addWidget(widget)
        row.addWidget(self.note, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.remove_button)
        hint = QLabel(self.tr("Days entered here win over the schedule packaged with the program. "
                              "Enter a year the program does not know from the State Council's "
                              "holiday notice: every holiday as a rest day and every 调休 "
                              "weekend as a working day."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        if ctx.ledger.read_only:
            box.setEnabled(False)
            box.setToolTip(self.tr("The ledger is open read-only."))
        elif not ctx.access.can_administer:  # the server would refuse: 管理 role only
            box.setEnabled(False)
            box.setToolTip(self.tr("Only a user with the 管理 role may change the calendar."))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.reload()

    # -- reading ------------------------------------------------------------------------------
    def reload(self) -> None:
        year = self.year.value()
        with self.ctx.ledger.read() as s:
            self.view = overrides.year_view(s, year)
        self.caption.setText(self.view.caption)
        self.caption.setStyleSheet("" if self.view.covered else "color: #a61b1b; font-weight: bold;")
        self.table.setRowCount(len(self.view.days))
        bold = QFont()
        bold.setBold(True)
        for i, d in enumerate(self.view.days):
            arrangement = self.tr("working day") if d.is_workday else self.tr("rest day")
            source = self.tr("entered by hand") if d.overridden else self.tr("packaged")
            texts = (chinese_date(d.day), d.weekday, arrangement, source, d.description)
            for j, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.day.isoformat())
                item.setBackground(QBrush(WORK_COLOUR if d.is_workday else REST_COLOUR))
                if d.overridden:
                    item.setFont(bold)
                self.table.setItem(i, j, item)
        current = self.day.date().toPython()
        if current.year != year:
            self._set_day(date(year, 1, 1))
        else:
            self._show_day()
        self._update_buttons()

    def _set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def _selected(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1 or self.view is None:
            return
        self._set_day(self.view.days[rows.pop()].day)
        self._show_day()
        self._update_buttons()

    def _show_day(self, *_args) -> None:
        """The form shows the arrangement in force for its day: the entry, else the calendar's."""
        day = self.day.date().toPython()
        entry = next((d for d in self.view.days if d.day == day), None) if self.view else None
        workday = entry.is_workday if entry else overrides.packaged_or_weekday(day)
        self.kind.setCurrentIndex(self.kind.findData(workday))
        self.note.setText(entry.description if entry and entry.overridden else "")

    def selected_override(self) -> date | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1 or self.view is None:
            return None
        d = self.view.days[rows.pop()]
        return d.day if d.overridden else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_override() is not None)

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (for tests and screenshots)."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]

    # -- writing ------------------------------------------------------------------------------
    def save_day(self) -> bool:
        day, is_workday, note = self.day.date().toPython(), self.kind.currentData(), self.note.text()
        ok, _ = self.ctx.perform(lambda s: overrides.set_override(s, day, is_workday, note),
                                 changed=Change(ChangeKind.CALENDAR), parent=self)
        if ok:
            self._after_change(day, self.tr("%1 is now a %2.").replace("%1", chinese_date(day))
                               .replace("%2", self.kind.currentText()))
        return ok

    def remove_day(self) -> bool:
        day = self.selected_override()
        if day is None:
            return False
        ok, _ = self.ctx.perform(lambda s: overrides.remove_override(s, day),
                                 changed=Change(ChangeKind.CALENDAR), parent=self)
        if ok:
            self._after_change(day, self.tr("The entry of %1 was removed.").replace(
                "%1", chinese_date(day)))
        return ok

    def _after_change(self, day: date, message: str) -> None:
        if day.year != self.year.value():
            self.year.setValue(day.year)  # reloads
        else:
            self.reload()
        for r, d in enumerate(self.view.days):
            if d.day == day:
                self.table.selectRow(r)
        self.ctx.status_message.emit(message)


def open_calendar_dialog(ctx: UiContext, parent: QWidget | None = None, year: int | None = None) -> None:
    WorkdayCalendarDialog(ctx, parent, year).exec()
