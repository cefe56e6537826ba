"""Ledgers written by the code of an earlier revision (tests/db/data), for the migration tests:
unpacked as SQLite files, or copied into a PostgreSQL database at that revision."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from sqlalchemy import MetaData, create_engine, select, text

from wuyang_tasks.db import migrate

DATA = Path(__file__).parent / "data"


def unpacked(revision: str, tmp_path: Path) -> Path:
    path = tmp_path / f"old-{revision}.db"
    with gzip.open(DATA / f"ledger_written_at_{revision}.db.gz") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def head_of(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT value FROM ledger_meta WHERE key = 'audit_head'").fetchone()[0]


@contextmanager
def on_postgresql(pg_databases, path: Path, revision: str) -> Iterator[str]:
    """The url of a new PostgreSQL database holding the ledger at ``path`` (of ``revision``),
    dropped afterwards."""
    name = pg_databases.create()
    url = pg_databases.url(name)
    try:
        copy_to_postgresql(path, url, revision)
        yield url
    finally:
        pg_databases.drop(name)


def copy_to_postgresql(path: Path, url, revision: str) -> None:
    """The SQLite ledger at ``path`` copied row for row into the empty database ``url``, whose
    schema is first brought to ``revision``."""
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), revision)
    source = create_engine(f"sqlite:///{path}")
    old = MetaData()
    old.reflect(bind=source)
    with source.connect() as src, engine.begin() as dst:
        dst.execute(text("SET session_replication_role = replica"))  # rows in any order
        target = MetaData()
        target.reflect(bind=dst)
        for table in old.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(r) for r in src.execute(select(table)).mappings()]
            if rows:
                dst.execute(target.tables[table.name].insert(), rows)
            if "id" in table.c:
                dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                 f"COALESCE(MAX(id), 0) + 1, false) FROM \"{table.name}\""))
    engine.dispose()
    source.dispose()
