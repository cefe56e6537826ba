"""Append to and verify the audit chain.

Events come from one place, the action's writer (db.writer), which hands them to
:func:`record_many` inside the action's transaction. The chain append must
be serialised across clients: on SQLite the write transaction already holds the database's
write lock (``BEGIN IMMEDIATE``); on PostgreSQL a transaction-scoped advisory lock is taken
before the head is read. The head (last seq and hash) is also kept in ``ledger_meta`` so that
cutting events off the end of the chain is detected too. Each event records the digest of the
row it leaves behind, read back here whoever the caller (:func:`_rows_after`, db.row_state), so
that verify checks each row once against its last event.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum

from sqlalchemy import Connection, func, inspect, select, text
from sqlalchemy.orm import Session

from wuyang_tasks.domain.chain import GENESIS, canonical_json, event_hash, event_payload

from . import bulk, row_state, text_guard
from .actor import os_actor
from .models import AuditEvent, LedgerMeta, table_of

HEAD_KEY = "audit_head"
PG_LOCK_KEY = 0x5759_4155  # "WYAU"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def snapshot(obj) -> dict:
    """Column values of an ORM object as JSON-friendly data."""
    state = inspect(obj)
    return {attr.key: plain(getattr(obj, attr.key)) for attr in state.mapper.column_attrs}


def plain(value):
    """A column value as a snapshot holds it (enumerations by value, dates as ISO text)."""
    if isinstance(value, Enum):
        return value._value_  # .value is a property looked up through the class (10^5 in an import)
    if isinstance(value, date):
        return value.isoformat()
    return value


def snapshot_of_row(row: Mapping, keys: Iterable[str] | None = None) -> dict:
    """:func:`snapshot` of a row written with Core (column name → value, every column; or
    ``keys`` of it: the columns of an object's instance dict)."""
    if keys is None:
        return {key: value if type(value) in _AS_IS else plain(value) for key, value in row.items()}
    return {key: value if type(value := row[key]) in _AS_IS else plain(value) for key in keys}


_AS_IS = frozenset({str, int, float, bool, type(None)})  # exact types: an enumeration is a str


def serialise_writers(session: Session) -> None:
    """Wait for, and hold until commit, the lock every writer takes before appending to the
    chain (PostgreSQL advisory lock; on SQLite the write transaction already holds the file's
    write lock). Counters read-then-written in the same transaction (督办单 numbers) use it too,
    so that there is one lock and no lock-order deadlock."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})


def _head(session: Session, connection: Connection | None = None) -> tuple[int, str]:
    """The chain's last (seq, hash). Read on the session's connection (``connection``, when the
    caller has it already), without the ORM's autoflush: events are inserted with Core
    (:func:`record_many`), so no pending row can be an event."""
    cached = session.info.get("audit_head")
    if cached is not None:
        return cached
    serialise_writers(session)
    row = (connection or session.connection()).exec_driver_sql(_LAST_EVENT).first()
    return (row[0], row[1]) if row else (0, GENESIS)


_EVENTS = table_of(AuditEvent)
# the driver's text, not a Core select: every user action reads the head once, and SQLAlchemy's
# execution of a select cost twice the query (both backends take this SQL as it is)
_LAST_EVENT = "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"


def _rows_after(conn: Connection, events: list[tuple]) -> list[tuple[str | None, str | None]]:
    """(row_key, row_digest) of each (entity, entity_id, before, after): the table row the
    event names (db.row_state) and the digest of that row as the event's action leaves it —
    None after a deletion, for a row that is not there, or an entity that is no table (the
    chain's own events). An action is one moment (db.writer): the events it appends, all at
    its commit, are of one state of the ledger, so a row it changes several times (an import's
    task and its moves) carries one digest in each of them, and the rows are read back once
    per table named (SQLite writes their text)."""
    shapes = row_state.shapes()
    named: list[tuple | None] = []
    keys: dict[str, set] = {}
    for entity, entity_id, before, after in events:
        shape = shapes.get(entity)
        key = None if shape is None else shape.event_key(entity_id, after if after is not None else before)
        named.append(None if key is None else (shape, key))
        if key is not None:
            keys.setdefault(entity, set()).add(key)
    found = {entity: row_state.digests(conn, shapes[entity], wanted) for entity, wanted in keys.items()}
    return [(None, None) if n is None else
            (None if n[0].by_id else n[1], found[event[0]].get(n[1]) if event[3] is not None else None)
            for event, n in zip(events, named)]


def _chained(prev: str, seq: int, at: str, actor: str, entity: str, entity_id: int | None,
             action: str, before: str | None, after: str | None, row_key: str | None,
             row_digest: str | None) -> dict:
    """The audit_event row of an event that follows the one whose hash is ``prev``."""
    return {"seq": seq, "at": at, "actor": actor, "entity": entity, "entity_id": entity_id,
            "action": action, "before": before, "after": after, "prev_hash": prev,
            "row_key": row_key, "row_digest": row_digest,
            "hash": event_hash(prev, seq, at, actor, entity, entity_id, action, before, after,
                               row_key, row_digest)}


class _Texts:
    """The canonical JSON of events' before/after, written once for each small image that
    repeats: a workflow move's before and after are the same few keys and values for every
    task an import moves (10^4 of each move). Keyed by the items and the values' types (1 and
    True are equal keys but not the same text); an image with other values than text, whole
    numbers, booleans and None, or a larger one (a created row's whole image, seen once), is
    written each time."""

    SMALL = 4
    PLAIN = frozenset({str, int, bool, type(None)})

    def __init__(self) -> None:
        self.seen: dict[tuple, str] = {}

    def of(self, value: dict | None) -> str | None:
        if value is None:
            return None
        if len(value) > self.SMALL:
            return canonical_json(value)
        types = tuple(map(type, value.values()))
        if not self.PLAIN.issuperset(types):
            return canonical_json(value)
        key = (*value.items(), *types)
        text = self.seen.get(key)
        if text is None:
            text = self.seen[key] = canonical_json(value)
        return text


Event = tuple[str, str, "int | None", str, "dict | None", "dict | None"]
"""(at, entity, entity_id, action, before, after) of :func:`record_many`."""


def record_many(session: Session, events: Iterable[Event]) -> int:
    """Append ``events`` in the session's transaction, hashed in order, inserted with
    executemany (db.bulk, :data:`BULK_EVENTS` at a time; an import appends 10^5), not as ORM
    objects: nothing reads an event back in the session that writes it. Ids follow seq. The
    session's pending changes are flushed first, so the rows the events describe are written
    before them; the rows are read back once per table and part (:func:`_rows_after`).
    Returns the number appended."""
    session.flush()
    conn = session.connection()
    seq, prev = _head(session, conn)
    first = seq
    actor = session.info.get("actor") or os_actor()
    text_guard.check_row(_EVENTS, {"actor": actor})  # the one free text; before/after are JSON
    part: list[Event] = []
    for event in events:
        part.append(event)
        if len(part) == BULK_EVENTS:  # in parts: 10^5 events at once took 100 MB
            seq, prev = _append(conn, part, seq, prev, actor)
            part.clear()
    seq, prev = _append(conn, part, seq, prev, actor)
    if seq != first:
        _moved_head(session, seq, prev)
    return seq - first


def _append(conn: Connection, events: list[Event], seq: int, prev: str, actor: str) -> tuple[int, str]:
    """Chain and insert ``events`` after (seq, prev); returns the new head."""
    if not events:
        return seq, prev
    rows = []
    named = _rows_after(conn, [(entity, entity_id, before, after)
                               for _, entity, entity_id, _, before, after in events])
    text = _Texts().of
    for (at, entity, entity_id, action, before, after), (row_key, digest) in zip(events, named):
        seq += 1
        row = _chained(prev, seq, at, actor, entity, entity_id, action, text(before), text(after),
                       row_key, digest)
        rows.append(row)
        prev = row["hash"]
    bulk.insert_rows(conn, _EVENTS, rows)
    return seq, prev


BULK_EVENTS = 10_000


def _moved_head(session: Session, seq: int, digest: str) -> None:
    session.info["audit_head"] = (seq, digest)  # stored by store_head as the action commits


def store_head(session: Session) -> None:
    """Keep the head in ledger_meta, written once as the transaction commits (by
    ``db.writer.Writer.finish``). Updating the row at every event cost an UPDATE per flush — an
    import of 1,000 tasks appends some 10,000 events in one transaction."""
    seq, digest = session.info["audit_head"]
    value = f"{seq}:{digest}"
    # Core statements, not ``merge``: a merge loads the row first (a SELECT and its autoflush in
    # every user action); the row exists from the first event on, so the INSERT runs once
    conn = session.connection()
    if bulk.update_row(conn, _META, {"key": HEAD_KEY}, {"value": value}) == 0:
        bulk.insert_rows(conn, _META, [{"key": HEAD_KEY, "value": value}])


_META = table_of(LedgerMeta)


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    message: str
    first_bad_seq: int | None = None
    first_bad_id: int | None = None
    last_rows: dict | None = None  # of verify_chain(rows_after=…): see _Links


VERIFY_BATCH = 5_000


def verify_chain(session: Session, rows_after: int | None = None) -> VerifyResult:
    """Check every event against its hash and its predecessor, in order; with ``rows_after``,
    also note the row digest that each row's last event after that seq records (``last_rows``:
    entity → {row key → digest}) for the row check (services.evidence_rows), in the same pass.

    On SQLite the database writes each event's hashed payload and hands it to the check
    (:func:`_sqlite_chain`); when anything there does not hold — or elsewhere — Python reads
    the events in order of seq in batches (a county ledger holds 10^6 events: never the whole
    chain in memory), writes each payload as the chain defines it, and names the first event
    that does not verify."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        links = _Links(rows_after)
        if _sqlite_chain(connection, links):
            return _head_check(session, links)
    links = _Links(rows_after)
    for batch in _python_payloads(connection):
        for ident, *event in batch:
            if not links.note(*event):
                return _broken(session, links.count + 1, links.prev, ident)
    return _head_check(session, links)


class _Links:
    """The chain checked event by event in order of seq: each seq follows the last, names the
    last hash as its predecessor, and its payload hashes to its own hash."""

    def __init__(self, rows_after: int | None):
        self.count = 0
        self.prev = GENESIS
        self.rows_after = rows_after
        self.last_rows: dict[str, dict] = {}

    def note(self, seq, prev_hash, digest, payload, entity, entity_id, row_key, row_digest) -> bool:
        expected = self.count + 1
        if seq != expected or prev_hash != self.prev or digest != _sha256(payload).hexdigest():
            return False
        self.count, self.prev = expected, digest
        if self.rows_after is not None and seq > self.rows_after:
            rows = self.last_rows.get(entity)
            if rows is None:
                rows = self.last_rows[entity] = {}
            rows[entity_id if row_key is None else row_key] = row_digest
        return True


_sha256 = hashlib.sha256
_NINE = "prev_hash, seq, at, actor, entity, entity_id, action, before, after"
_SQLITE_CHAIN = (
    f"SELECT seq FROM audit_event WHERE NOT wuyang_chain_link(seq, prev_hash, hash, "
    f"CAST(CASE WHEN row_key IS NULL AND row_digest IS NULL THEN json_array({_NINE}) "
    f"ELSE json_array({_NINE}, row_key, row_digest) END AS BLOB), entity, entity_id, row_key, "
    "row_digest) ORDER BY id LIMIT 1")


def _sqlite_chain(connection, links: _Links) -> bool:
    r"""Whether every event holds, checked by SQLite calling :meth:`_Links.note` on each row
    with the payload it wrote, in order of id (ids follow seq: a ledger whose ids do not is
    left to the reading in order of seq). No row is fetched: a Python function called by the
    database costs two thirds of fetching the rows (10^5 events, 2026-12-03).

    ``json_array`` writes text, whole numbers and NULL exactly as ``canonical_json`` does (no
    spaces, UTF-8 kept, the same escapes: \" \\ \b \f \n \r \t and lower-case \u00xx for
    the other control characters; property-tested). Any other value (a tampered row) makes a
    payload that does not match, or one JSON cannot hold; either leaves the decision to
    Python's reading, which is what the chain is defined by."""
    if connection.exec_driver_sql("PRAGMA encoding").scalar() != "UTF-8":
        return False
    dbapi = connection.connection.dbapi_connection
    dbapi.create_function("wuyang_chain_link", 8, links.note)
    try:
        found = dbapi.execute(_SQLITE_CHAIN).fetchone()
    except sqlite3.OperationalError:  # "JSON cannot hold BLOB values", or note() raised
        return False
    finally:
        dbapi.create_function("wuyang_chain_link", 8, None)
    return found is None and links.count == connection.scalar(_COUNT)


_COUNT = select(func.count()).select_from(_EVENTS)


def _python_payloads(connection):
    """Batches of (id, seq, prev_hash, hash, payload bytes, entity, entity_id, row_key,
    row_digest), the payload written by Python."""
    query = _EVENT_ROWS.order_by(_EVENTS.c.seq).execution_options(yield_per=VERIFY_BATCH)
    result = connection.execute(query)
    try:
        for batch in result.partitions():
            yield [(row[0], row[1], row[2], row[3], _exact_payload(row), row[6], row[7], row[11],
                    row[12]) for row in batch]
    finally:
        result.close()


_c = _EVENTS.c
_EVENT_ROWS = select(_c.id, _c.seq, _c.prev_hash, _c.hash, _c.at, _c.actor, _c.entity, _c.entity_id,
                     _c.action, _c.before, _c.after, _c.row_key,
                     _c.row_digest)  # as _exact_payload reads them


def _exact_payload(row) -> bytes:
    """The hashed bytes of an event row read as (id, seq, prev_hash, hash, at, actor, entity,
    entity_id, action, before, after, row_key, row_digest): ``domain.chain.event_payload``, the
    chain's definition."""
    _, seq, prev_hash, _, at, actor, entity, entity_id, action, before, after, key, digest = row
    return event_payload(prev_hash, seq, at, actor, entity, entity_id, action, before,
                         after, key, digest).encode("utf-8")


def _head_check(session: Session, links: _Links) -> VerifyResult:
    """The chain's end against the head kept in ledger_meta (events cut off the end)."""
    count, prev = links.count, links.prev
    head = session.get(LedgerMeta, HEAD_KEY)
    stored = head.value if head else None
    actual = f"{count}:{prev}" if count else None
    if stored != actual:
        return VerifyResult(False, count,
                            f"审计链末尾与登记的链头不符（登记为 {stored or '无'}，实际为 {actual or '无'}）："
                            "末尾的记录被删除或链头被改动。", count or None)
    return VerifyResult(True, count, f"审计链完整：共 {count} 条记录，逐条校验通过。",
                        last_rows=links.last_rows if links.rows_after is not None else None)


def _event_row(session: Session, ident: int):
    return session.connection().execute(_EVENT_ROWS.where(_EVENTS.c.id == ident)).one()


def _broken(session: Session, expected_seq: int, prev: str, ident: int) -> VerifyResult:
    row = _event_row(session, ident)
    count = expected_seq
    where = f"审计记录第 {row.seq} 条（id={ident}，{row.at}，{row.entity} {row.action}）"
    if row.seq != expected_seq:
        return VerifyResult(False, count, f"{where}之前缺少第 {expected_seq} 条：审计链被删改。",
                            row.seq, ident)
    if row.prev_hash != prev:
        return VerifyResult(False, count, f"{where}与前一条不衔接：审计链被删改。", row.seq, ident)
    return VerifyResult(False, count, f"{where}的内容与其校验值不符：该记录被改动过。", row.seq, ident)
