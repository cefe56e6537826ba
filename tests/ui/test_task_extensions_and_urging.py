"""任务台账: 申请延期 / 审批延期 dialogs and the 催办 dialog pre-filled with the suggestion."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from wuyang_tasks.domain.enums import ExtensionStatus, UrgingLevel, UrgingMethod
from wuyang_tasks.services import extensions, urgings
from wuyang_tasks.ui.pages.tasks.dialogs import UrgeDialog
from wuyang_tasks.ui.pages.tasks.editor import TaskEditor
from wuyang_tasks.ui.pages.tasks.extensions import DecideExtensionDialog, RequestExtensionDialog


@pytest.fixture
def tasks_page(main_window, qtbot):
    main_window.go_to("tasks")
    page = main_window.pages["tasks"]
    qtbot.waitUntil(lambda: page.store.loaded and page.model.rowCount() > 0, timeout=30_000)
    return page


def _select(page, code):
    page.table.clearSelection()
    page.table.selectRow([r.code for r in page.model.rows].index(code))
    return page.selected_rows()[0]


def _exts(ctx, task_id):
    with ctx.ledger.read() as s:
        return extensions.extensions_of(s, task_id)


def _answer(monkeypatch, cls, fill):
    """Replace exec: ``fill(dialog)`` plays the clerk; the dialog's own result is returned."""
    seen = []

    def exec_(self):
        seen.append(self)
        fill(self)
        return self.result()
    monkeypatch.setattr(cls, "exec", exec_)
    return seen


def test_request_then_approve_moves_the_deadline_in_force(tasks_page, ui_ctx, monkeypatch, dialogs):
    row = _select(tasks_page, "2016-001")  # due 2016年7月31日, blue
    assert tasks_page.action_request_extension.isEnabled()

    def request(d: RequestExtensionDialog):
        assert d.windowTitle() == "申请延期 — 2016-001"
        assert d.deadline_label.text() == "现行完成时限：2016年7月31日"
        assert d.unit.currentText().endswith("（牵头单位）")
        d.new_deadline.setDate(QDate(2016, 8, 15))
        d.reason.setPlainText("雨季施工受阻，需延后半个月")
        d.submit()
    seen = _answer(monkeypatch, RequestExtensionDialog, request)
    assert tasks_page.request_extension()
    [ext] = _exts(ui_ctx, row.id)
    assert (ext.status, ext.new_deadline, ext.reason) == (
        ExtensionStatus.REQUESTED, date(2016, 8, 15), "雨季施工受阻，需延后半个月")
    assert seen[0].result() == QDialog.DialogCode.Accepted

    def decide(d: DecideExtensionDialog):
        assert "2016年7月29日申请，完成时限由2016年7月31日延至2016年8月15日" in d.request_label.text()
        d.person.setCurrentIndex(1)
        d.note.setPlainText("同意")
        d.approve_button.click()
    _answer(monkeypatch, DecideExtensionDialog, decide)
    _select(tasks_page, "2016-001")
    assert tasks_page.decide_extension()
    [ext] = _exts(ui_ctx, row.id)
    assert ext.status is ExtensionStatus.APPROVED and ext.decided_by and ext.decision_note == "同意"
    fresh = next(r for r in ui_ctx.task_rows.rows if r.code == "2016-001")
    assert fresh.effective_deadline == date(2016, 8, 15)
    assert dialogs == []


def test_a_refused_request_keeps_the_dialog_open_and_saves_nothing(tasks_page, ui_ctx, dialogs,
                                                                   qtbot):
    row = _select(tasks_page, "2016-001")
    dialog = RequestExtensionDialog(ui_ctx, row.id, tasks_page)
    qtbot.addWidget(dialog)
    dialog.new_deadline.setDate(QDate(2016, 8, 15))
    assert not dialog.submit()  # no reason
    assert dialogs == [("无法完成操作", "申请延期须写明理由。", "")]
    dialog.reason.setPlainText("理由")
    dialog.new_deadline.setDate(QDate(2016, 7, 30))
    assert not dialog.submit()
    assert "应晚于现在的完成时限" in dialogs[-1][1]
    assert dialog.result() != QDialog.DialogCode.Accepted and _exts(ui_ctx, row.id) == []


def test_refusal_needs_a_named_person_and_leaves_the_deadline(tasks_page, ui_ctx, dialogs, qtbot):
    row = _select(tasks_page, "2016-001")
    with ui_ctx.ledger.write() as s:
        extensions.request_extension(s, row.id, requested_on=date(2016, 7, 29),
                                     new_deadline=date(2016, 8, 31), reason="资金未到位",
                                     today=date(2016, 7, 29))
    dialog = DecideExtensionDialog(ui_ctx, row.id, tasks_page)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "审批延期 — 2016-001"
    assert dialog.history_table.item(0, 3).text() == "待审批"
    assert not dialog.decide(False)
    assert dialogs[-1][1] == "请选择审批延期的人员。"
    dialog.person.setCurrentIndex(2)
    assert dialog.decide(False)
    [ext] = _exts(ui_ctx, row.id)
    assert ext.status is ExtensionStatus.REFUSED
    assert next(r for r in ui_ctx.task_rows.rows if r.id == row.id).effective_deadline == date(2016, 7, 31)


def test_deciding_without_a_pending_request_says_so(tasks_page, dialogs):
    _select(tasks_page, "2016-016")  # its one extension is already approved
    assert not tasks_page.decide_extension()
    assert dialogs == [("审批延期 — 2016-016", "任务2016-016没有待审批的延期申请。", "")]


def test_the_editor_offers_both_extension_dialogs(tasks_page, ui_ctx, qtbot, monkeypatch):
    row = _select(tasks_page, "2016-016")
    opened = []
    for cls in (RequestExtensionDialog, DecideExtensionDialog):
        monkeypatch.setattr(cls, "exec", lambda self: opened.append(type(self).__name__) or 0)
    editor = TaskEditor(ui_ctx, row.id, tasks_page)
    qtbot.addWidget(editor)
    assert editor.request_extension_button.text() == "申请延期…"
    editor.request_extension_button.click()
    assert opened == ["RequestExtensionDialog"]
    d = RequestExtensionDialog(ui_ctx, row.id, editor)
    qtbot.addWidget(d)
    assert d.history_table.item(0, 1).text() == "2016年8月20日 → 2016年9月30日"
    assert d.history_table.item(0, 3).text() == "已批准"


def test_urge_dialog_starts_at_the_suggestion(tasks_page, ui_ctx, monkeypatch):
    row = _select(tasks_page, "2016-002")  # red, overdue, one written urging already
    with ui_ctx.ledger.read() as s:
        expected = urgings.suggestion_for_task(s, row.id, today=ui_ctx.today(), cal=ui_ctx.calendar())
        before = len(urgings.urgings_of(s, row.id))
    assert (expected.method, expected.level) == (UrgingMethod.ON_SITE, UrgingLevel.RED)

    def look(d: UrgeDialog):
        assert (d.method.currentText(), d.level.currentText()) == ("现场", "红色")
        assert d.suggestion.text() == expected.reason and "此前已催办 1 次" in expected.reason
        assert d.requirement.toPlainText().startswith("该任务已超过办理时限")
        d.accept()
    _answer(monkeypatch, UrgeDialog, look)
    assert tasks_page.urge_selected()
    with ui_ctx.ledger.read() as s:
        latest = urgings.urgings_of(s, row.id)
    assert len(latest) == before + 1
    assert (latest[-1].method, latest[-1].level) == (UrgingMethod.ON_SITE, UrgingLevel.RED)
