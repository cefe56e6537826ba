"""Append to and verify the audit chain.

Every service write calls :func:`record` inside its own transaction. The chain append must
be serialised across clients: on SQLite the write transaction already holds the database's
write lock (``BEGIN IMMEDIATE``); on PostgreSQL a transaction-scoped advisory lock is taken
before the head is read. The head (last seq and hash) is also kept in ``ledger_meta`` so that
cutting events off the end of the chain is detected too.
"""

from __future__ import annotations

import getpass
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum

from sqlalchemy import event as event_api
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from wuyang_tasks.domain.chain import GENESIS, canonical_json, event_hash, event_payload

from .models import AuditEvent, LedgerMeta

HEAD_KEY = "audit_head"
PG_LOCK_KEY = 0x5759_4155  # "WYAU"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def os_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some locked-down PCs
        return "unknown"


def snapshot(obj) -> dict:
    """Column values of an ORM object as JSON-friendly data."""
    state = inspect(obj)
    out = {}
    for attr in state.mapper.column_attrs:
        value = getattr(obj, attr.key)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        out[attr.key] = value
    return out


def serialise_writers(session: Session) -> None:
    """Wait for, and hold until commit, the lock every writer takes before appending to the
    chain (PostgreSQL advisory lock; on SQLite the write transaction already holds the file's
    write lock). Counters read-then-written in the same transaction (督办单 numbers) use it too,
    so that there is one lock and no lock-order deadlock."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})


def _head(session: Session) -> tuple[int, str]:
    cached = session.info.get("audit_head")
    if cached is not None:
        return cached
    serialise_writers(session)
    row = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return (row.seq, row.hash) if row else (0, GENESIS)


def record(session: Session, entity: str, entity_id: int | None, action: str,
           before: dict | None = None, after: dict | None = None) -> AuditEvent:
    """Append one event in the caller's transaction."""
    seq, prev = _head(session)
    seq += 1
    at = session.info.get("now") or now_iso()
    actor = session.info.get("actor") or os_actor()
    before_json = canonical_json(before) if before is not None else None
    after_json = canonical_json(after) if after is not None else None
    digest = event_hash(prev, seq, at, actor, entity, entity_id, action, before_json, after_json)
    event = AuditEvent(seq=seq, at=at, actor=actor, entity=entity, entity_id=entity_id,
                       action=action, before=before_json, after=after_json,
                       prev_hash=prev, hash=digest)
    session.add(event)
    session.info["audit_head"] = (seq, digest)
    if not session.info.get("audit_head_hook"):
        session.info["audit_head_hook"] = True
        event_api.listen(session, "before_commit", store_head)
    return event


def store_head(session: Session) -> None:
    """Keep the head in ledger_meta, written once as the transaction commits (the commit flushes
    it with the rest). Updating the row at every event cost an UPDATE per flush — an import of
    1,000 tasks appends some 10,000 events in one transaction. A session that never commits
    (it writes on a connection whose owner commits) calls this itself after its last event."""
    seq, digest = session.info["audit_head"]
    session.merge(LedgerMeta(key=HEAD_KEY, value=f"{seq}:{digest}"))


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    message: str
    first_bad_seq: int | None = None
    first_bad_id: int | None = None


VERIFY_BATCH = 5_000


def verify_chain(session: Session) -> VerifyResult:
    """Check every event against its hash and its predecessor, in order.

    Read in batches on the Core table (a county ledger holds 10^6 events: neither ORM rows nor
    the whole chain in memory at once)."""
    prev = GENESIS
    expected_seq = 0
    count = 0
    t = AuditEvent.__table__.c
    query = select(t.id, t.seq, t.at, t.actor, t.entity, t.entity_id, t.action, t.before, t.after,
                   t.prev_hash, t.hash).order_by(t.seq)
    result = session.connection().execute(query.execution_options(yield_per=VERIFY_BATCH))
    sha256 = hashlib.sha256
    for batch in result.partitions():
        for ident, seq, at, actor, entity, entity_id, action, before, after, prev_hash, digest in batch:
            expected_seq += 1
            count += 1
            if seq != expected_seq or prev_hash != prev or digest != sha256(event_payload(
                    prev, seq, at, actor, entity, entity_id, action, before, after)
                    .encode("utf-8")).hexdigest():
                result.close()
                return _broken(count, expected_seq, prev, ident, seq, at, entity, action, prev_hash)
            prev = digest
    head = session.get(LedgerMeta, HEAD_KEY)
    stored = head.value if head else None
    actual = f"{expected_seq}:{prev}" if expected_seq else None
    if stored != actual:
        return VerifyResult(False, count,
                            f"审计链末尾与登记的链头不符（登记为 {stored or '无'}，实际为 {actual or '无'}）："
                            "末尾的记录被删除或链头被改动。", expected_seq or None)
    return VerifyResult(True, count, f"审计链完整：共 {count} 条记录，逐条校验通过。")


def _broken(count: int, expected_seq: int, prev: str, ident: int, seq: int, at: str, entity: str,
            action: str, prev_hash: str) -> VerifyResult:
    where = f"审计记录第 {seq} 条（id={ident}，{at}，{entity} {action}）"
    if seq != expected_seq:
        return VerifyResult(False, count, f"{where}之前缺少第 {expected_seq} 条：审计链被删改。", seq, ident)
    if prev_hash != prev:
        return VerifyResult(False, count, f"{where}与前一条不衔接：审计链被删改。", seq, ident)
    return VerifyResult(False, count, f"{where}的内容与其校验值不符：该记录被改动过。", seq, ident)
