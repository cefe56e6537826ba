"""督查考核: each unit's score for a period from the rules in force, every point traced to the
record that caused it; the office's 加减分 as audited records (never edits).

The facts are read from the ledger as plain data and scored by ``domain.assessment``. A 退回重办
is known from its audit event (the workflow keeps no other trace of it); its day is the event's
day in China Standard Time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import (
    AccountabilityRecord,
    AccountabilityTask,
    AssessmentAdjustment,
    AuditEvent,
    Extension,
    LedgerMeta,
    ProgressReport,
    Responsibility,
    Task,
    Unit,
    Urging,
)
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.assessment import (
    NOT_SCORED,
    AdjustmentFact,
    ExtensionFact,
    Period,
    RecordFact,
    TaskFacts,
    UnitScore,
    UrgingFact,
    cn_date,
    points_text,
    score_period,
)
from wuyang_tasks.domain.assessment_rules import UNIT_ROLES
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import ExtensionStatus, RecordAction, UnitKind
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.workflow import Action

from .assessment_rules import RulesVersion, in_force
from .common import get
from .documents import issuer_name
from .tasks import STATUS_ENTITY

BRIEFING_SCORE_KEY = "assessment.briefing_score"
CHINA = timezone(timedelta(hours=8))


@dataclass
class UnitSheet:
    unit_id: int
    name: str
    kind: UnitKind
    score: UnitScore


@dataclass
class AssessmentReport:
    start: date
    end: date
    as_of: date
    rules: RulesVersion
    units: list[UnitSheet]  # official order
    task_titles: dict[int, str]
    issuer: str

    @property
    def period(self) -> str:
        return f"{cn_date(self.start)}至{cn_date(self.end)}"

    @property
    def counted_to(self) -> str:
        """What the figures cover when the period has not ended yet."""
        return f"（计至{cn_date(self.as_of)}）" if self.as_of < self.end else ""


def year_period(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def build_report(session: Session, *, start: date, end: date, today: date, cal: WorkdayCalendar,
                 unit_id: int | None = None) -> AssessmentReport:
    """Scores of every assessed unit (or one) for [start, end], counting events up to today."""
    if end < start:
        raise ValidationError(f"考核期的结束日期（{cn_date(end)}）早于开始日期（{cn_date(start)}）。")
    version = in_force(session, min(end, today))  # a running period: the rules in force today
    units = list(session.execute(select(Unit.id, Unit.name, Unit.kind).where(Unit.active.is_(True))
                                 .order_by(Unit.sort_order, Unit.id)))
    if unit_id is not None:
        unit = get(session, Unit, unit_id, "单位")
        if unit.kind not in version.rules.unit_kinds:
            kinds = "、".join(k.label for k in version.rules.unit_kinds)
            raise ValidationError(f"“{unit.name}”是{unit.kind.label}，计分办法只考核{kinds}。")
        units = [u for u in units if u.id == unit_id]
    tasks = task_facts(session)
    scores = score_period(version.rules, Period(start, end), today, cal,
                          [(u.id, u.kind) for u in units], tasks,
                          record_facts(session), adjustment_facts(session))
    names = {u.id: (u.name, u.kind) for u in units}
    return AssessmentReport(start, end, min(today, end), version,
                            [UnitSheet(s.unit_id, *names[s.unit_id], s) for s in scores],
                            {t.id: t.title for t in tasks}, issuer_name(session))


# --------------------------------------------------------------------------- facts
def task_facts(session: Session) -> list[TaskFacts]:
    tasks = {t.id: TaskFacts(t.id, t.code, t.title, t.status, t.deadline, t.assigned_on, t.closed_on,
                             t.recurrence_day, t.ongoing)
             for t in session.execute(select(Task.id, Task.code, Task.title, Task.status, Task.deadline,
                                             Task.assigned_on, Task.closed_on, Task.recurrence_day,
                                             Task.ongoing)
                                      .where(Task.status.not_in(NOT_SCORED)).order_by(Task.code))}
    for task_id, unit_id, role in session.execute(
            select(Responsibility.task_id, Responsibility.unit_id, Responsibility.role)
            .where(Responsibility.role.in_(UNIT_ROLES)).order_by(Responsibility.sort_order, Responsibility.id)):
        if task_id in tasks:
            tasks[task_id].units.append((unit_id, role))
    for task_id, day, unit_id in session.execute(
            select(ProgressReport.task_id, ProgressReport.report_date, ProgressReport.unit_id)):
        if task_id in tasks:
            tasks[task_id].reports.append((day, unit_id))
    for u in session.scalars(select(Urging).order_by(Urging.urged_on, Urging.id)):
        if u.task_id in tasks:
            notice = f"〔{u.notice_year}〕第{u.notice_number}号" if u.notice_number else None
            tasks[u.task_id].urgings.append(UrgingFact(u.id, u.urged_on, u.level, u.method, notice))
    for e in session.scalars(select(Extension).order_by(Extension.requested_on, Extension.id)):
        if e.task_id in tasks:
            approved = e.decided_on if e.status is ExtensionStatus.APPROVED else None
            tasks[e.task_id].extensions.append(ExtensionFact(e.id, e.requested_on, e.new_deadline, approved))
    for task_id, seq, at in session.execute(
            select(AuditEvent.entity_id, AuditEvent.seq, AuditEvent.at)
            .where(AuditEvent.entity == STATUS_ENTITY, AuditEvent.action == Action.SEND_BACK.value)
            .order_by(AuditEvent.seq)):
        if task_id in tasks:
            tasks[task_id].send_backs.append((seq, event_day(at)))
    return list(tasks.values())


def event_day(at: str) -> date:
    """The day (China Standard Time) of an audit event's ISO time."""
    moment = datetime.fromisoformat(at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(CHINA).date()


def record_facts(session: Session) -> list[RecordFact]:
    """Accountability records in force (not voided, not superseded) that name a unit."""
    replaced = set(session.scalars(select(AccountabilityRecord.supersedes_id)
                                   .where(AccountabilityRecord.supersedes_id.is_not(None))))
    first_task = {}
    for record_id, task_id, code in session.execute(
            select(AccountabilityTask.record_id, Task.id, Task.code).join(Task, Task.id == AccountabilityTask.task_id)
            .order_by(AccountabilityTask.id)):
        first_task.setdefault(record_id, (task_id, code))
    return [RecordFact(r.id, r.unit_id, r.measure, r.effective_date, r.decision_number,
                       *first_task.get(r.id, (None, None)))
            for r in session.scalars(select(AccountabilityRecord).order_by(AccountabilityRecord.id))
            if r.unit_id is not None and r.id not in replaced and r.action is not RecordAction.VOID]


def adjustment_facts(session: Session) -> list[AdjustmentFact]:
    rows = list(session.scalars(select(AssessmentAdjustment).order_by(AssessmentAdjustment.id)))
    voided = {r.voids_id for r in rows if r.voids_id is not None}
    return [AdjustmentFact(r.id, r.unit_id, r.day, Decimal(r.points), r.reason)
            for r in rows if r.voids_id is None and r.id not in voided]


# --------------------------------------------------------------------------- adjustments
@dataclass(frozen=True)
class AdjustmentView:
    id: int
    unit_name: str
    day: date
    points: str
    reason: str
    decided_by: str | None
    voids_id: int | None
    voided_by_id: int | None


def add_adjustment(session: Writer, *, unit_id: int, day: date, points: str, reason: str,
                   decided_by: str | None, today: date) -> AssessmentAdjustment:
    """加减分: ``points`` as the clerk typed it ("+1", "-0.5"); the reason is required."""
    unit = get(session, Unit, unit_id, "单位")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("加减分须写明理由。")
    value = parse_points(points)
    if day > today:
        raise ValidationError("加减分日期不能晚于今天。")
    return session.insert(AssessmentAdjustment(
        unit_id=unit.id, day=day, points=str(value), reason=reason,
        decided_by=(decided_by or "").strip() or None))


def void_adjustment(session: Writer, adjustment_id: int, *, reason: str, today: date) -> AssessmentAdjustment:
    """Cancel an adjustment by a new record pointing at it; the old one stays as it was."""
    old = get(session, AssessmentAdjustment, adjustment_id, "加减分记录")
    if old.voids_id is not None:
        raise ValidationError(f"第{old.id}号是撤销记录，不能再撤销。")
    if session.scalar(select(AssessmentAdjustment.id).where(AssessmentAdjustment.voids_id == old.id)):
        raise ValidationError(f"第{old.id}号加减分记录已撤销。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("撤销加减分须写明理由。")
    return session.insert(AssessmentAdjustment(unit_id=old.unit_id, day=today, points="0",
                                               reason=reason, voids_id=old.id))


def parse_points(text: str) -> Decimal:
    try:
        value = Decimal(str(text).strip().replace("＋", "+").replace("－", "-").replace("−", "-"))
    except InvalidOperation:
        raise ValidationError(f"分值“{text}”不是数字（加分写 +1，减分写 -0.5）。") from None
    if not value.is_finite() or value == 0 or abs(value) > 100 or value != round(value, 2):
        raise ValidationError(f"分值“{text}”应为不为0、最多两位小数、不超过100的数。")
    return value.normalize()


def adjustment_views(session: Session) -> list[AdjustmentView]:
    rows = session.execute(select(AssessmentAdjustment, Unit.name)
                           .join(Unit, Unit.id == AssessmentAdjustment.unit_id)
                           .order_by(AssessmentAdjustment.day, AssessmentAdjustment.id)).all()
    voided_by = {a.voids_id: a.id for a, _ in rows if a.voids_id is not None}
    return [AdjustmentView(a.id, name, a.day, points_text(Decimal(a.points)), a.reason, a.decided_by,
                           a.voids_id, voided_by.get(a.id)) for a, name in rows]


# --------------------------------------------------------------------------- briefing setting
def briefing_score_enabled(session: Session) -> bool:
    meta = session.get(LedgerMeta, BRIEFING_SCORE_KEY)
    return meta is not None and meta.value == "1"


def set_briefing_score(session: Writer, enabled: bool) -> None:
    """Turn the 考核得分 column of the briefing's per-unit table on or off (audited)."""
    before = briefing_score_enabled(session)
    if before == enabled:
        return
    session.set_meta(BRIEFING_SCORE_KEY, "1" if enabled else "0")


def briefing_scores(session: Session, unit_names: list[str], as_of: date,
                    cal: WorkdayCalendar) -> list[str | None]:
    """The briefing's 考核得分 column: each unit's score for the year up to ``as_of`` ("" for a
    unit the rules do not assess); all None while the office has not turned the column on."""
    if not briefing_score_enabled(session):
        return [None] * len(unit_names)
    start, end = year_period(as_of.year)
    report = build_report(session, start=start, end=end, today=as_of, cal=cal)
    scores = {u.name: points_text(u.score.score, False) for u in report.units}
    return [scores.get(name, "") for name in unit_names]

