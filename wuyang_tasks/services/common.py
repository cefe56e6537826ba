"""Helpers shared by the services: loading rows with a clear error, optimistic locking."""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from sqlalchemy import Select, bindparam, inspect, select
from sqlalchemy.orm import Session, object_session

from wuyang_tasks.db import audit, failures
from wuyang_tasks.db.models import Base
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.errors import ConflictError, NotFound

M = TypeVar("M", bound=Base)


def get(session: Session, model: type[M], ident: int, what: str) -> M:
    """The row ``ident`` of ``model``, or NotFound naming ``what``.

    A row not yet in the session is loaded with one statement built once per model (like
    ``session.get``'s load: autoflush first, then one SELECT by the key); ``session.get`` builds a
    new statement and its cache key at every call — two fifths of a workflow move's look-up."""
    if isinstance(session, Writer) and (held := session.held(model, ident)) is not None:
        return held  # created by the open batch, not yet written
    mapper = inspect(model)
    if ident is None or mapper.identity_key_from_primary_key((ident,)) in session.identity_map:
        obj = session.get(model, ident)
    else:
        obj = session.execute(_by_key(model), {"ident": ident}).scalar_one_or_none()
    if obj is None:
        raise NotFound(f"找不到{what}（编号 {ident}）。")
    if isinstance(session, Writer):
        session.keep(obj)
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


