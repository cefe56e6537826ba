"""Opening a ledger: checks, migrations, sessions.

``open_ledger`` refuses what it must not touch — a file that is not SQLite, a damaged file, a
ledger written by a newer program — with a :class:`LedgerError` in Chinese and without
writing anything to it. Each user action is one transaction: ``with ledger.write() as s:``.

This module imports no ``sqlalchemy.orm`` and no mapped class: the window's start opens the
ledger and reads what it shows first through the tables (``read_tables``) and sets the ORM up
only after its first paint (benchmarks/README.md "Start-up, fourth round"). Sessions, the
writer, the audit chain and the failure messages are imported when first used.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.errors import LedgerError, LedgerOpenError  # noqa: F401 (re-exported)

from . import backup, backup_codec, migrate, postgres, tables
from .actor import os_actor
from .checks import network_share_warning
from .engine import WRITE, create_ledger_engine, is_sqlite, resolve_url
from .files import JOURNAL_FILES, connect_read_only

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .writer import Writer

SQLITE_MAGIC = b"SQLite format 3\x00"
REFERENCE_DAY_KEY = "reference_day"
DEMO_KEY = "demo"

CHECK_TIMEOUT_S = 5.0  # how long the check on open waits for another program's lock
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024  # above this a cleanly closed file is fully checked daily

BackupHook = Callable[[Path, str], object]
"""Called as hook(path, reason) before a migration of an existing SQLite ledger."""


@contextmanager
def _told(rollback: Callable[[], object], read) -> Iterator[None]:
    """A failed read rolled back and told in Chinese (``failures.translate``, imported then: it
    needs the ORM); a failure it does not know goes on as it is."""
    try:
        yield
    except DBAPIError as exc:
        rollback()
        from . import failures

        translated = failures.translate(exc, [], read)
        if translated is None:
            raise
        raise translated from exc


@dataclass
class Ledger:
    url: URL
    engine: Engine
    read_only: bool = False
    today_override: date | None = None
    actor: str = field(default_factory=os_actor)
    notices: list[str] = field(default_factory=list)  # shown once: network share, failed daily backup

    # -- identity ----------------------------------------------------------------------------
    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    def display_name(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    # -- sessions ----------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session:
            session.info["actor"] = self.actor
            with _told(session.rollback, self.read):
                yield session
            session.rollback()

    @contextmanager
    def read_tables(self) -> Iterator[Connection]:
        """A read through the tables (SQLAlchemy Core, ``db.tables``), without the ORM: what the
        window reads before its first paint. Failures are told as ``read``'s are."""
        with self.engine.connect() as connection:
            with _told(connection.rollback, self.read):
                yield connection
            connection.rollback()

    @contextmanager
    def write(self) -> Iterator[Writer]:
        """One user action: committed as a whole, or rolled back as a whole (db.writer)."""
        if self.read_only:
            raise LedgerError("台账以只读方式打开，不能修改。")
        from sqlalchemy.orm.exc import StaleDataError

        from . import failures
        from .audit import serialise_writers
        from .writer import Writer

        with Writer(self.engine, expire_on_commit=False) as session:
            session.info["actor"] = self.actor
            session.connection(execution_options=WRITE)
            # every writer waits for the one before it from its first statement: SQLite's BEGIN
            # IMMEDIATE does so; on PostgreSQL the chain's lock, taken at the first event, would
            # come after the row locks of what the action flushed before it (an edit flushes its
            # task first, a move after its event: two clerks could deadlock)
            try:
                serialise_writers(session)
                yield session
                session.commit()
            except BaseException as exc:
                stale = failures.stale_targets(session, exc) if isinstance(exc, StaleDataError) else []
                session.rollback()
                translated = failures.translate(exc, stale, self.read)
                if translated is None:
                    raise
                raise translated from exc

    # -- facts about this ledger -------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        # through the tables, like calendar(): the start reads these before its first paint,
        # before the ORM is imported (ui/app.py sets it up after the paint)
        meta = tables.ledger_meta.c
        with self.read_tables() as connection:
            return connection.scalar(select(meta.value).where(meta.key == key))

    @property
    def reference_day(self) -> date | None:
        value = self.meta(REFERENCE_DAY_KEY)
        return date.fromisoformat(value) if value else None

    @property
    def is_demo(self) -> bool:
        return self.meta(DEMO_KEY) == "1"

    def today(self) -> date:
        """The day deadlines are evaluated on: --today, else a demo's reference day, else today."""
        return self.today_override or self.reference_day or date.today()

    def today_caption(self) -> str | None:
        """What to tell the user when 'today' is not the real today."""
        day = self.today()
        if self.today_override:
            return f"按{day.year}年{day.month}月{day.day}日计算"
        if self.reference_day:
            return f"演示数据 · 按{day.year}年{day.month}月{day.day}日计算"
        return None

    def calendar(self) -> WorkdayCalendar:
        override = tables.calendar_override.c
        with self.read_tables() as connection:
            rows = connection.execute(select(override.day, override.is_workday)).all()
        return WorkdayCalendar({r.day: r.is_workday for r in rows})

    def dispose(self) -> None:
        self.engine.dispose()


