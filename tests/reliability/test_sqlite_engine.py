"""The SQLite settings are in force on live connections; two programs on one file wait for each
other instead of failing; a ledger on a network share is warned about."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import PureWindowsPath

import pytest
from sqlalchemy import select, text

from wuyang_tasks.cli.main import main
from wuyang_tasks.db import checks, ledger as ledger_module
from wuyang_tasks.db.engine import BUSY_TIMEOUT_MS, PAGE_CACHE_KIB
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import AuditEvent, Task
from wuyang_tasks.services.evidence import verify_ledger

pytestmark = pytest.mark.sqlite_only


def test_wal_full_sync_foreign_keys_and_busy_timeout_are_in_force(tmp_path):
    led = open_ledger(tmp_path / "l.db")
    try:
        for session_kind in (led.read, led.write):
            with session_kind() as s:
                value = {name: s.execute(text(f"PRAGMA {name}")).scalar_one()
                         for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout",
                                      "cache_size")}
                assert value == {"journal_mode": "wal", "synchronous": 2,  # 2 = FULL
                                 "foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS,
                                 "cache_size": -PAGE_CACHE_KIB}  # negative: KiB, not pages
    finally:
        led.dispose()


def test_a_read_only_ledger_has_the_small_page_cache_too(tmp_path):
    open_ledger(tmp_path / "l.db").dispose()
    led = open_ledger(tmp_path / "l.db", read_only=True)
    try:
        with led.read() as s:
            assert s.execute(text("PRAGMA cache_size")).scalar_one() == -PAGE_CACHE_KIB
    finally:
        led.dispose()


WRITER = """
import sys
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.services import tasks
led = open_ledger(sys.argv[1], daily_backup=False)
print("trying", flush=True)
with led.write() as s:
    print("writing", flush=True)
    if sys.argv[2] == "hold":
        sys.stdin.readline()
    tasks.create_task(s, title=sys.argv[3], today=led.today(), cal=led.calendar())
led.dispose()
print("done", flush=True)
"""


def test_a_second_program_waits_for_the_first_writer_instead_of_failing(tmp_path):
    path = tmp_path / "shared.db"
    open_ledger(path).dispose()

    def start(mode, title):
        return subprocess.Popen([sys.executable, "-c", WRITER, str(path), mode, title],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)

    first = start("hold", "第一个程序的任务")
    assert first.stdout.readline().strip() == "trying"
    assert first.stdout.readline().strip() == "writing"  # holds the write lock now
    second = start("go", "第二个程序的任务")
    try:
        assert second.stdout.readline().strip() == "trying"
        time.sleep(1.0)  # the second program is now inside its write, waiting for the lock
        assert second.poll() is None
    finally:
        first.stdin.write("\n")
        first.stdin.flush()
    out1, err1 = first.communicate(timeout=60)
    out2, err2 = second.communicate(timeout=60)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert "done" in out1 and "done" in out2
    led = open_ledger(path)
    try:
        with led.read() as s:
            order = s.scalars(select(Task.title).join(
                AuditEvent, (AuditEvent.entity == "task") & (AuditEvent.entity_id == Task.id))
                .where(AuditEvent.action == "create").order_by(AuditEvent.seq)).all()
        assert order == ["第一个程序的任务", "第二个程序的任务"]
        assert verify_ledger(led).ok
    finally:
        led.dispose()


def test_a_write_holds_the_write_lock_from_its_start_and_a_read_never_does(tmp_path):
    """BEGIN IMMEDIATE for ledger.write, BEGIN for ledger.read — also for a read on the pooled
    connection the write before it used."""
    path = tmp_path / "l.db"
    led = open_ledger(path)

    def other_writer_gets_the_lock() -> bool:
        other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
            return False
        finally:
            other.close()

    try:
        for _ in range(2):
            with led.write() as s:
                assert s.connection().connection.driver_connection.in_transaction
                assert not other_writer_gets_the_lock()
            with led.read() as s:
                s.execute(text("SELECT count(*) FROM task")).scalar_one()
                assert s.connection().connection.driver_connection.in_transaction
                assert other_writer_gets_the_lock()
    finally:
        led.dispose()


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
//server/督查室 /mnt/office cifs rw,vers=3.0 0 0
nas:/export /srv/nas nfs4 rw 0 0
/dev/sdb1 /mnt/office/local\\040disk ext4 rw 0 0
"""


@pytest.mark.parametrize("path, network", [
    ("/home/clerk/ledger.db", False),
    ("/mnt/office/ledger.db", True),
    ("/srv/nas/sub/ledger.db", True),
    ("/mnt/office/local disk/ledger.db", False),
    ("/mnt/officer/ledger.db", False),
])
def test_network_share_on_linux_from_the_mount_table(path, network):
    warning = checks.network_share_warning(path, platform="linux", mounts_text=MOUNTS)
    assert (warning is not None) == network
    if network:
        assert "共享服务器模式" in warning and "网络共享" in warning


@pytest.mark.parametrize("path, drive_type, network", [
    (r"\\server\督查室\ledger.db", None, True),
    (r"\\?\UNC\server\share\ledger.db", None, True),
    (r"Z:\台账\ledger.db", checks.DRIVE_REMOTE, True),
    (r"C:\Users\clerk\ledger.db", 3, False),  # DRIVE_FIXED
    (r"E:\ledger.db", 2, False),  # DRIVE_REMOVABLE (USB stick)
])
def test_network_share_on_windows(monkeypatch, path, drive_type, network):
    asked = []

    def drive_kind(root):
        asked.append(root)
        return drive_type

    monkeypatch.setattr(checks, "_windows_drive_type", drive_kind)
    monkeypatch.setattr(checks, "Path", PureWindowsPath)
    warning = checks.network_share_warning(path, platform="win32")
    assert (warning is not None) == network
    assert asked == ([] if drive_type is None else [PureWindowsPath(path).drive + "\\"])


def test_the_cli_prints_the_network_warning_to_stderr(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(ledger_module, "network_share_warning", lambda p: f"台账文件位于网络共享位置（{p}）")
    ledger_module.open_ledger(tmp_path / "n.db").dispose()  # `tasks` only reads: it creates no ledger
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "n.db"), "tasks"]) == 0
    out, err = capsys.readouterr()
    assert "注意：台账文件位于网络共享位置" in err and "网络共享" not in out
