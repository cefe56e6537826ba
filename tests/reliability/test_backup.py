"""Backups (online, consistent, rotated), restore round trips and refusals."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db import backup, migrate
from wuyang_tasks.db.files import connect_read_only
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import Task
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.evidence import verify_ledger

from .helpers import copy_demo, damage, digest, set_revision, side_files

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def demo_path(_demo_template, tmp_path):
    return copy_demo(_demo_template, tmp_path / "ledger.db")


def add_task(ledger, title: str) -> None:
    with ledger.write() as s:
        task_service.create_task(s, title=title, today=ledger.today(), cal=ledger.calendar())


def titles(path: Path) -> set[str]:
    with backup.readable_copy(path) as plain:
        conn = connect_read_only(plain)
        try:
            return {r[0] for r in conn.execute("SELECT title FROM task")}
        finally:
            conn.close()


def test_backup_while_in_use_holds_what_is_still_in_the_wal(demo_path):
    led = open_ledger(demo_path, daily_backup=False)
    try:
        conn = led.engine.raw_connection()  # a reader holds the WAL open: no checkpoint
        add_task(led, "备份时仍在WAL中的任务")
        assert Path(str(demo_path) + "-wal").stat().st_size > 0
        result = backup.make_backup(led)
        conn.close()
    finally:
        led.dispose()
    assert result.path.parent == demo_path.parent / "backups"
    assert "备份时仍在WAL中的任务" in titles(result.path)
    assert backup.check_copy(result.path) is None
    assert side_files(result.path) == []  # a self-contained single file
    [info] = backup.list_backups(demo_path)
    assert info.reason == "manual" and info.size == result.size == result.path.stat().st_size


def test_backup_to_a_chosen_file_is_outside_the_rotation(demo_path, tmp_path):
    target = tmp_path / "usb" / "copy.db"
    backup.backup_file(demo_path, target=target)
    assert titles(target) == titles(demo_path)
    assert backup.list_backups(demo_path) == []


def test_daily_backup_is_taken_on_open_at_most_once_a_day(demo_path):
    for _ in range(3):
        open_ledger(demo_path).dispose()
    assert [i.reason for i in backup.list_backups(demo_path)] == ["daily"]
    tomorrow = datetime.now() + timedelta(days=1)
    assert backup.daily_backup(demo_path, now=tomorrow) is not None
    assert backup.daily_backup(demo_path, now=tomorrow) is None
    assert len(backup.list_backups(demo_path)) == 2


def test_a_new_ledger_gets_no_daily_backup(tmp_path):
    path = tmp_path / "new.db"
    open_ledger(path).dispose()
    assert backup.list_backups(path) == []


def test_before_import_writes_a_pre_import_backup(demo_path):
    led = open_ledger(demo_path, daily_backup=False)
    try:
        made = backup.before_import(led)
    finally:
        led.dispose()
    assert made is not None and made.name.endswith("-pre-import.db.zst")
    assert [i.reason for i in backup.list_backups(demo_path)] == ["pre-import"]


def test_open_ledger_backs_up_before_a_migration_by_default(demo_path, monkeypatch):
    """A newer program (head 9999) opening this ledger (0001) copies it before upgrading."""
    current = migrate.head_revision()
    upgraded = []
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(migrate, "known_revisions", lambda: {current, "9999"})
    monkeypatch.setattr(migrate, "upgrade", lambda engine, target="head": upgraded.append(engine))
    before = digest(demo_path)
    open_ledger(demo_path, daily_backup=False).dispose()
    assert upgraded
    [info] = backup.list_backups(demo_path)
    assert info.reason == "pre-migration"
    assert titles(info.path) == titles(demo_path)
    assert digest(demo_path) == before


def test_a_migration_does_not_run_when_its_backup_cannot_be_written(demo_path, monkeypatch):
    current = migrate.head_revision()
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(migrate, "known_revisions", lambda: {current, "9999"})

    def failing_hook(path, reason):
        raise backup.BackupError("磁盘空间不足")

    upgraded = []
    monkeypatch.setattr(migrate, "upgrade", lambda engine, target="head": upgraded.append(engine))
    with pytest.raises(backup.BackupError, match="磁盘空间不足"):
        open_ledger(demo_path, backup_hook=failing_hook, daily_backup=False)
    assert upgraded == []


# -- rotation ----------------------------------------------------------------------------------
def fake_backups(ledger_path: Path, stamps: list[tuple[datetime, str]]) -> None:
    folder = backup.backups_dir(ledger_path)
    folder.mkdir(parents=True, exist_ok=True)
    for when, reason in stamps:
        (folder / f"{ledger_path.stem}-{when:%Y%m%d-%H%M%S}-{reason}.db").write_bytes(b"x")


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_10_of_each_event(tmp_path):
    path = tmp_path / "ledger.db"
    start = datetime(2026, 1, 1, 9, 0, 0)
    days = [start + timedelta(days=n) for n in range(400)]  # one daily backup a day for 400 days
    fake_backups(path, [(d, "daily") for d in days])
    fake_backups(path, [(start + timedelta(hours=n, minutes=30), "pre-import") for n in range(25)])
    fake_backups(path, [(start + timedelta(hours=n, minutes=40), "manual") for n in range(3)])
    (backup.backups_dir(path) / "someone-elses-file.db").write_bytes(b"keep me")
    # copies a killed program left half-written (atomic_path's temporary names)
    stale_part = backup.backups_dir(path) / ".ledger-20260101-090000-daily.abc123.db.part"
    fresh_part = backup.backups_dir(path) / ".ledger-20270204-090000-daily.def456.db.part"
    stale_part.write_bytes(b"half")
    fresh_part.write_bytes(b"being written")
    os.utime(stale_part, (time.time() - 2 * backup.STALE_PART_S,) * 2)
    removed = backup.rotate(path)
    left = backup.list_backups(path)
    daily = [i.taken_at.date() for i in left if i.reason == "daily"]
    last = days[-1].date()
    assert [last - timedelta(days=n) for n in range(7)] == daily[:7]
    # 2026-01-01 + 399 days = Thursday 2027-02-04. Kept: the last 7 days (Jan 29 – Feb 4);
    # weekly: this week's Feb 4 and the Sundays Jan 31, 24, 17; monthly: Feb 4, Jan 31 and the
    # last day of each month from March to December 2026 — 7 + 2 + 10 distinct days.
    assert last == date(2027, 2, 4)
    expected = {last - timedelta(days=n) for n in range(7)}
    expected |= {date(2027, 1, 31), date(2027, 1, 24), date(2027, 1, 17)}
    expected |= {date(2026, m + 1, 1) - timedelta(days=1) for m in range(3, 12)} | {date(2026, 12, 31)}
    assert sorted(daily) == sorted(expected) and len(daily) == 7 + 2 + 10
    assert len([i for i in left if i.reason == "pre-import"]) == backup.EVENT_KEEP
    assert len([i for i in left if i.reason == "manual"]) == 3
    assert (backup.backups_dir(path) / "someone-elses-file.db").exists()
    assert not stale_part.exists() and fresh_part.exists()
    assert len(removed) == 400 + 25 + 3 - len(left) + 1


def test_listing_is_newest_first_with_dates_and_sizes(demo_path):
    backup.backup_file(demo_path, now=datetime(2026, 3, 1, 8, 0, 0))
    backup.backup_file(demo_path, "pre-import", now=datetime(2026, 3, 2, 8, 0, 0))
    infos = backup.list_backups(demo_path)
    assert [i.reason for i in infos] == ["pre-import", "manual"]
    assert infos[0].describe().startswith("2026年3月2日 08:00，导入前备份，")
    assert all(i.compressed and 0 < i.size < demo_path.stat().st_size / 3 for i in infos)


# -- restore -----------------------------------------------------------------------------------
def test_restore_round_trip(demo_path):
    made = backup.backup_file(demo_path).path
    led = open_ledger(demo_path, daily_backup=False)
    add_task(led, "恢复后应消失的任务")
    led.dispose()
    result = backup.restore_ledger(demo_path, made)
    assert "恢复后应消失的任务" not in titles(demo_path)
    assert titles(demo_path) == titles(made)
    assert not result.previous_was_damaged
    assert "恢复后应消失的任务" in titles(result.previous_kept_at)
    assert result.previous_kept_at.name.endswith("-pre-restore.db.zst")
    led = open_ledger(demo_path)
    try:
        assert verify_ledger(led).ok
        with led.read() as s:
            assert s.scalar(select(func.count()).select_from(Task)) == len(titles(made))
    finally:
        led.dispose()


def test_restore_through_the_cli(demo_path, capsys):
    from wuyang_tasks.cli.main import main

    assert main(["--db", str(demo_path), "backup"]) == 0
    made = backup.list_backups(demo_path)[0].path
    assert main(["--db", str(demo_path), "backups"]) == 0
    out = capsys.readouterr().out
    assert made.name in out and "手动备份" in out and "共 1 个备份" in out
    assert main(["--db", str(demo_path), "restore", str(made)]) == 0
    assert "已从" in capsys.readouterr().out


@pytest.mark.parametrize("spoil, reason", [
    (lambda p: p.write_bytes(b"PK\x03\x04 not a ledger" * 100), "不是 SQLite"),
    (damage, "完整性检查未通过"),
    (lambda p: set_revision(p, "ffffffffffff"), "更新版本"),
    (lambda p: _tamper_audit(p), "审计"),
])
def test_restore_refuses_a_bad_file_and_leaves_the_ledger_alone(demo_path, tmp_path, spoil, reason):
    bad = tmp_path / "bad.db"
    backup.backup_file(demo_path, target=bad)
    spoil(bad)
    before = digest(demo_path)
    with pytest.raises(backup.BackupError) as caught:
        backup.restore_ledger(demo_path, bad)
    assert reason in caught.value.message and "当前台账未被改动" in caught.value.message
    assert digest(demo_path) == before
    assert backup.list_backups(demo_path) == []
    assert [p.name for p in demo_path.parent.iterdir() if p.name.startswith(".")] == []


def _tamper_audit(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE audit_event SET actor = 'someone' WHERE seq = 3")
    conn.commit()
    conn.close()


def test_restore_over_a_damaged_ledger_keeps_the_damaged_file_byte_for_byte(demo_path):
    made = backup.backup_file(demo_path).path
    damage(demo_path)
    damaged_digest = digest(demo_path)
    result = backup.restore_ledger(demo_path, made)
    assert result.previous_was_damaged
    assert digest(result.previous_kept_at) == damaged_digest
    assert backup.check_copy(demo_path) is None


def test_restore_refuses_while_another_program_has_the_ledger_open(demo_path):
    made = backup.backup_file(demo_path).path
    other = open_ledger(demo_path, daily_backup=False)
    try:
        with other.read() as s:
            s.scalar(select(func.count()).select_from(Task))
            with pytest.raises(backup.BackupError, match="正被其他程序"):
                backup.restore_ledger(demo_path, made)
        add_task(other, "另一个程序仍可继续写入")
    finally:
        other.dispose()
    assert "另一个程序仍可继续写入" in titles(demo_path)


def test_many_backups_within_one_second_keep_the_newest(demo_path):
    when = datetime(2026, 3, 1, 8, 0, 0)
    made = [backup.backup_file(demo_path, "pre-import", now=when).path for _ in range(backup.EVENT_KEEP + 3)]
    left = [i.path for i in backup.list_backups(demo_path)]
    assert left == made[::-1][: backup.EVENT_KEEP]
    assert all(p.exists() for p in made[-backup.EVENT_KEEP:])
