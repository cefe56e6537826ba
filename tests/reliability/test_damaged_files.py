"""Damaged and foreign files on open: a clear message, an offer, exit 2 on the command line, and
the file never touched (same bytes, no -wal/-shm created, no backup made of it)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wuyang_tasks.cli.main import main
from wuyang_tasks.db import backup, ledger as ledger_module
from wuyang_tasks.db.checks import open_offers
from wuyang_tasks.db.ledger import LedgerOpenError, open_ledger
from wuyang_tasks.db.models import Task
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.services.task_list import list_tasks

from .helpers import copy_demo, damage, digest, folder_state, set_revision, side_files

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "office"
    path.mkdir()
    return path


@pytest.fixture
def demo_path(_demo_template, folder):
    return copy_demo(_demo_template, folder / "ledger.db")


def _foreign_sqlite(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('张三')")
    conn.commit()
    conn.close()


CASES = {
    "damaged": (damage, "damaged", "完整性检查未通过"),
    "not_sqlite": (lambda p: p.write_bytes("姓名,电话\n张三,123\n".encode() * 200), "not_sqlite",
                   "不是 SQLite 数据库"),
    "foreign_sqlite": (_foreign_sqlite, "not_sqlite", "不是本程序的台账"),
    "newer": (lambda p: set_revision(p, "ffff_future"), "newer", "更新版本的程序"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_file_is_refused_with_a_message_and_left_byte_for_byte(demo_path, folder, case, capsys):
    spoil, kind, words = CASES[case]
    spoil(demo_path)
    before = folder_state(folder)
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(demo_path)
    assert caught.value.kind == kind and words in caught.value.message
    assert "原文件未被改动" in caught.value.message
    with pytest.raises(LedgerOpenError):
        open_ledger(demo_path, read_only=True)
    for argv in (["tasks"], ["verify"], ["demo"], ["backup"]):
        assert main(["--db", str(demo_path), *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("错误：") and words in err and "Traceback" not in err
    assert folder_state(folder) == before  # same bytes, no side files, no backups folder


def test_damaged_file_offers_the_latest_good_backup(demo_path, capsys):
    good = backup.backup_file(demo_path, "daily").path
    newer_bad = backup.backup_file(demo_path, "pre-import").path
    damage(newer_bad)  # the newest backup is damaged too: skipped
    damage(demo_path)
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(demo_path)
    offers = open_offers(caught.value, demo_path)
    assert [o.kind for o in offers] == ["restore_backup", "choose_file"]
    assert offers[0].backup.path == good and "每日自动备份" in offers[0].label
    assert main(["--db", str(demo_path), "tasks"]) == 2
    err = capsys.readouterr().err
    assert f'restore "{good}"' in err
    backup.restore_ledger(demo_path, offers[0].backup.path)
    led = open_ledger(demo_path)
    try:
        assert verify_ledger(led).ok
    finally:
        led.dispose()


def test_offers_without_backups_and_for_each_kind(demo_path):
    damage(demo_path)
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(demo_path)
    assert [o.kind for o in open_offers(caught.value, demo_path)] == ["choose_file"]
    expected = {"newer": ["choose_file"], "read_only": ["open_read_only", "choose_file"],
                "locked": ["retry", "open_read_only", "choose_file"], "unreachable": ["retry", "choose_file"]}
    for kind, kinds in expected.items():
        offers = open_offers(LedgerOpenError("x", kind=kind), demo_path)
        assert [o.kind for o in offers] == kinds
        assert all(o.label for o in offers)


def _as_ordinary_user(monkeypatch):
    """root may write anything; make os.access answer as the file's permission bits say."""
    if os.geteuid() != 0:
        return

    def access(path, mode, **kwargs):
        bits = os.stat(path).st_mode
        return not (mode & os.W_OK and not bits & stat.S_IWUSR)

    monkeypatch.setattr(ledger_module.os, "access", access)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_file_is_refused_for_writing_and_opens_read_only(demo_path, folder, what,
                                                                   monkeypatch):
    _as_ordinary_user(monkeypatch)
    target = demo_path if what == "file" else folder
    mode = target.stat().st_mode
    target.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        before = folder_state(folder)
        with pytest.raises(LedgerOpenError) as caught:
            open_ledger(demo_path)
        assert caught.value.kind == "read_only" and "只读" in caught.value.message
        assert [o.kind for o in open_offers(caught.value, demo_path)][0] == "open_read_only"
        led = open_ledger(demo_path, read_only=True)
        try:
            with led.read() as s:
                assert s.scalar(select(func.count()).select_from(Task)) > 0
        finally:
            led.dispose()
        assert folder_state(folder) == before
    finally:
        target.chmod(mode)


