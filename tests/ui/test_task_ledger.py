"""The task ledger page, the editor and the dashboard, driven through their widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wuyang_tasks.domain.enums import AlertLevel, Role, TaskStatus
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.task_views import reports_of, task_detail
from wuyang_tasks.ui.pages.dashboard.page import DueListModel
from wuyang_tasks.ui.pages.tasks.editor import TaskEditor
from wuyang_tasks.ui.pages.tasks.filters import Criteria
from wuyang_tasks.ui.pages.tasks.model import TaskTableModel


@pytest.fixture
def tasks_page(main_window, qtbot):
    main_window.go_to("tasks")
    page = main_window.pages["tasks"]
    qtbot.waitUntil(lambda: page.store.loaded and page.model.rowCount() > 0, timeout=30_000)
    return page


def _codes(page) -> list[str]:
    return [r.code for r in page.model.rows]


def test_models_pass_the_model_tester(ui_ctx, qtbot, model_tester):
    store = ui_ctx.task_rows
    store.load()
    qtbot.waitUntil(lambda: store.loaded, timeout=30_000)
    model = TaskTableModel()
    model_tester(model)
    model.set_rows(store.rows)
    model.sort(model.column_index("deadline"), Qt.SortOrder.DescendingOrder)
    due = DueListModel()
    model_tester(due)
    due.set_rows(store.rows[:5])
    assert model.rowCount() == len(store.rows) and due.rowCount() == 5


def test_filter_by_unit_and_role(tasks_page, qtbot):
    total = tasks_page.model.rowCount()
    bar = tasks_page.filters
    bar.unit.setCurrentIndex(bar.unit.findText("县住建委"))
    bar.role.setCurrentIndex(bar.role.findData(Role.LEAD_UNIT.value))
    rows = tasks_page.model.rows
    assert 0 < len(rows) < total
    assert all("县住建委" in r.lead_units for r in rows)
    assert tasks_page.count_label.text() == f"显示 {len(rows)} 项，共 {total} 项"


def test_filter_by_text_searches_content_too(tasks_page, qtbot):
    tasks_page.filters.text.setText("问题清单")  # typed; only in the content of 2016-002 (keyClicks is ASCII-only)
    qtbot.waitUntil(lambda: tasks_page.model.rowCount() < 29, timeout=5_000)
    assert "2016-002" in _codes(tasks_page)
    with tasks_page.ctx.ledger.read() as s:
        for row in tasks_page.model.rows:
            detail = task_detail(s, row.id)
            assert "问题清单" in detail.title + detail.content + detail.code


def test_sort_by_deadline_by_clicking_the_header(tasks_page, qtbot):
    column = tasks_page.model.column_index("deadline")
    tasks_page.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    dated = [r.effective_deadline for r in tasks_page.model.rows if r.effective_deadline]
    assert dated == sorted(dated) and len(dated) > 5
    tasks_page.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    dated = [r.effective_deadline for r in tasks_page.model.rows if r.effective_deadline]
    assert dated == sorted(dated, reverse=True)


def _select_code(page, code: str) -> None:
    page.table.clearSelection()
    row = _codes(page).index(code)
    page.table.selectRow(row)


def test_workflow_action_changes_status_and_dashboard(tasks_page, main_window, qtbot):
    dashboard = main_window.pages["dashboard"]
    main_window.go_to("dashboard")
    drafts_before = dashboard.counts["draft"]
    main_window.go_to("tasks")
    draft = next(r for r in tasks_page.model.rows if r.status is TaskStatus.DRAFT)
    _select_code(tasks_page, draft.code)
    assert tasks_page.workflow[Action.ASSIGN].isEnabled()
    assert not tasks_page.workflow[Action.APPROVE].isEnabled()
    tasks_page.workflow[Action.ASSIGN].trigger()
    row = next(r for r in tasks_page.model.rows if r.id == draft.id)
    assert row.status is TaskStatus.ASSIGNED and row.alert is not None
    main_window.go_to("dashboard")  # a hidden page catches up when it is shown
    assert dashboard.counts["draft"] == drafts_before - 1
    assert dashboard.buttons["draft"].text().startswith(str(drafts_before - 1))


def test_batch_action_skips_tasks_it_does_not_apply_to(tasks_page, dialogs, qtbot):
    dialogs.answer = "是(Y)"
    rows = [r for r in tasks_page.model.rows if r.status is TaskStatus.IN_PROGRESS][:2]
    closed = next(r for r in tasks_page.model.rows if r.status is TaskStatus.DONE)
    tasks_page.table.clearSelection()
    for code in [r.code for r in rows] + [closed.code]:
        index = tasks_page.model.index(_codes(tasks_page).index(code), 0)
        tasks_page.table.selectionModel().select(index, tasks_page.table.selectionModel()
                                                 .SelectionFlag.Select | tasks_page.table
                                                 .selectionModel().SelectionFlag.Rows)
    assert tasks_page.run_action(Action.SUSPEND, note="等待资金")
    assert dialogs[0][1] == "对所选 2 项任务执行“中止”？"
    assert "另有 1 项" in dialogs[0][2]
    statuses = {r.id: r.status for r in tasks_page.store.rows}
    assert all(statuses[r.id] is TaskStatus.SUSPENDED for r in rows)
    assert statuses[closed.id] is TaskStatus.DONE


def test_conflict_offers_reload_and_saves_nothing(tasks_page, dialogs, qtbot):
    row = next(r for r in tasks_page.model.rows if r.status is TaskStatus.REPORTED)
    ctx = tasks_page.ctx
    with ctx.ledger.write() as s:  # another clerk edits the task meanwhile
        task_service.update_task(s, row.id, expected_version=None, cal=ctx.calendar(), note="他人修改")
    _select_code(tasks_page, row.code)
    dialogs.answer = "重新载入"
    tasks_page.workflow[Action.APPROVE].trigger()
    assert dialogs[0][0] == "已被他人修改"
    with ctx.ledger.read() as s:
        assert task_detail(s, row.id).status is TaskStatus.REPORTED
    qtbot.waitUntil(lambda: ctx.is_idle() and tasks_page.store.loaded, timeout=30_000)


def test_editor_saves_changes_and_the_list_follows(tasks_page, qtbot):
    row = tasks_page.model.rows[0]
    editor = TaskEditor(tasks_page.ctx, row.id, tasks_page)
    qtbot.addWidget(editor)
    editor.title.setText("城区建筑工地扬尘治理（修订）")
    editor.mode_days.setChecked(True)
    editor.days.setValue(5)
    editor.basis.setCurrentIndex(editor.basis.findData("WORKDAY"))
    editor.start_on_assign.setChecked(False)
    editor.start_day.setDate(editor.start_day.date().fromString("2016-07-25", Qt.DateFormat.ISODate))
    assert editor.computed.text().startswith("2016年8月1日")  # 5 working days after Mon 7/25
    editor.save()
    assert editor.saved
    fresh = next(r for r in tasks_page.store.rows if r.id == row.id)
    assert fresh.title == "城区建筑工地扬尘治理（修订）"
    assert fresh.effective_deadline.isoformat() == "2016-08-01"


def test_editor_adds_a_progress_report_and_shows_history(tasks_page, qtbot):
    row = next(r for r in tasks_page.model.rows if r.status is TaskStatus.ASSIGNED)
    editor = TaskEditor(tasks_page.ctx, row.id, tasks_page)
    qtbot.addWidget(editor)
    history_before = editor.history.rowCount()
    editor.report_text.setPlainText("已召开专题会议部署。")
    editor.report_percent.setValue(20)
    editor.add_report()
    assert editor.reports.item(0, 3).text() == "已召开专题会议部署。"
    assert editor.history.rowCount() > history_before
    with tasks_page.ctx.ledger.read() as s:
        assert reports_of(s, row.id)[0].percent == 20
    fresh = next(r for r in tasks_page.store.rows if r.id == row.id)
    assert fresh.status is TaskStatus.IN_PROGRESS and fresh.last_report_text == "已召开专题会议部署。"


def test_new_task_needs_a_title(tasks_page, dialogs, qtbot):
    editor = TaskEditor(tasks_page.ctx, None, tasks_page)
    qtbot.addWidget(editor)
    count = len(tasks_page.store.rows)
    editor.save()
    assert dialogs == [("无法完成操作", "任务名称不能为空。", "")] and not editor.saved
    editor.title.setText("新增一项任务")
    editor.lead_unit.setCurrentIndex(editor.lead_unit.findText("县环保局"))
    editor.save()
    assert editor.saved and len(tasks_page.store.rows) == count + 1


def test_dashboard_click_through_filters_the_ledger(main_window, qtbot):
    dashboard = main_window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.store.loaded, timeout=30_000)
    assert dashboard.counts[AlertLevel.RED.value] == dashboard.overdue_model.rowCount() >= 1
    dashboard.buttons[AlertLevel.RED.value].click()
    tasks = main_window.pages["tasks"]
    assert main_window.current_key() == "tasks"
    assert [r.alert for r in tasks.model.rows] == [AlertLevel.RED] * dashboard.counts["RED"]


def test_saved_filters_survive(tasks_page, qtbot):
    tasks_page.filters.set_criteria(Criteria(status=TaskStatus.IN_PROGRESS.value, text="扬尘"))
    tasks_page.filters.save_current("办理中的扬尘任务")
    tasks_page.filters.clear()
    tasks_page.filters._fill_saved_menu()
    action = next(a for a in tasks_page.filters.saved_menu.actions() if a.text() == "办理中的扬尘任务")
    action.trigger()
    assert tasks_page.filters.criteria().text == "扬尘"
    assert all(r.status is TaskStatus.IN_PROGRESS for r in tasks_page.model.rows)
