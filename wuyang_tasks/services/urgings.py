"""催办/督办: chases of a task, each logged with method and colour level; written ones carry a
督办单 number per year that is never reused; and a suggestion of how hard to chase next.

Escalation (DOMAIN.md §1): colour from the task's alert level (蓝 near the deadline, 黄 behind
pace, 红 overdue), one step up for every earlier chase; method climbs 电话 → 书面督办单 → 现场督办,
and after an on-site chase that did not help, referral to the leader in charge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuyang_tasks.db import audit
from wuyang_tasks.db.models import LedgerMeta, Person, Task, Urging
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import AlertLevel, UrgingLevel, UrgingMethod
from wuyang_tasks.domain.errors import LedgerError, ValidationError

from . import office
from .common import get
from .task_list import TaskFilter, TaskRow, chinese_date, list_tasks

LEVELS = (UrgingLevel.BLUE, UrgingLevel.YELLOW, UrgingLevel.RED)
METHODS = (UrgingMethod.PHONE, UrgingMethod.WRITTEN, UrgingMethod.ON_SITE)
_ALERT_STEP = {None: 0, AlertLevel.GREEN: 0, AlertLevel.BLUE: 0, AlertLevel.YELLOW: 1,
               AlertLevel.RED: 2}


def counter_key(year: int) -> str:
    return f"notice_number:{year}"


def notice_label(year: int, number: int, code: str = "") -> str:
    """督办单 number as printed, a 发文字号: 机关代字〔年份〕序号 — 舞督〔2016〕1号 (no 第, no
    leading zeros; the 机关代字 from the office profile)."""
    return f"{code}〔{year}〕{number}号"


@dataclass(frozen=True)
class Escalation:
    level: UrgingLevel
    method: UrgingMethod
    refer_to_leader: bool
    reason: str


@dataclass
class UrgingView:
    id: int
    task_id: int
    task_code: str
    task_title: str
    urged_on: date
    method: UrgingMethod
    level: UrgingLevel
    notice_year: int | None
    notice_number: int | None
    requirement: str | None
    note: str | None
    by_person: str | None
    office_code: str = ""  # 机关代字 of the office profile

    @property
    def notice_label(self) -> str:
        if self.notice_number is None or self.notice_year is None:
            return ""
        return notice_label(self.notice_year, self.notice_number, self.office_code)


@dataclass
class NoticeView:
    """What a 督办通知单 prints."""

    urging_id: int
    notice_year: int
    notice_number: int
    number_label: str
    urged_on: date
    level: UrgingLevel
    method: UrgingMethod
    requirement: str
    by_person: str | None
    task_id: int
    task_code: str
    task_title: str
    task_content: str
    source_title: str | None
    lead_leaders: list[str] = field(default_factory=list)
    lead_units: list[str] = field(default_factory=list)  # 承办单位
    cooperating_units: list[str] = field(default_factory=list)  # 协办单位
    territorial_units: list[str] = field(default_factory=list)
    deadline_display: str = ""
    days_overdue: int = 0
    urging_count: int = 0  # including this one


# --------------------------------------------------------------------------- escalation
def suggest_escalation(alert: AlertLevel | None,
                       earlier: Sequence[tuple[UrgingMethod, UrgingLevel]]) -> Escalation:
    """How to chase next, given the task's alert level and its earlier urgings (oldest first)."""
    count = len(earlier)
    step = min(len(LEVELS) - 1, _ALERT_STEP[alert] + count)
    if earlier:
        step = max(step, max(LEVELS.index(level) for _, level in earlier))
    used = max((METHODS.index(m) for m, _ in earlier), default=-1)
    base = 1 if alert in (AlertLevel.YELLOW, AlertLevel.RED) else 0
    method = METHODS[min(len(METHODS) - 1, max(base, used + 1))]
    refer = used == len(METHODS) - 1
    state = f"任务{alert.label}" if alert else "任务未在办理中"
    history = f"此前已催办 {count} 次" if count else "此前未催办"
    advice = f"建议{LEVELS[step].label}督办，方式：{method.label}"
    if refer:
        advice += "；现场督办后仍未办结，建议报请牵头县领导督办"
    return Escalation(LEVELS[step], method, refer, f"{state}，{history}，{advice}。")


def suggestion_for_task(session: Session, task_id: int, *, today: date,
                        cal: WorkdayCalendar) -> Escalation:
    row = task_row(session, task_id, today=today, cal=cal)
    earlier = session.execute(select(Urging.method, Urging.level).where(Urging.task_id == task_id)
                              .order_by(Urging.urged_on, Urging.id)).all()
    return suggest_escalation(row.alert, [(m, lv) for m, lv in earlier])


def task_row(session: Session, task_id: int, *, today: date, cal: WorkdayCalendar) -> TaskRow:
    rows = list_tasks(session, today=today, cal=cal, flt=TaskFilter(task_ids=frozenset({task_id})))
    if not rows:
        get(session, Task, task_id, "任务")  # raises NotFound
    return rows[0]


