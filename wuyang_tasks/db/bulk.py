"""Many rows into one table at the driver's speed.

``connection.execute(insert(table), rows)`` builds and checks a parameter set per row
(``construct_params``): for the 10^5 rows of a bulk import that costs as much as SQLite's own
inserting. Here the INSERT is compiled once for the connection's dialect, each value goes
through its column type's bind processor — the very conversion SQLAlchemy applies (enumerations
to their stored value, dates on SQLite …) — and the rows go to the driver's executemany.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import itemgetter

from sqlalchemy import Connection, Table, insert


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping]) -> None:
    """Insert ``rows`` (each with the same keys, column names) into ``table``."""
    if not rows:
        return
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(rows[0]))
    names = list(compiled.positiontup or compiled.binds)
    convert = [(i, f) for i, name in enumerate(names)
               if (f := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))]
    if len(names) == 1:
        values = [(row[names[0]],) for row in rows]
    else:  # tuples in the statement's order (C speed)
        values = list(map(itemgetter(*names), rows))
    if convert:
        values = [_converted(row, convert) for row in values]
    params = values if compiled.positional else [dict(zip(names, row)) for row in values]
    conn.exec_driver_sql(compiled.string, params)


def _converted(row: tuple, convert: list) -> tuple:
    values = list(row)
    for i, f in convert:
        values[i] = f(values[i])
    return tuple(values)
