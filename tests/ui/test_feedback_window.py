"""The weekly feedback in the window, driven by the 任务台账 page's 反馈表 menu actions:
下发反馈表…, 收回反馈表… (preview, conflicts decided, problems), 本周进展… (one transaction)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.feedback.helpers import count, edit, form_path
from wuyang_tasks.db.models import ProgressReport, Task
from wuyang_tasks.domain.enums import TaskStatus
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.ui.pages.feedback.collect_dialog import FeedbackCollectDialog
from wuyang_tasks.ui.pages.feedback.send_dialog import FeedbackSendDialog
from wuyang_tasks.ui.pages.feedback.weekly_entry import CODE, PERCENT, REQUEST, TEXT, WeeklyEntryDialog

SHOTS = os.environ.get("WUYANG_FEEDBACK_SHOTS")  # a folder: the dialogs are saved there as PNG


@pytest.fixture
def page(main_window, qtbot):
    main_window.go_to("tasks")
    page = main_window.pages["tasks"]
    qtbot.waitUntil(lambda: page.store.loaded and page.model.rowCount() > 0, timeout=30_000)
    return page


def _shoot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _play(monkeypatch, cls, clerk):
    """``cls.exec`` shows the dialog and lets ``clerk(dialog)`` work it; returns the dialogs seen."""
    seen = []

    def exec_(self):
        seen.append(self)
        self.show()
        clerk(self)
        return QDialog.result(self)  # the import dialog keeps its own .result
    monkeypatch.setattr(cls, "exec", exec_)
    return seen


def _folder(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(path)))


def _send(page, ui_ctx, qtbot, monkeypatch, folder: Path, units=None):
    _folder(monkeypatch, folder)

    def clerk(d: FeedbackSendDialog):
        assert d.units.count() == 22
        if units is not None:
            for i in range(d.units.count()):
                item = d.units.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in units
                                   else Qt.CheckState.Unchecked)
        assert "2016年第30周" in d.week_label.text()
        _shoot(d, "send")
        d.generate.click()
        qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    seen = _play(monkeypatch, FeedbackSendDialog, clerk)
    page.feedback_actions.send.trigger()
    return seen[0]


def _collect(page, ui_ctx, qtbot, monkeypatch, folder: Path, clerk):
    _folder(monkeypatch, folder)
    seen = _play(monkeypatch, FeedbackCollectDialog, clerk)
    page.feedback_actions.collect.trigger()
    qtbot.waitUntil(lambda: bool(seen) and ui_ctx.is_idle(), timeout=60_000)
    return seen[0]


def test_send_then_collect_three_rows_from_the_menu(page, ui_ctx, qtbot, monkeypatch, dialogs, tmp_path):
    led = ui_ctx.ledger
    out = tmp_path / "forms"
    dialog = _send(page, ui_ctx, qtbot, monkeypatch, out)
    assert len(dialog.written) == 22 and dialogs[-1][0] == "反馈表已生成"
    edit(form_path(out, "舞泉镇"), {
        "2016-001": {"本期进展": "新增围挡120米", "完成百分比": 90, "报送人": "李明"},
        "2016-002": {"本期进展": "排查完毕", "申请": "申请办结", "报送人": "李明"}})
    edit(form_path(out, "县水利局"), {"2016-014": {"本期进展": "封堵排污口3个", "报送人": "王强"}})
    reports, done = count(led, ProgressReport), count(led, Task, Task.status == TaskStatus.DONE)

    def clerk(d: FeedbackCollectDialog):
        assert d.summary.text().startswith("将记录 3 行（进展反馈 3 条，申请办结转待审核 1 项")
        results = [d.model.text(line, 5) for line in d.model.lines]
        assert results.count("将记录") == 3
        _shoot(d, "collect_preview")
        assert d.collect_button.isEnabled()
        d.collect_button.click()
        qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    collected = _collect(page, ui_ctx, qtbot, monkeypatch, out, clerk)
    assert collected.result_.reports == 3 and collected.result_.to_review == 1
    assert count(led, ProgressReport) == reports + 3
    assert count(led, Task, Task.status == TaskStatus.DONE) == done
    assert count(led, Task, Task.code == "2016-002", Task.status == TaskStatus.REPORTED) == 1
    assert verify_ledger(led).ok
    qtbot.waitUntil(lambda: any(r.code == "2016-002" and r.status is TaskStatus.REPORTED
                                for r in page.model.rows), timeout=30_000)

    def again(d: FeedbackCollectDialog):
        assert [d.model.text(line, 5) for line in d.model.lines] == ["无变化"] * 3
        assert not d.collect_button.isEnabled()
        d.reject()
    _collect(page, ui_ctx, qtbot, monkeypatch, out, again)
    assert count(led, ProgressReport) == reports + 3


def test_a_problem_blocks_and_a_conflict_is_decided_in_the_preview(page, ui_ctx, qtbot, monkeypatch, dialogs,
                                                                   tmp_path):
    led = ui_ctx.ledger
    out = tmp_path / "forms"
    _send(page, ui_ctx, qtbot, monkeypatch, out, units={"舞泉镇", "县水利局"})
    edit(form_path(out, "舞泉镇"), {"2016-001": {"本期进展": "已完成", "工作任务": "改过的任务名"}})

    def blocked(d: FeedbackCollectDialog):
        problems = [line for line in d.model.lines if line.problem is not None]
        assert len(problems) == 1 and "C列（工作任务）" in problems[0].problem.text()
        assert "受保护的台账内容被改动" in d.model.text(problems[0], 7)
        _shoot(d, "collect_problem")
        assert not d.collect_button.isEnabled()
        d.reject()
    _collect(page, ui_ctx, qtbot, monkeypatch, out, blocked)

    edit(form_path(out, "舞泉镇"), {"2016-001": {"本期进展": None, "工作任务": "城区建筑工地全面落实扬尘治理“六个百分之百”"}})
    edit(form_path(out, "县水利局"), {"2016-014": {"本期进展": "封堵排污口3个"}})
    with led.write() as s:
        task_service.report_progress(s, s.query(Task.id).filter_by(code="2016-014").scalar(),
                                     report_date=led.today(), text="电话报：已封堵2个", today=led.today(),
                                     cal=led.calendar())
    reports = count(led, ProgressReport)

    def conflict(d: FeedbackCollectDialog):
        [line] = [line for line in d.model.lines if line.planned is not None]
        assert d.model.text(line, 5) == "冲突：待决定"
        assert "下发时：办理中" in d.model.text(line, 7) and "电话报：已封堵2个" in d.model.text(line, 7)
        _shoot(d, "collect_conflict")
        assert not d.collect_button.isEnabled()
        d.record_button.click()
        assert d.model.text(line, 5) == "冲突：记录" and d.collect_button.isEnabled()
        d.collect_button.click()
        qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    _collect(page, ui_ctx, qtbot, monkeypatch, out, conflict)
    assert count(led, ProgressReport) == reports + 1


def test_weekly_entry_saves_every_filled_row_in_one_transaction(page, ui_ctx, qtbot, monkeypatch, dialogs):
    led = ui_ctx.ledger
    writes = []
    real_write = type(led).write

    def counting_write(self):
        writes.append(1)
        return real_write(self)
    monkeypatch.setattr(type(led), "write", counting_write)
    reports = count(led, ProgressReport)

    def clerk(d: WeeklyEntryDialog):
        codes = [d.text(i, CODE) for i in range(d.table.rowCount())]
        assert "2016-011" not in codes and "2016-028" not in codes  # 已办结, 待交办
        row = {code: i for i, code in enumerate(codes)}
        d.table.item(row["2016-001"], TEXT).setText("新增围挡120米")
        d.table.item(row["2016-001"], PERCENT).setText("abc")
        d.buttons.button(d.buttons.StandardButton.Save).click()  # refused: nothing saved
        assert d.isVisible() and count(led, ProgressReport) == reports
        d.table.item(row["2016-001"], PERCENT).setText("90")
        d.table.item(row["2016-003"], TEXT).setText("整治完成")
        d.table.cellWidget(row["2016-003"], REQUEST).setCurrentText("申请办结")
        for i in range(20):
            if d.text(i, CODE) not in ("2016-001", "2016-003") and not d.text(i, TEXT):
                d.table.item(i, TEXT).setText(f"第{i}项本周按计划推进")
        _shoot(d, "weekly_entry")
        writes.clear()
        d.buttons.button(d.buttons.StandardButton.Save).click()
    seen = _play(monkeypatch, WeeklyEntryDialog, clerk)
    page.feedback_actions.weekly.trigger()
    assert seen[0].saved == 20
    assert len(writes) == 1  # one transaction for the twenty reports
    assert count(led, ProgressReport) == reports + 20
    assert count(led, Task, Task.code == "2016-003", Task.status == TaskStatus.REPORTED) == 1
    assert any("完成百分比" in text for _, text, _ in dialogs)  # the refusal named the column


def test_ledger_round_trip_from_the_menus(page, main_window, ui_ctx, qtbot, monkeypatch, dialogs, tmp_path):
    """任务台账 ▸ 导出 Excel, three rows edited, 文件 ▸ 导入Excel台账…: exactly those changes."""
    from tests.feedback.test_ledger_round_trip import _edit, _tasks
    from wuyang_tasks.ui.pages.imports.ledger_dialog import LedgerImportDialog

    led = ui_ctx.ledger
    path = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    page.action_export.trigger()
    qtbot.waitUntil(lambda: ui_ctx.is_idle() and path.is_file(), timeout=60_000)
    _edit(path, {"2016-001": {"进展情况": "新增围挡300米，裸土全部覆盖"},
                 "2016-003": {"进展情况": "专项整治完成", "状态": "已完成"},
                 "2016-005": {"状态": "办理中"}})
    before, reports = _tasks(led), count(led, ProgressReport)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))

    def clerk(d: LedgerImportDialog):
        d.choose_file()
        qtbot.waitUntil(lambda: ui_ctx.is_idle() and d.preview is not None, timeout=60_000)
        results = [d.model.result_text(t) for t in d.preview.plan.tasks]
        updates = [r for r in results if r.startswith("更新：")]
        assert len(updates) == 3 and "其中 3 项已有任务将按表更新" in d.summary.text()
        assert any("状态办理中→反馈办结（已反馈）" in r for r in updates)
        _shoot(d, "ledger_import_updates")
        d.import_button.click()
        qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    seen = _play(monkeypatch, LedgerImportDialog, clerk)
    main_window.action_import.trigger()
    assert seen and len(seen[0].result.updated) == 3
    after = _tasks(led)
    assert {c for c in before if before[c] != after[c]} == {"2016-003", "2016-005"}
    assert after["2016-003"][0] is TaskStatus.REPORTED
    assert count(led, ProgressReport) == reports + 2
    assert verify_ledger(led).ok
