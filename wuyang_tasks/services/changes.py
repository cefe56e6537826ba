"""Live view: a window notices what other clerks changed, without restarting.

Every change appends an audit event in the same transaction, so the head of the audit chain (its
last ``seq``) is a change counter that costs one index lookup and works the same on SQLite and
PostgreSQL. The window polls :meth:`ChangeWatcher.poll` every ``POLL_SECONDS`` (a QTimer) and,
when something changed, refreshes what is affected and may say who did it. A change only becomes
visible once committed, so a poll never sees half of an action.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, select

from wuyang_tasks.db.ledger import Ledger
from wuyang_tasks.db.tables import audit_event

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

POLL_SECONDS = 3
MAX_CHANGES = 500


@dataclass(frozen=True)
class Change:
    seq: int
    at: str
    actor: str
    entity: str  # table name: task, progress_report, urging …
    entity_id: int | None
    action: str
    task_id: int | None  # the task the change belongs to, when there is one

    @property
    def is_task_related(self) -> bool:
        return self.task_id is not None


_EVENT = audit_event.c


def head(session: Session | Connection) -> int:
    """The change counter: the last audit event's seq (0 for an empty ledger). On the table, not
    the mapped class: the window reads it before its first paint, without the ORM."""
    return session.scalar(select(func.max(_EVENT.seq))) or 0


def changes_since(session: Session | Connection, seq: int, limit: int = MAX_CHANGES) -> list[Change]:
    rows = session.execute(
        select(_EVENT.seq, _EVENT.at, _EVENT.actor, _EVENT.entity,
               _EVENT.entity_id, _EVENT.action, _EVENT.before, _EVENT.after)
        .where(_EVENT.seq > seq).order_by(_EVENT.seq).limit(limit))
    return [Change(r.seq, r.at, r.actor, r.entity, r.entity_id, r.action, _task_id(r)) for r in rows]


def _task_id(row) -> int | None:
    if row.entity == "task":
        return row.entity_id
    for blob in (row.after, row.before):
        if blob:
            value = json.loads(blob)
            if isinstance(value, dict) and isinstance(value.get("task_id"), int):
                return value["task_id"]
    return None


class ChangeWatcher:
    """Remembers the counter seen last; ``poll()`` returns what was committed since (oldest
    first, at most MAX_CHANGES: more than that means "reload everything")."""

    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        with ledger.read_tables() as connection:
            self.seen = head(connection)

    def poll(self) -> list[Change]:
        with self.ledger.read_tables() as s:
            if head(s) == self.seen:
                return []
            changes = changes_since(s, self.seen)
        if changes:
            self.seen = changes[-1].seq
        return changes

    def others(self, changes: list[Change]) -> list[Change]:
        """The changes made under another database user than this window's."""
        return [c for c in changes if c.actor != self.ledger.actor]
