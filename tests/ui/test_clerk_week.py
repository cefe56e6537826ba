"""A clerk's week in the window, driven through its actions, buttons and keys.

Each test is one stretch of the week on the demo ledger (both backends): the window is
1366×768, every dialog is answered by ``tests/ui/user.py`` as a user would, and a screenshot of
each dialog and of the window is saved in the test's folder (``screenshots/``).
"""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import func, select
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.feedback.helpers import edit, form_path
from wuyang_tasks.db.models import ProgressReport, Task
from wuyang_tasks.domain.enums import CheckResult, ChiefKind, ExtensionStatus, TaskStatus
from wuyang_tasks.services import accountability as acc
from wuyang_tasks.services import extensions as ext_service
from wuyang_tasks.services.units import county_leaders
from wuyang_tasks.ui.app import Launcher
from wuyang_tasks.ui.pages import reports

from .user import User, fill_minutes, settle_qt_objects

WAIT_MS = 60_000


@pytest.fixture
def user(monkeypatch, tmp_path):
    yield User(monkeypatch, tmp_path / "files", screenshots=tmp_path / "screenshots")
    settle_qt_objects()


@pytest.fixture
def window(main_window, user, qtbot):
    main_window.resize(1366, 768)
    user.ctx = main_window.ctx
    return main_window


def _settle(window, qtbot) -> None:
    qtbot.waitUntil(window.ctx.is_idle, timeout=WAIT_MS)
    QApplication.processEvents()


def _tasks(window, qtbot):
    window.go_to("tasks")
    page = window.pages["tasks"]
    qtbot.waitUntil(lambda: page.store.loaded and page.model.rowCount() > 0, timeout=WAIT_MS)
    return page


def _click_code(page, code: str, add: bool = False) -> None:
    row = [r.code for r in page.model.rows].index(code)
    index = page.model.index(row, 0)
    page.table.scrollTo(index)
    modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     page.table.visualRect(index).center())


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_first_run_offers_the_demo_and_opens_it(user, tmp_path, qtbot):
    launcher = Launcher(str(tmp_path / "ledger.db"), None, "ask")
    launcher.start()  # the first-run dialog: 演示台账 is chosen; the clerk presses 确定
    assert any("FirstRunDialog" in s for s in user.seen)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=WAIT_MS)
    window = launcher.window
    page = _tasks(window, qtbot)
    with launcher.window.ctx.ledger.read() as s:  # the demo's every task, as the ledger holds them
        demo_tasks = s.scalar(select(func.count()).select_from(Task))
    assert page.model.rowCount() == demo_tasks >= 29
    assert window.statusBar().isVisible()
    user.shoot(window, "first_run_window")
    window.close()  # as the clerk ends the day: layout saved, workers waited for
    ledger, launcher.window = window.ctx.ledger, None
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=WAIT_MS)
    ledger.dispose()


def test_minutes_become_drafts_and_are_assigned(window, user, qtbot):
    page = _tasks(window, qtbot)
    before = len(page.store.rows)

    def review(dialog, u):  # the clerk names a lead unit where the text names none
        fill_minutes(dialog, u)
        for row in range(dialog.drafts.rowCount()):
            if not dialog.drafts.item(row, dialog.LEAD).text():
                dialog.drafts.item(row, dialog.LEAD).setText("县环保局")
        u.shoot(dialog, "minutes_review")
    user.fillers["MinutesDialog"] = review
    window.action_minutes.trigger()  # opens the meeting's text, proposes drafts, saves them
    _settle(window, qtbot)
    assert any(title == "草稿已保存" for title, _, _ in user.messages)
    drafts = [r for r in page.store.rows if r.status is TaskStatus.DRAFT]
    assert len(page.store.rows) > before and drafts
    bar = page.filters
    bar.status.setCurrentIndex(bar.status.findText(TaskStatus.DRAFT.label))
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_rows()) == page.model.rowCount() == len(drafts)
    unassignable = [d for d in drafts if not d.lead_units]  # 交办 needs a lead unit
    for draft in unassignable:
        _click_code(page, draft.code, add=True)  # Ctrl+click: out of the selection
    drafts = [d for d in drafts if d.lead_units]
    assert len(page.selected_rows()) == len(drafts) >= 6
    user.shoot(window, "drafts_selected")
    page.workflow[next(a for a in page.workflow if a.label == "交办")].trigger()  # 是(Y)
    _settle(window, qtbot)
    assigned = {r.id: r.status for r in page.store.rows}
    assert all(assigned[d.id] is TaskStatus.ASSIGNED for d in drafts), user.errors
    assert not user.errors


