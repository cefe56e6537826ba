"""The audit chain's hash: each event's hash covers its own fields and the previous hash,
so editing, inserting or removing any event in the middle breaks every hash after it."""

from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64


def canonical_json(value) -> str:
    """A stable text form: sorted keys, no whitespace, non-ASCII kept as is."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(prev_hash: str, seq: int, at: str, actor: str, entity: str, entity_id: int | None,
               action: str, before: str | None, after: str | None) -> str:
    payload = canonical_json([prev_hash, seq, at, actor, entity, entity_id, action, before, after])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
