"""SQLite vouches for a whole table at once, so the row check (services.evidence_rows) need not
replay it in Python.

Most rows are written once and never changed (责任分工, 进展反馈, 催办记录 …: every event of their
table creates a whole row). For such a table SQLite itself can compare each row, written as
canonical JSON by ``json_object`` (keys sorted, every column), with the text of its one event:
the same comparison the replay makes, without parsing an event or building a Python object.
Parsing the events of these tables was half of verify's time at 10^4 tasks.

A table is vouched for only when SQLite finds a one-to-one match: as many events after the last
seal as rows, every event a whole row (``before`` NULL) with ``entity_id`` its row's id, and each
row's JSON equal to its event's text. Equal text means equal values of the same JSON type, which
is at least as strict as the replay's comparison; so this only ever says yes where the replay
would. Anything else — a row edited, added or deleted behind the program's back, a table changed
by later events, a value JSON cannot hold — leaves the table to the replay, which names what
differs. Tables with boolean or real columns are never tried: SQLite writes a boolean as 0/1
(the event says true/false), and a real with 15 significant digits, which would not tell two
close values apart.
"""

from __future__ import annotations

import sqlite3


def vouched_rows(connection, shape, start: int) -> int | None:
    """The number of rows of ``shape``'s table if SQLite vouches for all of them against their
    events after seq ``start``, else None (the replay decides)."""
    if connection.dialect.name != "sqlite" or not shape.by_id or shape.booleans or shape.floats:
        return None
    quote = connection.dialect.identifier_preparer.quote
    table = quote(shape.table.name)
    columns = sorted(shape.table.columns, key=lambda c: c.key)  # canonical JSON: sorted keys
    image = ", ".join(f"'{c.key}', r.{quote(c.name)}" for c in columns)
    entity = shape.table.name.replace("'", "''")
    sql = (f"SELECT (SELECT count(*) FROM {table}), count(*), count(CASE WHEN e.before IS NULL "
           f"AND e.after = (SELECT json_object({image}) FROM {table} r WHERE r.id = e.entity_id) "
           f"THEN 1 END), count(DISTINCT e.entity_id) "
           f"FROM audit_event e WHERE e.entity = '{entity}' AND e.seq > {int(start)}")
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        rows, event_count, matching, distinct = cursor.execute(sql).fetchone()
    except sqlite3.OperationalError:  # "JSON cannot hold BLOB values": a tampered row
        return None
    finally:
        cursor.close()
    return rows if rows == event_count == matching == distinct else None