def test_urging_and_notices_for_a_selection(window, user, qtbot):
    page = _tasks(window, qtbot)
    open_codes = [r.code for r in page.model.rows if r.status.is_open][:3]
    _click_code(page, open_codes[0])
    for code in open_codes[1:]:
        _click_code(page, code, add=True)
    assert [r.code for r in page.selected_rows()] == open_codes
    page.action_urge.trigger()  # 催办 dialog accepted as suggested
    _settle(window, qtbot)
    urged = {r.code: r.urging_count for r in page.store.rows}
    assert all(urged[c] >= 1 for c in open_codes)
    page.action_notices.trigger()  # one PDF for the three
    _settle(window, qtbot)
    pdf = user.saved[-1]
    assert pdf.suffix == ".pdf" and pdf.exists() and user.opened_urls
    text = _pdf_text(pdf)
    assert text.count("督办通知单") >= 3 and text.count("\f") >= 3
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf),
                    str(user.screenshots / "notice")], check=True)


def test_extension_requested_and_approved(window, user, qtbot):
    page = _tasks(window, qtbot)
    today = window.ctx.today()
    row = next(r for r in page.model.rows if r.status.is_open and r.effective_deadline
               and r.effective_deadline > today)
    _click_code(page, row.code)
    page.action_request_extension.trigger()  # the dialog proposes 10 days later; a reason
    _settle(window, qtbot)
    with window.ctx.ledger.read() as s:
        pending = ext_service.extensions_of(s, row.id, status=ExtensionStatus.REQUESTED)
    assert len(pending) == 1
    offered = []

    def approve(dialog, _user):
        offered.extend(dialog.person.itemText(i) for i in range(1, dialog.person.count()))
        dialog.person.setCurrentIndex(1)
    user.fillers["DecideExtensionDialog"] = approve
    page.action_decide_extension.trigger()  # 批准, by the first county leader offered
    _settle(window, qtbot)
    with window.ctx.ledger.read() as s:
        leaders = {c.name for c in county_leaders(s, today)}
    assert offered and {o.split("（")[0] for o in offered} <= leaders  # no township chief
    moved = next(r for r in page.store.rows if r.id == row.id)
    assert moved.effective_deadline == pending[0].new_deadline
    assert moved.code in [r.code for r in page.model.rows]


@pytest.mark.parametrize("kind", [reports.BRIEFING, reports.CHECKLIST])
def test_briefing_and_checklist_exported_from_reports(window, user, qtbot, kind):
    window.go_to("reports")
    page = window.pages["reports"]
    page.kinds.setCurrentRow(kind)
    if kind == reports.CHECKLIST:
        page.checklist_unit.setCurrentIndex(page.checklist_unit.findText("舞泉镇"))
    QTest.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    _settle(window, qtbot)
    target = user.saved[-1]
    assert target.exists() and target.stat().st_size > 1000
    user.shoot(window, f"reports_{kind}")


def test_inspection_makes_a_rectification_task(window, user, qtbot):
    window.go_to("inspections")
    page = window.pages["inspections"]

    def fill(dialog, _user):
        dialog.unit.setCurrentIndex(dialog.unit.findText("舞泉镇"))
        dialog.site.setText("幸福家园二期")
        dialog.inspectors.setText("朱俊峰")
        dialog.set_result(0, CheckResult.FAIL, "东侧围挡缺失", "三日内补齐围挡")
    user.fillers["RecordInspectionDialog"] = fill
    tasks_before = len(window.ctx.task_rows.rows)
    page.action_record.trigger()
    _settle(window, qtbot)
    qtbot.waitUntil(lambda: len(window.ctx.task_rows.rows) == tasks_before + 1, timeout=WAIT_MS)
    new = max(window.ctx.task_rows.rows, key=lambda r: r.id)
    assert "东侧围挡缺失" in new.title and "舞泉镇" in new.lead_units


