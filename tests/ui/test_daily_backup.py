"""The day's automatic backup runs in the background of the window: the window shows and is
usable meanwhile, a note in the status bar says so, closing waits for it (or stops it, and the
next start takes it), and a failure is a Chinese note, never a traceback."""

from __future__ import annotations

import shutil
import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from wuyang_tasks.db import backup, backup_codec
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.fileio import FileWriteError
from wuyang_tasks.ui import errors
from wuyang_tasks.ui.app import Launcher
from wuyang_tasks.ui.context import UiContext
from wuyang_tasks.ui.main_window import MainWindow
from wuyang_tasks.ui.pages.backups import daily

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def path(_demo_template, tmp_path, monkeypatch):
    monkeypatch.setattr(daily, "START_DELAY_MS", 100)
    target = tmp_path / "ledger.db"
    shutil.copyfile(_demo_template, target)
    return target


@pytest.fixture
def gate(monkeypatch):
    """The backup's compression waits until ``gate`` is set (or the backup is stopped), 30 s at
    most: a test that fails before setting it must not leave the window's close (pytest-qt's
    teardown) waiting for the backup for ever."""
    gate = threading.Event()
    real = backup_codec.compress_file

    def slow(source, target, stop=None):
        deadline = time.monotonic() + 30
        while not gate.wait(0.02) and time.monotonic() < deadline:
            if stop is not None and stop.is_set():
                break
        return real(source, target, stop)

    monkeypatch.setattr(backup_codec, "compress_file", slow)
    return gate


def window_on(path, qtbot) -> MainWindow:
    ctx = UiContext(open_ledger(path, daily_backup=False))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def note(window) -> str:
    label = window.daily_backup.note
    return label.text() if label.isVisible() else ""


def action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "").startswith(text))


