"""Many rows into one table at the driver's speed.

``connection.execute(insert(table), rows)`` builds and checks a parameter set per row
(``construct_params``): for the 10^5 rows of a bulk import that costs as much as SQLite's own
inserting. Here the INSERT is compiled once for the connection's dialect, each value goes
through its column type's bind processor — the very conversion SQLAlchemy applies (enumerations
to their stored value, dates on SQLite …) — and the rows go to the driver's executemany.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from operator import itemgetter

from sqlalchemy import Connection, Table, insert


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping],
                keys: Sequence[str] | None = None) -> None:
    """Insert ``rows`` (each with the same keys, column names; or each holding at least
    ``keys``, which are written) into ``table``."""
    if not rows:
        return
    sql, names, convert, positional = _statement(conn.dialect, table, tuple(keys or rows[0]))
    if len(names) == 1:
        values = [(row[names[0]],) for row in rows]
    else:  # tuples in the statement's order (C speed)
        values = list(map(itemgetter(*names), rows))
    if convert:
        values = [_converted(row, convert) for row in values]
    params = values if positional else [dict(zip(names, row)) for row in values]
    conn.exec_driver_sql(sql, params)


@lru_cache(maxsize=256)
def _statement(dialect, table: Table, keys: tuple[str, ...]):
    """The compiled INSERT of ``keys`` into ``table``: its text, parameter names in order, the
    bind processors to apply, and whether parameters are positional. Compiled once: a user
    action appends its events with one call, and compiling cost more than the insert."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    names = list(compiled.positiontup or compiled.binds)
    convert = [(i, f) for i, name in enumerate(names)
               if (f := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))]
    return compiled.string, names, convert, compiled.positional


def _converted(row: tuple, convert: list) -> tuple:
    values = list(row)
    for i, f in convert:
        values[i] = f(values[i])
    return tuple(values)
