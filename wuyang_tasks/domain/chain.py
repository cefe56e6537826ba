"""The audit chain's hash: each event's hash covers its own fields and the previous hash,
so editing, inserting or removing any event in the middle breaks every hash after it."""

from __future__ import annotations

import hashlib
import json
import json.encoder

GENESIS = "0" * 64


def canonical_json(value) -> str:
    """A stable text form: sorted keys, no whitespace, non-ASCII kept as is."""
    return _CANONICAL.encode(value)


# json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str),
# without building a new encoder at each call (a bulk import encodes 10^5 snapshots)
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(prev_hash: str, seq: int, at: str, actor: str, entity: str, entity_id: int | None,
               action: str, before: str | None, after: str | None) -> str:
    payload = event_payload(prev_hash, seq, at, actor, entity, entity_id, action, before, after)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_quote = json.encoder.encode_basestring  # what json.dumps uses for str when ensure_ascii=False


def event_payload(prev_hash, seq, at, actor, entity, entity_id, action, before, after) -> str:
    """``canonical_json([...the nine fields])``, written out directly when the fields have the
    types an event has (text, whole numbers, None): verifying 10^6 events spent most of its
    time in json.dumps. Anything else (a tampered row) goes through canonical_json itself."""
    q = _quote
    if (type(prev_hash) is str and type(seq) is int and type(at) is str and type(actor) is str
            and type(entity) is str and (entity_id is None or type(entity_id) is int)
            and type(action) is str and (before is None or type(before) is str)
            and (after is None or type(after) is str)):
        return (f"[{q(prev_hash)},{int.__repr__(seq)},{q(at)},{q(actor)},{q(entity)},"
                f"{'null' if entity_id is None else int.__repr__(entity_id)},{q(action)},"
                f"{'null' if before is None else q(before)},{'null' if after is None else q(after)}]")
    return canonical_json([prev_hash, seq, at, actor, entity, entity_id, action, before, after])
