"""The task ledger table: a QAbstractTableModel over TaskRow, sorted by sorting the list.

A new list (a filter, the whole ledger read again) resets the model; the rows of tasks an action
changed are put in place one by one (``update_rows``), so the view keeps where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.domain.enums import AlertLevel
from wuyang_tasks.services.task_list import TaskRow

if TYPE_CHECKING:  # an ORM service's: imported after the first paint
    from wuyang_tasks.services.who_answers import ChiefIndex

ROW_COLOURS = {AlertLevel.RED: "#fbe3e3", AlertLevel.YELLOW: "#fff6d5", AlertLevel.BLUE: "#e3eefc"}
LIGHT_COLOURS = {AlertLevel.RED: "#d93025", AlertLevel.YELLOW: "#e6a700",
                 AlertLevel.BLUE: "#1a73e8", AlertLevel.GREEN: "#1e8e3e"}
_FAR = date.max


def _names(values: list[str]) -> str:
    return "、".join(values)


class Column:
    def __init__(self, key: str, title: str, text: Callable[[TaskRow], str],
                 sort_key: Callable[[TaskRow], object], width: int, align_right: bool = False):
        self.key, self.title, self.text, self.sort_key = key, title, text, sort_key
        self.width, self.align_right = width, align_right


class TaskTableModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[TaskRow] = []
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.chiefs: ChiefIndex | None = None  # read once every task is (the page's choice lists)
        self.today = date.today()
        self.columns = [
            Column("code", self.tr("Code"), lambda r: r.code, lambda r: code_key(r.code), 80),
            Column("title", self.tr("Task"), lambda r: r.title, lambda r: r.title, 280),
            Column("leader", self.tr("County leader"), lambda r: self._leaders(r),
                   lambda r: (_names(r.lead_leaders), code_key(r.code)), 70),
            Column("lead_unit", self.tr("Lead unit"), lambda r: _names(r.lead_units),
                   lambda r: _names(r.lead_units), 110),
            Column("chiefs", self.tr("Unit chiefs"), lambda r: _names(self._chiefs(r)),
                   lambda r: (_names(self._chiefs(r)), code_key(r.code)), 110),
            Column("cooperating", self.tr("Cooperating units"), lambda r: _names(r.cooperating_units),
                   lambda r: _names(r.cooperating_units), 130),
            Column("deadline", self.tr("Deadline"), lambda r: r.deadline_display,
                   lambda r: (r.effective_deadline or _FAR, code_key(r.code)), 110),
            Column("status", self.tr("Status"), lambda r: r.status.label,
                   lambda r: (list(type(r.status)).index(r.status), code_key(r.code)), 60),
            Column("alert", self.tr("Alert"), lambda r: r.alert.label if r.alert else "",
                   lambda r: (-(r.alert.rank if r.alert else -1), code_key(r.code)), 64),
            Column("overdue", self.tr("Days overdue"),
                   lambda r: str(r.days_overdue) if r.days_overdue else "",
                   lambda r: (r.days_overdue, code_key(r.code)), 64, align_right=True),
            Column("urgings", self.tr("Urgings"), lambda r: str(r.urging_count) if r.urging_count else "",
                   lambda r: (r.urging_count, code_key(r.code)), 46, align_right=True),
            Column("progress", self.tr("Latest progress"), lambda r: r.last_report_text or "",
                   lambda r: (r.last_report_date or date.min, code_key(r.code)), 200),
        ]

    # -- contents ---------------------------------------------------------------------------
    def _leaders(self, row: TaskRow) -> str:
        """The lead leaders, then those liaising (分包联系) with the task's townships, marked."""
        mark = self.tr("%1 (liaison)")
        liaising = [mark.replace("%1", n) for n in row.liaison_leaders if n not in row.lead_leaders]
        return _names([*row.lead_leaders, *liaising])

    def _chiefs(self, row: TaskRow) -> tuple[str, ...]:
        """The lead units' party and government chiefs who answer for the task today (党政同责),
        after a 任免 the successor from the day of the appointment."""
        if self.chiefs is None:
            return ()
        return self.chiefs.lead_chiefs(row.lead_units, row.assigned_on, row.closed_on, self.today)

    def set_chiefs(self, chiefs: ChiefIndex, today: date) -> None:
        """Set before ``set_rows`` (the page reloads both whenever the ledger changes)."""
        self.chiefs, self.today = chiefs, today

    def set_rows(self, rows: list[TaskRow]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(rows)
        self.endResetModel()

    def update_rows(self, changed: Mapping[int, TaskRow | None]) -> None:
        """Tasks read again, by id (None: no longer shown). A row whose place in the order holds
        is replaced where it is (``dataChanged``); the others are removed, and inserted again
        where they sort now, as are the tasks new to the table."""
        at = {r.id: i for i, r in enumerate(self.rows) if r.id in changed}
        placed, leaving = set(), []
        for task_id, row in changed.items():
            i = at.get(task_id)
            if i is None:
                continue
            if row is not None and self._fits(i, row):
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
                placed.add(task_id)
            else:
                leaving.append(i)
        for i in sorted(leaving, reverse=True):
            self.beginRemoveRows(QModelIndex(), i, i)
            del self.rows[i]
            self.endRemoveRows()
        for task_id, row in changed.items():
            if row is not None and task_id not in placed:
                i = self._position(row)
                self.beginInsertRows(QModelIndex(), i, i)
                self.rows.insert(i, row)
                self.endInsertRows()

    def _fits(self, i: int, row: TaskRow) -> bool:
        """Whether ``row`` sorts between the neighbours of row ``i``."""
        key, k = self.columns[self.sort_column].sort_key, self.columns[self.sort_column].sort_key(row)
        before = self.rows[i - 1] if i > 0 else None
        after = self.rows[i + 1] if i + 1 < len(self.rows) else None
        low, high = (after, before) if self._descending else (before, after)
        return (low is None or key(low) <= k) and (high is None or k <= key(high))

    def _position(self, row: TaskRow) -> int:
        """Where ``row`` goes in the sorted rows (after those it sorts equal with)."""
        key, k = self.columns[self.sort_column].sort_key, self.columns[self.sort_column].sort_key(row)
        lo, hi = 0, len(self.rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if (key(self.rows[mid]) < k) if self._descending else (k < key(self.rows[mid])):
                hi = mid
            else:
                lo = mid + 1
        return lo

    @property
    def _descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    def row_at(self, row: int) -> TaskRow:
        return self.rows[row]

    def row_of_task(self, task_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == task_id), None)

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "title":
                return row.title
            if column.key == "alert" and row.alert:
                return self._alert_tip(row)
            return column.text(row) or None
        if role == Qt.ItemDataRole.BackgroundRole and row.alert in ROW_COLOURS:
            return QBrush(QColor(ROW_COLOURS[row.alert]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key in ("alert", "overdue") and row.alert:
                return QBrush(QColor(LIGHT_COLOURS[row.alert]))
            if not row.status.is_open:
                return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.DecorationRole and column.key == "alert" and row.alert:
            return QColor(LIGHT_COLOURS[row.alert])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
                return self.columns[section].title
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
                return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_column, self.sort_order = column, order
        self.beginResetModel()
        self.rows = self._sorted(self.rows)
        self.endResetModel()

    def _sorted(self, rows: list[TaskRow]) -> list[TaskRow]:
        key = self.columns[self.sort_column].sort_key
        return sorted(rows, key=key, reverse=self._descending)

    def _alert_tip(self, row: TaskRow) -> str:
        if row.alert is AlertLevel.RED:
            return self.tr("Overdue by %1 day(s)").replace("%1", str(row.days_overdue))
        if row.alert is AlertLevel.YELLOW:
            return self.tr("No progress report within the reporting period")
        if row.alert is AlertLevel.BLUE:
            return self.tr("Due within %1 day(s)").replace("%1", str(row.days_left))
        return self.tr("On track")
