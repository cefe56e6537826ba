"""What changed, as the window tells its pages (``ctx.data_changed``, a :class:`Change`).

An action says what kind of records it changed and, when it knows them, which ones: the task
rows (ui/task_store.py) read again only the tasks named and the task table updates just those
rows; a change without ids means every record of its kind, and :data:`EVERYTHING` (an import,
many changes by other users) makes every page reload. Another ledger being opened is a signal
of its own (``ctx.ledger_replaced``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class ChangeKind(Enum):
    ALL = "all"  # anything may have changed
    TASK = "task"  # a task, its responsibilities, progress, extensions, urgings on it
    ATTACHMENT = "attachment"
    METRIC = "metric"
    METRIC_READING = "metric_reading"
    TENURE = "tenure"
    LIAISON = "liaison"
    ASSESSMENT = "assessment"
    OFFICE = "office"
    CALENDAR = "calendar"
    ACCOUNTABILITY = "accountability"
    INSPECTION = "inspection"
    TEMPLATE = "template"
    URGING = "urging"  # urgings recorded for a report's tasks (ids unknown to the page)
    DOCUMENT = "document"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    ids: frozenset[int] = field(default_factory=frozenset)  # empty: every record of the kind

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids", frozenset(self.ids))
        if self.kind is ChangeKind.ALL and self.ids:
            raise ValueError("a change to everything names no ids")

    @classmethod
    def tasks(cls, ids: Iterable[int]) -> Change:
        """These tasks (at least one: no ids would mean every task)."""
        change = cls(ChangeKind.TASK, frozenset(ids))
        if not change.ids:
            raise ValueError("a change to some tasks names them")
        return change

    def touches(self, *kinds: ChangeKind) -> bool:
        """Whether this change may concern records of ``kinds``."""
        return self.kind is ChangeKind.ALL or self.kind in kinds

    @property
    def task_ids(self) -> frozenset[int] | None:
        """The tasks changed, when only those named did (None: reload every task)."""
        return self.ids if self.kind is ChangeKind.TASK and self.ids else None


EVERYTHING = Change(ChangeKind.ALL)
