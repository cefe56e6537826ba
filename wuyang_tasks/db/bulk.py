"""Many rows into one table at the driver's speed, and one row's change at the same.

``connection.execute(insert(table), rows)`` builds and checks a parameter set per row
(``construct_params``): for the 10^5 rows of a bulk import that costs as much as SQLite's own
inserting. Here the INSERT is compiled once for the connection's dialect, each value goes
through its column type's bind processor — the very conversion SQLAlchemy applies (enumerations
to their stored value, dates on SQLite …) — and the rows go to the driver's executemany.
A user action's change of one stored row (``Writer.set_columns``) is an UPDATE compiled the same
way, once per table and set of columns: building a new statement and its cache key at each
call cost as much as the unit-of-work flush it replaces.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from operator import itemgetter

from sqlalchemy import Connection, Table, bindparam, insert, update


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
    return _prepared(insert(table).compile(dialect=dialect, column_keys=list(keys)), dialect, table,
                     lambda name: name)


def update_row(conn: Connection, table: Table, where: Mapping[str, object],
               values: Mapping[str, object]) -> int:
    """Set ``values`` (column → value) on the rows whose columns equal ``where``'s values;
    returns how many rows matched."""
    sql, names, convert, positional = _update(conn.dialect, table, tuple(values), tuple(where))
    given = [values[name[2:]] if name.startswith("v_") else where[name[2:]] for name in names]
    row = _converted(tuple(given), convert) if convert else tuple(given)
    params = row if positional else dict(zip(names, row))
    return conn.exec_driver_sql(sql, params).rowcount


@lru_cache(maxsize=256)
def _update(dialect, table: Table, keys: tuple[str, ...], where: tuple[str, ...]):
    """The compiled UPDATE of ``keys`` where ``where`` match: as :func:`_statement`, its
    parameters named ``v_<column>`` (values) and ``w_<column>`` (the row's key)."""
    statement = (update(table).where(*(table.c[k] == bindparam(f"w_{k}") for k in where))
                 .values({k: bindparam(f"v_{k}") for k in keys}))
    return _prepared(statement.compile(dialect=dialect), dialect, table, lambda name: name[2:])


def _prepared(compiled, dialect, table: Table, column_of: Callable[[str], str]):
    """A compiled statement's text, its parameter names in order, the bind processors of their
    columns (``column_of`` a parameter's name) by position, and whether it is positional."""
    names = list(compiled.positiontup or compiled.binds)
    convert = [(i, f) for i, name in enumerate(names)
               if (f := table.c[column_of(name)].type.dialect_impl(dialect).bind_processor(dialect))]
    return compiled.string, names, convert, compiled.positional


def _converted(row: tuple, convert: list) -> tuple:
    values = list(row)
    for i, f in convert:
        values[i] = f(values[i])
    return tuple(values)
