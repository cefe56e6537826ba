"""指标 page: the year's metrics with their status, the readings grid with entry, the chart,
and 生成督办任务 for a metric falling behind."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSettings, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.enums import MetricKind
from wuyang_tasks.domain.metrics import MetricStatus
from wuyang_tasks.services import metrics as metric_service
from wuyang_tasks.services.metrics import MONTH, MetricsReport, MetricView

from ...access import Need
from ...changes import Change, ChangeKind
from ...context import UiContext
from ...page import Page
from .charts import MetricChart
from .readings_model import ReadingsModel

STATUS_BRUSHES = {MetricStatus.GREEN: QBrush(QColor("#a9d08e")), MetricStatus.AMBER: QBrush(QColor("#ffe699")),
                  MetricStatus.RED: QBrush(QColor("#ff9999")), MetricStatus.NO_DATA: QBrush(QColor("#d9d9d9"))}


class MetricsModel(QAbstractTableModel):
    """The metrics of the year: 指标 | 目标 | 完成情况 | 状态 | 说明."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.views: list[MetricView] = []
        self.headers = [self.tr("Metric"), self.tr("Target"), self.tr("Current"), self.tr("Status"),
                        self.tr("Why")]

    def set_views(self, views: list[MetricView]) -> None:
        self.beginResetModel()
        self.views = list(views)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self.views[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            reason = m.reason
            if m.raised_tasks:
                reason += self.tr("(tasks raised: %1)").replace("%1", "、".join(m.raised_tasks))
            return (m.name, m.target_text, m.current_text, m.status.label, reason)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 3:
            return STATUS_BRUSHES[m.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 3):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """A pick-list editor for AQI levels and water classes (typing still works)."""

    def __init__(self, model: ReadingsModel, parent=None):
        super().__init__(parent)
        self.readings = model

    def createEditor(self, parent, option, index):
        choices = self.readings.choices()
        if not choices:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        box.setEditable(True)
        box.addItems(choices)
        return box

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class MetricsPage(Page):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.report: MetricsReport | None = None
        self._refreshing = False  # the list is being reloaded: selection signals are not the user's
        self._month_index = -1
        self._grid_metric: MetricView | None = None  # whose readings the grid holds
        self.caption = QLabel()
        self.metrics_model = MetricsModel(self)
        self.metrics_view = QTableView()
        self.metrics_view.setModel(self.metrics_model)
        self.metrics_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.metrics_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.metrics_view.verticalHeader().hide()
        self.metrics_view.setWordWrap(True)
        header = self.metrics_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.metrics_view.selectionModel().currentRowChanged.connect(self._metric_selected)

        self.month_box = QComboBox()
        self.month_box.currentIndexChanged.connect(self._month_chosen)
        self.readings = ReadingsModel(self)
        self.readings.rejected.connect(self.ctx.status_message.emit)
        self.readings.pending_changed.connect(self._pending_changed)
        self.grid = QTableView()
        self.grid.setModel(self.readings)
        self.grid.setItemDelegate(ChoiceDelegate(self.readings, self.grid))
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        guard = self.ctx.role_guard
        self.save_button = guard.restrict(QPushButton(self.tr("Save readings")), Need.EDIT)
        self.save_button.clicked.connect(self.save_readings)
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.discard_button.clicked.connect(self._load_grid)
        self.chart = MetricChart()
        self.raise_button = guard.restrict(QPushButton(self.tr("Raise a supervision task")), Need.EDIT)
        self.raise_button.setToolTip(self.tr(
            "Creates a task (待交办) for the metric's lead unit and its townships, linked to the metric."))
        self.raise_button.clicked.connect(self.raise_task)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self._build_layout()
        self._pending_changed(0)

    def _build_layout(self) -> None:
        grid_box = QWidget()
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.month_box, 1)
        grid_layout.addLayout(top)
        grid_layout.addWidget(self.grid, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        grid_layout.addLayout(buttons)

        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.rule_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.raise_button)
        chart_layout.addLayout(row)

        self.lower = QSplitter(Qt.Orientation.Horizontal)
        self.lower.addWidget(grid_box)
        self.lower.addWidget(chart_box)
        self.lower.setSizes([440, 860])
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.metrics_view)
        self.split.addWidget(self.lower)
        self.split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.split, 1)

    # -- Page ----------------------------------------------------------------------------------
    def accepts_data_change(self, change: Change) -> bool:
        return change.touches(ChangeKind.METRIC_READING, ChangeKind.METRIC, ChangeKind.TASK)

    def refresh(self) -> None:
        keep = self.current_view().id if self.current_view() else None
        with self.ctx.ledger.read() as s:
            self.report = metric_service.metrics_report(s, self.ctx.today())
        self.caption.setText(self.tr("Year targets %1, %2").replace("%1", str(self.report.year))
                             .replace("%2", self.report.caption))
        self._refreshing = True
        try:
            self.metrics_model.set_views(self.report.metrics)
            self.metrics_view.resizeRowsToContents()
            ids = [m.id for m in self.report.metrics]
            row = ids.index(keep) if keep in ids else 0
            if ids:
                self.metrics_view.selectRow(row)
        finally:
            self._refreshing = False
        if ids:
            self._show_metric(self.report.metrics[row], reload_months=keep != ids[row])
        else:
            self._show_metric(None, reload_months=True)

    def show_item(self, **kwargs) -> None:
        metric_id = kwargs.get("metric_id")
        if self.report and metric_id is not None:
            for row, m in enumerate(self.report.metrics):
                if m.id == metric_id:
                    self.metrics_view.selectRow(row)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("metrics/split", self.split.saveState())
        settings.setValue("metrics/lower", self.lower.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in (("metrics/split", self.split), ("metrics/lower", self.lower)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)

    # -- selection -----------------------------------------------------------------------------
    def current_view(self) -> MetricView | None:
        if not self.report or not self.report.metrics:
            return None
        index = self.metrics_view.currentIndex()
        return self.report.metrics[index.row()] if index.isValid() else None

    def _metric_selected(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._refreshing or not current.isValid() or not self.report or current.row() == previous.row():
            return
        if not self._leave_pending():
            self.metrics_view.selectionModel().blockSignals(True)
            self.metrics_view.selectRow(previous.row())
            self.metrics_view.selectionModel().blockSignals(False)
            return
        self._show_metric(self.report.metrics[current.row()], reload_months=True)

    def _show_metric(self, view: MetricView | None, *, reload_months: bool) -> None:
        self.chart.set_view(view)
        self.raise_button.setEnabled(bool(view and view.behind))
        self.rule_label.setText(self._rule_text(view))
        if reload_months:
            self._fill_months(view)
        self._load_grid()

    def _rule_text(self, view: MetricView | None) -> str:
        if view is None:
            return ""
        units = "、".join(view.lead_units)
        text = self.tr("Lead unit: %1; %2 townships answer territorially.").replace("%1", units or "—") \
            .replace("%2", str(len(view.territorial_units)))
        if view.demo_data:
            text += self.tr("Readings are generated demonstration data, not measurements.")
        return text

    def _fill_months(self, view: MetricView | None) -> None:
        """Daily metrics: one month at a time; monthly metrics: the whole year."""
        self.month_box.blockSignals(True)
        self.month_box.clear()
        if view is not None:
            today = self.ctx.today()
            last = 12 if today.year > view.year else (today.month if today.year == view.year else 0)
            if view.entry_period == MONTH:
                self.month_box.addItem(self.tr("%1 (by month)").replace("%1", f"{view.year}年"),
                                       (date(view.year, 1, 1), date(view.year, 12, 31)))
            else:
                for month in range(last, 0, -1):
                    start = date(view.year, month, 1)
                    end = date(view.year + month // 12, month % 12 + 1, 1).toordinal() - 1
                    self.month_box.addItem(f"{view.year}年{month}月", (start, date.fromordinal(end)))
        self.month_box.blockSignals(False)
        self._month_index = self.month_box.currentIndex()

    def _month_chosen(self, index: int) -> None:
        if not self._leave_pending():
            self.month_box.blockSignals(True)
            self.month_box.setCurrentIndex(self._month_index)
            self.month_box.blockSignals(False)
            return
        self._month_index = index
        self._load_grid()

    def _load_grid(self) -> None:
        view = self._grid_metric = self.current_view()
        span = self.month_box.currentData()
        if view is None or span is None:
            self.readings.set_rows([], kind=MetricKind.OTHER, period="DAY", reference_name=None,
                                   today=self.ctx.today())
            return
        start, end = span
        today = self.ctx.today()
        with self.ctx.ledger.read() as s:
            rows = metric_service.reading_grid(s, view.id, start, min(end, max(today, start)))
        self.readings.set_rows(rows, kind=view.kind, period=view.entry_period,
                               reference_name=view.reference_name, today=today)
        self.grid.resizeColumnsToContents()

    def _pending_changed(self, count: int) -> None:
        self.save_button.setEnabled(count > 0)
        self.discard_button.setEnabled(count > 0)
        if count:
            self.save_button.setText(self.tr("Save readings (%1)").replace("%1", str(count)))
        else:
            self.save_button.setText(self.tr("Save readings"))

    def _leave_pending(self) -> bool:
        """Unsaved edits: save them, or drop them; False keeps the user where they are."""
        if not self.readings.pending:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved readings"),
                          self.tr("%1 reading(s) were changed but not saved.")
                          .replace("%1", str(len(self.readings.pending))), parent=self)
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is save:
            return self.save_readings()
        if box.clickedButton() is discard:
            self.readings.pending.clear()
            return True
        return False

    # -- actions -------------------------------------------------------------------------------
    def save_readings(self) -> bool:
        view = self._grid_metric
        entries = self.readings.entries()
        if view is None or not entries:
            return True
        today = self.ctx.today()
        ok, result = self.ctx.perform(
            lambda s: metric_service.enter_readings(s, view.id, entries, today=today),
            changed=Change(ChangeKind.METRIC_READING), parent=self)
        if ok:
            self.ctx.status_message.emit(self.tr("Readings saved: %1").replace("%1", result.text))
        return ok

    def raise_task(self) -> None:
        view = self.current_view()
        if view is None:
            return
        today, cal = self.ctx.today(), self.ctx.calendar()
        def action(s):
            task = metric_service.raise_task(s, view.id, today=today, cal=cal)
            return task.id, task.code, task.status.label, task.title  # plain values: the session closes

        ok, raised = self.ctx.perform(action, changed=lambda r: Change.tasks([r[0]]), parent=self)
        if ok:
            _task_id, code, status, title = raised
            self.ctx.status_message.emit(self.tr("Task %1 raised (%2): %3")
                                         .replace("%1", code).replace("%2", status).replace("%3", title))
