"""问责 records: append-only and lifelong (终身追责).

A record names the person, the post held when the failure happened (a Tenure, or the title as
written), the unit, the task(s), the measure, the kind of responsibility and the decision. It is
never edited or deleted: a mistake is corrected by a new record that supersedes it (action
SUPERSEDE) or voids it (action VOID). Both stay visible; the state of a chain (in force,
corrected, voided) is derived from the records that point at each other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db import audit
from wuyang_tasks.db.models import AccountabilityRecord, AccountabilityTask, Person, Post, Task, Tenure, Unit
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import AccountabilityMeasure, RecordAction, ResponsibilityType
from wuyang_tasks.domain.errors import EvidenceProtected, ValidationError

from . import units as unit_service
from .common import get
from .task_list import chinese_date

APPEAL_DAYS = 15  # DOMAIN.md §3: appeal within 15 days of the decision


@dataclass(frozen=True)
class RecordSpec:
    """What a decision says. The post held at the time is ``tenure_id``, or the tenure the
    person held on ``failure_on``, or ``post_title`` as written when no tenure is on file."""

    person_id: int
    measure: AccountabilityMeasure
    responsibility_type: ResponsibilityType
    facts: str
    effective_date: date
    failure_on: date | None = None
    tenure_id: int | None = None
    post_title: str | None = None
    unit_id: int | None = None
    task_ids: tuple[int, ...] = ()
    basis: str | None = None
    deciding_body: str | None = None
    decision_number: str | None = None
    appeal_deadline: date | None = None
    appeal_days: int = APPEAL_DAYS


@dataclass
class RecordView:
    id: int
    action: RecordAction
    supersedes_id: int | None
    person_id: int
    person_name: str
    post_held: str  # the post at the time, e.g. 舞泉镇镇长
    tenure_id: int | None
    unit_id: int | None
    unit_name: str | None
    measure: AccountabilityMeasure
    responsibility_type: ResponsibilityType
    facts: str
    basis: str | None
    deciding_body: str | None
    decision_number: str | None
    effective_date: date
    appeal_deadline: date | None
    created_at: str
    task_ids: list[int] = field(default_factory=list)
    task_codes: list[str] = field(default_factory=list)
    superseded_by_id: int | None = None
    superseded_by_action: RecordAction | None = None

    @property
    def in_force(self) -> bool:
        return self.superseded_by_id is None and self.action is not RecordAction.VOID

    @property
    def state_label(self) -> str:
        if self.superseded_by_action is RecordAction.VOID:
            return f"已撤销（见第{self.superseded_by_id}号记录）"
        if self.superseded_by_action is RecordAction.SUPERSEDE:
            return f"已更正（见第{self.superseded_by_id}号记录）"
        if self.action is RecordAction.VOID:
            return f"撤销第{self.supersedes_id}号记录"
        if self.action is RecordAction.SUPERSEDE:
            return f"有效（更正第{self.supersedes_id}号记录）"
        return "有效"


@dataclass
class MeasureYear:
    year: int
    count: int
    measures: list[AccountabilityMeasure]


# --------------------------------------------------------------------------- writes
def issue(session: Writer, spec: RecordSpec, *, cal: WorkdayCalendar) -> AccountabilityRecord:
    """Record a new accountability decision."""
    return _write(session, spec, cal, RecordAction.ISSUE, None)


def supersede(session: Writer, old_id: int, spec: RecordSpec, *,
              cal: WorkdayCalendar) -> AccountabilityRecord:
    """Correct a record: a new record in force in its place; the old one stays as it was."""
    old = _chain_head(session, old_id, "更正")
    return _write(session, spec, cal, RecordAction.SUPERSEDE, old.id)


def void(session: Writer, old_id: int, *, reason: str, effective_date: date,
         cal: WorkdayCalendar, deciding_body: str | None = None,
         decision_number: str | None = None) -> AccountabilityRecord:
    """Void a record (e.g. the decision was revoked on appeal); the void is itself a record."""
    old = _chain_head(session, old_id, "撤销")
    if not (reason or "").strip():
        raise ValidationError("撤销问责记录须写明理由。")
    spec = replace(spec_of(session, old.id), facts=reason.strip(), effective_date=effective_date,
                   deciding_body=deciding_body or old.deciding_body, decision_number=decision_number,
                   basis=None, appeal_deadline=None, appeal_days=0)
    return _write(session, spec, cal, RecordAction.VOID, old.id)


def refuse_delete(session: Session, record_id: int) -> None:
    record = get(session, AccountabilityRecord, record_id, "问责记录")
    raise EvidenceProtected(
        f"第{record.id}号问责记录是终身追责的依据，不能删除。如记录有误，请作“更正”；"
        "如决定被撤销，请作“撤销”。原记录会保留并注明其状态。")


def refuse_edit(session: Session, record_id: int) -> None:
    record = get(session, AccountabilityRecord, record_id, "问责记录")
    raise EvidenceProtected(
        f"第{record.id}号问责记录不能直接修改。请作“更正”：新记录取代原记录，原记录保留可查。")


def spec_of(session: Session, record_id: int) -> RecordSpec:
    """A record's content as a spec — the starting point of a correction."""
    r = get(session, AccountabilityRecord, record_id, "问责记录")
    task_ids = tuple(session.scalars(select(AccountabilityTask.task_id)
                                     .where(AccountabilityTask.record_id == r.id)
                                     .order_by(AccountabilityTask.id)))
    return RecordSpec(person_id=r.person_id, measure=r.measure, responsibility_type=r.responsibility_type,
                      facts=r.facts, effective_date=r.effective_date, tenure_id=r.tenure_id,
                      post_title=r.post_title, unit_id=r.unit_id, task_ids=task_ids, basis=r.basis,
                      deciding_body=r.deciding_body, decision_number=r.decision_number,
                      appeal_deadline=r.appeal_deadline)


