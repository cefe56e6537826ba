"""考核: the units' scores for a year in official order (left) and the selected unit's points,
each with its task, day, rule and record (right). Units only — no ranking of people."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
)

from wuyang_tasks.domain.assessment import Point, points_text
from wuyang_tasks.services import assessment as service
from wuyang_tasks.services import assessment_rules as rules_service
from wuyang_tasks.services.task_list import chinese_date

from ...access import Need
from ...changes import Change, ChangeKind
from ...context import UiContext
from ...page import Page
from ..inspections.rows_model import RowsModel
from .dialogs import AdjustmentDialog


MAX_COLUMN_PX = 230


def _unit_cells(u: service.UnitSheet) -> list[str]:
    s = u.score
    return [u.name, points_text(s.score, False), points_text(s.deductions, False), points_text(s.bonus),
            points_text(s.adjustments), str(s.task_count), u.kind.label]


class AssessmentPage(Page):
    def __init__(self, ctx: UiContext):
        super().__init__(ctx)
        self.report: service.AssessmentReport | None = None
        self._wanted_unit: int | None = None  # asked for before the scores were in
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year)
        self.year.valueChanged.connect(lambda *_: self.refresh())
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.units_model = RowsModel([self.tr("Unit"), self.tr("Score"), self.tr("Deducted"), self.tr("Bonus"),
                                      self.tr("Adjusted"), self.tr("Tasks"), self.tr("Kind")], _unit_cells, self)
        self.points_model = RowsModel([self.tr("Date"), self.tr("Task"), self.tr("Title"), self.tr("Event"),
                                       self.tr("Rule"), self.tr("Points"), self.tr("Record")], self._point_cells, self)
        self.units = self._table(self.units_model)
        self.points = self._table(self.points_model)
        self.units.selectionModel().currentRowChanged.connect(lambda *_: self._show_points())
        self.points.selectionModel().currentRowChanged.connect(lambda *_: self._enable())

        guard = self.ctx.role_guard
        self.action_adjust = guard.restrict(QAction(self.tr("Adjust points…"), self), Need.ADMINISTER)
        self.action_adjust.triggered.connect(self.adjust)
        self.action_void = guard.restrict(QAction(self.tr("Cancel adjustment…"), self), Need.ADMINISTER)
        self.action_void.triggered.connect(self.void)
        self.action_xlsx = QAction(self.tr("Export Excel…"), self)
        self.action_xlsx.triggered.connect(lambda: self.export(".xlsx"))
        self.action_pdf = QAction(self.tr("Export PDF…"), self)
        self.action_pdf.triggered.connect(lambda: self.export(".pdf"))
        self.action_rules = guard.restrict(QAction(self.tr("Import rules…"), self), Need.ADMINISTER)
        self.action_rules.triggered.connect(self.import_rules)
        self.action_briefing = guard.restrict(QAction(self.tr("Scores in the briefing"), self), Need.EDIT)
        self.action_briefing.setCheckable(True)
        self.action_briefing.toggled.connect(self.set_briefing)
        self.toolbar = QToolBar()
        for action in (self.action_adjust, self.action_void, self.action_xlsx, self.action_pdf,
                       self.action_rules, self.action_briefing):
            self.toolbar.addAction(action)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.caption, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.units)
        self.splitter.addWidget(self.points)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([400, 960])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._enable()

    def _table(self, model: RowsModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        return table

    def _point_cells(self, p: Point) -> list[str]:
        title = self.report.task_titles.get(p.task_id, "") if self.report and p.task_id else ""
        return [chinese_date(p.day), p.task_code or "", title, p.label, p.rule_text, points_text(p.points),
                p.evidence]

    def accepts_data_change(self, change: Change) -> bool:
        return True  # tasks, urgings, extensions, records and adjustments all move scores

    def refresh(self) -> None:
        """A year of a big ledger takes seconds to score: read in a worker, shown when done."""
        ledger, today, cal = self.ctx.ledger, self.ctx.today(), self.ctx.calendar()
        start, end = service.year_period(self.year.value())

        def work(progress):  # worker thread: no widgets
            progress.report(0, None, "")
            with ledger.read() as s:
                return (service.build_report(s, start=start, end=end, today=today, cal=cal),
                        service.briefing_score_enabled(s))

        self.ctx.run_in_worker(self.tr("Scoring…"), work, on_done=self._show_report, parent=self)

    def _show_report(self, result) -> None:
        current = self.selected_unit()
        self.report, enabled = result
        self.action_briefing.blockSignals(True)
        self.action_briefing.setChecked(enabled)
        self.action_briefing.blockSignals(False)
        self.caption.setText(self.tr("%1%2 · rules: %3").replace("%1", self.report.period)
                             .replace("%2", self.report.counted_to).replace("%3", self.report.rules.caption))
        self.units_model.set_items(self.report.units)
        self.units.resizeColumnsToContents()
        self.show_item(unit_id=self._wanted_unit or (current.unit_id if current else None))
        self._wanted_unit = None

    def show_item(self, unit_id: int | None = None, **_) -> None:
        if self.report is None:
            self._wanted_unit = unit_id
        rows = [i for i, u in enumerate(self.units_model.items) if u.unit_id == unit_id]
        if rows or self.units_model.items:
            self.units.selectRow(rows[0] if rows else 0)
        self._show_points()

    def selected_unit(self) -> service.UnitSheet | None:
        index = self.units.currentIndex()
        return self.units_model.item_at(index.row()) if index.isValid() and self.units_model.items else None

    def selected_point(self) -> Point | None:
        index = self.points.currentIndex()
        return self.points_model.item_at(index.row()) if index.isValid() and self.points_model.items else None

    def _show_points(self) -> None:
        unit = self.selected_unit()
        self.points_model.set_items(unit.score.points if unit else [])
        self.points.resizeColumnsToContents()
        for column in range(self.points_model.columnCount()):  # long titles: the tooltip has them whole
            self.points.setColumnWidth(column, min(self.points.columnWidth(column), MAX_COLUMN_PX))
        self._enable()

    def _enable(self) -> None:
        self.action_adjust.setEnabled(self.selected_unit() is not None)
        point = self.selected_point()
        self.action_void.setEnabled(point is not None and point.rule == "adjustment")

    def adjust(self) -> bool:
        unit = self.selected_unit()
        if unit is None:
            return False
        return bool(AdjustmentDialog(self.ctx, unit.unit_id, unit.name, self).exec())

    def void(self) -> bool:
        point = self.selected_point()
        if point is None or point.rule != "adjustment":
            return False
        reason, ok = QInputDialog.getText(self, self.tr("Cancel adjustment"), self.tr("Reason for cancelling:"))
        if not ok:
            return False
        adjustment_id = int("".join(c for c in point.evidence if c.isdigit()))
        today = self.ctx.today()
        done, _ = self.ctx.perform(lambda s: service.void_adjustment(s, adjustment_id, reason=reason, today=today),
                                   changed=Change(ChangeKind.ASSESSMENT), parent=self)
        return done

    def set_briefing(self, enabled: bool) -> None:
        ok, _ = self.ctx.perform(lambda s: service.set_briefing_score(s, enabled), changed=Change(ChangeKind.ASSESSMENT), parent=self)
        if ok:
            self.ctx.status_message.emit(self.tr("The briefing's unit table shows scores.") if enabled
                                         else self.tr("The briefing's unit table shows no scores."))

    def import_rules(self) -> bool:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import rules"), str(Path.home()), "*.json")
        if not chosen:
            return False
        path = Path(chosen)
        today = self.ctx.today()

        def write(s):
            _, text = rules_service.read_rules_file(path)
            return rules_service.import_rules(s, text, str(path), effective_from=today, today=today)

        ok, version = self.ctx.perform(write, changed=Change(ChangeKind.ASSESSMENT), parent=self)
        if ok:
            self.ctx.status_message.emit(self.tr("Rules imported: %1").replace("%1", version.caption))
        return ok

    def export(self, suffix: str) -> None:
        if self.report is None:
            return
        name = f"督查考核{self.year.value()}年{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save document"), str(Path.home() / name), f"*{suffix}")
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        report = self.report

        def work(progress):  # worker thread: no widgets
            from wuyang_tasks.exports.assessment import write_assessment_pdf, write_assessment_xlsx

            progress.report(0, None, "")
            if suffix == ".xlsx":
                return write_assessment_xlsx(report, target)
            return write_assessment_pdf(report, target).path

        self.ctx.run_in_worker(self.tr("Exporting…"), work, parent=self,
                               on_done=lambda path: self.ctx.status_message.emit(
                                   self.tr("Saved: %1").replace("%1", str(path))))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("assessment/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("assessment/splitter")
        if state is not None:
            self.splitter.restoreState(state)
