"""A person's own view (终身追责) and the chiefs a task's units have on a day.

Everything a person answered for, in any post they ever held: as party or government chief of
a unit for the stretch of the task's life they held the post (services.who_answers: derived
from the tenures, so a 任免 in the middle of a task hands it over on its date), as the named
responsible person or as the county leader in charge — plus their accountability records
(which keep the post held at the time of the failure) and the number of measures per year.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Person, Post, Responsibility, Task, Tenure, Unit
from wuyang_tasks.domain.alerts import AlertPolicy
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.domain.enums import AlertLevel, ChiefKind, Role, TaskStatus
from wuyang_tasks.domain.errors import ValidationError

from . import accountability, units, who_answers
from .common import get
from .task_list import TaskFilter, chinese_date, list_tasks
from .who_answers import Holder


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
    answered_from: date | None = None  # the stretch of the task's life this person answered
    answered_to: date | None = None  # for it (to None: still)

    @property
    def period(self) -> str:
        if self.answered_from is None:
            return ""
        end = chinese_date(self.answered_to) if self.answered_to else "今"
        return f"{chinese_date(self.answered_from)}—{end}"


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


LIAISON = "分包联系县领导"


def _holders(session: Session, tenure_ids: Iterable[int]) -> dict[int, Holder]:
    ids = [t for t in set(tenure_ids) if t is not None]
    if not ids:
        return {}
    rows = session.execute(
        select(Tenure, Person.name, Post, Unit).join(Person, Person.id == Tenure.person_id)
        .join(Post, Post.id == Tenure.post_id).join(Unit, Unit.id == Post.unit_id)
        .where(Tenure.id.in_(ids)))
    return {t.id: Holder(t.id, t.person_id, name, accountability.post_text(post, unit), t.start_date,
                         t.end_date) for t, name, post, unit in rows}


def chiefs_by_task(session: Session, task_ids: Iterable[int], day: date) -> dict[int, list[UnitChiefs]]:
    """For each task, its units (in the task's order) with the party and government chiefs who
    answer for it as of ``day`` (who_answers.as_of: the day within the task's life, its last
    day once closed) — the people documents name."""
    ids = list(task_ids)
    rows = session.execute(
        select(Responsibility, Unit.name, Task.assigned_on, Task.closed_on)
        .join(Unit, Unit.id == Responsibility.unit_id).join(Task, Task.id == Responsibility.task_id)
        .where(Responsibility.task_id.in_(ids), Responsibility.unit_id.is_not(None))
        .order_by(Responsibility.task_id, Responsibility.sort_order, Responsibility.id)).all()
    holders = who_answers.chief_holders(session, [r.unit_id for r, *_ in rows])
    out: dict[int, list[UnitChiefs]] = defaultdict(list)
    for r, unit_name, assigned_on, closed_on in rows:
        on = who_answers.as_of(assigned_on, closed_on, day)
        party, government = (
            (who_answers.holder_on(holders.get((r.unit_id, kind), []), on) if on else None)
            for kind in (ChiefKind.PARTY, ChiefKind.GOVERNMENT))
        out[r.task_id].append(UnitChiefs(r.unit_id, unit_name, r.role, party, government))
    return dict(out)


@dataclass(frozen=True)
class NamedPerson:
    """A task's named 责任人 as of a day: the unit of the post they held that day (None: no post
    then, or none recorded) and how documents name them, 李建国（县环保局副局长）."""

    unit_id: int | None
    text: str


def named_by_task(session: Session, task_ids: Iterable[int], day: date) -> dict[int, list[NamedPerson]]:
    """For each task, its named 责任人 (the 分管负责人 where the office names one) in the task's
    order, each with the post held as of ``day`` (who_answers.as_of, as for the chiefs)."""
    ids = list(task_ids)
    rows = session.execute(
        select(Responsibility.task_id, Responsibility.person_id, Person.name, Task.assigned_on,
               Task.closed_on)
        .join(Person, Person.id == Responsibility.person_id).join(Task, Task.id == Responsibility.task_id)
        .where(Responsibility.task_id.in_(ids), Responsibility.role == Role.RESPONSIBLE_PERSON)
        .order_by(Responsibility.task_id, Responsibility.sort_order, Responsibility.id)).all()
    posts = who_answers.posts_of(session, [person_id for _, person_id, *_ in rows])
    out: dict[int, list[NamedPerson]] = defaultdict(list)
    for task_id, person_id, name, assigned_on, closed_on in rows:
        on = who_answers.as_of(assigned_on, closed_on, day) or day
        held = [(unit_id, h) for unit_id, h in posts.get(person_id, []) if h.holds_on(on)]
        unit_id, holder = held[-1] if held else (None, None)
        out[task_id].append(NamedPerson(unit_id, f"{name}（{holder.post}）" if holder else name))
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
    chief_units = {u.id for t, p, u in tenure_rows if p.chief_kind is not None}
    liaised = units.liaisons(session, leader_id=person_id)
    conditions = [Responsibility.person_id == person_id]
    if chief_units or liaised:
        conditions.append(Responsibility.unit_id.in_(chief_units | {v.unit_id for v in liaised}))
    resp = session.execute(
        select(Responsibility, Unit.name, Task.assigned_on, Task.closed_on)
        .outerjoin(Unit, Unit.id == Responsibility.unit_id).join(Task, Task.id == Responsibility.task_id)
        .where(or_(*conditions)).order_by(Responsibility.task_id, Responsibility.sort_order)).all()
    mine = _holders(session, tenure_ids)
    chief_tenures = [(u.id, mine[t.id]) for t, p, u in tenure_rows if p.chief_kind is not None]
    kinds = {t.id: p.chief_kind for t, p, u in tenure_rows}
    held = _holders(session, [r.tenure_id for r, *_ in resp if r.tenure_id])
    found = []  # (responsibility, unit name, capacity, unit role, holder, stretch)
    for r, unit_name, assigned_on, closed_on in resp:
        if r.person_id == person_id:
            life = (assigned_on, closed_on) if assigned_on else (None, None)
            found.append((r, None, r.role.label, None, held.get(r.tenure_id), life))
        for unit_id, holder in chief_tenures:
            if unit_id == r.unit_id:
                part = who_answers.stretch(holder.start, holder.end, assigned_on, closed_on, today)
                if part is not None:
                    found.append((r, unit_name, kinds[holder.tenure_id].label, r.role, holder, part))
        for v in liaised:
            if v.unit_id == r.unit_id:
                part = who_answers.stretch(v.start, v.end, assigned_on, closed_on, today)
                if part is not None:
                    found.append((r, unit_name, LIAISON, r.role, None, part))
    task_rows = {t.id: t for t in list_tasks(
        session, today=today, cal=cal, policy=policy,
        flt=TaskFilter(task_ids=frozenset(r.task_id for r, *_ in found)))} if found else {}
    answered = []
    for r, unit, capacity, unit_role, holder, (start, end) in found:
        row = task_rows[r.task_id]
        answered.append(AnsweredFor(
            task_id=row.id, code=row.code, title=row.title, status=row.status, alert=row.alert,
            deadline_display=row.deadline_display, days_overdue=row.days_overdue,
            capacity=capacity, unit_role=unit_role, unit_name=unit,
            post_held=holder.post if holder else "", answered_from=start, answered_to=end))
    answered.sort(key=lambda a: code_key(a.code))  # stable: a task's capacities keep their order
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