def _chain_head(session: Session, record_id: int, verb: str) -> AccountabilityRecord:
    audit.serialise_writers(session)  # two clerks correcting one record must not fork the chain
    old = get(session, AccountabilityRecord, record_id, "问责记录")
    if old.action is RecordAction.VOID:
        raise ValidationError(f"第{old.id}号记录本身是撤销记录，不能再{verb}。")
    later = session.scalar(select(AccountabilityRecord).where(AccountabilityRecord.supersedes_id == old.id))
    if later is not None:
        raise ValidationError(f"第{old.id}号记录已被第{later.id}号记录{later.action.label}，"
                              f"请对现行的记录{verb}。")
    return old


def _write(session: Writer, spec: RecordSpec, cal: WorkdayCalendar, action: RecordAction,
           supersedes_id: int | None) -> AccountabilityRecord:
    get(session, Person, spec.person_id, "被问责人")
    facts = (spec.facts or "").strip()
    if not facts:
        raise ValidationError("请填写问责事实。")
    if spec.failure_on is not None and spec.failure_on > spec.effective_date:
        raise ValidationError(f"失职日期（{chinese_date(spec.failure_on)}）不能晚于问责决定的生效日期"
                              f"（{chinese_date(spec.effective_date)}）。")
    tenure, post_title = _post_held(session, spec)
    unit_id = spec.unit_id if spec.unit_id is not None else (tenure.post.unit_id if tenure else None)
    if unit_id is not None:
        get(session, Unit, unit_id, "单位")
    if spec.appeal_days < 0:
        raise ValidationError("申诉期限天数不能为负数。")
    appeal = spec.appeal_deadline
    if appeal is None and action is not RecordAction.VOID:
        appeal = cal.calendar_deadline(spec.effective_date, spec.appeal_days)
    if appeal is not None and appeal < spec.effective_date:
        raise ValidationError("申诉期限不能早于生效日期。")
    task_ids = list(dict.fromkeys(spec.task_ids))
    for task_id in task_ids:
        get(session, Task, task_id, "相关任务")
    record = session.insert(AccountabilityRecord(
        action=action, supersedes_id=supersedes_id, person_id=spec.person_id,
        tenure_id=tenure.id if tenure else None, post_title=post_title, unit_id=unit_id,
        measure=spec.measure, responsibility_type=spec.responsibility_type, facts=facts,
        basis=_text(spec.basis), deciding_body=_text(spec.deciding_body),
        decision_number=_text(spec.decision_number), effective_date=spec.effective_date,
        appeal_deadline=appeal))
    for task_id in task_ids:
        session.insert(AccountabilityTask(record_id=record.id, task_id=task_id))
    return record


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def _post_held(session: Session, spec: RecordSpec) -> tuple[Tenure | None, str | None]:
    post_title = _text(spec.post_title)
    if spec.tenure_id is not None:
        tenure = get(session, Tenure, spec.tenure_id, "任职记录")
        if tenure.person_id != spec.person_id:
            raise ValidationError("所选任职记录不是被问责人本人的。")
        return tenure, post_title
    if spec.failure_on is not None:
        tenure = unit_service.tenure_of(session, spec.person_id, spec.failure_on)
        if tenure is not None:
            return tenure, post_title
        if post_title is None:
            raise ValidationError(f"被问责人在{chinese_date(spec.failure_on)}没有任职记录，"
                                  "请填写其当时的职务。")
    if post_title is None:
        raise ValidationError("请指明被问责人失职时所任职务（任职记录、失职日期或职务名称）。")
    return None, post_title


# --------------------------------------------------------------------------- reads
def post_text(post: Post, unit: Unit) -> str:
    """A post as documents name it: 舞泉镇镇长; county leaders by their title alone."""
    return post.title if post.is_county_leader else f"{unit.name}{post.title}"


