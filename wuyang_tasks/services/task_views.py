"""Read models for the task editor: one task with its responsibilities, its history (audit
trail), its progress reports, and the pick-lists the editor offers. Plain dataclasses."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import (
    AuditEvent,
    Extension,
    Person,
    Post,
    ProgressReport,
    Source,
    Task,
    Tenure,
    Unit,
    Urging,
)
from wuyang_tasks.domain.enums import DeadlineBasis, Role, TaskStatus, Urgency
from wuyang_tasks.domain.workflow import ACTION_LABELS

from wuyang_tasks.domain.errors import NotFound

from .attachments import attachments_of_task
from .common import get
from .task_list import _escape_like
from .tasks import MOVE_NOTE


@dataclass
class ResponsibilityView:
    role: Role
    unit_id: int | None
    person_id: int | None
    name: str


@dataclass
class TaskDetail:
    id: int
    code: str
    title: str
    content: str
    category: str | None
    source_id: int | None
    parent_id: int | None
    status: TaskStatus
    urgency: Urgency
    is_key: bool
    deadline: date | None
    deadline_basis: DeadlineBasis
    deadline_start: date | None
    deadline_days: int | None
    deadline_text: str | None
    recurrence_day: int | None
    ongoing: bool
    target: str | None
    note: str | None
    assigned_on: date | None
    version: int
    responsibilities: list[ResponsibilityView] = field(default_factory=list)


@dataclass
class Choice:
    id: int
    name: str
    detail: str = ""  # e.g. the unit kind or the post, shown beside the name


@dataclass
class PickLists:
    units: list[Choice]  # official order
    leaders: list[Choice]  # county leaders in post on the day
    people: list[Choice]
    sources: list[Choice]
    categories: list[str]


@dataclass
class HistoryEntry:
    at: str
    actor: str
    what: str  # 创建任务, 交办, 修改 …
    details: str


@dataclass
class ReportView:
    id: int
    report_date: date
    unit_name: str
    text: str
    percent: int | None


def task_detail(session: Session, task_id: int) -> TaskDetail:
    task = get(session, Task, task_id, "任务")
    detail = TaskDetail(**{name: getattr(task, name) for name in TaskDetail.__dataclass_fields__
                           if name != "responsibilities"})
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    people = dict(session.execute(select(Person.id, Person.name)).all())
    for r in task.responsibilities:
        name = units.get(r.unit_id) if r.unit_id is not None else people.get(r.person_id)
        detail.responsibilities.append(ResponsibilityView(r.role, r.unit_id, r.person_id, name or "?"))
    return detail


def pick_lists(session: Session, day: date) -> PickLists:
    from .units import county_leaders

    units = [Choice(u.id, u.name, u.kind.label) for u in session.scalars(
        select(Unit).where(Unit.active.is_(True)).order_by(Unit.sort_order, Unit.id))]
    holder_posts: dict[int, str] = {}
    # people in official order: county leaders, then by unit (Unit.sort_order) and post; those
    # holding no post today after them, by name
    for person_id, title, unit_name in session.execute(
            select(Tenure.person_id, Post.title, Unit.name).join(Post, Tenure.post_id == Post.id)
            .join(Unit, Post.unit_id == Unit.id)
            .where(Tenure.start_date <= day, or_(Tenure.end_date.is_(None), Tenure.end_date >= day))
            .order_by(Post.is_county_leader.desc(), Unit.sort_order, Post.sort_order, Post.id)):
        holder_posts.setdefault(person_id, title if unit_name in title or "县" in title
                                else f"{unit_name}{title}")
    leaders = [Choice(p.id, p.name, holder_posts.get(p.id, "")) for p in county_leaders(session, day)]
    rank = {person_id: i for i, person_id in enumerate(holder_posts)}
    people = sorted((Choice(pid, name, holder_posts.get(pid, "")) for pid, name in session.execute(
        select(Person.id, Person.name).where(Person.active.is_(True)).order_by(Person.name, Person.id))),
        key=lambda c: rank.get(c.id, len(rank)))
    sources = [Choice(sid, title) for sid, title in session.execute(
        select(Source.id, Source.title).order_by(Source.issued_on.desc(), Source.id.desc()))]
    categories = [c for c in session.scalars(select(Task.category).where(Task.category.is_not(None))
                                             .distinct().order_by(Task.category)) if c]
    return PickLists(units, leaders, people, sources, categories)


_ACTION_WORDS = {
    "create": "创建", "update": "修改", "delete": "撤销",
    "responsibilities_replaced": "更换责任主体",  # before each row's deletion had its own event
    "attach": "添加", "withdraw": "撤回",
    **{a.value: label for a, label in ACTION_LABELS.items()},
}
_ENTITY_WORDS = {"task": "任务", "responsibility": "责任", "progress_report": "进展反馈",
                 "urging": "催办", "extension": "延期", "attachment": "佐证材料"}


def task_history(session: Session, task_id: int) -> list[HistoryEntry]:
    """The audit trail of one task: the task's own events and those of its responsibilities,
    progress reports, urgings and extensions, oldest first."""
    get(session, Task, task_id, "任务")
    related = {
        "responsibility": _ids_from_events(session, "responsibility", task_id),
        "progress_report": list(session.scalars(select(ProgressReport.id)
                                                .where(ProgressReport.task_id == task_id))),
        "urging": list(session.scalars(select(Urging.id).where(Urging.task_id == task_id))),
        "extension": list(session.scalars(select(Extension.id).where(Extension.task_id == task_id))),
        "attachment": [a.id for a in attachments_of_task(session, task_id)],
    }
    conditions = [(AuditEvent.entity == "task") & (AuditEvent.entity_id == task_id)]
    conditions += [(AuditEvent.entity == entity) & AuditEvent.entity_id.in_(ids)
                   for entity, ids in related.items() if ids]
    events = session.execute(select(AuditEvent).where(or_(*conditions)).order_by(AuditEvent.seq))
    names = {"unit_id": dict(session.execute(select(Unit.id, Unit.name)).all()),
             "person_id": dict(session.execute(select(Person.id, Person.name)).all())}
    return [_entry(e, names) for (e,) in events]


def _ids_from_events(session: Session, entity: str, task_id: int) -> list[int]:
    """Responsibility rows are replaced, not kept: find every one the task ever had from the
    creation events (their snapshots carry task_id)."""
    pattern = f'%"task_id":{task_id},%'
    pattern_end = f'%"task_id":{task_id}}}%'
    rows = session.execute(select(AuditEvent.entity_id, AuditEvent.after).where(
        AuditEvent.entity == entity, AuditEvent.action == "create",
        or_(AuditEvent.after.like(pattern), AuditEvent.after.like(pattern_end))))
    return [eid for eid, after in rows if json.loads(after or "{}").get("task_id") == task_id]


def _entry(event: AuditEvent, names: dict[str, dict[int, str]]) -> HistoryEntry:
    what = _ACTION_WORDS.get(event.action, event.action)
    entity = _ENTITY_WORDS.get(event.entity, event.entity)
    if event.entity != "task" or event.action in ("create", "update"):
        what = f"{what}{entity}"
    after = json.loads(event.after) if event.after else {}
    before = json.loads(event.before) if event.before else {}
    if event.entity == "responsibility" and event.action in ("create", "delete"):
        what = "设定责任" if event.action == "create" else "撤销责任"
        row = after or before
        name = (names["unit_id"].get(row.get("unit_id")) or names["person_id"].get(row.get("person_id"))
                or "")
        details = f"{_show(row.get('role'))}：{name}"
    else:
        details = _describe_change(event, before, after)
    return HistoryEntry(at=event.at[:19].replace("T", " "), actor=event.actor, what=what,
                        details=details)


_FIELD_WORDS = {"title": "任务名称", "content": "任务内容", "status": "状态", "deadline": "完成时限",
                "category": "类别", "urgency": "紧急程度", "is_key": "重点任务", "note": "备注",
                "code": "编号", "target": "量化目标", "text": "进展", "percent": "完成进度",
                "report_date": "反馈日期", "closed_on": "办结日期", "source_id": "来源",
                "deadline_basis": "时限依据", "deadline_days": "时限天数", "new_deadline": "延至",
                "reason": "理由", "requirement": "督办要求", "role": "角色"}


def _describe_change(event: AuditEvent, before: dict, after: dict) -> str:
    if event.entity == "attachment":
        return "；".join(str(after[k]) for k in ("name", "withdrawn_reason") if after.get(k))
    if event.action == "update" or (before and after):
        parts = []
        for key, value in after.items():
            if key in _FIELD_WORDS and before.get(key) != value:
                parts.append(f"{_FIELD_WORDS[key]}：{_show(before.get(key))} → {_show(value)}")
        note = after.get(MOVE_NOTE) or (after.get("note") if event.action != "update" else None)
        if note:  # "note": where events before move_note kept a move's note
            parts.append(f"说明：{note}")
        return "；".join(parts)
    if event.action == "create":
        keys = ("title", "text", "percent", "new_deadline", "reason", "requirement", "role")
        return "；".join(f"{_FIELD_WORDS[k]}：{_show(after[k])}" for k in keys if after.get(k) is not None)
    return ""


def _show(value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, str):
        for enum in (TaskStatus, Role, Urgency, DeadlineBasis):
            if value in enum.__members__:
                return enum[value].label
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


def reports_of(session: Session, task_id: int) -> list[ReportView]:
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    rows = session.scalars(select(ProgressReport).where(ProgressReport.task_id == task_id)
                           .order_by(ProgressReport.report_date.desc(), ProgressReport.id.desc()))
    return [ReportView(r.id, r.report_date, units.get(r.unit_id, "") if r.unit_id else "", r.text,
                       r.percent) for r in rows]


def task_ids_matching(session: Session, text: str) -> set[int]:
    """Tasks whose code, title or content contain ``text`` (the ledger's free-text search)."""
    pattern = f"%{_escape_like(text.strip())}%"
    return set(session.scalars(select(Task.id).where(or_(
        Task.title.like(pattern, escape="\\"), Task.content.like(pattern, escape="\\"),
        Task.code.like(pattern, escape="\\")))))


def task_id_by_code(session: Session, code: str) -> int:
    task_id = session.scalar(select(Task.id).where(Task.code == code.strip()))
    if task_id is None:
        raise NotFound(f"找不到编号为“{code.strip()}”的任务。")
    return task_id