# --------------------------------------------------------------------------- writes
def urge(session: Writer, task_id: int, *, urged_on: date, method: UrgingMethod,
         level: UrgingLevel, today: date, requirement: str | None = None, note: str | None = None,
         by_person_id: int | None = None) -> Urging:
    """Log one chase. A written one (书面) gets the next 督办单 number of its year."""
    task = get(session, Task, task_id, "任务")
    if not task.status.is_open:
        raise ValidationError(f"任务“{task.code}”当前状态为“{task.status.label}”，不需要催办。")
    if urged_on > today:
        raise ValidationError("催办日期不能晚于今天。")
    if task.assigned_on and urged_on < task.assigned_on:
        raise ValidationError(f"催办日期不能早于交办日期（{chinese_date(task.assigned_on)}）。")
    if by_person_id is not None:
        get(session, Person, by_person_id, "督办人")
    urging = Urging(task_id=task.id, urged_on=urged_on, method=method, level=level,
                    requirement=(requirement or "").strip() or None, note=(note or "").strip() or None,
                    by_person_id=by_person_id)
    if method is UrgingMethod.WRITTEN:
        urging.notice_year = urged_on.year
        urging.notice_number = allocate_notice_number(session, urged_on.year)
    return session.insert(urging)


def allocate_notice_number(session: Writer, year: int) -> int:
    """The next 督办单 number of ``year``. Serialised with every other writer (SQLite: the write
    transaction; PostgreSQL: the chain's advisory lock), and never below a number already used,
    so a number is never given twice; a rolled-back allocation was never issued."""
    audit.serialise_writers(session)
    key = counter_key(year)
    meta = session.get(LedgerMeta, key, populate_existing=True)
    try:
        last = int(meta.value) if meta else 0
    except ValueError:
        raise LedgerError(f"台账中督办单编号计数器“{key}”的值“{meta.value}”无效，请检查台账。") from None
    used = session.scalar(select(func.max(Urging.notice_number)).where(Urging.notice_year == year)) or 0
    number = max(last, used) + 1
    session.set_meta(key, str(number))
    return number


def default_requirement(row: TaskRow) -> str:
    if row.days_overdue:
        return ("该任务已超过办理时限，请立即组织办理，收到本通知后3个工作日内书面报告办理进展、"
                "逾期原因和整改措施。")
    due = f"于{row.deadline_display}前" if row.effective_deadline else "按时"
    return f"请{due}办结，并书面反馈办理结果。"


def written_urging_for(session: Writer, task_id: int, *, today: date, cal: WorkdayCalendar,
                       by_person_id: int | None = None, requirement: str | None = None) -> Urging:
    """The task's latest written urging (督办单), or a new one recorded today at the suggested
    level when it has none. Used by the 督办通知单 export."""
    latest = session.scalar(
        select(Urging).where(Urging.task_id == task_id, Urging.method == UrgingMethod.WRITTEN)
        .order_by(Urging.urged_on.desc(), Urging.id.desc()).limit(1))
    if latest is not None:
        return latest
    row = task_row(session, task_id, today=today, cal=cal)
    suggestion = suggestion_for_task(session, task_id, today=today, cal=cal)
    return urge(session, task_id, urged_on=today, method=UrgingMethod.WRITTEN, level=suggestion.level,
                today=today, requirement=requirement or default_requirement(row),
                by_person_id=by_person_id)


# --------------------------------------------------------------------------- reads
def urgings_of(session: Session, task_id: int | None = None, *,
               year: int | None = None) -> list[UrgingView]:
    query = (select(Urging, Task.code, Task.title, Person.name)
             .join(Task, Task.id == Urging.task_id)
             .outerjoin(Person, Person.id == Urging.by_person_id)
             .order_by(Urging.urged_on, Urging.id))
    if task_id is not None:
        query = query.where(Urging.task_id == task_id)
    if year is not None:
        query = query.where(Urging.urged_on >= date(year, 1, 1), Urging.urged_on <= date(year, 12, 31))
    office_code = office.load(session).code
    return [UrgingView(id=u.id, task_id=u.task_id, task_code=code, task_title=title,
                       urged_on=u.urged_on, method=u.method, level=u.level,
                       notice_year=u.notice_year, notice_number=u.notice_number,
                       requirement=u.requirement, note=u.note, by_person=by, office_code=office_code)
            for u, code, title, by in session.execute(query)]


def notice_view(session: Session, urging_id: int, *, today: date, cal: WorkdayCalendar) -> NoticeView:
    urging = get(session, Urging, urging_id, "催办记录")
    if urging.notice_number is None or urging.notice_year is None:
        raise ValidationError(f"该次催办为{urging.method.label}催办，没有督办单编号，不能打印督办通知单。")
    # The notice is dated the day of the urging: its 办理时限 line ("已逾期N个工作日") is as of
    # that day, so a notice reprinted later reads exactly as the one that was sent.
    row = task_row(session, urging.task_id, today=min(today, urging.urged_on), cal=cal)
    task = session.get(Task, urging.task_id)
    by = session.get(Person, urging.by_person_id) if urging.by_person_id else None
    count = session.scalar(select(func.count(Urging.id)).where(
        Urging.task_id == urging.task_id, Urging.id <= urging.id)) or 0
    return NoticeView(
        urging_id=urging.id, notice_year=urging.notice_year, notice_number=urging.notice_number,
        number_label=notice_label(urging.notice_year, urging.notice_number, office.load(session).code),
        urged_on=urging.urged_on,
        level=urging.level, method=urging.method,
        requirement=urging.requirement or default_requirement(row), by_person=by.name if by else None,
        task_id=task.id, task_code=task.code, task_title=task.title, task_content=task.content or "",
        source_title=row.source_title, lead_leaders=list(row.lead_leaders),
        lead_units=list(row.lead_units), cooperating_units=list(row.cooperating_units),
        territorial_units=list(row.territorial_units),
        deadline_display=row.deadline_display, days_overdue=row.days_overdue, urging_count=count)
