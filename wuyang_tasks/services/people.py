"""A person's own view (终身追责) and the chiefs a task's units had at the time.

Everything a person answered for, in any post they ever held: as party or government chief of
a unit (the tenures recorded on the task's responsibilities at 交办), as the named responsible
person or as the county leader in charge — plus their accountability records and the number of
measures per year. Reads only what was recorded then, so a later 任免 changes nothing here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Person, Post, Responsibility, Tenure, Unit
from wuyang_tasks.domain.alerts import AlertPolicy
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import AlertLevel, ChiefKind, Role, TaskStatus
from wuyang_tasks.domain.errors import ValidationError

from . import accountability
from .common import get
from .task_list import TaskFilter, list_tasks


@dataclass
class Holder:
    """Who held a post, as recorded."""

    person_id: int
    name: str
    post: str  # 舞泉镇镇长
    start: date
    end: date | None


@dataclass
class UnitChiefs:
    unit_id: int
    unit_name: str
    role: Role
    party_chief: Holder | None
    government_chief: Holder | None


@dataclass
class TenureView:
    id: int
    post: str
    unit_name: str
    chief_kind: ChiefKind | None
    start: date
    end: date | None


@dataclass
class AnsweredFor:
    task_id: int
    code: str
    title: str
    status: TaskStatus
    alert: AlertLevel | None
    deadline_display: str
    days_overdue: int
    capacity: str  # 行政主要负责人 / 党组织主要负责人 / 责任人 / 牵头县领导
    unit_role: Role | None  # for chiefs: how their unit shares the task
    unit_name: str | None
    post_held: str  # the post at the time of the task


@dataclass
class PersonView:
    id: int
    name: str
    note: str | None
    tenures: list[TenureView]
    answered_for: list[AnsweredFor]
    records: list[accountability.RecordView]
    measures_per_year: list[accountability.MeasureYear]
    current_posts: list[str] = field(default_factory=list)


def _holders(session: Session, tenure_ids: Iterable[int]) -> dict[int, Holder]:
    ids = [t for t in set(tenure_ids) if t is not None]
    if not ids:
        return {}
    rows = session.execute(
        select(Tenure, Person.name, Post, Unit).join(Person, Person.id == Tenure.person_id)
        .join(Post, Post.id == Tenure.post_id).join(Unit, Unit.id == Post.unit_id)
        .where(Tenure.id.in_(ids)))
    return {t.id: Holder(t.person_id, name, accountability.post_text(post, unit), t.start_date, t.end_date)
            for t, name, post, unit in rows}


def chiefs_by_task(session: Session, task_ids: Iterable[int]) -> dict[int, list[UnitChiefs]]:
    """For each task, its units (in the task's order) with the party and government chiefs
    recorded when it was assigned — the people documents name as answering for it."""
    ids = list(task_ids)
    rows = session.execute(
        select(Responsibility, Unit.name).join(Unit, Unit.id == Responsibility.unit_id)
        .where(Responsibility.task_id.in_(ids), Responsibility.unit_id.is_not(None))
        .order_by(Responsibility.task_id, Responsibility.sort_order, Responsibility.id)).all()
    holders = _holders(session, [t for r, _ in rows
                                 for t in (r.party_chief_tenure_id, r.government_chief_tenure_id)])
    out: dict[int, list[UnitChiefs]] = defaultdict(list)
    for r, unit_name in rows:
        out[r.task_id].append(UnitChiefs(
            r.unit_id, unit_name, r.role, holders.get(r.party_chief_tenure_id),
            holders.get(r.government_chief_tenure_id)))
    return dict(out)


def find_people(session: Session, name: str) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.name == name.strip()).order_by(Person.id)))


def person_id_by_name(session: Session, typed: str) -> int:
    """The person a clerk typed: a name, or a pick-list label "name（post）". A clear message
    when nobody or several people have that name."""
    name = re.sub(r"[（(].*$", "", typed).strip()
    if not name:
        raise ValidationError("请填写或选择被问责人。")
    found = find_people(session, name)
    if not found:
        raise ValidationError(f"人员库中没有“{name}”。请检查姓名，或先在“单位与人员”中登记此人。")
    if len(found) > 1:
        raise ValidationError(f"有{len(found)}位名为“{name}”的人员，请从列表中选择（列表中注明了各人的职务）。")
    return found[0].id


def person_view(session: Session, person_id: int, *, today: date, cal: WorkdayCalendar,
                policy: AlertPolicy = AlertPolicy()) -> PersonView:
    person = get(session, Person, person_id, "人员")
    tenure_rows = session.execute(
        select(Tenure, Post, Unit).join(Post, Post.id == Tenure.post_id).join(Unit, Unit.id == Post.unit_id)
        .where(Tenure.person_id == person_id).order_by(Tenure.start_date, Tenure.id)).all()
    tenures = [TenureView(t.id, accountability.post_text(p, u), u.name, p.chief_kind, t.start_date,
                          t.end_date) for t, p, u in tenure_rows]
    tenure_ids = [t.id for t in tenures]
    conditions = [Responsibility.person_id == person_id]
    if tenure_ids:
        conditions += [Responsibility.party_chief_tenure_id.in_(tenure_ids),
                       Responsibility.government_chief_tenure_id.in_(tenure_ids)]
    resp = session.execute(
        select(Responsibility, Unit.name).outerjoin(Unit, Unit.id == Responsibility.unit_id)
        .where(or_(*conditions)).order_by(Responsibility.task_id, Responsibility.sort_order)).all()
    task_rows = {r.id: r for r in list_tasks(
        session, today=today, cal=cal, policy=policy,
        flt=TaskFilter(task_ids=frozenset(r.task_id for r, _ in resp)))} if resp else {}
    held = _holders(session, tenure_ids + [r.tenure_id for r, _ in resp if r.tenure_id])
    answered = []
    for r, unit_name in resp:
        row = task_rows[r.task_id]
        capacities = []
        if r.person_id == person_id:
            capacities.append((r.role.label, None, None, held.get(r.tenure_id)))
        for kind, tenure_id in ((ChiefKind.PARTY, r.party_chief_tenure_id),
                                (ChiefKind.GOVERNMENT, r.government_chief_tenure_id)):
            if tenure_id in tenure_ids:
                capacities.append((kind.label, r.role, unit_name, held.get(tenure_id)))
        for capacity, unit_role, unit, holder in capacities:
            answered.append(AnsweredFor(
                task_id=row.id, code=row.code, title=row.title, status=row.status, alert=row.alert,
                deadline_display=row.deadline_display, days_overdue=row.days_overdue,
                capacity=capacity, unit_role=unit_role, unit_name=unit,
                post_held=holder.post if holder else ""))
    current = [t.post for t in tenures if t.start <= today and (t.end is None or t.end >= today)]
    return PersonView(id=person.id, name=person.name, note=person.note, tenures=tenures,
                      answered_for=answered,
                      records=accountability.record_views(session, person_id=person_id),
                      measures_per_year=accountability.measures_per_year(session, person_id),
                      current_posts=current)


def person_choices(session: Session, day: date) -> list[tuple[int, str]]:
    """Everyone on file as (id, "name（post on ``day``）") for pick lists, same names told apart."""
    posts = {}
    for tenure, post, unit in session.execute(
            select(Tenure, Post, Unit).join(Post, Post.id == Tenure.post_id).join(Unit, Unit.id == Post.unit_id)
            .where(Tenure.start_date <= day, or_(Tenure.end_date.is_(None), Tenure.end_date >= day))
            .order_by(Post.is_county_leader.desc(), Unit.sort_order, Post.sort_order)):
        posts.setdefault(tenure.person_id, accountability.post_text(post, unit))
    return [(p.id, f"{p.name}（{posts[p.id]}）" if p.id in posts else p.name)
            for p in session.scalars(select(Person).order_by(Person.id))]