def check_sqlite_file(path: Path, *, full: bool | None = None) -> None:
    """Refuse a file that is not a readable, undamaged SQLite database. Reads only.

    ``full`` runs ``PRAGMA quick_check``, which reads every page (1.5 s CPU for a 740 MB ledger).
    By default it runs for files up to ``FULL_CHECK_MAX_BYTES`` and for any file whose last
    program did not close it cleanly (a journal file is there); a larger, cleanly closed file
    gets the cheap checks (header, length, schema) here and the full check on its page-for-page
    copy when the daily backup is taken (see open_ledger).
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise LedgerOpenError(f"没有权限读取台账文件：{path}", kind="read_only") from None
    except OSError as exc:
        raise LedgerOpenError(f"无法读取台账文件：{path}（{exc.strerror}）", kind="damaged") from None
    if path.stat().st_size == 0:
        return  # an empty file is treated as a new ledger
    if header.startswith(backup_codec.MAGIC):
        raise LedgerOpenError(
            f"“{path.name}”是本程序的压缩备份文件，不能直接作为台账使用。可以以只读方式打开查看，"
            "或在“文件 ▸ 备份与恢复”中用它恢复台账；原文件未被改动。", kind="compressed_backup")
    if header != SQLITE_MAGIC:
        raise LedgerOpenError(
            f"“{path.name}”不是本程序的台账文件（不是 SQLite 数据库）。请确认选择的文件；原文件未被改动。",
            kind="not_sqlite")
    if full is None:
        full = path.stat().st_size <= FULL_CHECK_MAX_BYTES or \
            any(Path(str(path) + s).exists() for s in JOURNAL_FILES)
    if _truncated(path):
        raise LedgerOpenError(f"台账文件不完整（比文件头记录的长度短，可能是复制中断）：{path}。"
                              "原文件未被改动，可以从备份恢复。", kind="damaged")
    try:
        conn = connect_read_only(path, timeout=CHECK_TIMEOUT_S)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone() if full else ("ok",)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone() \
                if "alembic_version" in tables else None
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise LedgerOpenError(f"台账文件正被其他程序占用：{path}。请关闭其他程序后重试。",
                                  kind="locked") from None
        raise LedgerOpenError(f"台账文件已损坏，无法打开：{path}（{exc}）。原文件未被改动，"
                              "可以从备份恢复。", kind="damaged") from None
    except sqlite3.DatabaseError as exc:
        raise LedgerOpenError(f"台账文件已损坏，无法打开：{path}（{exc}）。原文件未被改动，"
                              "可以从备份恢复。", kind="damaged") from None
    if not result or result[0] != "ok":
        raise LedgerOpenError(f"台账文件完整性检查未通过：{path}（{result[0] if result else '无结果'}）。"
                              "原文件未被改动，可以从备份恢复。", kind="damaged")
    # refused here, before a writing connection switches the file to WAL
    if revision is not None and revision[0] not in migrate.known_revisions():
        raise LedgerOpenError(
            f"该台账由更新版本的程序创建（结构版本 {revision[0]}），本程序无法打开。请升级程序；原文件未被改动。",
            kind="newer")
    if revision is None and tables - {"sqlite_sequence"}:
        raise LedgerOpenError(f"“{path.name}”中已有其他数据表，不是本程序的台账。原文件未被改动。",
                              kind="not_sqlite")


def _truncated(path: Path) -> bool:
    """The header's page count (when valid) says the file should be longer than it is."""
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) < 100:
        return True
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96] and pages > 0
    return valid and pages * page_size > path.stat().st_size


