"""Helpers shared by the services: loading rows with a clear error, audited changes, bulk work."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TypeVar

from sqlalchemy import Insert, Select, Table, bindparam, insert, inspect, select
from sqlalchemy.orm import Session, object_session

from wuyang_tasks.db import audit, failures, text_guard
from wuyang_tasks.db.models import Base, LedgerMeta, Timestamped
from wuyang_tasks.domain.errors import ConflictError, NotFound

M = TypeVar("M", bound=Base)


def get(session: Session, model: type[M], ident: int, what: str) -> M:
    """The row ``ident`` of ``model``, or NotFound naming ``what``.

    A row not yet in the session is loaded with one statement built once per model (like
    ``session.get``'s load: autoflush first, then one SELECT by the key); ``session.get`` builds a
    new statement and its cache key at every call — two fifths of a workflow move's look-up."""
    mapper = inspect(model)
    if ident is None or mapper.identity_key_from_primary_key((ident,)) in session.identity_map:
        obj = session.get(model, ident)
    else:
        obj = session.execute(_by_key(model), {"ident": ident}).scalar_one_or_none()
    if obj is None:
        raise NotFound(f"找不到{what}（编号 {ident}）。")
    return obj


@cache
def _by_key(model: type[M]) -> Select:
    (key,) = inspect(model).primary_key
    return select(model).where(key == bindparam("ident"))


def check_version(obj, expected: int | None, what: str) -> None:
    """Optimistic locking for edits made from a form: the row must still be the one shown."""
    if expected is not None and obj.version != expected:
        other = failures.last_change(object_session(obj), obj)
        raise ConflictError(
            f"{what}已被其他人修改（您看到的是第 {expected} 版，现在是第 {obj.version} 版）。{other}"
            "请重新载入后再修改。", current=audit.snapshot(obj))


def add_audited(session: Session, obj: M, action: str = "create") -> M:
    """Insert ``obj`` and append its audit event."""
    if isinstance(obj, Timestamped) and obj.created_at is None:
        obj.created_at = audit.event_time(session)
    session.add(obj)
    session.flush()
    audit.record(session, obj.__tablename__, obj.id, action, None, audit.snapshot(obj))
    return obj


def add_all_audited(session: Session, objs: Sequence[M], action: str = "create") -> list[M]:
    """:func:`add_audited` for several rows with one flush: the same events, in the same order
    (each flush costs milliseconds, and an import adds tens of thousands of rows)."""
    now = audit.event_time(session)
    for obj in objs:
        if isinstance(obj, Timestamped) and obj.created_at is None:
            obj.created_at = now
        session.add(obj)
    session.flush()
    for obj in objs:
        audit.record(session, obj.__tablename__, obj.id, action, None, audit.snapshot(obj))
    return list(objs)


def insert_audited(session: Session, table: Table, row: dict, action: str = "create") -> int:
    """:func:`add_audited` for a row that nothing reads back as an object: inserted with Core
    (the unit of work's flush of one new object cost more than the rest of a 进展反馈), with
    the same text check and the same event. ``row`` holds every column but the id. Unsaved
    changes are flushed first, as add_audited's flush writes them. Returns the new id."""
    columns, statement = _insert_of(table)
    if row.keys() != columns:
        raise TypeError(f"{table.name}: insert_audited needs every column but the id")
    session.flush()
    text_guard.check_row(table, row)
    ident = session.connection().execute(statement, row).inserted_primary_key[0]
    audit.record(session, table.name, ident, action, None, audit.snapshot_of_row({"id": ident, **row}))
    return ident


@cache
def _insert_of(table: Table) -> tuple[frozenset[str], Insert]:
    """The columns :func:`insert_audited` needs in a row of ``table``, and its INSERT."""
    return frozenset(c.key for c in table.columns) - {"id"}, insert(table)


def update_audited(session: Session, obj: M, action: str, **changes) -> M:
    before = audit.snapshot(obj)
    for key, value in changes.items():
        setattr(obj, key, value)
    session.flush()
    after = audit.snapshot(obj)
    changed_before = {k: v for k, v in before.items() if after.get(k) != v}
    changed_after = {k: after[k] for k in changed_before}
    audit.record(session, obj.__tablename__, obj.id, action, changed_before, changed_after)
    return obj


def set_meta(session: Session, key: str, value: str) -> None:
    """Keep ``value`` under ``key`` in ledger_meta (counters, the demo's reference day), audited:
    the first value as the row's whole image, a change as before/after — each with the key, by
    which the row is found (services.evidence_rows)."""
    row = session.get(LedgerMeta, key)
    if row is None:
        session.add(LedgerMeta(key=key, value=value))
        session.flush()
        audit.record(session, "ledger_meta", None, "create", None, {"key": key, "value": value})
    elif row.value != value:
        before = {"key": key, "value": row.value}
        row.value = value
        session.flush()
        audit.record(session, "ledger_meta", None, "update", before, {"key": key, "value": value})
