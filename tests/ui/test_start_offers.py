"""The ledger chosen at program start cannot be opened: the clerk is offered the latest good
backup, read-only or another file, and the file is never changed unless a backup is restored."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.reliability.helpers import damage, digest
from wuyang_tasks.db import backup
from wuyang_tasks.ui.app import Launcher

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def boxes(monkeypatch):
    """Offer boxes are recorded with their buttons; ``boxes.press`` is the button to click."""

    class Seen(list):
        press = "选择其他台账文件…"

    seen = Seen()

    def fake_exec(box: QMessageBox):
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text().startswith(seen.press)).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return seen


@pytest.fixture
def asked(monkeypatch):
    problems = []
    monkeypatch.setattr(Launcher, "ask", lambda self, problem=None: problems.append(problem))
    return problems


def _ledger_with_backup(template, path):
    shutil.copyfile(template, path)
    backup.backup_file(path, "daily")
    return path


def test_damaged_ledger_choose_another_leaves_it_byte_identical(_demo_template, tmp_path, boxes,
                                                                asked, qtbot):
    path = _ledger_with_backup(_demo_template, tmp_path / "ledger.db")
    damage(path)
    before = digest(path)
    launcher = Launcher(str(path), None, "ask")
    launcher.start()
    qtbot.waitUntil(lambda: bool(asked), timeout=60_000)
    title, text, buttons = boxes[0]
    assert title == "无法打开台账" and "完整性检查未通过" in text
    assert buttons[0].startswith("恢复 ") and buttons[1:] == ["选择其他台账文件…", "关闭"]
    assert "完整性检查未通过" in asked[0]  # the first-run dialog says why
    assert launcher.window is None
    assert digest(path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["backups", "ledger.db"]


def test_damaged_ledger_restored_from_its_backup_opens_the_window(_demo_template, tmp_path, boxes,
                                                                  asked, qtbot):
    path = _ledger_with_backup(_demo_template, tmp_path / "ledger.db")
    damage(path)
    damaged = digest(path)
    boxes.press = "恢复"
    launcher = Launcher(str(path), None, "ask")
    launcher.start()
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=60_000)
    qtbot.addWidget(launcher.window)
    qtbot.waitUntil(launcher.window.ctx.is_idle, timeout=30_000)
    assert asked == [] and launcher.window.ctx.ledger.path == path.resolve()
    assert backup.check_copy(path) is None
    kept = list(tmp_path.glob("ledger.db.*.bak"))
    assert [digest(p) for p in kept] == [damaged]  # the damaged file was set aside, untouched


def test_not_a_ledger_with_a_backup_offers_it_and_stays_unchanged(_demo_template, tmp_path, boxes,
                                                                   asked, qtbot):
    path = _ledger_with_backup(_demo_template, tmp_path / "ledger.db")
    path.write_bytes(b"PK\x03\x04 a spreadsheet saved over the ledger" * 50)
    before = digest(path)
    Launcher(str(path), None, "ask").start()
    qtbot.waitUntil(lambda: bool(asked), timeout=60_000)
    title, text, buttons = boxes[0]
    assert "不是本程序的台账文件" in text
    assert buttons[0] == "选择其他台账文件…" and buttons[1].startswith("恢复 ")
    assert "不是本程序的台账文件" in asked[0]
    assert digest(path) == before


def test_not_a_ledger_without_backups_goes_straight_to_the_first_run_dialog(tmp_path, boxes, asked,
                                                                           qtbot):
    path = tmp_path / "ledger.db"
    path.write_bytes(b"hello" * 100)
    Launcher(str(path), None, "ask").start()
    qtbot.waitUntil(lambda: bool(asked), timeout=60_000)
    assert boxes == [] and "不是本程序的台账文件" in asked[0]
    assert path.read_bytes() == b"hello" * 100


def test_read_only_ledger_can_be_opened_read_only(_demo_template, tmp_path, boxes, asked, qtbot,
                                                  monkeypatch):
    from wuyang_tasks.db import ledger as ledger_module
    from wuyang_tasks.db.ledger import LedgerOpenError

    path = tmp_path / "ledger.db"
    shutil.copyfile(_demo_template, path)
    real = ledger_module.open_ledger

    def refuse_writing(location, *args, read_only=False, **kwargs):
        if not read_only:
            raise LedgerOpenError("台账文件是只读的：" + str(location), kind="read_only")
        return real(location, *args, read_only=True, **kwargs)

    monkeypatch.setattr("wuyang_tasks.ui.opening.open_ledger", refuse_writing)
    monkeypatch.setattr("wuyang_tasks.ui.app.open_ledger", refuse_writing)
    boxes.press = "以只读方式打开"
    launcher = Launcher(str(path), None, "ask")
    launcher.start()
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=60_000)
    qtbot.addWidget(launcher.window)
    qtbot.waitUntil(launcher.window.ctx.is_idle, timeout=30_000)
    assert launcher.window.ctx.ledger.read_only and asked == []
    assert boxes[0][2] == ["以只读方式打开", "选择其他台账文件…", "关闭"]
