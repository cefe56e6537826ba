"""工作台: counts by status and light, this week's deadlines, overdue tasks, per-unit bars and
the year targets — all from the shared task rows; every number clicks through to the ledger."""

from __future__ import annotations


from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.domain.enums import OPEN_STATUSES, AlertLevel, TaskStatus
from wuyang_tasks.services.task_list import TaskRow, chinese_date, week_range

from ...changes import Change
from ...context import UiContext
from ...page import Page
from ..tasks.filters import OPEN, Criteria
from ..tasks.model import LIGHT_COLOURS
from .charts import UnitBar, UnitBarChart


class DueListModel(QAbstractTableModel):
    """A short list of tasks (编号, 任务, 牵头单位, 时限, 亮灯/逾期)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[TaskRow] = []
        self.headers = [self.tr("Code"), self.tr("Task"), self.tr("Lead unit"), self.tr("Deadline"),
                        self.tr("State")]

    def set_rows(self, rows: list[TaskRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = (self.tr("%1 day(s) overdue").replace("%1", str(row.days_overdue))
                     if row.days_overdue else self.tr("%1 day(s) left").replace("%1", str(row.days_left))
                     if row.days_left is not None else "")
            return (row.code, row.title, "、".join(row.lead_units), row.deadline_display,
                    state)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4 and row.alert:
            return QBrush(QColor(LIGHT_COLOURS[row.alert]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return row.title
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None


class CountButton(QPushButton):
    def __init__(self, title: str, colour: str, parent=None):
        super().__init__(parent)
        self.title = title
        self.colour = colour
        self.setMinimumSize(118, 64)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_count(0)

    def set_count(self, n: int) -> None:
        self.count = n
        self.setText(f"{n}\n{self.title}")
        self.setStyleSheet(f"QPushButton {{ font-size: 15px; color: {self.colour}; background: white;"
                           f" border: 1px solid #d5dbe5; border-radius: 6px; padding: 6px; }}"
                           f"QPushButton:hover {{ border-color: {self.colour}; }}")


class DashboardPage(Page):
    def __init__(self, ctx: UiContext):
        super().__init__(ctx)
        self.store = ctx.task_rows
        self.counts: dict[str, int] = {}
        content = QWidget()
        layout = QVBoxLayout(content)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        layout.addWidget(self.heading)

        self.buttons: dict[str, CountButton] = {}
        self.cards = QGridLayout()
        self._tile_columns = 0
        specs = [
            ("open", self.tr("In progress"), "#1f3b63", Criteria(status=OPEN)),
            ("draft", TaskStatus.DRAFT.label, "#555555", Criteria(status=TaskStatus.DRAFT.value)),
            ("reported", self.tr("Awaiting review"), "#6a1b9a",
             Criteria(status=TaskStatus.REPORTED.value)),
            ("done", TaskStatus.DONE.label, "#2e7d32", Criteria(status=TaskStatus.DONE.value)),
        ] + [(level.value, level.label, LIGHT_COLOURS[level], Criteria(alert=level.value))
             for level in (AlertLevel.RED, AlertLevel.YELLOW, AlertLevel.BLUE, AlertLevel.GREEN)]
        for key, title, colour, criteria in specs:
            button = CountButton(title, colour)
            button.clicked.connect(lambda _=False, c=criteria: ctx.navigate("tasks", criteria=c))
            self.buttons[key] = button
        self._arrange_tiles(len(self.buttons))
        layout.addLayout(self.cards)

        lists = QHBoxLayout()
        self.week_model = DueListModel(self)
        self.overdue_model = DueListModel(self)
        self.week_box, self.week_view = self._list_box(self.tr("Due this week"), self.week_model)
        self.overdue_box, self.overdue_view = self._list_box(self.tr("Overdue"), self.overdue_model)
        lists.addWidget(self.week_box)
        lists.addWidget(self.overdue_box)
        layout.addLayout(lists)

        chart_box = QGroupBox(self.tr("Tasks by lead unit"))
        chart_layout = QVBoxLayout(chart_box)
        self.chart = UnitBarChart()
        chart_layout.addWidget(self.chart)
        layout.addWidget(chart_box)

        self.metric_box = QGroupBox(self.tr("Year targets"))
        self.metric_layout = QGridLayout(self.metric_box)
        layout.addWidget(self.metric_box)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # The year targets are read once the page has first painted: their read is the start's
        # first ORM statement, which sets up every mapper (≈ 20 ms), and their charts are built
        # then too; a window that goes on to another page at once never waits for them.
        self._painted = False
        self._metrics_due = False
        self.store.reset.connect(lambda: self.when_visible(self._show_rows))
        self.store.rows_changed.connect(lambda _ids: self.when_visible(self._show_rows))

    def _arrange_tiles(self, columns: int) -> None:
        """One row of count tiles, or two when the window is too narrow for one (1024 px)."""
        if columns == self._tile_columns:
            return
        for button in self.buttons.values():
            self.cards.removeWidget(button)
        for i, button in enumerate(self.buttons.values()):
            self.cards.addWidget(button, i // columns, i % columns)
        for column in range(len(self.buttons) + 1):
            self.cards.setColumnStretch(column, 1 if column == columns else 0)
        self._tile_columns = columns

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        spacing = max(self.cards.spacing(), 0)
        one_row = sum(max(b.sizeHint().width(), b.minimumWidth()) + spacing
                      for b in self.buttons.values()) + 40
        self._arrange_tiles(len(self.buttons) if event.size().width() >= one_row
                            else (len(self.buttons) + 1) // 2)

    def _list_box(self, title: str, model: DueListModel) -> tuple[QGroupBox, QTableView]:
        box = QGroupBox(title)
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.setMinimumHeight(200)
        header = view.horizontalHeader()
        for column in range(model.columnCount()):  # 工作任务 takes the room; 情况 always shows
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        view.doubleClicked.connect(lambda index, m=model: self.ctx.navigate(
            "tasks", task_id=m.rows[index.row()].id))
        QVBoxLayout(box).addWidget(view)
        return box, view

    def accepts_data_change(self, change: Change) -> bool:
        return change.task_ids is None  # rows of the tasks named come through the store

    def refresh(self) -> None:
        self.store.ensure_loaded()
        if self.store.loaded:
            self._show_rows()
        if self._painted:
            self._show_metrics()
        else:
            self._metrics_due = True

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._metrics_due:
                QTimer.singleShot(0, self, self._show_metrics)

    def _show_rows(self) -> None:
        today = self.ctx.today()
        rows = self.store.rows
        self.heading.setText(self.tr("Dashboard — %1").replace("%1", chinese_date(today)))
        counts = {"open": sum(r.status in OPEN_STATUSES for r in rows),
                  "draft": sum(r.status is TaskStatus.DRAFT for r in rows),
                  "reported": sum(r.status is TaskStatus.REPORTED for r in rows),
                  "done": sum(r.status is TaskStatus.DONE for r in rows)}
        for level in AlertLevel:
            counts[level.value] = sum(r.alert is level for r in rows)
        self.counts = counts
        for key, button in self.buttons.items():
            button.set_count(counts[key])
        monday, sunday = week_range(today)
        week = [r for r in rows if r.status in OPEN_STATUSES and r.effective_deadline
                and monday <= r.effective_deadline <= sunday and r.alert is not AlertLevel.RED]
        overdue = [r for r in rows if r.alert is AlertLevel.RED]
        self.week_model.set_rows(sorted(week, key=lambda r: (r.effective_deadline, code_key(r.code))))
        self.overdue_model.set_rows(sorted(overdue, key=lambda r: (-r.days_overdue, code_key(r.code))))
        self.week_box.setTitle(self.tr("Due this week (%1 – %2): %3").replace(
            "%1", f"{monday.month}月{monday.day}日").replace("%2", f"{sunday.month}月{sunday.day}日")
            .replace("%3", str(len(week))))
        self.overdue_box.setTitle(self.tr("Overdue: %1").replace("%1", str(len(overdue))))
        self.chart.set_bars(self._unit_bars(rows))

    def _unit_bars(self, rows: list[TaskRow]) -> list[UnitBar]:
        from wuyang_tasks.services import task_views  # the ORM's: after the first paint

        with self.ctx.ledger.read() as s:
            units = [c.name for c in task_views.pick_lists(s, self.ctx.today()).units]
        bars = {name: UnitBar(name, 0, 0, 0) for name in units}
        for row in rows:
            if row.status in (TaskStatus.CANCELLED, TaskStatus.DRAFT, TaskStatus.SUSPENDED):
                continue
            for name in row.lead_units:
                bar = bars.get(name)
                if bar is None:
                    continue
                if row.status.is_closed:
                    bar.done += 1
                else:
                    bar.open += 1
                    bar.overdue += row.alert is AlertLevel.RED
        return [b for b in bars.values() if b.total]

    def _show_metrics(self) -> None:
        # loaded here, after the first paint (≈ 5 ms of imports the first screen does not need)
        from wuyang_tasks.services import metrics as metric_service

        from ..metrics.charts import MetricChart

        while self.metric_layout.count():
            item = self.metric_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        today = self.ctx.today()
        with self.ctx.ledger.read() as s:
            report = metric_service.metrics_report(s, today)
        if not report.metrics:
            self.metric_layout.addWidget(QLabel(self.tr("No year targets for %1.")
                                                .replace("%1", str(today.year))), 0, 0)
            return
        for i, m in enumerate(report.metrics):  # two charts a row; a click opens the 指标 page
            state = QLabel(f"{m.status.label}  {m.name}：{m.current_text}")
            state.setToolTip(m.reason)
            chart = MetricChart()
            chart.set_view(m)
            chart.setMinimumHeight(280)
            chart.setToolTip(m.reason)
            chart.setCursor(Qt.CursorShape.PointingHandCursor)
            chart.clicked.connect(lambda metric_id: self.ctx.navigate("metrics", metric_id=metric_id))
            row, column = 2 * (i // 2), i % 2
            self.metric_layout.addWidget(state, row, column)
            self.metric_layout.addWidget(chart, row + 1, column)
        self.metric_layout.setColumnStretch(0, 1)
        self.metric_layout.setColumnStretch(1, 1)
