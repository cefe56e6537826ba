"""文件 ▸ 备份与恢复, and the offers when a ledger cannot be opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from wuyang_tasks.db import backup
from wuyang_tasks.db.models import Task
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.ui.pages.backups import BackupsDialog

pytestmark = pytest.mark.sqlite_only


def task_count(ledger) -> int:
    with ledger.read() as s:
        return s.scalar(select(func.count()).select_from(Task))


def test_back_up_now_then_restore_the_selected_backup(main_window, ui_ctx, qtbot, dialogs):
    main_window.action_backups.setEnabled(True)
    dialog = BackupsDialog(ui_ctx, main_window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "备份与恢复"
    before_rows = dialog.table.rowCount()
    dialog.backup_button.click()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    assert dialog.table.rowCount() == before_rows + 1
    assert dialog.table.item(0, 1).text() == "手动备份"
    saved = task_count(ui_ctx.ledger)

    with ui_ctx.ledger.write() as s:
        task_service.create_task(s, title="备份之后新增的任务", today=ui_ctx.today(), cal=ui_ctx.calendar())
    assert task_count(ui_ctx.ledger) == saved + 1
    old_ledger = ui_ctx.ledger

    dialog.table.selectRow(0)
    dialogs.answer = "恢复"
    dialog.restore_button.click()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    assert dialogs[-1][0] == "恢复" and "替换当前台账" in dialogs[-1][1]
    assert ui_ctx.ledger is not old_ledger  # the window works on the reopened ledger
    assert task_count(ui_ctx.ledger) == saved
    kinds = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "恢复前备份" in kinds


def test_a_damaged_ledger_offers_its_latest_good_backup(main_window, ui_ctx, qtbot, tmp_path,
                                                        monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.reliability.helpers import damage

    other = tmp_path / "乡镇台账.db"
    backup.backup_file(ui_ctx.ledger.path, target=other)
    backup.backup_file(other, "daily")
    damage(other)
    shown = []

    def press_restore(box: QMessageBox):  # the clerk takes the offered backup
        shown.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text().startswith("恢复")).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_restore)
    main_window.open_location(str(other))
    qtbot.waitUntil(lambda: ui_ctx.ledger.path == other, timeout=30_000)
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    title, text, buttons = shown[0]
    assert title == "无法打开台账" and "完整性检查未通过" in text
    assert buttons[0].startswith("恢复 ") and len(buttons) == 2  # restore, close (no read-only)
    assert backup.check_copy(other) is None
    assert task_count(ui_ctx.ledger) > 0


def test_view_a_compressed_backup_read_only(main_window, ui_ctx, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("WUYANG_TASKS_HOME", str(tmp_path / "home"))
    made = backup.make_backup(ui_ctx.ledger).path
    dialog = BackupsDialog(ui_ctx, main_window)
    qtbot.addWidget(dialog)
    assert not dialog.view_button.isEnabled()
    dialog.table.selectRow([dialog.infos.index(i) for i in dialog.infos if i.path == made][0])
    assert dialog.view_button.text() == "查看所选备份（只读）" and dialog.view_button.isEnabled()
    saved = task_count(ui_ctx.ledger)
    qtbot.mouseClick(dialog.view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui_ctx.is_idle() and ui_ctx.ledger.read_only, timeout=30_000)
    assert ui_ctx.ledger.path.name == made.name.removesuffix(".zst")
    assert task_count(ui_ctx.ledger) == saved and not dialog.isVisible()
    assert made.name.removesuffix(".zst") in main_window.windowTitle()
