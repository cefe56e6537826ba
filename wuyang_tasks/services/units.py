"""Units, people, posts, tenures (任免) and liaisons (分包联系)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Liaison, Person, Post, Tenure, Unit, UnitAlias
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.enums import ChiefKind, UnitKind
from wuyang_tasks.domain.errors import ValidationError

from .common import get


def add_unit(session: Writer, name: str, kind: UnitKind, *, short_name: str | None = None,
             sort_order: int | None = None, aliases: tuple[str, ...] = ()) -> Unit:
    name = name.strip()
    if not name:
        raise ValidationError("单位名称不能为空。")
    if session.scalar(select(Unit.id).where(Unit.name == name)):
        raise ValidationError(f"单位“{name}”已存在。")
    owner = session.scalar(select(Unit).join(UnitAlias, UnitAlias.unit_id == Unit.id)
                           .where(UnitAlias.alias == name))
    if owner is not None:
        raise ValidationError(f"“{name}”已是单位“{owner.name}”的别名。")
    if sort_order is None:
        sort_order = (session.scalar(select(Unit.sort_order).order_by(Unit.sort_order.desc())
                                     .limit(1)) or 0) + 10
    unit = session.insert(Unit(name=name, kind=kind, short_name=short_name,
                               sort_order=sort_order, active=True))
    for alias in aliases:
        add_alias(session, unit.id, alias)
    return unit


def add_alias(session: Writer, unit_id: int, alias: str) -> UnitAlias:
    alias = alias.strip()
    if not alias:
        raise ValidationError("别名不能为空。")
    other = session.scalar(select(Unit).where(or_(Unit.name == alias, Unit.short_name == alias),
                                              Unit.id != unit_id))
    if other is not None:
        raise ValidationError(f"“{alias}”已是单位“{other.name}”的名称或简称，不能作为另一个单位的别名。")
    existing = session.scalar(select(UnitAlias).where(UnitAlias.alias == alias))
    if existing:
        if existing.unit_id != unit_id:
            raise ValidationError(f"别名“{alias}”已指向另一个单位。")
        return existing
    return session.insert(UnitAlias(alias=alias, unit_id=unit_id))


def remove_alias(session: Writer, alias: str) -> None:
    """Aliases are lookup aids, not evidence: removing one is allowed and audited."""
    row = session.scalar(select(UnitAlias).where(UnitAlias.alias == alias.strip()))
    if row is None:
        raise ValidationError(f"没有别名“{alias.strip()}”。")
    session.remove(row)


def aliases_in_order(session: Session) -> list[tuple[str, str]]:
    """(alias, unit name), units in official order."""
    rows = session.execute(select(UnitAlias.alias, Unit.name).join(Unit, Unit.id == UnitAlias.unit_id)
                           .order_by(Unit.sort_order, Unit.id, UnitAlias.alias))
    return [(a, n) for a, n in rows]


def add_person(session: Writer, name: str, *, phone: str | None = None, note: str | None = None) -> Person:
    name = name.strip()
    if not name:
        raise ValidationError("姓名不能为空。")
    return session.insert(Person(name=name, phone=phone, note=note, active=True))


def add_post(session: Writer, unit_id: int, title: str, *, chief_kind: ChiefKind | None = None,
             is_county_leader: bool = False, sort_order: int = 0) -> Post:
    get(session, Unit, unit_id, "单位")
    if chief_kind and session.scalar(select(Post.id).where(Post.unit_id == unit_id,
                                                           Post.chief_kind == chief_kind)):
        raise ValidationError(f"该单位已有{chief_kind.label}职务。")
    forget_tenures(session)
    return session.insert(Post(unit_id=unit_id, title=title.strip(), chief_kind=chief_kind,
                               is_county_leader=is_county_leader, sort_order=sort_order))


def appoint(session: Writer, post_id: int, person_id: int, effective: date) -> Tenure:
    """任免: ``person`` holds ``post`` from ``effective``; the previous holder's tenure ends the day
    before. Past tenures are never rewritten."""
    get(session, Post, post_id, "职务")
    get(session, Person, person_id, "人员")
    forget_tenures(session)
    current = session.scalar(select(Tenure).where(Tenure.post_id == post_id, Tenure.end_date.is_(None)))
    if current is not None:
        if effective <= current.start_date:
            raise ValidationError(
                f"任职生效日期必须晚于现任者的任职起始日（{current.start_date:%Y年%m月%d日}）。")
        session.update(current, "end_tenure", end_date=effective - timedelta(days=1))
    return session.insert(Tenure(post_id=post_id, person_id=person_id, start_date=effective))


def end_tenure(session: Writer, tenure_id: int, last_day: date) -> Tenure:
    tenure = get(session, Tenure, tenure_id, "任职记录")
    if tenure.end_date is not None:
        raise ValidationError("该任职已经结束。")
    if last_day < tenure.start_date:
        raise ValidationError("离任日期不能早于任职起始日。")
    forget_tenures(session)
    return session.update(tenure, "end_tenure", end_date=last_day)


def add_liaison(session: Writer, leader_id: int, unit_id: int, start: date,
                end: date | None = None) -> Liaison:
    get(session, Person, leader_id, "县领导")
    get(session, Unit, unit_id, "单位")
    return session.insert(Liaison(leader_id=leader_id, unit_id=unit_id, start_date=start,
                                  end_date=end))


@dataclass(frozen=True)
class LiaisonView:
    id: int
    leader_id: int
    leader: str
    unit_id: int
    unit: str
    start: date
    end: date | None


def liaisons(session: Session, *, leader_id: int | None = None, day: date | None = None) -> list[LiaisonView]:
    """分包联系 on file (of one leader; in force on ``day``), leaders then units in official order."""
    query = (select(Liaison, Person.name, Unit.name).join(Person, Person.id == Liaison.leader_id)
             .join(Unit, Unit.id == Liaison.unit_id)
             .order_by(Liaison.leader_id, Unit.sort_order, Liaison.start_date, Liaison.id))
    if leader_id is not None:
        query = query.where(Liaison.leader_id == leader_id)
    if day is not None:
        query = query.where(_active_on(Liaison, day))
    return [LiaisonView(li.id, li.leader_id, leader, li.unit_id, unit, li.start_date, li.end_date)
            for li, leader, unit in session.execute(query)]


def start_liaison(session: Writer, leader_id: int, unit_id: int, start: date) -> Liaison:
    """A county leader begins to liaise with a unit (township) from ``start``; refused while
    the same leader already liaises with it then."""
    overlapping = session.scalar(select(Liaison.id).where(
        Liaison.leader_id == leader_id, Liaison.unit_id == unit_id,
        or_(Liaison.end_date.is_(None), Liaison.end_date >= start)))
    if overlapping is not None:
        raise ValidationError("该县领导在这一时期已分包联系这个单位。")
    return add_liaison(session, leader_id, unit_id, start)


def end_liaison(session: Writer, leader_id: int, unit_id: int, last_day: date) -> Liaison:
    """The leader's liaison with the unit ends after ``last_day`` (audited, the row kept)."""
    row = session.scalar(select(Liaison).where(
        Liaison.leader_id == leader_id, Liaison.unit_id == unit_id, Liaison.end_date.is_(None)))
    if row is None:
        raise ValidationError("该县领导现在没有分包联系这个单位。")
    if last_day < row.start_date:
        raise ValidationError(f"结束日期不能早于分包联系的起始日（{row.start_date:%Y年%m月%d日}）。")
    return session.update(row, "end_liaison", end_date=last_day)


