"""Engines for SQLite (default) and PostgreSQL (shared office ledger).

SQLite: WAL journal with ``synchronous=FULL`` (a committed action survives power loss),
foreign keys on, a busy timeout so that a second program waits instead of failing, and
write transactions opened with ``BEGIN IMMEDIATE`` so that two writers queue up front rather
than failing half-way (the audit chain append reads the head, then writes).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import QueuePool

from wuyang_tasks import paths

BUSY_TIMEOUT_MS = 15_000
# SQLite's page cache per connection, KiB (its default is 2000): the first full read of the task
# list fills the default one whatever the ledger's size — ≈ 1 MB of a 1k ledger window's peak —
# and the operating system caches the file's pages anyway (benchmarks/README.md, 2026-12-03).
PAGE_CACHE_KIB = 512
WRITE = {"wuyang_write": True}


def resolve_url(url_or_path: str | Path | URL | None) -> URL:
    """A URL from a URL or a plain path (a plain path means a SQLite file)."""
    if url_or_path is None or str(url_or_path) == "":
        return URL.create("sqlite", database=str(paths.default_ledger_path()))
    text = str(url_or_path)
    if isinstance(url_or_path, URL) or "://" in text:
        url = url_or_path if isinstance(url_or_path, URL) else make_url(text)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def create_ledger_engine(url: URL, *, read_only: bool = False) -> Engine:
    if is_sqlite(url):
        return _sqlite_engine(url, read_only=read_only)
    from .postgres import create_server_engine  # imports this module

    return create_server_engine(url, read_only=read_only)


def _sqlite_engine(url: URL, *, read_only: bool) -> Engine:
    database = url.database or ""
    if read_only:
        # a pool of connections like a file URL's: "sqlite://" alone means one connection per
        # thread, and a read nested in another read (ledger.meta inside a list) began twice on it
        engine = create_engine("sqlite://", creator=lambda: _connect_ro(database), poolclass=QueuePool)
    else:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        if not read_only:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    _begin_in_dialect(engine, write=not read_only)
    return engine


_WRITE_NEXT = "wuyang_write_next"


def _begin_in_dialect(engine: Engine, *, write: bool) -> None:
    """BEGIN IMMEDIATE for a connection with the :data:`WRITE` option, BEGIN for the others —
    issued by this engine's dialect, not by a ``begin`` event listener (SQLAlchemy's recipe): a
    Connection event of any kind makes every statement dispatch its execute events, ≈ 8 % of a
    user action's CPU. The option marks the pooled connection as it is set (``Session.connection``
    sets it just before it begins); the begin takes the mark off."""
    dialect = engine.dialect
    set_options = dialect.set_connection_execution_options

    def set_connection_execution_options(connection, opts):
        if write and opts.get("wuyang_write"):
            connection.connection.info[_WRITE_NEXT] = True
        set_options(connection, opts)

    def do_begin(dbapi_connection):
        immediate = dbapi_connection.info.pop(_WRITE_NEXT, False)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        finally:
            cursor.close()

    # this engine's dialect object only (mypy refuses assigning to a method)
    dialect.set_connection_execution_options = set_connection_execution_options  # type: ignore[method-assign]
    dialect.do_begin = do_begin  # type: ignore[method-assign]


def _connect_ro(database: str):
    from .files import connect_read_only

    return connect_read_only(Path(database), timeout=BUSY_TIMEOUT_MS / 1000)
