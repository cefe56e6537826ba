"""Compressed backups: checked after writing, restored through the same checks; uncompressed
backups of earlier versions still listed, offered and restored; one backup at a time."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timedelta

import pytest

from wuyang_tasks.db import backup, backup_codec
from wuyang_tasks.db.checks import open_offers
from wuyang_tasks.db.ledger import LedgerOpenError

from .helpers import copy_demo, damage, digest
from .test_backup import titles

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def demo_path(_demo_template, tmp_path):
    return copy_demo(_demo_template, tmp_path / "ledger.db")


def old_style_backup(ledger_path, when: datetime, reason: str = "daily"):
    """An uncompressed backup as the program wrote them before (same naming, plain SQLite)."""
    target = backup.backups_dir(ledger_path) / f"{ledger_path.stem}-{when:%Y%m%d-%H%M%S}-{reason}.db"
    backup.copy_database(ledger_path, target)
    return target


def test_a_backup_is_compressed_and_decompresses_to_the_ledger(demo_path):
    result = backup.backup_file(demo_path)
    assert result.path.name.endswith("-manual.db.zst") and backup_codec.is_compressed(result.path)
    assert result.size < demo_path.stat().st_size / 3 and result.ledger_size == demo_path.stat().st_size
    with backup.readable_copy(result.path) as plain:
        assert plain.read_bytes()[:16] == backup.SQLITE_MAGIC
        assert digest(plain) == digest(demo_path) or titles(plain) == titles(demo_path)
    assert backup.check_copy(result.path) is None
    assert [p.name for p in result.path.parent.iterdir() if p.name.endswith(".part")] == []


def test_a_copy_that_does_not_read_back_is_not_kept(demo_path, monkeypatch):
    monkeypatch.setattr(backup_codec, "digest_of", lambda path: "0" * 64)
    with pytest.raises(backup.CopyCheckFailed, match="读回"):
        backup.backup_file(demo_path)
    assert backup.list_backups(demo_path) == []
    assert [p.name for p in backup.backups_dir(demo_path).iterdir()] == [".ledger.backup.lock"]


@pytest.mark.parametrize("spoil, words", [
    (lambda b: b[: len(b) // 2], "不完整"),
    (lambda b: b[:200] + bytes([b[200] ^ 0xFF]) + b[201:], "已损坏"),
    (lambda b: b + b"tail", "多余"),
])
def test_restore_refuses_a_damaged_compressed_backup(demo_path, spoil, words):
    made = backup.backup_file(demo_path).path
    made.write_bytes(spoil(made.read_bytes()))
    assert words in backup.check_copy(made)
    before = digest(demo_path)
    with pytest.raises(backup.BackupError) as caught:
        backup.restore_ledger(demo_path, made)
    assert "当前台账未被改动" in caught.value.message
    assert digest(demo_path) == before
    assert [p.name for p in demo_path.parent.iterdir() if p.name.startswith(".")] == []


def test_restore_from_a_compressed_backup_through_the_cli(demo_path, capsys):
    from wuyang_tasks.cli.main import main

    assert main(["--db", str(demo_path), "backup"]) == 0
    out = capsys.readouterr().out
    made = backup.list_backups(demo_path)[0].path
    assert made.suffix == ".zst" and str(made) in out and "台账" in out
    assert main(["--db", str(demo_path), "restore", str(made)]) == 0
    assert backup.check_copy(demo_path) is None


def test_backup_o_writes_plain_sqlite_or_compressed_by_the_name(demo_path, tmp_path):
    plain = backup.backup_file(demo_path, target=tmp_path / "usb" / "台账备份.db").path
    packed = backup.backup_file(demo_path, target=tmp_path / "usb" / "台账备份.db.zst").path
    assert plain.read_bytes()[:16] == backup.SQLITE_MAGIC
    assert backup_codec.is_compressed(packed)
    assert titles(plain) == titles(packed) == titles(demo_path)


def test_an_old_uncompressed_backup_is_listed_rotated_offered_and_restored(demo_path):
    old = old_style_backup(demo_path, datetime.now() - timedelta(days=1))
    new = backup.backup_file(demo_path, "daily").path
    infos = backup.list_backups(demo_path)
    assert [(i.path, i.compressed) for i in infos] == [(new, True), (old, False)]
    damage(new)  # the newest (compressed) one is damaged: the old plain one is offered
    damage(demo_path)
    [offer, _] = open_offers(LedgerOpenError("坏了", kind="damaged"), demo_path)
    assert offer.backup.path == old
    result = backup.restore_ledger(demo_path, old)
    assert result.previous_was_damaged and backup.check_copy(demo_path) is None


def test_rotation_counts_old_and_new_backups_together(tmp_path):
    path = tmp_path / "ledger.db"
    folder = backup.backups_dir(path)
    folder.mkdir()
    start = datetime(2026, 1, 1, 9)
    for n in range(10):  # ten days: the first five written by the old program, uncompressed
        suffix = ".db" if n < 5 else ".db.zst"
        (folder / f"ledger-{start + timedelta(days=n):%Y%m%d-%H%M%S}-daily{suffix}").write_bytes(b"x")
    backup.rotate(path)
    left = backup.list_backups(path)
    assert len(left) == backup.KEEP_DAILY
    assert [i.compressed for i in left] == [True] * 5 + [False] * 2


def test_a_second_backup_waits_for_the_first(demo_path):
    with backup.backup_lock(demo_path):
        done = []
        other = threading.Thread(target=lambda: done.append(backup.backup_file(demo_path)))
        other.start()
        other.join(0.5)
        assert other.is_alive() and done == []  # waiting for the lock
    other.join(30)
    assert len(done) == 1 and done[0].path.exists()


def test_the_daily_backup_taken_by_another_program_is_not_taken_twice(demo_path):
    """Another program holds the lock and takes today's daily backup meanwhile."""
    script = f"""
import sys, time
from pathlib import Path
from wuyang_tasks.db import backup
path = Path({str(demo_path)!r})
with backup.backup_lock(path):
    print("locked", flush=True)
    time.sleep(1.0)
    backup._write_locked(path, "daily", None, backup.datetime.now(), None)
"""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        assert backup.daily_backup(demo_path) is None  # waited, then found today's
    finally:
        proc.wait(60)
    assert [i.reason for i in backup.list_backups(demo_path)] == ["daily"]


