"""Backups: the program's compressed, read-back backup against the plain copy, and the window's
start with the day's first backup still to make (it runs in the background).

backup — program: ``db.backup.backup_file`` to a ``.db.zst`` (online-backup snapshot, quick_check,
Zstandard, read back and hashed); baseline: what the program did before and what any SQLite
program can do, the ``sqlite3`` online backup into a plain file with ``quick_check`` and fsync.
The note gives both sizes and what a full rotation of such copies takes on disk.

open_backup_pending — program: ``wuyang-tasks --db LEDGER`` to the painted task table when the
ledger has no backup of today (the backups folder removed before every run); baseline: the same
program on the same ledger when today's backup is there (the open_ledger figure's case).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import time
from pathlib import Path

from ..harness import Probe, SideRun, Timed

ROTATION_COPIES = 23 + 4 * 3  # 7 daily, 4 weekly, 12 monthly (at most) + 3 of each other kind


def _out(probe: Probe, name: str) -> Path:
    return probe.workdir / name


def _sizes_note(probe: Probe, copy: Path) -> None:
    size, ledger = copy.stat().st_size, probe.ledger.stat().st_size
    probe.note = (f"备份 {size / 1e6:.1f} MB / 台账 {ledger / 1e6:.1f} MB（{size / ledger:.0%}）；"
                  f"轮换最多 {ROTATION_COPIES} 份 ≈ {ROTATION_COPIES * size / 1e9:.2f} GB")


def backup_program(probe: Probe):
    from wuyang_tasks.db import backup

    target = _out(probe, "copy.db.zst")

    def run():
        backup.backup_file(probe.ledger, "manual", target=target)
        _sizes_note(probe, target)
    return Timed(run, prepare=lambda: target.unlink(missing_ok=True))


def backup_baseline(probe: Probe):
    target = _out(probe, "copy.db")

    def run():
        src = sqlite3.connect(probe.ledger.resolve().as_uri() + "?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        assert dst.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        dst.close()
        src.close()
        with open(target, "rb+") as fh:
            os.fsync(fh.fileno())
        _sizes_note(probe, target)
    return Timed(run, prepare=lambda: target.unlink(missing_ok=True))


def run_pending_figure(figure, source: Path, n: int, work: Path, repeat: int) -> tuple[SideRun, SideRun]:
    """Alternating runs: no backup of today (folder removed) / today's backup there."""
    from wuyang_tasks.db import backup

    from .. import ledgers
    from .window import _spawn

    ledger = ledgers.private_copy(source, work)
    home = work / "home"
    home.mkdir()
    folder = backup.backups_dir(ledger)
    _spawn(["program", str(ledger)], home)  # untimed: compiles, makes today's backup
    runs = {"pending": SideRun(), "made": SideRun()}
    finished, whole = 0, []
    for _ in range(repeat):
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        seconds, rss, rows = _spawn(["program", str(ledger)], home)
        whole.append(time.perf_counter() - started)
        runs["pending"].times.append(seconds)
        runs["pending"].rss_mb = max(runs["pending"].rss_mb or 0, rss)
        finished += [i.reason for i in backup.list_backups(ledger)] == ["daily"]
        if not backup.list_backups(ledger):
            backup.backup_file(ledger, "daily")  # the 'made' side must find today's backup
        seconds, rss, rows = _spawn(["program", str(ledger)], home)
        runs["made"].times.append(seconds)
        runs["made"].rss_mb = max(runs["made"].rss_mb or 0, rss)
    note = (f"{rows} 行；后台备份完成 {finished}/{repeat} 次，进程从启动到备份完成并退出 "
            f"{statistics.median(whole):.1f} 秒（中位数）")
    runs["pending"].note = runs["made"].note = note
    os.remove(ledger)
    return runs["pending"], runs["made"]
