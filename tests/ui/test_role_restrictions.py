"""Role restrictions are declared on the actions and buttons themselves (ui/access.py): a
read-only ledger (the 查看 role) finds every declared write disabled with the reason, reading
still works, and a ledger with more rights gives the pages' own enabling back. That every action
that writes declares its need is checked by the walk over every action (test_every_action.py)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.domain.enums import TaskStatus
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.ui.access import Need
from wuyang_tasks.ui.context import UiContext
from wuyang_tasks.ui.main_window import MainWindow
from wuyang_tasks.ui.pages.tasks.editor import TaskEditor

READ_ONLY = "您的角色只能查看台账"
ADMIN_ONLY = "只有“管理”角色"


@pytest.fixture
def viewer_window(_demo_template, tmp_path, qtbot):
    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, path)
    ctx = UiContext(open_ledger(path, read_only=True))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    for key in window.pages:  # every page built, as the clerk clicks through them
        window.go_to(key)
        qtbot.waitUntil(ctx.is_idle, timeout=30_000)
    yield window, path
    ctx.wait_for_workers()
    ctx.ledger.dispose()


def _select_a_draft(window, qtbot):
    window.go_to("tasks")
    tasks = window.pages["tasks"]
    qtbot.waitUntil(lambda: window.ctx.is_idle() and tasks.store.loaded, timeout=30_000)
    row = next(i for i, r in enumerate(tasks.model.rows) if r.status is TaskStatus.DRAFT)
    index = tasks.model.index(row, 0)
    tasks.table.scrollTo(index)
    QTest.mouseClick(tasks.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tasks.table.visualRect(index).center())
    return tasks


def test_a_viewer_finds_every_declared_write_disabled_with_the_reason(viewer_window, qtbot):
    window, _path = viewer_window
    tasks = _select_a_draft(window, qtbot)  # the page would enable 交办, 催办 … for it
    pages = window.pages
    guard = window.ctx.role_guard
    writes = [tasks.action_new, tasks.action_urge, *tasks.workflow.values(), tasks.action_notices,
              tasks.action_request_extension, tasks.action_decide_extension,
              tasks.feedback_actions.collect, tasks.feedback_actions.weekly,
              window.action_import, window.action_minutes, window.action_office,
              pages["inspections"].action_record, pages["inspections"].evidence.add_button,
              pages["metrics"].save_button, pages["metrics"].raise_button,
              pages["assessment"].action_briefing]
    administration = [pages["units"].appoint_button, pages["units"].add_liaison_button,
                      pages["units"].end_liaison_button, pages["inspections"].action_templates,
                      pages["accountability"].action_new, pages["accountability"].action_correct,
                      pages["accountability"].action_void, pages["assessment"].action_adjust,
                      pages["assessment"].action_void, pages["assessment"].action_rules]
    assert [guard.need_of(t) for t in writes] == [Need.EDIT] * len(writes)
    assert [guard.need_of(t) for t in administration] == [Need.ADMINISTER] * len(administration)
    restricted = guard.restricted()
    assert {id(t) for t in writes + administration} <= {id(t) for t in restricted}
    for target in restricted:
        assert not target.isEnabled(), target.text()
        reason = READ_ONLY if guard.need_of(target) is Need.EDIT else ADMIN_ONLY
        assert reason in target.toolTip() and "（查看）" in target.toolTip(), target.text()
    # reading is fine; 工作日历 opens read-only, 报表 exports without recording an issue first
    assert tasks.action_edit.isEnabled() and tasks.action_export.isEnabled()
    assert tasks.feedback_actions.send.isEnabled()
    assert window.action_calendar.isEnabled() and guard.need_of(window.action_calendar) is Need.ADMINISTER
    assert pages["reports"].export_button.isEnabled()


def test_a_viewer_opens_a_task_but_cannot_save_it(viewer_window, qtbot):
    window, _path = viewer_window
    tasks = _select_a_draft(window, qtbot)
    guard = window.ctx.role_guard
    declared = len(guard.restricted())
    editor = TaskEditor(window.ctx, tasks.selected_rows()[0].id, tasks)
    editor.show()
    assert editor.title.text() == tasks.selected_rows()[0].title  # reading is fine
    for button in (editor.save_button, editor.add_report_button, editor.evidence.add_button):
        assert not button.isEnabled() and READ_ONLY in button.toolTip(), button.text()
    editor.close()
    editor.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(guard.restricted()) == declared  # the dialog's buttons are forgotten with it
    guard.enforce_all()  # and a role change later does not touch them


def test_a_ledger_with_more_rights_gives_the_pages_their_enabling_back(viewer_window, qtbot):
    window, path = viewer_window
    tasks = _select_a_draft(window, qtbot)
    assert not tasks.workflow[Action.ASSIGN].isEnabled()
    window.ctx.replace_ledger(open_ledger(path))  # the same file, writable: 管理
    qtbot.waitUntil(window.ctx.is_idle, timeout=30_000)
    tasks = _select_a_draft(window, qtbot)
    assert tasks.workflow[Action.ASSIGN].isEnabled() and tasks.action_new.isEnabled()
    assert not tasks.workflow[Action.APPROVE].isEnabled()  # the page's own rule for a draft
    assert READ_ONLY not in tasks.action_new.toolTip()
    assert tasks.action_notices.toolTip().startswith("选中的每项未办结任务")  # the page's own tooltip is back
    assert window.pages["accountability"].action_new.isEnabled() and window.action_office.isEnabled()
