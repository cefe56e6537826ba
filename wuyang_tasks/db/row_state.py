"""The stored state of a table row as the audit chain records it: ``domain.chain.row_digest``
of its columns, read back from the database by its key.

Every mapped table with a one-column primary key has a :class:`RowShape` (``blob_chunk``, file
contents keyed by blob and part, is checked by its file's hash instead; ``audit_event`` is the
chain). A row is named by ``entity_id`` when its table is keyed by an integer ``id``, else by
``row_key``: its key as text (``ledger_meta`` by ``key``, ``calendar_override`` by the day in
ISO form). Bookkeeping columns are not part of the state: a mapper's ``version_id_col`` counts
flushes, not facts.

On SQLite the database writes each row's canonical text itself (``json_object`` over the
sorted columns: the same text as ``domain.chain.row_text``, property-tested), so a row comes
back as one bytes object to hash; PostgreSQL's values are written by Python.
"""

from __future__ import annotations

import sqlite3
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache, lru_cache
from typing import cast

from sqlalchemy import Connection, Date, Dialect, Table

from wuyang_tasks.domain.chain import row_digest, text_digest

from .models import Base

_BATCH = 5_000
_sha256 = hashlib.sha256


@dataclass(frozen=True)
class RowShape:
    table: Table
    key: str  # the primary-key column
    columns: tuple[str, ...]  # the columns of the state, sorted (canonical JSON's order)

    @property
    def by_id(self) -> bool:
        return self.key == "id"

    @property
    def name(self) -> str:
        return self.table.name

    def event_key(self, entity_id: int | None, image: dict | None):
        """The key of the row an event with ``entity_id`` and image (``after``, else ``before``)
        names: the id, or the key column's value as text; None when the event names no row."""
        if self.by_id:
            return entity_id
        value = image.get(self.key) if image else None
        return value.isoformat() if isinstance(value, date) else value


@cache
def shapes() -> dict[str, RowShape]:
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "audit_event" or len(table.primary_key.columns) != 1:
            continue
        skip = bookkeeping(table)
        out[table.name] = RowShape(table, table.primary_key.columns[0].key,
                                   tuple(sorted(c.key for c in table.columns if c.key not in skip)))
    return out


def bookkeeping(table: Table) -> set[str]:
    """Columns of ``table`` that are not facts: its mapper's ``version_id_col``."""
    mapper = next((m for m in Base.registry.mappers if m.local_table is table), None)
    column = mapper.version_id_col if mapper is not None else None
    return {column.key} if column is not None and column.key else set()


def _sqlite(connection: Connection) -> sqlite3.Connection:
    """The driver's connection under a SQLite ``connection`` (typed Optional by SQLAlchemy: it
    is None only once the connection is closed)."""
    return cast(sqlite3.Connection, connection.connection.dbapi_connection)


def digests(connection: Connection, shape: RowShape, keys: Iterable) -> dict:
    """key → digest of those of the rows ``keys`` that exist, in one statement."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    if connection.dialect.name == "sqlite":
        cursor = _sqlite(connection).cursor()
        try:
            return {key: text_digest(data) for key, data in
                    cursor.execute(_sqlite_text(connection, shape) + _where(connection, shape, keys),
                                   keys)}
        except sqlite3.OperationalError:  # "JSON cannot hold BLOB values": not a program's row
            pass
        finally:
            cursor.close()
    return {key: row_digest(row) for key, row in states(connection, shape, keys).items()}


def states(connection: Connection, shape: RowShape, keys: Iterable) -> dict[object, dict]:
    """key → the stored state (column → value, as the driver gives it) of those of the rows
    ``keys`` that exist, in one statement."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    params = keys
    if connection.dialect.name != "sqlite" and isinstance(shape.table.c[shape.key].type, Date):
        params = [date.fromisoformat(k) for k in keys]
    result = connection.exec_driver_sql(
        _python_text(connection, shape) + _where(connection, shape, keys), tuple(params))
    columns = shape.columns
    return {(key.isoformat() if isinstance(key, date) else key): dict(zip(columns, values))
            for key, *values in result}


def _where(connection: Connection, shape: RowShape, keys: list) -> str:
    mark = "?" if connection.dialect.name == "sqlite" else "%s"
    return f" WHERE {_quote(connection, shape.key)} IN ({', '.join([mark] * len(keys))})"


def visit_digests(connection: Connection, shape: RowShape, visit: Callable[[object, str], None]) -> None:
    """``visit(key, digest)`` for every row of the table, in key order.

    On SQLite the database calls the visit itself for each row with the text it wrote, as
    the chain's check does (db.audit): no row is fetched. A value JSON cannot hold (not a
    program's row) stops it; Python then writes the rows not yet visited."""
    order = f" ORDER BY {_quote(connection, shape.key)}"
    done = 0
    if connection.dialect.name == "sqlite":
        def each(key, data) -> int:
            nonlocal done
            visit(key, _sha256(data).hexdigest())
            done += 1
            return 0

        dbapi = _sqlite(connection)
        dbapi.create_function("wuyang_row_visit", 2, each)
        try:
            dbapi.execute(f"SELECT count(wuyang_row_visit(k, t)) FROM ({_sqlite_text(connection, shape)}"
                          f"{order})").fetchone()
            return
        except sqlite3.OperationalError:  # "JSON cannot hold BLOB values"
            pass
        finally:
            dbapi.create_function("wuyang_row_visit", 2, None)
    result = connection.exec_driver_sql(_python_text(connection, shape) + order).yield_per(_BATCH)
    try:
        for n, (key, digest) in enumerate(_python_digests(shape, result)):
            if n >= done:
                visit(key, digest)
    finally:
        result.close()


def _python_digests(shape: RowShape, rows) -> Iterator[tuple[object, str]]:
    columns = shape.columns
    for key, *values in rows:
        yield (key.isoformat() if isinstance(key, date) else key), row_digest(dict(zip(columns, values)))


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _sqlite_text(connection: Connection, shape: RowShape) -> str:
    """SELECT key, the row's canonical text as bytes (``json_object``, columns sorted)."""
    return _texts(connection.dialect, shape)[0]


def _python_text(connection: Connection, shape: RowShape) -> str:
    """SELECT key, then the state's columns in sorted order, for Python to write."""
    return _texts(connection.dialect, shape)[1]


@lru_cache(maxsize=128)
def _texts(dialect: Dialect, shape: RowShape) -> tuple[str, str]:
    """The two SELECTs above, written once per dialect and table: every event appended reads
    its row back with one of them."""
    q = dialect.identifier_preparer.quote
    pairs = ", ".join(f"'{c}', {q(c)}" for c in shape.columns)
    return (f"SELECT {q(shape.key)} AS k, CAST(json_object({pairs}) AS BLOB) AS t FROM {q(shape.name)}",
            f"SELECT {q(shape.key)}, {', '.join(q(c) for c in shape.columns)} FROM {q(shape.name)}")


def digest_of(shape: RowShape, row: dict) -> str:
    """The digest of a row about to be written, from its Python values (an enumeration as the
    name SQLAlchemy stores): what reading it back after the write gives (benchmarks.generate
    writes rows with Core and hashes their events itself)."""
    return row_digest({c: (row[c].name if isinstance(row[c], Enum) else row[c]) for c in shape.columns})