def test_a_manual_backup_gives_up_when_another_program_keeps_the_lock(demo_path, monkeypatch):
    script = f"""
import time
from pathlib import Path
from wuyang_tasks.db import backup
with backup.backup_lock(Path({str(demo_path)!r})):
    print("locked", flush=True)
    time.sleep(5)
"""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    monkeypatch.setattr(backup, "LOCK_WAIT_S", 0.5)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(backup.BackupError, match="另一个程序（或窗口）正在备份"):
            backup.backup_file(demo_path)
    finally:
        proc.kill()
        proc.wait()
    assert backup.list_backups(demo_path) == []


def test_a_stopped_backup_keeps_nothing(demo_path):
    stop = threading.Event()
    stop.set()
    with pytest.raises(backup.BackupStopped):
        backup.daily_backup(demo_path, stop=stop)
    assert backup.list_backups(demo_path) == []
    assert backup.daily_due(demo_path)  # taken next time


def test_a_compressed_backup_opens_read_only_for_a_look_and_is_refused_as_a_ledger(demo_path, tmp_path,
                                                                                     monkeypatch):
    from wuyang_tasks.db.ledger import open_ledger

    monkeypatch.setenv("WUYANG_TASKS_HOME", str(tmp_path / "home"))
    made = backup.backup_file(demo_path).path
    before = digest(made)
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(made)
    assert caught.value.kind == "compressed_backup" and "压缩备份文件" in caught.value.message
    assert [o.kind for o in open_offers(caught.value, made)] == ["open_read_only", "choose_file"]
    led = open_ledger(made, read_only=True)
    try:
        assert led.read_only and led.path.name == made.name.removesuffix(".zst")
        with led.read() as s:
            from sqlalchemy import func, select

            from wuyang_tasks.db.models import Task
            assert s.scalar(select(func.count()).select_from(Task)) == len(titles(demo_path))
    finally:
        led.dispose()
    assert digest(made) == before
    made.write_bytes(made.read_bytes()[:-100])
    with pytest.raises(backup.BackupError, match="已损坏"):
        open_ledger(made, read_only=True)