def test_the_window_shows_first_and_stays_usable_while_the_backup_runs(path, gate, qtbot):
    launcher = Launcher(str(path), None, "ask")
    launcher.start()
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=60_000)
    window = launcher.window
    qtbot.addWidget(window)
    assert backup.list_backups(path) == []  # shown before any backup was made
    qtbot.waitUntil(lambda: "正在进行今天的自动备份" in note(window), timeout=10_000)
    # usable meanwhile: a page is opened from the navigation
    # by the item's key: its text gains a badge, 任务台账  (3), once the reminders have looked
    tasks_row = [window.nav.item(r).data(Qt.ItemDataRole.UserRole)
                 for r in range(window.nav.count())].index("tasks")
    rect = window.nav.visualItemRect(window.nav.item(tasks_row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key() == "tasks"
    assert window.daily_backup.is_running()
    gate.set()
    qtbot.waitUntil(lambda: not window.daily_backup.is_running() and note(window) == "", timeout=60_000)
    [made] = backup.list_backups(path)
    assert made.reason == "daily" and made.compressed and backup.check_copy(made.path) is None
    assert "今天的自动备份已完成" in window.statusBar().currentMessage()
    window.close()


def test_closing_waits_for_the_backup_with_a_note(path, gate, qtbot):
    window = window_on(path, qtbot)
    qtbot.waitUntil(window.daily_backup.is_running, timeout=10_000)
    seen = []

    def while_closing():
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if not shown:  # not up yet: look again (the backup waits for the gate meanwhile)
            QTimer.singleShot(100, while_closing)
            return
        seen.append(shown[0].labelText())
        gate.set()

    QTimer.singleShot(300, while_closing)
    action(window, "退出").trigger()
    assert seen and "正在完成今天的自动备份" in seen[0]
    assert not window.isVisible() and not window.daily_backup.is_running()
    assert [i.reason for i in backup.list_backups(path)] == ["daily"]


def test_closing_without_waiting_stops_it_and_the_next_start_takes_it(path, gate, qtbot):
    window = window_on(path, qtbot)
    qtbot.waitUntil(window.daily_backup.is_running, timeout=10_000)

    def press_dont_wait():
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if not shown:
            QTimer.singleShot(100, press_dont_wait)
            return
        button = next(b for b in shown[0].findChildren(QPushButton) if "不等待" in b.text())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(300, press_dont_wait)
    action(window, "退出").trigger()
    assert not window.daily_backup.is_running()
    assert backup.list_backups(path) == [] and backup.daily_due(path)
    assert [p.name for p in backup.backups_dir(path).iterdir()] == [".ledger.backup.lock"]
    window.ctx.ledger.dispose()
    gate.set()
    again = window_on(path, qtbot)  # the next start
    qtbot.waitUntil(lambda: len(backup.list_backups(path)) == 1 and not again.daily_backup.is_running(),
                    timeout=60_000)
    again.close()


def test_no_backup_when_today_s_is_there(path, qtbot):
    backup.backup_file(path, "daily")
    window = window_on(path, qtbot)
    qtbot.waitUntil(lambda: not window.daily_backup.pending(), timeout=10_000)
    assert not window.daily_backup.is_running() and note(window) == ""
    assert len(backup.list_backups(path)) == 1
    window.close()


@pytest.mark.parametrize("failure, words", [
    (FileWriteError("磁盘空间不足，无法写入“X”。请清理磁盘或换一个位置保存；原有文件未被改动。"), "磁盘空间不足"),
    (RuntimeError("boom"), "发生意外错误"),
])
def test_a_failing_backup_says_so_in_chinese(path, qtbot, monkeypatch, dialogs, failure, words):
    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(backup, "write_backup", fail)
    shown = []
    monkeypatch.setattr(errors, "show_error", lambda *a, **k: shown.append(a))
    window = window_on(path, qtbot)
    qtbot.waitUntil(lambda: words in note(window), timeout=10_000)
    text = note(window)
    assert "Traceback" not in text and "boom" not in text.split("：")[0]
    assert window.daily_backup.note.styleSheet().startswith("color: #a61b1b")
    assert shown == [] and dialogs == [] and backup.list_backups(path) == []
    window.close()
    QApplication.processEvents()


def test_another_program_making_today_s_backup_is_waited_for_not_repeated(path, qtbot):
    """Two programs on one ledger: the second window waits for the first's backup (the note
    says a backup is under way) and then finds today's backup made."""
    import subprocess
    import sys

    script = f"""
import time
from pathlib import Path
from wuyang_tasks.db import backup
path = Path({str(path)!r})
with backup.backup_lock(path):
    print("locked", flush=True)
    time.sleep(3)
    backup._write_locked(path, "daily", None, backup.datetime.now(), None)
"""
    other = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "locked"
        window = window_on(path, qtbot)
        qtbot.waitUntil(lambda: "正在进行今天的自动备份" in note(window), timeout=10_000)
        qtbot.waitUntil(lambda: not window.daily_backup.is_running() and note(window) == "",
                        timeout=60_000)
    finally:
        other.wait(60)
    assert [i.reason for i in backup.list_backups(path)] == ["daily"]
    window.close()


def test_damage_found_by_the_backup_s_check_is_said_in_a_message_box(path, qtbot, monkeypatch, dialogs):
    """A large ledger is fully checked only by the daily backup's check: when that finds damage
    the clerk is told, with where to restore from, and no damaged copy is kept."""
    from tests.reliability.helpers import damage
    from wuyang_tasks.db import ledger as ledger_module

    monkeypatch.setattr(ledger_module, "FULL_CHECK_MAX_BYTES", 0)
    damage(path)
    window = window_on(path, qtbot)
    qtbot.waitUntil(lambda: any(d[0] == "今天的自动备份" for d in dialogs), timeout=30_000)
    [(title, text, _)] = [d for d in dialogs if d[0] == "今天的自动备份"]
    assert "完整性检查未通过" in text and "备份与恢复" in text
    qtbot.waitUntil(lambda: "完整性检查未通过" in note(window), timeout=10_000)
    assert backup.list_backups(path) == []
    window.close()
