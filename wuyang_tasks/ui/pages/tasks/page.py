"""任务台账: the filtered, sortable list of tasks with the workflow actions.

The editor, the dialogs, the Excel export and the services written with the ORM are imported
when first used: the window opens on this page, and what it needs before its first paint is
only the table (read through the tables: services.task_list).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
)

from wuyang_tasks.domain.enums import UrgingMethod
from wuyang_tasks.domain.workflow import Action, allowed_actions
from wuyang_tasks.services.task_list import TaskFilter, TaskRow, chinese_date

from ...access import Need
from ...changes import Change
from ...context import UiContext
from ...page import Page
from ...printing import print_document
from .filters import Criteria, FilterBar, matches
from .model import TaskTableModel

if TYPE_CHECKING:
    from .editor import TaskEditor

HEADER_KEY = "tasks/header_v2"  # the columns' order and widths, since 主要负责人 was added
MAIN_ACTIONS = (Action.ASSIGN, Action.ACCEPT, Action.APPROVE, Action.SEND_BACK)
MORE_ACTIONS = (Action.START, Action.REPORT, Action.SUSPEND, Action.RESUME, Action.CANCEL,
                Action.ARCHIVE)
NOTE_REQUIRED = (Action.SEND_BACK,)
NOTE_OFFERED = (Action.SUSPEND, Action.CANCEL)


class TasksPage(Page):
    def __init__(self, ctx: UiContext):
        super().__init__(ctx)
        self.store = ctx.task_rows
        self.model = TaskTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.filters = FilterBar(ctx.settings)
        self.filters.changed.connect(self.apply_filter)
        self.count_label = QLabel()
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.store.reset.connect(lambda: self.when_visible(self._on_rows_loaded))
        self.store.rows_changed.connect(lambda changed: self.when_visible(lambda: self._show_changed(changed)))
        self._choices_loaded = False
        self._sort_when_loaded: tuple[int, Qt.SortOrder] | None = None
        self._update_actions()

    # -- actions ------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        guard = self.ctx.role_guard
        self.action_new = guard.restrict(QAction(self.tr("New task"), self), Need.EDIT)
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.triggered.connect(self.new_task)
        self.action_edit = QAction(self.tr("Open"), self)
        self.action_edit.triggered.connect(self.edit_current)
        self.workflow: dict[Action, QAction] = {}
        for action in MAIN_ACTIONS + MORE_ACTIONS:
            qaction = guard.restrict(QAction(action.label, self), Need.EDIT)
            qaction.triggered.connect(lambda _=False, a=action: self.run_action(a))
            self.workflow[action] = qaction
        self.action_urge = guard.restrict(QAction(self.tr("Urge…"), self), Need.EDIT)
        self.action_urge.triggered.connect(self.urge_selected)
        self.action_request_extension = guard.restrict(QAction(self.tr("Request extension…"), self), Need.EDIT)
        self.action_request_extension.triggered.connect(self.request_extension)
        self.action_decide_extension = guard.restrict(QAction(self.tr("Decide on extension…"), self), Need.EDIT)
        self.action_decide_extension.triggered.connect(self.decide_extension)
        # a task without a written urging gets one recorded first
        self.action_notices = guard.restrict(QAction(self.tr("Supervision notices (PDF)…"), self), Need.EDIT)
        self.action_notices.setToolTip(self.tr("One 督办通知单 per selected open task, in one PDF to print"))
        self.action_notices.triggered.connect(self.print_notices)
        self.action_export = QAction(self.tr("Export to Excel…"), self)
        self.action_export.triggered.connect(self.export)
        self.action_export_case = QAction(self.tr("Export case file…"), self)
        self.action_export_case.setToolTip(self.tr("The task's whole file (一案一档) as PDF, or as a zip "
                                                   "with the original evidence and a checksum list"))
        self.action_export_case.triggered.connect(self.export_case)
        self.action_refresh = QAction(self.tr("Refresh"), self)
        self.action_refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.action_refresh.triggered.connect(self.reload_all)
        self.toolbar.addAction(self.action_new)
        self.toolbar.addAction(self.action_edit)
        self.toolbar.addSeparator()
        for action in MAIN_ACTIONS:
            self.toolbar.addAction(self.workflow[action])
        more = QToolButton()
        more.setText(self.tr("More"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = QMenu(more)
        for action in MORE_ACTIONS:
            more_menu.addAction(self.workflow[action])
        more_menu.addSeparator()
        more_menu.addAction(self.action_export_case)
        more.setMenu(more_menu)
        self.toolbar.addWidget(more)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.action_urge)
        self.toolbar.addAction(self.action_notices)
        extension = QToolButton()
        extension.setText(self.tr("Extension"))
        extension.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        extension_menu = QMenu(extension)
        extension_menu.addAction(self.action_request_extension)
        extension_menu.addAction(self.action_decide_extension)
        extension.setMenu(extension_menu)
        self.toolbar.addWidget(extension)
        self.toolbar.addAction(self.action_export)
        from ..feedback.actions import add_feedback_actions

        self.feedback_actions = add_feedback_actions(self)  # 反馈表 ▸ 下发、收回、本周进展
        self.toolbar.addAction(self.action_refresh)
        for action in (self.action_new, self.action_refresh):
            self.addAction(action)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.action_edit)
        menu.addSeparator()
        for action in MAIN_ACTIONS + MORE_ACTIONS:
            if self.workflow[action].isEnabled():
                menu.addAction(self.workflow[action])
        menu.addSeparator()
        menu.addAction(self.action_urge)
        menu.addAction(self.action_notices)
        menu.addAction(self.action_request_extension)
        menu.addAction(self.action_decide_extension)
        menu.addAction(self.action_export)
        menu.addAction(self.action_export_case)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _update_actions(self, *_args) -> None:
        rows = self.selected_rows()
        allowed = set()
        for row in rows:
            allowed.update(allowed_actions(row.status))
        for action, qaction in self.workflow.items():
            qaction.setEnabled(action in allowed)
        self.action_edit.setEnabled(len(rows) == 1)
        self.action_urge.setEnabled(any(r.status.is_open for r in rows))
        self.action_notices.setEnabled(any(r.status.is_open for r in rows))
        single_open = len(rows) == 1 and rows[0].status.is_open
        self.action_request_extension.setEnabled(single_open and rows[0].effective_deadline is not None)
        self.action_decide_extension.setEnabled(single_open)
        self.action_export_case.setEnabled(len(rows) == 1)

    # -- data ---------------------------------------------------------------------------------
    def accepts_data_change(self, change: Change) -> bool:
        return False  # the task store tells this page (reset / rows_changed)

    def refresh(self) -> None:
        if not self.store.loaded and self.model.rowCount() == 0:
            self._show_first_screen()
        self.store.ensure_loaded()
        if self.store.loaded:
            self._choices_loaded = False
            self.apply_filter()

    def reload_all(self) -> None:
        self._choices_loaded = False
        self.store.load()

    def _on_rows_loaded(self) -> None:
        self._choices_loaded = False
        self.apply_filter()

    def _load_choices(self) -> None:
        from wuyang_tasks.services import task_views, who_answers

        with self.ctx.ledger.read() as s:
            self.filters.set_choices(task_views.pick_lists(s, self.ctx.today()))
            self.model.set_chiefs(who_answers.chief_index(s), self.ctx.today())
        self._choices_loaded = True

    def _show_first_screen(self) -> None:
        """While the whole list loads (seconds at 100,000 tasks): the first screenful in code
        order, filters and sorting off until every row is there. A sort the clerk left on
        another column (it needs every row) is shown as 编号 meanwhile and comes back with them."""
        if not self.filters.criteria().is_empty():
            return
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        caption = self.store.reading_all_caption()
        if self.model.columns[column].key != "code":
            self._sort_when_loaded = (column, order)
            caption += self.tr(" Sorted by “%1” once all are read.").replace(
                "%1", self.model.columns[column].title)
            header.setSortIndicator(self.model.column_index("code"), Qt.SortOrder.AscendingOrder)
        self.model.set_rows(self.store.first_screen(
            descending=self.model.sort_order == Qt.SortOrder.DescendingOrder))
        self.filters.setEnabled(False)
        header.setSectionsClickable(False)
        self.count_label.setText(caption)

    def apply_filter(self) -> None:
        if not self.store.loaded:
            return
        self.filters.setEnabled(True)
        self.table.horizontalHeader().setSectionsClickable(True)
        if self._sort_when_loaded is not None:
            column, order = self._sort_when_loaded
            self._sort_when_loaded = None
            self.table.horizontalHeader().setSortIndicator(column, order)
        if not self._choices_loaded:
            self._load_choices()
        criteria = self.filters.criteria()
        text_ids = self._text_matches(criteria)
        selected = {r.id for r in self.selected_rows()}
        self.model.set_rows([r for r in self.store.rows if matches(r, criteria, text_ids)])
        self._select_ids(selected)
        self._show_count()
        self._update_actions()

    def _show_changed(self, changed: dict[int, TaskRow | None]) -> None:
        """The rows of the tasks an action changed, updated in the table (not a new list): a
        row moved by the sort is selected again if it was."""
        if not self.store.loaded:
            return
        criteria = self.filters.criteria()
        text_ids = self._text_matches(criteria)
        selected = {r.id for r in self.selected_rows()}
        self.model.update_rows({task_id: row if row is not None and matches(row, criteria, text_ids)
                                else None for task_id, row in changed.items()})
        self._select_ids(selected - {r.id for r in self.selected_rows()})
        self._show_count()
        self._update_actions()

    def _text_matches(self, criteria: Criteria) -> set[int] | None:
        if not criteria.text:
            return None
        from wuyang_tasks.services import task_views

        with self.ctx.ledger.read() as s:
            return task_views.task_ids_matching(s, criteria.text)

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%1 of %2 tasks").replace("%1", str(self.model.rowCount()))
                                 .replace("%2", str(len(self.store.rows))))

    def selected_rows(self) -> list[TaskRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def _select_ids(self, ids: set[int]) -> None:
        selection = self.table.selectionModel()
        first = None
        for i, row in enumerate(self.model.rows) if ids else ():
            if row.id in ids:
                selection.select(self.model.index(i, 0), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
                first = i if first is None else first
        if first is not None:
            self.table.scrollTo(self.model.index(first, 0))

    def show_item(self, task_id: int | None = None, criteria: Criteria | None = None,
                  open_editor: bool = False, **_ignored) -> None:
        if criteria is not None:
            self.filters.set_criteria(criteria)
        if task_id is not None:
            if self.store.loaded and self.model.row_of_task(task_id) is None:
                self.filters.set_criteria(Criteria())
            self.table.clearSelection()
            self._select_ids({task_id})
            if open_editor:
                self.edit_task(task_id)

    # -- user actions ---------------------------------------------------------------------------
    def new_task(self) -> None:
        from .editor import TaskEditor

        editor = TaskEditor(self.ctx, None, self)
        if editor.exec() and editor.task_id:
            self.table.clearSelection()
            self._select_ids({editor.task_id})

    def edit_current(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.edit_task(rows[0].id)

    def edit_task(self, task_id: int) -> TaskEditor:
        from .editor import TaskEditor

        editor = TaskEditor(self.ctx, task_id, self)
        editor.exec()
        return editor

    def run_action(self, action: Action, note: str | None = None) -> bool:
        rows = [r for r in self.selected_rows() if action in allowed_actions(r.status)]
        if not rows:
            return False
        if note is None and action in NOTE_REQUIRED + NOTE_OFFERED:
            prompt = (self.tr("Reason for “%1” (required):") if action in NOTE_REQUIRED
                      else self.tr("Note for “%1” (optional):")).replace("%1", action.label)
            note, ok = QInputDialog.getMultiLineText(self, action.label, prompt)
            if not ok:
                return False
        reasons = self._no_evidence_reasons(rows) if action is Action.APPROVE else {}
        if reasons is None:
            return False
        skipped = len(self.selected_rows()) - len(rows)
        if len(rows) > 1 and not self._confirm(self.tr("Apply “%1” to %2 tasks?").replace(
                "%1", action.label).replace("%2", str(len(rows))), skipped):
            return False
        ctx = self.ctx
        from wuyang_tasks.services import tasks as task_service

        def apply(session):
            for row in rows:
                task_service.transition(session, row.id, action, today=ctx.today(),
                                        cal=ctx.calendar(), expected_version=row.version, note=note,
                                        no_evidence_reason=reasons.get(row.id))

        ok, _ = ctx.perform(apply, changed=Change.tasks(r.id for r in rows), parent=self,
                            on_conflict=self.reload_all)
        if ok:
            ctx.status_message.emit(self.tr("“%1” done for %2 task(s)").replace("%1", action.label)
                                    .replace("%2", str(len(rows))))
        return ok

    def _no_evidence_reasons(self, rows) -> dict[int, str] | None:
        """Rectification tasks without 佐证材料 are closed only with a reason: asked for each
        (None: the clerk cancelled)."""
        from wuyang_tasks.services.closing_evidence import needs_reason

        with self.ctx.ledger.read() as s:
            lacking = [r for r in rows if needs_reason(s, r.id)]
        reasons = {}
        for row in lacking:
            reason, ok = QInputDialog.getMultiLineText(
                self, self.tr("Close without evidence"),
                self.tr("Rectification task %1 has no evidence (photos after rectification, a report). "
                        "Add it in the task's “Evidence” tab, or state why there is none (required):")
                .replace("%1", row.code))
            if not ok:
                return None
            reasons[row.id] = reason
        return reasons

    def export_case(self) -> None:
        """任务 ▸ 导出档案…: asks where, then writes the PDF (or zip) in a worker."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export case file"), f"{rows[0].code} " + self.tr("case file") + ".pdf",
            self.tr("PDF (*.pdf);;Zip with the original files (*.zip)"))
        if target:
            self.export_case_to(rows[0].id, target)

    def export_case_to(self, task_id: int, target: str) -> None:
        from wuyang_tasks.exports.case_pdf import write_case_pdf
        from wuyang_tasks.exports.case_zip import write_case_zip
        from wuyang_tasks.services import attachments, case_file

        ledger, today, cal = self.ctx.ledger, self.ctx.today(), self.ctx.calendar()
        collecting, writing = self.tr("Collecting the case file…"), self.tr("Writing…")

        def work(progress):
            progress.report(0, 2, collecting)
            with ledger.read() as s:
                case = case_file.build_case_file(s, task_id, today=today, cal=cal)
                progress.report(1, 2, writing)
                if target.lower().endswith(".zip"):
                    write_case_zip(case, target, lambda ident: attachments.content(s, ident))
                    return target
            return write_case_pdf(case, target).path

        self.ctx.run_in_worker(self.tr("Exporting the case file…"), work,
                               lambda path: self.ctx.status_message.emit(
                                   self.tr("Saved %1").replace("%1", str(path))))

    def _confirm(self, question: str, skipped: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Batch action"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        if skipped:
            box.setInformativeText(self.tr("%1 selected task(s) are skipped: the action does not "
                                           "apply to their status.").replace("%1", str(skipped)))
        return box.exec() == QMessageBox.StandardButton.Yes

    def urge_selected(self) -> bool:
        rows = [r for r in self.selected_rows() if r.status.is_open]
        if not rows:
            return False
        from wuyang_tasks.services import urgings

        suggestion, requirement = None, ""
        if len(rows) == 1:  # a batch gets no single suggestion: each task's history differs
            with self.ctx.ledger.read() as s:
                suggestion = urgings.suggestion_for_task(s, rows[0].id, today=self.ctx.today(),
                                                         cal=self.ctx.calendar())
            requirement = urgings.default_requirement(rows[0])
        from .dialogs import UrgeDialog

        dialog = UrgeDialog(len(rows), self, suggestion, requirement)
        if not dialog.exec():
            return False
        method, level, requirement = dialog.values()
        ctx = self.ctx

        def apply(session):
            for row in rows:
                urgings.urge(session, row.id, urged_on=ctx.today(), method=method, level=level,
                             today=ctx.today(), requirement=requirement or None)

        ok, _ = ctx.perform(apply, changed=Change.tasks(r.id for r in rows), parent=self)
        if ok and method is UrgingMethod.WRITTEN:
            ctx.status_message.emit(self.tr("Urging recorded; print its notice with “Supervision notices (PDF)…”."))
        return ok

    def print_notices(self) -> None:
        """督办通知单 of the selected open tasks, one PDF: each task's latest written urging; a
        task without one gets a written urging recorded first (one transaction for all)."""
        rows = [r for r in self.selected_rows() if r.status.is_open]
        if not rows:
            return
        name = f"督办通知单_{rows[0].code}" if len(rows) == 1 else f"督办通知单_{len(rows)}项"
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Supervision notices"), name + ".pdf",
                                                self.tr("PDF document (*.pdf)"))
        if not target:
            return
        target = target if target.lower().endswith(".pdf") else target + ".pdf"
        from wuyang_tasks.services import documents

        ctx = self.ctx
        ok, docs = ctx.perform(
            lambda s: [documents.build_notice(s, r.code, today=ctx.today(), cal=ctx.calendar(),
                                              create=True) for r in rows],
            changed=Change.tasks(r.id for r in rows), parent=self)
        if not ok:
            return

        def work(progress):
            from wuyang_tasks.exports.notices_pdf import write_notices_pdf

            return write_notices_pdf(docs, target, progress=lambda i, n: progress.report(i, n)).path

        def done(path) -> None:
            ctx.status_message.emit(self.tr("Saved %1").replace("%1", str(path)))
            print_document(path)

        ctx.run_in_worker(self.tr("Writing %1 notice(s)…").replace("%1", str(len(docs))), work, done)

    def request_extension(self) -> bool:
        from .extensions import request_extension_dialog

        rows = self.selected_rows()
        return len(rows) == 1 and request_extension_dialog(self.ctx, rows[0].id, self)

    def decide_extension(self) -> bool:
        from .extensions import decide_extension_dialog

        rows = self.selected_rows()
        return len(rows) == 1 and decide_extension_dialog(self.ctx, rows[0].id, self)

    def export(self) -> None:
        """导出 Excel: asks where (the action's ``checked`` is not a path), then exports."""
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                                self.tr("task ledger") + ".xlsx",
                                                self.tr("Excel workbook (*.xlsx)"))
        if target:
            self.export_to(target)

    def export_to(self, target: str) -> None:
        """The selection when more than one row is selected, else every row shown."""
        rows = self.selected_rows()
        rows = rows if len(rows) > 1 else list(self.model.rows)
        from wuyang_tasks.exports.ledger_xlsx import write_ledger_xlsx
        from wuyang_tasks.services import documents

        ledger, today, cal = self.ctx.ledger, self.ctx.today(), self.ctx.calendar()

        def work(progress):
            with ledger.read() as s:
                doc = documents.build_ledger(s, today=today, cal=cal, flt=TaskFilter(task_ids=frozenset()))
            doc.rows = rows
            doc.caption = f"截至{chinese_date(today)}  共{len(rows)}项"
            return write_ledger_xlsx(doc, target, progress=lambda i, n: progress.report(i, n))

        self.ctx.run_in_worker(self.tr("Exporting %1 tasks…").replace("%1", str(len(rows))), work,
                               lambda path: self.ctx.status_message.emit(
                                   self.tr("Saved %1").replace("%1", str(path))))

    # -- layout memory --------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        settings.remove("tasks/header")  # the layout saved before the 主要负责人 column

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(HEADER_KEY)
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
