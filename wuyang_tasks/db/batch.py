"""What an open ``Writer.batch`` (db.writer) holds while an import states its rows: the ids it
has given, the rows created and not yet written, the rows looked up, and the values of columns
asked about; and how those rows are written at the batch's end."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar, cast

from sqlalchemy import Column, Table, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.instrumentation import manager_of_class
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from . import audit, bulk, text_guard
from .models import Base, table_of

M = TypeVar("M", bound=Base)


class Batch:
    """What an open ``Writer.batch`` holds: ids given, rows created and not yet written,
    rows looked up, and the values of columns asked about (``Writer.taken``).

    A new object stays out of the session, so its values are read from its instance dict (it
    holds every column the object was given; one never given is None), not through the
    instrumented attributes: an import states some 10^5 rows."""

    def __init__(self) -> None:
        self.next_ids: dict[Table, int] = {}
        self.objects: dict[tuple[type, Any], Base] = {}
        self.new: dict[Table, list] = {}  # per table, in the order stated: objects or row dicts
        self.indexes: dict[Table, dict[str, set]] = {}  # table → column → values

    def new_id(self, session: Session, table: Table) -> int:
        """The table's next free id: the largest stored one, then counted here (the action
        holds the ledger's write lock: SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock)."""
        if table not in self.next_ids:
            self.next_ids[table] = session.scalar(select(func.max(table.c.id))) or 0
        self.next_ids[table] += 1
        return self.next_ids[table]

    def new_object(self, model: type[M], values: dict) -> M:
        """A new ``model`` object holding ``values``, made as the ORM makes an object it loads
        (no constructor, no attribute events): it stays out of the session and is written from
        its instance dict, so it needs no history."""
        if not values.keys() <= shape_of(table_of(model)).key_set:
            unknown = sorted(values.keys() - shape_of(table_of(model)).key_set)
            raise TypeError(f"{model.__name__}: no column {', '.join(unknown)}")
        obj = manager_of_class(model).new_instance()
        obj.__dict__.update(values)
        return cast(M, obj)

    def hold(self, session: Session, obj: Base) -> None:
        table = table_of(obj)
        shape = shape_of(table)
        values = obj.__dict__  # set directly: the object is written from it (see new_object)
        for key in shape.key_set - values.keys():
            values[key] = None  # as a row loaded with NULL there
        if shape.key == "id" and values["id"] is None:
            values["id"] = self.new_id(session, table)
        for key, default in shape.defaults:  # as the flush would: the event's image is the row
            if values[key] is None:
                values[key] = default
        text_guard.check_row(table, values)  # the flush's check, at the call that states the row
        self.objects[type(obj), values[shape.key]] = obj
        self.new.setdefault(table, []).append(obj)
        self._index(table, values)

    def image(self, obj: Base) -> dict:
        """:func:`audit.snapshot` of a new object of this batch."""
        return audit.snapshot_of_row(obj.__dict__, shape_of(table_of(obj)).keys)

    def queue(self, session: Session, table: Table, row: dict) -> int:
        ident = self.new_id(session, table)
        row = {"id": ident, **row}
        self.new.setdefault(table, []).append(row)
        self._index(table, row)
        return ident

    def _index(self, table: Table, values: dict) -> None:
        for key, seen in self.indexes.get(table, {}).items():
            seen.add(values.get(key))

    def values(self, session: Session, column: Column) -> set:
        table, key = _table_and_key(column)
        by_column = self.indexes.setdefault(table, {})
        if key not in by_column:
            seen = set(session.scalars(select(column)))
            seen.update((new if type(new) is dict else new.__dict__).get(key)
                        for new in self.new.get(table, ()))
            by_column[key] = seen
        return by_column[key]

    def write(self, session: Session) -> None:
        """Every new row, table by table in foreign-key order; on PostgreSQL each table's id
        sequence is then moved past the ids given here."""
        session.flush()  # changes to stored rows (a counter), before the rows that follow them
        conn = session.connection()
        for table in Base.metadata.sorted_tables:
            news = self.new.get(table)
            if not news:
                continue
            rows = []
            for new in news:  # objects, or rows of Writer.insert_row (checked, copies nobody changes)
                if type(new) is not dict:
                    new = new.__dict__  # every column (hold)
                    text_guard.check_row(table, new)  # what changed since it was stated
                rows.append(new)
            bulk.insert_rows(conn, table, rows, shape_of(table).keys)
        if conn.dialect.name == "postgresql":
            for table, last in self.next_ids.items():
                conn.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :n)"),
                             {"t": table.name, "n": last})


@cache
def _table_and_key(column: Column) -> tuple[Table, str]:
    """A column's table and key, asked once: services name a column by its mapped attribute
    (``Task.code``), whose ``table`` is looked up through its comparator at every access (5 µs;
    an import asks twice per task)."""
    return column.table, column.key


@dataclass(frozen=True)
class Shape:
    keys: tuple[str, ...]  # every column, in the table's order
    key_set: frozenset[str]
    keys_but_id: frozenset[str]  # what a row given to Writer.insert_row holds
    key: str  # the primary key's column
    defaults: tuple[tuple[str, Any], ...]  # columns with a default value, and the value


@cache
def shape_of(table: Table) -> Shape:
    (key,) = table.primary_key.columns
    keys = tuple(c.key for c in table.columns)
    return Shape(keys, frozenset(keys), frozenset(keys) - {"id"}, key.key,
                  tuple((c.key, c.default.arg) for c in table.columns
                        if isinstance(c.default, ScalarElementColumnDefault)))