def test_read_only_open_never_writes(demo_path, folder):
    """Reading, verifying and refused writes leave the folder exactly as it was: same bytes,
    same modification time, no -wal/-shm, no backup."""
    before = folder_state(folder)
    mtime = demo_path.stat().st_mtime_ns
    led = open_ledger(demo_path, read_only=True)
    try:
        with led.read() as s:
            rows = list_tasks(s, today=led.today(), cal=led.calendar())
        assert rows
        with led.read() as s:  # a read inside a read, as the window's first screenful does
            assert s.scalar(select(func.count()).select_from(Task)) == len(rows)
            assert led.today() == date(2016, 7, 29)  # the demo's reference day
        assert verify_ledger(led).ok
        with pytest.raises(LedgerError, match="只读"):
            with led.write() as s:
                task_service.create_task(s, title="不应写入", today=led.today(), cal=led.calendar())
        assert side_files(demo_path) == []
    finally:
        led.dispose()
    assert folder_state(folder) == before
    assert demo_path.stat().st_mtime_ns == mtime


LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE ledger_meta SET value = value WHERE 0")
print("locked", flush=True)
sys.stdin.read()
"""


def test_locked_file_gets_a_clear_message_and_is_left_alone(demo_path, monkeypatch, capsys):
    monkeypatch.setattr(ledger_module, "CHECK_TIMEOUT_S", 0.3)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(demo_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        before = digest(demo_path)
        with pytest.raises(LedgerOpenError) as caught:
            open_ledger(demo_path)
        assert caught.value.kind == "locked" and "其他程序占用" in caught.value.message
        assert [o.kind for o in open_offers(caught.value, demo_path)][0] == "retry"
        assert main(["--db", str(demo_path), "tasks"]) == 2
        assert "其他程序占用" in capsys.readouterr().err
        assert digest(demo_path) == before
    finally:
        locker.stdin.close()
        locker.wait(timeout=30)
    open_ledger(demo_path).dispose()  # free again: opens normally


def test_a_large_cleanly_closed_ledger_is_fully_checked_with_the_daily_backup(demo_path, folder,
                                                                             monkeypatch):
    """Above FULL_CHECK_MAX_BYTES the check on open is cheap; the daily backup's check of its
    page-for-page copy then finds the damage, and the ledger is refused untouched."""
    monkeypatch.setattr(ledger_module, "FULL_CHECK_MAX_BYTES", 0)
    damage(demo_path)
    before = digest(demo_path)
    ledger_module.check_sqlite_file(demo_path)  # the cheap checks pass…
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(demo_path)  # …the daily backup's check does not
    assert caught.value.kind == "damaged" and "完整性检查未通过" in caught.value.message
    assert digest(demo_path) == before and side_files(demo_path) == []
    assert backup.list_backups(demo_path) == []  # the damaged copy was not kept


def test_a_truncated_copy_is_refused_at_once(demo_path, folder, monkeypatch):
    monkeypatch.setattr(ledger_module, "FULL_CHECK_MAX_BYTES", 0)
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2])  # a USB copy cut off half-way
    before = folder_state(folder)
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(demo_path)
    assert caught.value.kind == "damaged" and "不完整" in caught.value.message
    assert folder_state(folder) == before