def test_accountability_record_and_person_file(window, user, qtbot, tmp_path):
    window.go_to("accountability")
    page = window.pages["accountability"]
    with window.ctx.ledger.read() as s:
        before = len(acc.record_views(s))

    def fill(dialog, _user):
        dialog.person.setCurrentIndex(dialog.person.findText("李亦博", Qt.MatchFlag.MatchStartsWith))
        dialog.facts.setPlainText("秸秆禁烧工作不力，辖区出现火点。")
    user.fillers["RecordDialog"] = fill
    page.action_new.trigger()
    _settle(window, qtbot)
    with window.ctx.ledger.read() as s:
        views = acc.record_views(s)
    assert len(views) == before + 1 and views[-1].person_name == "李亦博"
    page.table.selectRow(page.model.rowCount() - 1)

    def export(dialog, u):
        u.shoot(dialog, "person_file")
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    user.fillers["PersonDialog"] = export
    page.action_person.trigger()
    _settle(window, qtbot)
    pdf = user.saved[-1]
    assert pdf.suffix == ".pdf" and "李亦博" in _pdf_text(pdf)


def _chiefs_by_code(page) -> dict[str, str]:
    column = page.model.column_index("chiefs")
    return {page.model.rows[i].code: page.model.index(i, column).data()
            for i in range(page.model.rowCount())}


def test_appointment_hands_the_open_tasks_to_the_successor(window, user, qtbot):
    """任免 in 单位与人员: 县环保局 gets a new 局长 today; the task list's 主要负责人 names him on
    the bureau's open tasks and keeps his predecessor on those closed before."""
    page = _tasks(window, qtbot)
    today = window.ctx.today()
    ours = [r for r in page.model.rows if r.lead_units == ("县环保局",) and r.assigned_on]
    open_codes = [r.code for r in ours if r.status.is_open]
    closed_codes = [r.code for r in ours if r.closed_on and r.closed_on < today]
    assert open_codes and closed_codes and page.model.headerData(
        page.model.column_index("chiefs"), Qt.Orientation.Horizontal) == "主要负责人"

    window.go_to("units")
    units = window.pages["units"]
    units.units.setCurrentRow(next(i for i, e in enumerate(units.rows) if e and e.name == "县环保局"))
    units.posts.selectRow(next(i for i, p in enumerate(units.selected_post()[0].posts)
                               if p.chief_kind is ChiefKind.GOVERNMENT))
    old = units.selected_post()[1].holder

    def fill(dialog, _user):
        dialog.new_name.setText("韩新民")  # a new person; effective from today, the default
    user.fillers["AppointDialog"] = fill
    QTest.mouseClick(units.appoint_button, Qt.MouseButton.LeftButton)
    _settle(window, qtbot)
    page = _tasks(window, qtbot)
    qtbot.waitUntil(lambda: "韩新民" in _chiefs_by_code(page)[open_codes[0]], timeout=WAIT_MS)
    chiefs = _chiefs_by_code(page)
    assert all("韩新民" in chiefs[c] and old not in chiefs[c] for c in open_codes)
    assert all(old in chiefs[c] and "韩新民" not in chiefs[c] for c in closed_codes)
    user.shoot(window, "task_list_after_appointment")


def test_feedback_forms_go_out_and_come_back(window, user, qtbot, monkeypatch, tmp_path):
    """反馈表 ▸ 下发反馈表… writes a form per unit; 舞泉镇 fills two rows in Excel; 反馈表 ▸
    收回反馈表… shows what will be recorded and 收回 records both, the 申请办结 for review."""
    page = _tasks(window, qtbot)
    forms = tmp_path / "forms"
    forms.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(forms)))
    page.feedback_actions.send.trigger()
    _settle(window, qtbot)
    assert len(list(forms.glob("*_反馈表_2016年第30周.xlsx"))) == 22
    edit(form_path(forms, "舞泉镇"), {
        "2016-001": {"本期进展": "新增围挡120米，7个工地全部达标", "完成百分比": 95, "报送人": "李明"},
        "2016-002": {"本期进展": "乡镇工地排查完毕，问题清单已报送", "申请": "申请办结", "报送人": "李明"}})
    with window.ctx.ledger.read() as s:
        reports = s.scalar(select(func.count()).select_from(ProgressReport))
    page.feedback_actions.collect.trigger()
    _settle(window, qtbot)
    assert any("FeedbackCollectDialog" in seen for seen in user.seen)
    with window.ctx.ledger.read() as s:
        assert s.scalar(select(func.count()).select_from(ProgressReport)) == reports + 2
        assert s.scalar(select(Task.status).where(Task.code == "2016-002")) is TaskStatus.REPORTED
    qtbot.waitUntil(lambda: any(r.code == "2016-002" and r.status is TaskStatus.REPORTED
                                for r in page.model.rows), timeout=WAIT_MS)
    assert not user.bugs

