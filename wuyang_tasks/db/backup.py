"""Backups and restore of SQLite ledgers.

A backup is a snapshot taken with SQLite's online backup API (consistent even while the ledger
is in use, including what is still in the WAL) into a temporary file, checked (``quick_check``),
then compressed (:mod:`.backup_codec`, Zstandard) and read back: the compressed file is kept
only when its decompressed bytes hash to those of the checked snapshot. Everything is written
through :func:`wuyang_tasks.fileio.atomic_path`, so a crash or a full disk never leaves a
half-written backup. They live in ``backups/`` next to the ledger, named
``<ledger>-<YYYYmmdd-HHMMSS>-<reason>.db.zst`` so that listing and rotation never depend on file
times (which change when a folder is copied to a USB stick); the uncompressed ``….db`` copies of
earlier versions are listed, rotated and restored alike. Only one backup of a ledger is written
at a time, also across programs (a lock file in the backups folder).

Rotation keeps the newest daily backup of each of the last 7 days, 4 ISO weeks and 12 months
that have one, and the newest ``EVENT_KEEP`` of each other kind (manual, before a migration, an
import, a restore). Files that do not follow the naming are never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine

from wuyang_tasks import paths
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.fileio import FileWriteError, atomic_path, describe_os_error

from . import backup_codec, migrate
from .files import JOURNAL_FILES, SIDE_FILES, connect_read_only, set_aside

if TYPE_CHECKING:
    from .ledger import Ledger

REASONS = {
    "daily": "每日自动备份",
    "manual": "手动备份",
    "pre-migration": "升级结构前备份",
    "pre-import": "导入前备份",
    "pre-restore": "恢复前备份",
}
PERIODIC = ("daily",)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
EVENT_KEEP = 3
STALE_PART_S = 3600
LOCK_WAIT_S = 600  # a manual or pre-import backup waits this long for another one to finish
STAMP = "%Y%m%d-%H%M%S"
SQLITE_MAGIC = b"SQLite format 3\x00"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z-]+)"
                   r"\.db(?P<zst>\.zst)?$")


class BackupError(LedgerError):
    pass


class BackupStopped(BackupError):
    """The backup was given up on request (the program is closing); nothing was kept."""


class CopyCheckFailed(BackupError):
    """The copy is damaged although it was written without error: so is the ledger, most likely."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def compressed(self) -> bool:
        return self.path.suffix == backup_codec.SUFFIX

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    def describe(self) -> str:
        t = self.taken_at
        return f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}，{self.reason_label}，{human_size(self.size)}"


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


# -- listing -----------------------------------------------------------------------------------
def backups_dir(ledger_path: Path) -> Path:
    return paths.backups_dir_for(Path(ledger_path))


def list_backups(ledger_path: Path) -> list[BackupInfo]:
    """This ledger's backups in its backups folder, newest first."""
    folder = backups_dir(ledger_path)
    if not folder.is_dir():
        return []
    stem = Path(ledger_path).stem
    found = []
    for entry in folder.iterdir():  # a .db and a .db.zst of the same second are both listed
        m = _NAME.match(entry.name)
        if not m or m["stem"] != stem or m["reason"] not in REASONS or not entry.is_file():
            continue
        taken = _stamp_time(m["stamp"])
        found.append((taken, int(m["n"] or 1), BackupInfo(entry, taken, m["reason"], entry.stat().st_size)))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [info for _, _, info in found]


def _stamp_time(stamp: str) -> datetime:
    """A name's ``STAMP`` (20261203-164501, as _NAME matched it) back to its time, read from the
    digits: ``datetime.strptime`` would load its module, regexes and locale data at every start
    for this one fixed format (the day's backup is looked for as the window opens)."""
    return datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
                    int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]))


def _new_name(ledger_path: Path, reason: str, now: datetime) -> Path:
    """Several backups within one second are numbered -2, -3… after the highest number used,
    so that a newer one never takes a lower number freed by the rotation."""
    folder = backups_dir(ledger_path)
    stem, stamp = Path(ledger_path).stem, now.strftime(STAMP)
    used = [int(m["n"] or 1) for m in (_NAME.match(p.name) for p in folder.glob(f"{stem}-{stamp}-*.db*"))
            if m and m["stem"] == stem and m["stamp"] == stamp] if folder.is_dir() else []
    n = max(used, default=0) + 1
    name = f"{stem}-{stamp}-{reason}.db" if n == 1 else f"{stem}-{stamp}-{n}-{reason}.db"
    return folder / (name + backup_codec.SUFFIX)