def _active_on(model, day: date):
    return and_(model.start_date <= day, or_(model.end_date.is_(None), model.end_date >= day))


def chief_tenures(session: Session, unit_id: int, day: date) -> dict[ChiefKind, Tenure]:
    """The party and government chiefs of a unit on ``day``."""
    rows = session.execute(
        select(Post.chief_kind, Tenure).join(Tenure, Tenure.post_id == Post.id)
        .where(Post.unit_id == unit_id, Post.chief_kind.is_not(None), _active_on(Tenure, day))
    ).all()
    return {kind: tenure for kind, tenure in rows}


_TENURE_IDS = "tenure_ids"


def chief_tenure_ids(session: Session, unit_id: int, day: date) -> tuple[int | None, int | None]:
    """(party, government) chief tenure ids of a unit on ``day``, looked up once per unit and
    day in a transaction: an import assigns thousands of tasks to the same few dozen units.
    Posts and tenures are written only here (add_post, appoint, end_tenure), which forget them."""
    cache = session.info.setdefault(_TENURE_IDS, {})
    key = ("unit", unit_id, day)
    if key not in cache:
        chiefs = chief_tenures(session, unit_id, day)
        party, gov = chiefs.get(ChiefKind.PARTY), chiefs.get(ChiefKind.GOVERNMENT)
        cache[key] = (party.id if party else None, gov.id if gov else None)
    return cache[key]


def tenure_id_of(session: Session, person_id: int, day: date) -> int | None:
    """:func:`tenure_of`'s id, cached like :func:`chief_tenure_ids`."""
    cache = session.info.setdefault(_TENURE_IDS, {})
    key = ("person", person_id, day)
    if key not in cache:
        tenure = tenure_of(session, person_id, day)
        cache[key] = tenure.id if tenure else None
    return cache[key]


def forget_tenures(session: Session) -> None:
    session.info.pop(_TENURE_IDS, None)


def tenure_of(session: Session, person_id: int, day: date) -> Tenure | None:
    """The post a person held on ``day`` (the first by post order when several)."""
    return session.scalar(
        select(Tenure).join(Post).where(Tenure.person_id == person_id, _active_on(Tenure, day))
        .order_by(Post.is_county_leader.desc(), Post.sort_order).limit(1))


def liaison_units(session: Session, leader_id: int, day: date) -> list[Unit]:
    return list(session.scalars(
        select(Unit).join(Liaison, Liaison.unit_id == Unit.id)
        .where(Liaison.leader_id == leader_id, _active_on(Liaison, day)).order_by(Unit.sort_order)))


def units_in_order(session: Session, kind: UnitKind | None = None) -> list[Unit]:
    query = select(Unit).where(Unit.active.is_(True)).order_by(Unit.sort_order, Unit.id)
    if kind is not None:
        query = query.where(Unit.kind == kind)
    return list(session.scalars(query))


def find_unit(session: Session, name: str) -> Unit | None:
    """Exact name, short name or alias."""
    name = name.strip()
    unit = session.scalar(select(Unit).where(or_(Unit.name == name, Unit.short_name == name)))
    if unit is None:
        unit = session.scalar(select(Unit).join(UnitAlias, UnitAlias.unit_id == Unit.id)
                              .where(UnitAlias.alias == name))
    return unit


def find_person(session: Session, name: str) -> Person | None:
    return session.scalar(select(Person).where(Person.name == name.strip()).order_by(Person.id).limit(1))


def county_leaders(session: Session, day: date) -> list[Person]:
    people = session.scalars(
        select(Person).join(Tenure, Tenure.person_id == Person.id).join(Post)
        .where(Post.is_county_leader.is_(True), _active_on(Tenure, day))
        .order_by(Post.sort_order, Person.id))
    return list(dict.fromkeys(people))
