"""The audit chain's hash: each event's hash covers its own fields and the previous hash,
so editing, inserting or removing any event in the middle breaks every hash after it.

Since revision 0006 an event also names the table row it leaves behind (``row_key`` for a
table not keyed by an integer id; otherwise ``entity_id``) and that row's :func:`row_digest`
as stored when the event was appended (none after a deletion). The hash covers both; an event
with neither (a deletion of a row keyed by id, the chain's own events, every event written
before 0006) hashes the nine fields it always did, so the old chain still verifies."""

from __future__ import annotations

import hashlib
import json
import json.encoder
from collections.abc import Mapping
from datetime import date

GENESIS = "0" * 64


def canonical_json(value) -> str:
    """A stable text form: sorted keys, no whitespace, non-ASCII kept as is."""
    return _CANONICAL.encode(value)


# json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str),
# without building a new encoder at each call (a bulk import encodes 10^5 snapshots)
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def row_text(row: Mapping[str, object]) -> str:
    """The canonical text of a table row's stored state: :func:`canonical_json` of column →
    value, a value as the database stores it — text, a whole number or null; a boolean as 0/1
    and a day as ISO text (SQLite's storage; PostgreSQL's values are written the same way).
    SQLite writes the very same text itself with ``json_object`` over the sorted columns
    (db.row_state, property-tested)."""
    return canonical_json({key: value if type(value) in _AS_STORED else _stored(value)
                           for key, value in row.items()})


_AS_STORED = frozenset({str, int, type(None)})  # exact types: a bool is an int, written 0/1


def _stored(value):
    if type(value) is bool:
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_digest(row: Mapping[str, object]) -> str:
    """SHA-256 (hex) of :func:`row_text`: what an event records of the row it leaves behind."""
    return text_digest(row_text(row).encode("utf-8"))


def text_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def event_hash(prev_hash: str, seq: int, at: str, actor: str, entity: str, entity_id: int | None,
               action: str, before: str | None, after: str | None, row_key: str | None = None,
               row_digest: str | None = None) -> str:
    payload = event_payload(prev_hash, seq, at, actor, entity, entity_id, action, before, after,
                            row_key, row_digest)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_quote = json.encoder.encode_basestring  # what json.dumps uses for str when ensure_ascii=False


def event_payload(prev_hash, seq, at, actor, entity, entity_id, action, before, after,
                  row_key=None, row_digest=None) -> str:
    """``canonical_json([...the nine fields])``, or of the eleven when the event names its row
    (``row_key`` or ``row_digest`` set), written out directly when the fields have the types an
    event has (text, whole numbers, None): verifying 10^6 events spent most of its time in
    json.dumps. Anything else (a tampered row) goes through canonical_json itself."""
    q = _quote
    if (type(prev_hash) is str and type(seq) is int and type(at) is str and type(actor) is str
            and type(entity) is str and (entity_id is None or type(entity_id) is int)
            and type(action) is str and (before is None or type(before) is str)
            and (after is None or type(after) is str)
            and (row_key is None or type(row_key) is str)
            and (row_digest is None or type(row_digest) is str)):
        head = (f"[{q(prev_hash)},{int.__repr__(seq)},{q(at)},{q(actor)},{q(entity)},"
                f"{'null' if entity_id is None else int.__repr__(entity_id)},{q(action)},"
                f"{'null' if before is None else q(before)},{'null' if after is None else q(after)}")
        if row_key is None and row_digest is None:
            return head + "]"
        return (f"{head},{'null' if row_key is None else q(row_key)},"
                f"{'null' if row_digest is None else q(row_digest)}]")
    fields = [prev_hash, seq, at, actor, entity, entity_id, action, before, after]
    if row_key is not None or row_digest is not None:
        fields += [row_key, row_digest]
    return canonical_json(fields)