# -- copying -----------------------------------------------------------------------------------
def copy_database(source: Path, target: Path) -> None:
    """Online backup of ``source`` into ``target`` (replaced atomically; never half-written)."""
    target = Path(target)
    with atomic_path(target) as tmp:
        _snapshot(Path(source), tmp, target)


def _snapshot(source: Path, tmp: Path, target: Path) -> None:
    """Online backup of ``source`` into ``tmp``, switched to a rollback journal so that it is one
    self-contained file, and checked with ``quick_check``; messages name ``target``."""
    try:
        src = connect_read_only(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                result = dst.execute("PRAGMA quick_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        _remove_journals(tmp)
        damaged = "malformed" in str(exc) or "not a database" in str(exc)
        raise (CopyCheckFailed if damaged else BackupError)(_describe_sqlite_error(target, exc)) from exc
    if not result or result[0] != "ok":
        raise CopyCheckFailed(f"备份“{target}”写入后检查未通过（{result[0] if result else '无结果'}），"
                              "备份未保存。请检查磁盘。")


def write_backup(source: Path, target: Path, stop: threading.Event | None = None) -> None:
    """A checked snapshot of ``source``, compressed into ``target`` and read back before it takes
    the target's name. ``stop`` set meanwhile: BackupStopped, nothing kept."""
    target = Path(target)
    with atomic_path(target) as tmp, _scratch_file(target.parent, target.name) as snap:
        _snapshot(Path(source), snap, target)
        try:
            written = backup_codec.compress_file(snap, tmp, stop)
            read_back = backup_codec.digest_of(tmp)
        except backup_codec.Stopped:
            raise BackupStopped("备份已取消，未保存。") from None
        except backup_codec.CorruptBackup as exc:
            raise CopyCheckFailed(f"备份“{target}”写入后读回检查未通过（{exc}），备份未保存。请检查磁盘。") from exc
        except OSError as exc:
            raise FileWriteError(describe_os_error(target, exc)) from exc
        if written != read_back:
            raise CopyCheckFailed(f"备份“{target}”写入后读回的内容与台账快照不一致，备份未保存。请检查磁盘。")


@contextmanager
def _scratch_file(folder: Path, name: str) -> Iterator[Path]:
    """A temporary file in ``folder`` (named like atomic_path's, so that the rotation removes it
    if a crash leaves it behind), always removed afterwards."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".snapshot.part", dir=folder)
    except OSError as exc:
        raise FileWriteError(describe_os_error(folder / name, exc)) from exc
    os.close(fd)
    try:
        yield Path(tmp)
    finally:
        Path(tmp).unlink(missing_ok=True)
        _remove_journals(Path(tmp))


def _describe_sqlite_error(target: Path, exc: sqlite3.Error) -> str:
    text = str(exc)
    if "full" in text or "I/O" in text:
        return (f"无法写入“{target}”：磁盘空间不足、文件过大或磁盘出错（{text}）。"
                "未留下不完整的文件，台账本身未受影响。")
    if "readonly" in text or "unable to open" in text:
        return f"没有权限写入“{target}”（{text}）。请换一个位置保存；台账本身未受影响。"
    if "malformed" in text or "not a database" in text:
        return f"台账文件已损坏，无法备份（{text}）。可以从以前的备份恢复。"
    return f"备份“{target}”未完成（{text}）。未留下不完整的文件，台账本身未受影响。"


def _remove_journals(path: Path) -> None:
    for suffix in JOURNAL_FILES:
        Path(str(path) + suffix).unlink(missing_ok=True)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    seconds: float
    ledger_size: int = 0


@contextmanager
def backup_lock(ledger_path: Path, *, wait_s: float | None = None,
                stop: threading.Event | None = None) -> Iterator[None]:
    """Held while a backup of this ledger is written: one at a time, in this program and in any
    other on the same ledger (an OS file lock, released if a program dies). Waits up to
    ``wait_s`` (default ``LOCK_WAIT_S``), giving up early when ``stop`` is set."""
    from filelock import FileLock, Timeout  # 9 ms of imports: not on a start with today's backup there

    folder = backups_dir(ledger_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileWriteError(describe_os_error(folder, exc)) from exc
    lock = FileLock(folder / f".{Path(ledger_path).stem}.backup.lock", thread_local=False)
    deadline = time.monotonic() + (LOCK_WAIT_S if wait_s is None else wait_s)
    while True:
        try:
            lock.acquire(timeout=0.2)
            break
        except Timeout:
            if stop is not None and stop.is_set():
                raise BackupStopped("备份已取消，未保存。") from None
            if time.monotonic() > deadline:
                raise BackupError("另一个程序（或窗口）正在备份此台账，请稍后重试。") from None
        except OSError as exc:
            raise FileWriteError(describe_os_error(Path(lock.lock_file), exc)) from exc
    try:
        yield
    finally:
        lock.release()


def backup_file(ledger_path: Path, reason: str = "manual", *, target: Path | None = None,
                now: datetime | None = None, stop: threading.Event | None = None) -> BackupResult:
    """Back up a ledger file. Without ``target`` the compressed copy goes to the backups folder
    (rotated); with ``target`` exactly there (a copy for a USB stick; not part of the rotation):
    compressed when its name ends in ``.zst``, else a plain SQLite file any program opens."""
    if reason not in REASONS:
        raise ValueError(reason)
    ledger_path = Path(ledger_path)
    with backup_lock(ledger_path, stop=stop):
        return _write_locked(ledger_path, reason, target, now or datetime.now(), stop)


def _write_locked(ledger_path: Path, reason: str, target: Path | None, now: datetime,
                  stop: threading.Event | None) -> BackupResult:
    dest = Path(target) if target is not None else _new_name(ledger_path, reason, now)
    if dest.resolve() == ledger_path.resolve():
        raise BackupError(f"备份文件不能与台账文件相同：{dest}")
    started = time.perf_counter()
    if dest.suffix == backup_codec.SUFFIX:
        write_backup(ledger_path, dest, stop)
    else:
        copy_database(ledger_path, dest)
    result = BackupResult(dest, dest.stat().st_size, time.perf_counter() - started,
                          ledger_path.stat().st_size)
    if target is None:
        rotate(ledger_path)
    return result


def make_backup(ledger: Ledger, reason: str = "manual", *, target: Path | None = None) -> BackupResult:
    if not ledger.is_sqlite or ledger.path is None:
        raise BackupError("共享服务器（PostgreSQL）台账请用 pg_dump 备份：wuyang-tasks backup 会给出命令。")
    return backup_file(ledger.path, reason, target=target)


def before_migration(ledger_path: Path, reason: str = "pre-migration") -> BackupResult:
    """The ``backup_hook`` open_ledger calls before it upgrades an existing ledger's structure."""
    return backup_file(ledger_path, "pre-migration")


def before_import(ledger: Ledger) -> Path | None:
    """Call right before an import's write transaction. Raises BackupError (nothing imported)
    if the backup cannot be written. PostgreSQL: None (the server's own dumps apply)."""
    if not ledger.is_sqlite or ledger.path is None:
        return None
    return backup_file(ledger.path, "pre-import").path


def daily_due(ledger_path: Path, now: datetime | None = None) -> bool:
    """No automatic backup of this ledger has been taken today."""
    day = (now or datetime.now()).date()
    for info in list_backups(ledger_path):
        if info.reason in PERIODIC:
            return info.taken_at.date() != day
    return True


def daily_backup(ledger_path: Path, now: datetime | None = None,
                 stop: threading.Event | None = None) -> BackupResult | None:
    """At most one automatic backup a day: None when today's is there, also when another
    program took it while this one waited for the lock."""
    if not daily_due(ledger_path, now):
        return None
    with backup_lock(ledger_path, wait_s=float("inf"), stop=stop):
        if not daily_due(ledger_path, now):
            return None
        return _write_locked(Path(ledger_path), "daily", None, now or datetime.now(), stop)


# -- rotation ----------------------------------------------------------------------------------
def backups_to_keep(infos: list[BackupInfo]) -> set[Path]:
    keep: set[Path] = set()
    periodic = [i for i in infos if i.reason in PERIODIC]  # newest first
    buckets = ((lambda d: d.date(), KEEP_DAILY),
               (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
               (lambda d: (d.year, d.month), KEEP_MONTHLY))
    for key, count in buckets:
        seen: set[tuple] = set()
        for info in periodic:
            k = key(info.taken_at)
            if k in seen:
                continue
            if len(seen) == count:
                break
            seen.add(k)
            keep.add(info.path)
    for reason in REASONS:
        if reason not in PERIODIC:
            keep.update(i.path for i in [i for i in infos if i.reason == reason][:EVENT_KEEP])
    return keep


def rotate(ledger_path: Path) -> list[Path]:
    """Delete the backups the rotation no longer keeps, and partial copies a crash left behind
    (older than ``STALE_PART_S``, so never one being written now); returns them."""
    infos = list_backups(ledger_path)
    keep = backups_to_keep(infos)
    removed = []
    folder = backups_dir(ledger_path)
    for part in folder.glob(f".{Path(ledger_path).stem}-*.part") if folder.is_dir() else ():
        try:
            if time.time() - part.stat().st_mtime > STALE_PART_S:
                part.unlink()
                removed.append(part)
        except OSError:
            pass
    for info in infos:
        if info.path not in keep:
            try:
                info.path.unlink()
                removed.append(info.path)
            except OSError:
                pass  # kept one more time; never a reason to fail a backup
    return removed


# -- checking a copy ---------------------------------------------------------------------------
@contextmanager
def readable_copy(path: Path) -> Iterator[Path]:
    """A backup as a plain SQLite file: the file itself, or (compressed) decompressed into a
    scratch file beside it for the ``with`` block. Raises CorruptBackup or FileWriteError."""
    path = Path(path)
    if not backup_codec.is_compressed(path):
        yield path
        return
    with _scratch_file(path.parent, path.name) as plain:
        try:
            backup_codec.decompress_file(path, plain)
        except OSError as exc:
            raise FileWriteError(describe_os_error(plain, exc)) from exc
        yield plain


def check_copy(path: Path) -> str | None:
    """Why ``path`` is not a ledger this program can restore, or None. Reads only; a compressed
    backup is decompressed into a scratch file beside it and that file is checked."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return describe_os_error(path, exc).replace("写入", "读取")
    if header.startswith(backup_codec.MAGIC):
        try:
            with readable_copy(path) as plain:
                return check_copy(plain)
        except backup_codec.CorruptBackup as exc:
            return f"压缩的备份文件已损坏（{exc}）"
        except FileWriteError as exc:
            return f"无法解压检查（{exc.message}）"
    if header != SQLITE_MAGIC:
        return "不是 SQLite 数据库文件"
    try:
        conn = connect_read_only(path)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if problems != ["ok"]:
                return "完整性检查未通过：" + "；".join(problems[:3])
            has_version = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                       "AND name = 'alembic_version'").fetchone()
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone() \
                if has_version else None
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        return f"无法读取（{exc}）"
    except sqlite3.DatabaseError as exc:
        return f"文件已损坏，完整性检查未通过（{exc}）"
    if revision is None:
        return "不是本程序的台账（没有结构版本）"
    if revision[0] not in migrate.known_revisions():
        return f"由更新版本的程序创建（结构版本 {revision[0]}），请先升级程序"
    from sqlalchemy.orm import Session

    from .audit import verify_chain  # the audit chain and the ORM: not on the ledger's way in

    engine = create_engine("sqlite://", creator=lambda: connect_read_only(path))
    try:
        with Session(engine) as s:
            result = verify_chain(s)
    except Exception as exc:  # a foreign file with tables of the same name
        return f"审计链无法读取（{exc.__class__.__name__}）"
    finally:
        engine.dispose()
    if not result.ok:
        return result.message
    return None


def viewing_copy(path: Path) -> Path:
    """A compressed backup decompressed for a read-only look (the window's 以只读方式打开): into
    ``view/`` of the data folder, named like the backup without ``.zst``; copies made for
    earlier looks are removed (those still open are left). Raises BackupError if it is damaged."""
    path = Path(path)
    folder = paths.data_dir() / "view"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        try:
            old.unlink()
        except OSError:
            pass  # open in another window
    target = folder / path.name.removesuffix(backup_codec.SUFFIX)
    try:
        with atomic_path(target) as tmp:
            backup_codec.decompress_file(path, tmp)
    except backup_codec.CorruptBackup as exc:
        raise BackupError(f"压缩的备份文件“{path}”已损坏（{exc}），无法查看。") from exc
    return target


def latest_good_backup(ledger_path: Path) -> BackupInfo | None:
    for info in list_backups(ledger_path):
        if check_copy(info.path) is None:
            return info
    return None


# -- restore -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_kept_at: Path | None  # backup (healthy ledger) or set-aside file (damaged ledger)
    previous_was_damaged: bool


def restore_ledger(ledger_path: Path, source: Path) -> RestoreResult:
    """Replace the ledger with a verified copy of ``source``.

    Every engine on the ledger must be disposed first. ``source`` is copied beside the ledger
    and the copy is checked (integrity, structure version, audit chain) before anything else
    happens. A healthy current ledger is backed up ("pre-restore"); a damaged, foreign or newer
    one is renamed aside untouched. The copy then takes the ledger's name in one rename.
    """
    ledger_path = Path(ledger_path).resolve()
    source = Path(source).resolve()
    if source == ledger_path:
        raise BackupError("要恢复的文件就是当前台账本身。请选择一个备份文件。")
    if not source.is_file():
        raise BackupError(f"找不到备份文件：{source}")

    def refuse(problem: str) -> BackupError:
        return BackupError(f"“{source}”不能用于恢复：{problem}。当前台账未被改动。")

    with source.open("rb") as fh:
        header = fh.read(16)
    compressed = header.startswith(backup_codec.MAGIC)
    if header != SQLITE_MAGIC and not compressed:
        raise refuse("不是 SQLite 数据库文件，也不是本程序的压缩备份")
    stage = ledger_path.with_name(f".{ledger_path.stem}.restoring.db")
    _remove_journals(stage)
    try:
        _stage_copy(source, stage, compressed)
    except BaseException as exc:
        stage.unlink(missing_ok=True)
        if isinstance(exc, backup_codec.CorruptBackup):
            raise refuse(f"压缩的备份文件已损坏（{exc}）") from exc
        if not isinstance(exc, BackupError):
            raise
        problem = check_copy(source)
        if problem is None:
            raise  # the source is fine: the disk here is the problem, and the message says so
        raise refuse(problem) from exc
    try:
        problem = check_copy(stage)  # the copy that will become the ledger, not the original
        if problem:
            raise refuse(problem)
        if ledger_path.exists():
            shutil.copymode(ledger_path, stage)
        kept, damaged = _put_current_aside(ledger_path)
        try:
            stage.replace(ledger_path)
        except OSError as exc:
            raise FileWriteError(describe_os_error(ledger_path, exc)) from exc
    finally:
        stage.unlink(missing_ok=True)
        _remove_journals(stage)
    return RestoreResult(source, kept, damaged)


def _stage_copy(source: Path, stage: Path, compressed: bool) -> None:
    if not compressed:
        copy_database(source, stage)
        return
    try:
        backup_codec.decompress_file(source, stage)
    except OSError as exc:
        raise FileWriteError(describe_os_error(stage, exc)) from exc


def _put_current_aside(ledger_path: Path) -> tuple[Path | None, bool]:
    if not ledger_path.exists():
        return None, False
    if check_copy(ledger_path) is not None:
        # damaged, foreign or newer: never modified, only renamed (with its journal files)
        try:
            return set_aside(ledger_path), True
        except OSError as exc:
            raise BackupError(f"无法把原台账文件改名保留（{exc.strerror}），恢复未进行。"
                              "请关闭正在使用该台账的程序后重试。") from exc
    kept = backup_file(ledger_path, "pre-restore").path
    _take_exclusive(ledger_path)
    return kept, False


def _take_exclusive(ledger_path: Path) -> None:
    """Make sure no other program has the ledger open, and fold its WAL into the file: leaving
    the journal mode does both, and removes -wal/-shm, so no stale WAL can meet the new file."""
    try:
        conn = sqlite3.connect(ledger_path, timeout=2)
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        mode = str(exc)
    if mode != "delete" or any(Path(str(ledger_path) + s).exists() for s in SIDE_FILES):
        raise BackupError("台账正被其他程序（或另一个窗口）使用，无法恢复。请关闭其他程序后重试；"
                          "当前台账已备份，未被改动。")
