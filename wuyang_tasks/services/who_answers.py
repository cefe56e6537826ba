"""Who answers for a task (党政同责), derived from the tenures over the task's life.

A unit's party and government chiefs answer for the unit's tasks while they hold the post: a
任免 in the middle of a task hands it over — the old chief answers up to the day before the new
one's first day, the new one from that day. Nothing is frozen at 交办, so a back-dated
appointment (itself audited) takes effect from its date without rewriting any event. A task's
life runs from 交办 (``assigned_on``) to 办结 (``closed_on``) or, while open, to today; a task
never assigned has no one answering for it yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Person, Post, Tenure, Unit
from wuyang_tasks.domain.enums import ChiefKind

from .accountability import post_text


@dataclass(frozen=True)
class Holder:
    """Who held a post from when to when (``end`` None: still in post)."""

    tenure_id: int
    person_id: int
    name: str
    post: str  # 舞泉镇镇长
    start: date
    end: date | None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def _held(session: Session, *condition) -> Iterable[tuple[int, ChiefKind | None, Holder]]:
    """(unit, chief kind, holder) of every tenure meeting ``condition``, by start."""
    rows = session.execute(
        select(Tenure, Person.name, Post, Unit).join(Person, Person.id == Tenure.person_id)
        .join(Post, Post.id == Tenure.post_id).join(Unit, Unit.id == Post.unit_id)
        .where(*condition).order_by(Tenure.start_date, Tenure.id))
    for t, name, post, unit in rows:
        yield unit.id, post.chief_kind, Holder(t.id, t.person_id, name, post_text(post, unit),
                                               t.start_date, t.end_date)


def chief_holders(session: Session, unit_ids: Iterable[int]) -> dict[tuple[int, ChiefKind], list[Holder]]:
    """(unit, party or government) → every holder of that chief post, by start."""
    ids = list(set(unit_ids))
    out: dict[tuple[int, ChiefKind], list[Holder]] = defaultdict(list)
    if ids:
        for unit_id, kind, holder in _held(session, Post.unit_id.in_(ids), Post.chief_kind.is_not(None)):
            out[(unit_id, kind)].append(holder)
    return out


def posts_of(session: Session, person_ids: Iterable[int]) -> dict[int, list[tuple[int, Holder]]]:
    """person → every post they held, (unit, holder), by start: where a named 责任人 (a 分管负责人)
    sits on a day."""
    ids = list(set(person_ids))
    out: dict[int, list[tuple[int, Holder]]] = defaultdict(list)
    if ids:
        for unit_id, _, holder in _held(session, Tenure.person_id.in_(ids)):
            out[holder.person_id].append((unit_id, holder))
    return out


def holder_on(holders: list[Holder], day: date) -> Holder | None:
    """The holder on ``day`` (the latest appointed, if two overlap)."""
    found = None
    for h in holders:
        if h.holds_on(day):
            found = h
    return found


def as_of(assigned_on: date | None, closed_on: date | None, day: date) -> date | None:
    """The day whose holders answer for a task "as of ``day``": ``day`` itself within the
    task's life, its last day once closed, None before 交办."""
    if assigned_on is None:
        return None
    if closed_on is not None and closed_on < day:
        return closed_on
    return max(day, assigned_on)


def stretch(first: date, last: date | None, assigned_on: date | None, closed_on: date | None,
            today: date) -> tuple[date, date | None] | None:
    """The part of the task's life within [first, last] — a tenure, a 分包联系 — (from, to; to
    None: still), or None when they do not meet."""
    if assigned_on is None:
        return None
    start = max(first, assigned_on)
    ends = [d for d in (last, closed_on) if d is not None]
    end = min(ends) if ends else None
    if start > (end if end is not None else today):
        return None
    return start, end


@dataclass
class ChiefIndex:
    """Every unit's party and government chief posts and their holders, by unit name: the task
    list names a task's lead-unit chiefs for each row from it (a few hundred tenures, read once)
    instead of a query per task."""

    by_unit: dict[str, dict[ChiefKind, list[Holder]]]

    def lead_chiefs(self, lead_units: Iterable[str], assigned_on: date | None,
                    closed_on: date | None, day: date) -> tuple[str, ...]:
        """Names of the lead units' party then government chiefs answering as of ``day``
        (as_of: within the task's life), in the units' order, each once."""
        on = as_of(assigned_on, closed_on, day)
        if on is None:
            return ()
        names: list[str] = []
        for unit in lead_units:
            posts = self.by_unit.get(unit, {})
            for kind in (ChiefKind.PARTY, ChiefKind.GOVERNMENT):
                holder = holder_on(posts.get(kind, []), on)
                if holder is not None and holder.name not in names:
                    names.append(holder.name)
        return tuple(names)


def chief_index(session: Session) -> ChiefIndex:
    names = dict(session.execute(select(Unit.id, Unit.name)).all())
    by_unit: dict[str, dict[ChiefKind, list[Holder]]] = defaultdict(dict)
    for (unit_id, kind), holders in chief_holders(session, names).items():
        by_unit[names[unit_id]][kind] = holders
    return ChiefIndex(dict(by_unit))