def open_ledger(url_or_path: str | Path | URL | None = None, *, today: date | None = None,
                read_only: bool = False, backup_hook: BackupHook | None = backup.before_migration,
                create: bool = True, daily_backup: bool = True,
                password_prompt: postgres.PasswordPrompt | None = None) -> Ledger:
    """Open (or create) a ledger. SQLite: backed up before a migration (``backup_hook``) and
    once a day on open (``daily_backup``); a file that is not writable is refused unless
    ``read_only`` — nothing is written to it either way."""
    url = resolve_url(url_or_path)
    notices: list[str] = []
    existed = False
    if is_sqlite(url) and read_only and backup_codec.is_compressed(_file(url)):
        url = url.set(database=str(backup.viewing_copy(_file(url))))
    if is_sqlite(url):
        path = _file(url)
        if path.exists():
            check_sqlite_file(path)
            existed = path.stat().st_size > 0
            if not read_only and not _writable(path):
                raise LedgerOpenError(
                    f"台账文件“{path}”是只读的（或所在文件夹不允许写入），不能修改。"
                    "可以以只读方式打开查看；原文件未被改动。", kind="read_only")
        elif not create or read_only:
            raise LedgerOpenError(f"台账文件不存在：{path}", kind="missing")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    if is_sqlite(url):
        engine = create_ledger_engine(url, read_only=read_only)
    else:  # the password, if one was asked for, stays in memory only (engine.url)
        engine = postgres.connect(url, read_only=read_only, password_prompt=password_prompt)
        url = engine.url
    try:
        _bring_schema_up_to_date(engine, url, read_only=read_only, backup_hook=backup_hook)
    except BaseException:
        engine.dispose()
        raise
    if is_sqlite(url):
        warning = network_share_warning(_file(url))
        if warning:
            notices.append(warning)
        if existed and daily_backup and not read_only:
            try:
                problem = take_daily_backup(_file(url))
            except LedgerOpenError:
                engine.dispose()
                raise
            if problem:
                notices.append(problem)
    actor = os_actor()
    if not is_sqlite(url):
        with engine.connect() as conn:
            actor = conn.execute(text("SELECT current_user")).scalar_one()
    return Ledger(url=url, engine=engine, read_only=read_only, today_override=today, actor=actor,
                  notices=notices)


def take_daily_backup(path: Path, stop: threading.Event | None = None) -> str | None:
    """The day's automatic backup (if not taken yet). Returns what to tell the user when it
    could not be written, or None; raises LedgerOpenError when its check found the ledger itself
    damaged (the snapshot is page for page, and a large ledger is fully checked only here)."""
    try:
        backup.daily_backup(path, stop=stop)
    except backup.BackupStopped:
        raise
    except backup.CopyCheckFailed as exc:
        check_sqlite_file(path, full=True)
        return f"今天的自动备份未能完成：{exc.message}"
    except LedgerError as exc:
        return f"今天的自动备份未能完成：{exc.message}"
    return None


def _writable(path: Path) -> bool:
    """SQLite needs to write the file and to create its -wal/-shm beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _bring_schema_up_to_date(engine: Engine, url: URL, *, read_only: bool,
                             backup_hook: BackupHook | None) -> None:
    try:
        current = migrate.current_revision(engine)
        has_tables = bool(inspect(engine).get_table_names())
    except Exception as exc:
        raise LedgerOpenError(f"无法连接台账数据库：{_describe(url)}（{exc.__class__.__name__}: {exc}）",
                              kind="unreachable") from None
    head = migrate.head_revision()
    if current == head:
        return
    if current is not None and current not in migrate.known_revisions():
        raise LedgerOpenError(
            f"该台账由更新版本的程序创建（结构版本 {current}），本程序无法打开。请升级程序；原文件未被改动。",
            kind="newer")
    if current is None and has_tables:
        raise LedgerOpenError(f"“{_describe(url)}”中已有其他数据表，不是本程序的台账。原数据未被改动。",
                              kind="not_sqlite")
    if read_only:
        raise LedgerOpenError("台账需要升级结构后才能使用，只读方式下无法升级。", kind="read_only")
    if current is not None and backup_hook and is_sqlite(url):
        backup_hook(_file(url), "pre-migration")
    from .seal import ChainBroken  # the migrations check the chain (sealing it)

    try:
        migrate.upgrade(engine)
    except ChainBroken as exc:
        raise LedgerOpenError(f"台账需要升级结构，但升级前的审计链与台账核对未通过：{exc.message}"
                              "结构未升级，原数据未被改动。请从备份恢复。", kind="damaged") from None
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient privilege
            raise
        raise LedgerOpenError(
            f"台账“{_describe(url)}”需要升级结构，但您的账号没有修改表结构的权限。请由管理员（数据库所有者）"
            "先用本版本程序打开一次，或运行 wuyang-tasks server-setup。", kind="permission") from None


def _describe(url: URL) -> str:
    return str(_file(url)) if is_sqlite(url) else url.render_as_string(hide_password=True)


def _file(url: URL) -> Path:
    """The file of a SQLite url (``resolve_url`` always names one)."""
    if not url.database:
        raise LedgerOpenError("台账地址中没有文件路径。", kind="missing")
    return Path(url.database)