def record_views(session: Session, *, person_id: int | None = None, unit_id: int | None = None,
                 task_ids: Iterable[int] | None = None,
                 record_ids: Iterable[int] | None = None) -> list[RecordView]:
    """Records with the post held at the time and the state of their chain, oldest first."""
    query = (select(AccountabilityRecord, Person.name, Unit.name)
             .join(Person, Person.id == AccountabilityRecord.person_id)
             .outerjoin(Unit, Unit.id == AccountabilityRecord.unit_id)
             .order_by(AccountabilityRecord.effective_date, AccountabilityRecord.id))
    if person_id is not None:
        query = query.where(AccountabilityRecord.person_id == person_id)
    if unit_id is not None:
        query = query.where(AccountabilityRecord.unit_id == unit_id)
    if task_ids is not None:
        query = query.where(AccountabilityRecord.id.in_(
            select(AccountabilityTask.record_id).where(AccountabilityTask.task_id.in_(list(task_ids)))))
    if record_ids is not None:
        query = query.where(AccountabilityRecord.id.in_(list(record_ids)))
    rows = session.execute(query).all()
    if not rows:
        return []
    ids = [r.id for r, _, _ in rows]
    posts = {t_id: post_text(post, unit) for t_id, post, unit in session.execute(
        select(Tenure.id, Post, Unit).join(Post, Post.id == Tenure.post_id)
        .join(Unit, Unit.id == Post.unit_id)
        .where(Tenure.id.in_([r.tenure_id for r, _, _ in rows if r.tenure_id])))}
    tasks = defaultdict(list)
    for record_id, task_id, code in session.execute(
            select(AccountabilityTask.record_id, Task.id, Task.code)
            .join(Task, Task.id == AccountabilityTask.task_id)
            .where(AccountabilityTask.record_id.in_(ids)).order_by(AccountabilityTask.id)):
        tasks[record_id].append((task_id, code))
    successors = {old: (new, action) for new, old, action in session.execute(
        select(AccountabilityRecord.id, AccountabilityRecord.supersedes_id, AccountabilityRecord.action)
        .where(AccountabilityRecord.supersedes_id.in_(ids)))}
    views = []
    for r, person_name, unit_name in rows:
        held = r.post_title if r.tenure_id is None else posts.get(r.tenure_id, "")
        if r.tenure_id is not None and r.post_title:
            held = f"{held}（{r.post_title}）"
        nxt = successors.get(r.id)
        views.append(RecordView(
            id=r.id, action=r.action, supersedes_id=r.supersedes_id, person_id=r.person_id,
            person_name=person_name, post_held=held or "", tenure_id=r.tenure_id, unit_id=r.unit_id,
            unit_name=unit_name, measure=r.measure, responsibility_type=r.responsibility_type,
            facts=r.facts, basis=r.basis, deciding_body=r.deciding_body,
            decision_number=r.decision_number, effective_date=r.effective_date,
            appeal_deadline=r.appeal_deadline, created_at=r.created_at,
            task_ids=[t for t, _ in tasks[r.id]], task_codes=[c for _, c in tasks[r.id]],
            superseded_by_id=nxt[0] if nxt else None, superseded_by_action=nxt[1] if nxt else None))
    return views


def measures_per_year(session: Session, person_id: int) -> list[MeasureYear]:
    """Measures in force against a person, counted by the year they took effect (some local
    rules escalate by count: two in a year → demotion, three → dismissal)."""
    by_year: dict[int, list[AccountabilityMeasure]] = defaultdict(list)
    for view in record_views(session, person_id=person_id):
        if view.in_force:
            by_year[view.effective_date.year].append(view.measure)
    return [MeasureYear(year, len(m), m) for year, m in sorted(by_year.items())]


def measure_counts(session: Session, person_ids: Iterable[int]) -> dict[int, Counter]:
    """{person_id: Counter({year: n})} for lists that show several people."""
    ids = list(person_ids)
    out: dict[int, Counter] = {pid: Counter() for pid in ids}
    if not ids:
        return out
    records = session.execute(select(AccountabilityRecord.id, AccountabilityRecord.person_id,
                                     AccountabilityRecord.action, AccountabilityRecord.effective_date)
                              .where(AccountabilityRecord.person_id.in_(ids))).all()
    replaced = set(session.scalars(select(AccountabilityRecord.supersedes_id).where(
        AccountabilityRecord.supersedes_id.in_([r.id for r in records]))))
    for record_id, pid, action, day in records:
        if action is not RecordAction.VOID and record_id not in replaced:
            out[pid][day.year] += 1
    return out


def task_ids_by_codes(session: Session, codes: Iterable[str]) -> tuple[int, ...]:
    """Task ids for codes typed by the clerk (编号), in the order given."""
    ids = []
    for code in codes:
        task_id = session.scalar(select(Task.id).where(Task.code == code.strip()))
        if task_id is None:
            raise ValidationError(f"找不到编号为“{code}”的任务。")
        ids.append(task_id)
    return tuple(ids)
