"""The readings grid: one row per day (or month), the county value and the reference value.

Edits stay pending (shown on a yellow ground) until 保存读数 stores them all in one action
through ``services.metrics.enter_readings``; an emptied cell clears the reading. Typed text is
read like the import reads it: 优/良/…/1–6 for AQI levels, Ⅰ…劣Ⅴ/I…V/1–6 for water classes,
non-negative numbers for concentrations.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from wuyang_tasks.domain import metrics as rules
from wuyang_tasks.domain.enums import MetricKind
from wuyang_tasks.services.metrics import MONTH, GridRow, ReadingEntry

PENDING = QBrush(QColor("#fff2b3"))
GOOD = QBrush(QColor("#e2efda"))
BAD = QBrush(QColor("#fbe2d5"))


def value_text(kind: MetricKind, value: float | None) -> str:
    if value is None:
        return ""
    if kind is MetricKind.GOOD_DAYS:
        return f"{value:g} {rules.AQI_LEVELS.get(int(value), '')}"
    if kind is MetricKind.WATER_CLASS:
        return rules.water_class_label(value) + "类"
    return f"{value:g}"


def parse_text(kind: MetricKind, text: str) -> float | None:
    """Typed text → stored value (None clears). Raises ValueError."""
    text = text.strip()
    if not text:
        return None
    if kind is MetricKind.GOOD_DAYS:
        return float(rules.parse_aqi_level(text.split(" ")[0]))
    if kind is MetricKind.WATER_CLASS:
        return float(rules.parse_water_class(text))
    number = float(text)
    if number < 0 or number != number:
        raise ValueError(text)
    return number


class ReadingsModel(QAbstractTableModel):
    rejected = Signal(str)  # a typed value that cannot be a reading (message for the status bar)
    pending_changed = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.kind = MetricKind.GOOD_DAYS
        self.period = "DAY"
        self.reference_name: str | None = None
        self.today = date.today()
        self.rows: list[GridRow] = []
        self.pending: dict[tuple[date, bool], float | None] = {}

    # -- content -------------------------------------------------------------------------------
    def set_rows(self, rows: list[GridRow], *, kind: MetricKind, period: str,
                 reference_name: str | None, today: date) -> None:
        self.beginResetModel()
        self.rows, self.kind, self.period = rows, kind, period
        self.reference_name, self.today = reference_name, today
        self.pending = {}
        self.endResetModel()
        self.pending_changed.emit(0)

    def entries(self) -> list[ReadingEntry]:
        return [ReadingEntry(day, value, is_reference, self.period, where=self._day_text(day))
                for (day, is_reference), value in sorted(self.pending.items())]

    def _columns(self) -> list[str]:
        cols = [self.tr("Date"), self._value_header()]
        if self.reference_name:
            cols.append(self.reference_name)
        return cols + [self.tr("Note")]

    def _value_header(self) -> str:
        if self.kind is MetricKind.GOOD_DAYS:
            return self.tr("AQI level")
        if self.kind is MetricKind.WATER_CLASS:
            return self.tr("Water class")
        return self.tr("County")

    def _day_text(self, day: date) -> str:
        return f"{day.year}年{day.month}月" if self.period == MONTH else f"{day.month}月{day.day}日"

    def _is_reference(self, column: int) -> bool | None:
        """None for the date and note columns."""
        if column == 1:
            return False
        if column == 2 and self.reference_name:
            return True
        return None

    def _value(self, row: int, is_reference: bool) -> float | None:
        grid = self.rows[row]
        key = (grid.day, is_reference)
        if key in self.pending:
            return self.pending[key]
        return grid.reference if is_reference else grid.value

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns()[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._is_reference(index.column()) is not None and self.rows[index.row()].day <= self.today:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        grid = self.rows[index.row()]
        is_reference = self._is_reference(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return self._day_text(grid.day)
            if is_reference is None:
                return grid.note or ""
            return value_text(self.kind, self._value(index.row(), is_reference))
        if role == Qt.ItemDataRole.BackgroundRole and is_reference is not None:
            if (grid.day, is_reference) in self.pending:
                return PENDING
            value = self._value(index.row(), is_reference)
            if self.kind is MetricKind.GOOD_DAYS and value is not None:
                return GOOD if value <= rules.GOOD_LEVEL_MAX else BAD
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() < 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        is_reference = self._is_reference(index.column())
        if is_reference is None or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        try:
            parsed = parse_text(self.kind, str(value or ""))
        except ValueError:
            self.rejected.emit(self.tr("\"%1\" is not a valid %2.").replace("%1", str(value))
                               .replace("%2", self._value_header()))
            return False
        grid = self.rows[index.row()]
        stored = grid.reference if is_reference else grid.value
        key = (grid.day, is_reference)
        if parsed == stored:
            self.pending.pop(key, None)
        else:
            self.pending[key] = parsed
        self.dataChanged.emit(index, index)
        self.pending_changed.emit(len(self.pending))
        return True

    def choices(self) -> list[str]:
        """Pick-list for the level/class columns (empty first: clears the cell)."""
        if self.kind is MetricKind.GOOD_DAYS:
            return [""] + [value_text(self.kind, float(v)) for v in rules.AQI_LEVELS]
        if self.kind is MetricKind.WATER_CLASS:
            return [""] + [value_text(self.kind, float(v)) for v in rules.WATER_CLASSES]
        return []
