"""Filtering the task rows: the criteria (saved as 我的筛选) and the filter bar.

Filtering runs in Python over the loaded rows (a few ms for 100,000); only the free text also
searches task contents in SQL, because the rows do not carry the contents.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.enums import OPEN_STATUSES, AlertLevel, Role, TaskStatus
from wuyang_tasks.services.task_list import UNIT_ROLES, TaskRow

if TYPE_CHECKING:  # an ORM service's: imported after the first paint
    from wuyang_tasks.services.task_views import PickLists

OPEN = "OPEN"  # status choice: every open status (未办结)
SAVED_KEY = "tasks/saved_filters"
ROLE_FIELDS = {Role.LEAD_UNIT: "lead_units", Role.COOPERATING_UNIT: "cooperating_units",
               Role.TERRITORIAL_UNIT: "territorial_units"}


@dataclass
class Criteria:
    unit: str | None = None
    unit_role: str | None = None  # Role value; None: any unit role
    leader: str | None = None
    status: str | None = None  # TaskStatus value or OPEN
    alert: str | None = None  # AlertLevel value
    deadline_from: str | None = None  # ISO dates
    deadline_to: str | None = None
    source_id: int | None = None
    text: str = ""
    task_ids: list[int] | None = field(default=None)  # from a dashboard list; not saved
    label: str | None = None  # what task_ids stand for (本周到期 …)

    def is_empty(self) -> bool:
        return self == Criteria()


def matches(row: TaskRow, c: Criteria, text_ids: set[int] | None) -> bool:
    if c.task_ids is not None and row.id not in c.task_ids:
        return False
    if c.unit:
        roles = [Role(c.unit_role)] if c.unit_role else list(UNIT_ROLES)
        if not any(c.unit in getattr(row, ROLE_FIELDS[r]) for r in roles):
            return False
    if c.leader and c.leader not in row.lead_leaders and c.leader not in row.liaison_leaders:
        return False  # a leader's tasks: those led, and those of the townships liaised with
    if c.status == OPEN:
        if row.status not in OPEN_STATUSES:
            return False
    elif c.status and row.status.value != c.status:
        return False
    if c.alert and (row.alert is None or row.alert.value != c.alert):
        return False
    due = row.effective_deadline
    if c.deadline_from and (due is None or due < date.fromisoformat(c.deadline_from)):
        return False
    if c.deadline_to and (due is None or due > date.fromisoformat(c.deadline_to)):
        return False
    if c.source_id is not None and row.source_id != c.source_id:
        return False
    if text_ids is not None and row.id not in text_ids:
        return False
    return True


def saved_filters(settings: QSettings) -> dict[str, Criteria]:
    raw = settings.value(SAVED_KEY, "")
    try:
        data = json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        return {}
    return {name: Criteria(**{k: v for k, v in values.items() if k in Criteria.__dataclass_fields__})
            for name, values in data.items()}


def store_saved_filters(settings: QSettings, filters: dict[str, Criteria]) -> None:
    data = {name: {k: v for k, v in asdict(c).items() if k not in ("task_ids", "label")}
            for name, c in filters.items()}
    settings.setValue(SAVED_KEY, json.dumps(data, ensure_ascii=False))
    settings.sync()


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, settings_factory, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings_factory
        self._quiet = False
        self.task_ids: list[int] | None = None
        self.ids_label: str | None = None

        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(10)
        self.role = QComboBox()
        self.role.addItem(self.tr("any role"), None)
        for role in UNIT_ROLES:
            self.role.addItem(role.label, role.value)
        self.leader = QComboBox()
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Not closed"), OPEN)
        for status in TaskStatus:
            self.status.addItem(status.label, status.value)
        self.alert = QComboBox()
        self.alert.addItem(self.tr("All lights"), None)
        for level in (AlertLevel.RED, AlertLevel.YELLOW, AlertLevel.BLUE, AlertLevel.GREEN):
            self.alert.addItem(level.label, level.value)
        self.source = QComboBox()
        self.source.setMinimumContentsLength(12)
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search code, title, content"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(200)
        self.scope = QLabel()
        self.scope.setStyleSheet("color: #1f5fa8;")
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self.saved_button = QToolButton()
        self.saved_button.setText(self.tr("My filters"))
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_menu = QMenu(self)
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.saved_button.setMenu(self.saved_menu)

        row1 = QHBoxLayout()
        for label, widget in ((self.tr("Unit"), self.unit), (None, self.role),
                              (self.tr("County leader"), self.leader),
                              (self.tr("Status"), self.status), (self.tr("Light"), self.alert),
                              (self.tr("Source"), self.source)):
            if label:
                row1.addWidget(QLabel(label))
            row1.addWidget(widget)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Deadline from")))
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel(self.tr("to")))
        row2.addWidget(self.date_to)
        row2.addWidget(self.text, 1)
        row2.addWidget(self.scope)
        row2.addWidget(self.saved_button)
        row2.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row1)
        layout.addLayout(row2)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(300)
        self._text_timer.timeout.connect(self._emit)
        self.text.textChanged.connect(lambda _text: self._text_timer.start())
        for combo in (self.unit, self.role, self.leader, self.status, self.alert, self.source):
            combo.currentIndexChanged.connect(self._emit)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._emit)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy年M月d日")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(edit.minimumDate())
        return edit

    def set_choices(self, picks: PickLists) -> None:
        current = self.criteria()
        self._quiet = True
        for combo, empty, items in (
                (self.unit, self.tr("All units"), [(c.name, c.name) for c in picks.units]),
                (self.leader, self.tr("All leaders"), [(c.name, c.name) for c in picks.leaders]),
                (self.source, self.tr("All sources"), [(c.name, c.id) for c in picks.sources])):
            combo.clear()
            combo.addItem(empty, None)
            for text, data in items:
                combo.addItem(text, data)
        self._quiet = False
        self.set_criteria(current, emit=False)

    def criteria(self) -> Criteria:
        def day(edit: QDateEdit) -> str | None:
            return None if edit.date() == edit.minimumDate() else edit.date().toPython().isoformat()

        return Criteria(unit=self.unit.currentData(), unit_role=self.role.currentData(),
                        leader=self.leader.currentData(), status=self.status.currentData(),
                        alert=self.alert.currentData(), deadline_from=day(self.date_from),
                        deadline_to=day(self.date_to), source_id=self.source.currentData(),
                        text=self.text.text().strip(), task_ids=self.task_ids, label=self.ids_label)

    def set_criteria(self, c: Criteria, emit: bool = True) -> None:
        self._quiet = True
        for combo, value in ((self.unit, c.unit), (self.role, c.unit_role), (self.leader, c.leader),
                             (self.status, c.status), (self.alert, c.alert),
                             (self.source, c.source_id)):
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
        for edit, value in ((self.date_from, c.deadline_from), (self.date_to, c.deadline_to)):
            edit.setDate(QDate.fromString(value, Qt.DateFormat.ISODate) if value else edit.minimumDate())
        self.text.setText(c.text)
        self._text_timer.stop()
        self.task_ids, self.ids_label = c.task_ids, c.label
        self.scope.setText(c.label or "")
        self._quiet = False
        if emit:
            self.changed.emit()

    def clear(self) -> None:
        self.set_criteria(Criteria())

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit()

    # -- 我的筛选 --------------------------------------------------------------------------------
    def _fill_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        menu.addAction(self.tr("Save current filter…")).triggered.connect(self.ask_and_save)
        filters = saved_filters(self._settings())
        if filters:
            menu.addSeparator()
            for name, criteria in filters.items():
                menu.addAction(name).triggered.connect(
                    lambda _=False, c=criteria: self.set_criteria(c))
            menu.addSeparator()
            delete = menu.addMenu(self.tr("Delete"))
            for name in filters:
                delete.addAction(name).triggered.connect(lambda _=False, n=name: self.delete_saved(n))

    def ask_and_save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name of this filter:"))
        if ok:
            self.save_current(name)

    def save_current(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        settings = self._settings()
        filters = saved_filters(settings)
        filters[name] = self.criteria()
        store_saved_filters(settings, filters)

    def delete_saved(self, name: str) -> None:
        settings = self._settings()
        filters = saved_filters(settings)
        filters.pop(name, None)
        store_saved_filters(settings, filters)
