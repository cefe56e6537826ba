"""The units-and-people directory: units in official order, their posts with the current
holders, and the county leaders liaising with them (分包联系), as of a day."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Liaison, Person, Post, Tenure, Unit
from wuyang_tasks.domain.enums import ChiefKind, UnitKind


@dataclass
class PostEntry:
    post_id: int
    title: str
    chief_kind: ChiefKind | None
    is_county_leader: bool
    holder_id: int | None
    holder: str | None
    since: date | None


@dataclass
class UnitEntry:
    id: int
    name: str
    short_name: str | None
    kind: UnitKind
    posts: list[PostEntry] = field(default_factory=list)
    liaison_leaders: list[str] = field(default_factory=list)  # county leaders 分包 this unit
    liaison_units: list[str] = field(default_factory=list)  # for a leadership body: whom its leaders liaise with


def _active(model, day: date):
    return and_(model.start_date <= day, or_(model.end_date.is_(None), model.end_date >= day))


def directory(session: Session, day: date) -> list[UnitEntry]:
    units = [UnitEntry(u.id, u.name, u.short_name, u.kind) for u in session.scalars(
        select(Unit).where(Unit.active.is_(True)).order_by(Unit.sort_order, Unit.id))]
    by_id = {u.id: u for u in units}
    holders = {post_id: (pid, name, start) for post_id, pid, name, start in session.execute(
        select(Tenure.post_id, Person.id, Person.name, Tenure.start_date)
        .join(Person, Person.id == Tenure.person_id).where(_active(Tenure, day)))}
    for post in session.scalars(select(Post).order_by(Post.sort_order, Post.id)):
        unit = by_id.get(post.unit_id)
        if unit is None:
            continue
        pid, name, start = holders.get(post.id, (None, None, None))
        unit.posts.append(PostEntry(post.id, post.title, post.chief_kind, post.is_county_leader,
                                    pid, name, start))
    leader_units: dict[str, list[str]] = defaultdict(list)
    for leader, unit_id in session.execute(
            select(Person.name, Liaison.unit_id).join(Person, Person.id == Liaison.leader_id)
            .where(_active(Liaison, day)).order_by(Liaison.id)):
        if unit_id in by_id:
            by_id[unit_id].liaison_leaders.append(leader)
            leader_units[leader].append(by_id[unit_id].name)
    for unit in units:
        for post in unit.posts:
            if post.holder and post.holder in leader_units:
                unit.liaison_units.append(f"{post.holder}：{'、'.join(leader_units[post.holder])}")
    return units
