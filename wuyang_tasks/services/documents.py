"""Read models of the documents the office prints: the weekly briefing (工作周报) and the task
ledger (任务台账). Plain dataclasses built from the ledger; ``wuyang_tasks.exports`` renders them.

Issue numbers of the briefing (第N期): a per-year counter in ``LedgerMeta``, allocated the first
time a period is exported and remembered for that period. Deriving the number from the ISO week
would make an office that starts mid-year open with 第三十期 and would give a briefing for an
arbitrary date range no sensible number; a plain counter also matches how offices number issues
(one after the other, weeks without a briefing leave no gap). Re-exporting the same period prints
the same number. A read-only ledger shows the number the period would get, without keeping it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import (
    ChecklistTemplate,
    Finding,
    Inspection,
    InspectionInspector,
    LedgerMeta,
    Person,
    ProgressReport,
    Responsibility,
    Task,
    Unit,
    Urging,
)
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.domain.enums import AlertLevel, DeadlineBasis, Role, TaskStatus, UnitKind, UrgingMethod
from wuyang_tasks.domain.errors import NotFound, ValidationError

from . import office, urgings
from .feedback_period import reports_due
from .metrics import MetricsReport, metrics_report
from .office import county_name
from .task_list import TaskFilter, TaskRow, chinese_date, list_tasks
from .urgings import NoticeView

LEDGER_TITLE_KEY = "ledger_title"
ALL_TOWNSHIPS = ("各乡镇",)
BEST_COUNT = 3
BEST_RULE = "办结率最高、且无逾期任务、无未报进展的单位（至多3个）"
LAGGARD_RULE = "有逾期未办结任务的单位，逾期项数多的在前"
BRIEFING_ROLES = (Role.LEAD_UNIT, Role.TERRITORIAL_UNIT)
COMING_DAYS = 7  # 工作要求 names the tasks falling due within a week after the period


# --------------------------------------------------------------------------- shared facts
def issuer_name(session: Session) -> str:
    """The office that signs the documents: the office profile's 机关名称."""
    return office.load(session).name


def chinese_number(n: int) -> str:
    """17 → 十七, 105 → 一百零五 (issue numbers are printed in Chinese numerals)."""
    digits = "零一二三四五六七八九"
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else
                                     ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
        return digits[n // 100] + "百" + tail
    return str(n)


def period_caption(start: date, end: date) -> str:
    if start.year == end.year:
        return f"{chinese_date(start)}至{end.month}月{end.day}日"
    return f"{chinese_date(start)}至{chinese_date(end)}"


# --------------------------------------------------------------------------- issue numbers
def _issue_keys(start: date, end: date) -> tuple[str, str]:
    return f"briefing_issue:{end.year}", f"briefing_issue:{start.isoformat()}/{end.isoformat()}"


def briefing_issue(session: Writer, start: date, end: date, *, keep: bool) -> int:
    """第N期 of the briefing for [start, end]; with ``keep`` a new number is stored (audited)."""
    counter_key, period_key = _issue_keys(start, end)
    known = session.get(LedgerMeta, period_key)
    if known is not None:
        return int(known.value)
    counter = session.get(LedgerMeta, counter_key)
    number = (int(counter.value) if counter else 0) + 1
    if keep:
        session.set_meta(counter_key, str(number))
        session.set_meta(period_key, str(number))
    return number


# --------------------------------------------------------------------------- the briefing
@dataclass
class BriefingTotals:
    total: int = 0  # tasks assigned and not cancelled
    done: int = 0  # 已办结 + 已归档
    open: int = 0  # 办理中 in the wide sense: 已交办 … 已反馈
    overdue: int = 0
    suspended: int = 0
    due_in_period: int = 0
    assigned_in_period: int = 0
    closed_in_period: int = 0

    @property
    def done_rate(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def open_rate(self) -> float:
        return self.open / self.total if self.total else 0.0


@dataclass
class UnitStat:
    unit: str
    total: int = 0
    done: int = 0
    open: int = 0
    overdue: int = 0
    rank: int = 0
    score: str | None = None  # 考核得分 of the year so far, when the office turned the column on
    due_reports: int = 0  # 应报: the tasks its 反馈表 of the period asked about
    reported: int = 0  # 已报: of those, reported on in the period

    @property
    def done_rate(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def not_reported(self) -> int:  # 未报
        return self.due_reports - self.reported


@dataclass
class BriefingLine:
    """A task of the detail sheet: its row and the progress reported within the period."""

    row: TaskRow
    period_progress: str = ""

    @property
    def progress_text(self) -> str:
        """What the 本周进展 column prints: a closed task says when it was closed, not that its
        unit "did not report" this week."""
        if self.period_progress:
            return self.period_progress
        if self.row.status.is_closed and self.row.closed_on:
            return f"{chinese_date(self.row.closed_on)}{self.row.status.label}"
        return "本期未报送进展"


@dataclass
class OverdueLine:
    row: TaskRow
    last_urged_on: date | None = None


@dataclass
class InspectionLine:
    inspected_on: date
    unit: str
    site: str
    template: str
    inspectors: str
    findings: int
    rectified: int
    summary: str


@dataclass
class Briefing:
    issuer: str
    issue: int
    start: date
    end: date
    as_of: date
    totals: BriefingTotals
    unit_stats: list[UnitStat]
    lines: list[BriefingLine]
    overdue: list[OverdueLine]
    inspections: list[InspectionLine]
    calendar_warning: str | None = None
    metrics: MetricsReport | None = None  # the year targets as of ``as_of`` (目标指标)
    profile: office.OfficeProfile = field(default_factory=office.OfficeProfile)
    coming_due: list[TaskRow] = field(default_factory=list)  # open, due in the week after the period

    @property
    def title(self) -> str:
        return "工作周报"

    @property
    def issue_caption(self) -> str:
        return f"第{chinese_number(self.issue)}期"

    @property
    def period(self) -> str:
        return period_caption(self.start, self.end)

    @property
    def laggards(self) -> list[UnitStat]:
        """Units named as lagging: those with overdue tasks, worst first, then in official order."""
        with_overdue = [s for s in self.unit_stats if s.overdue]
        return sorted(with_overdue, key=lambda s: -s.overdue)

    @property
    def unreported(self) -> list[UnitStat]:
        """Units that did not report on every open task this period (未报), in official order."""
        return [s for s in self.unit_stats if s.not_reported]

    @property
    def best_units(self) -> list[UnitStat]:
        """Units named as doing best (rule BEST_RULE): the highest 办结率 among units with no
        overdue task and nothing unreported, at most BEST_COUNT of them, ties kept together."""
        clean = [s for s in self.unit_stats if s.done and not s.overdue and not s.not_reported]
        if not clean:
            return []
        rates = sorted({s.done_rate for s in clean}, reverse=True)
        cut = rates[min(len(rates), BEST_COUNT) - 1]
        best = sorted((s for s in clean if s.done_rate >= cut), key=lambda s: -s.done_rate)
        return best if len(best) <= BEST_COUNT * 2 else best[:BEST_COUNT]


def _in_scope(row: TaskRow) -> bool:
    """A task given out and not withdrawn: neither 待交办 nor 已撤销 (briefings, a unit's ledger)."""
    return row.status not in (TaskStatus.DRAFT, TaskStatus.CANCELLED)


def build_briefing(session: Session, *, start: date, end: date, today: date,
                   cal: WorkdayCalendar, keep_issue: bool = False) -> Briefing:
    """The briefing for [start, end], evaluated as of the period's last day (or ``today`` if the
    period is not over yet)."""
    as_of = min(end, today)
    rows = [r for r in list_tasks(session, today=as_of, cal=cal) if _in_scope(r)]
    totals = BriefingTotals()
    for r in rows:
        totals.total += 1
        if r.status.is_closed:
            totals.done += 1
        elif r.status.is_open:
            totals.open += 1
        elif r.status is TaskStatus.SUSPENDED:
            totals.suspended += 1
        if r.alert is AlertLevel.RED:
            totals.overdue += 1
        due = r.effective_deadline
        if due and start <= due <= end:
            totals.due_in_period += 1
        if r.assigned_on and start <= r.assigned_on <= end:
            totals.assigned_in_period += 1
        if r.closed_on and start <= r.closed_on <= end:
            totals.closed_in_period += 1
    progress = _period_progress(session, start, end)
    lines = [BriefingLine(r, progress.get(r.id, "")) for r in rows
             if r.status.is_open or (r.closed_on and start <= r.closed_on <= end)
             or r.id in progress]
    last_urged = dict(session.execute(
        select(Urging.task_id, Urging.urged_on).order_by(Urging.urged_on)).all())
    overdue = [OverdueLine(r, last_urged.get(r.id)) for r in rows if r.alert is AlertLevel.RED]
    overdue.sort(key=lambda o: (-o.row.days_overdue, o.row.id))
    return Briefing(
        issuer=issuer_name(session), issue=briefing_issue(session, start, end, keep=keep_issue),
        start=start, end=end, as_of=as_of, totals=totals,
        unit_stats=_with_scores(session, unit_stats(session, rows, start=start, end=end), as_of, cal),
        lines=lines, overdue=overdue,
        inspections=_inspections(session, start, end), calendar_warning=cal.warning(),
        metrics=metrics_report(session, as_of), profile=office.load(session),
        coming_due=_coming_due(rows, end))


def _coming_due(rows: list[TaskRow], end: date) -> list[TaskRow]:
    later = end + timedelta(days=COMING_DAYS)
    due = [r for r in rows if r.status.is_open and r.effective_deadline and end < r.effective_deadline <= later]
    return sorted(due, key=lambda r: (r.effective_deadline, r.id))


def _period_progress(session: Session, start: date, end: date) -> dict[int, str]:
    texts: dict[int, list[str]] = defaultdict(list)
    for task_id, day, text in session.execute(
            select(ProgressReport.task_id, ProgressReport.report_date, ProgressReport.text)
            .where(ProgressReport.report_date.between(start, end))
            .order_by(ProgressReport.report_date, ProgressReport.id)):
        texts[task_id].append(f"{day.month}月{day.day}日：{text}")
    return {k: "\n".join(v) for k, v in texts.items()}


def _with_scores(session: Session, stats: list[UnitStat], as_of: date, cal: WorkdayCalendar) -> list[UnitStat]:
    from .assessment import briefing_scores  # 督查考核 reads the briefing's helpers: imported late

    for stat, score in zip(stats, briefing_scores(session, [s.unit for s in stats], as_of, cal)):
        stat.score = score
    return stats


def county_wide_tasks(session: Session) -> set[int]:
    """Tasks given to every township (各乡镇): their territorial rows name all the townships.

    Its deadline is the lead unit's in the ranking — one overdue 各乡镇 task is one unit's overdue
    task, not fourteen — and it prints as 各乡镇 unless a township's own rows are asked for (a
    task of one or a few townships is theirs in full, as before)."""
    townships = set(session.scalars(select(Unit.id).where(Unit.kind == UnitKind.TOWNSHIP.value)))
    if len(townships) < 2:
        return set()
    territorial: dict[int, set[int]] = defaultdict(set)
    for task_id, unit_id in session.execute(
            select(Responsibility.task_id, Responsibility.unit_id)
            .where(Responsibility.role == Role.TERRITORIAL_UNIT.value, Responsibility.unit_id.is_not(None))):
        territorial[task_id].add(unit_id)
    return {task_id for task_id, ids in territorial.items() if townships <= ids}


def unit_stats(session: Session, rows: list[TaskRow], *, start: date | None = None,
               end: date | None = None) -> list[UnitStat]:
    """Per responsible unit (牵头单位 or 属地单位), in official order; ranked by 办结率, then fewer
    overdue tasks (equal figures share a rank). A county-wide task's lateness is its lead unit's
    alone (see county_wide_tasks). With a period, 应报/已报 per unit as the 反馈表 asked them
    (services.feedback_period: the tasks it holds as 牵头/属地单位 under way in the period)."""
    by_id = {r.id: r for r in rows}
    county_wide = county_wide_tasks(session)
    tasks_of: dict[int, dict[int, bool]] = defaultdict(dict)  # unit → task → answers for its deadline
    for task_id, unit_id, role in session.execute(
            select(Responsibility.task_id, Responsibility.unit_id, Responsibility.role)
            .where(Responsibility.role.in_([Role.LEAD_UNIT.value, Role.TERRITORIAL_UNIT.value]),
                   Responsibility.unit_id.is_not(None))):
        if task_id in by_id:
            answers = role == Role.LEAD_UNIT.value or task_id not in county_wide
            tasks_of[unit_id][task_id] = tasks_of[unit_id].get(task_id, False) or answers
    reporting = ({r.unit_id: r for r in reports_due(session, start, end, roles=BRIEFING_ROLES)}
                 if start and end else {})
    stats = []
    for unit_id, name in session.execute(select(Unit.id, Unit.name).order_by(Unit.sort_order, Unit.id)):
        held = tasks_of.get(unit_id, {})
        if not held and unit_id not in reporting:
            continue
        stat = UnitStat(name)
        for task_id, answers in held.items():
            row = by_id[task_id]
            stat.total += 1
            stat.done += row.status.is_closed
            stat.open += row.status.is_open
            stat.overdue += answers and row.alert is AlertLevel.RED
        if unit_id in reporting:
            stat.due_reports, stat.reported = reporting[unit_id].expected, reporting[unit_id].reported
        stats.append(stat)
    ordered = sorted(stats, key=lambda s: (-s.done_rate, s.overdue))
    for i, stat in enumerate(ordered):
        prev = ordered[i - 1] if i else None
        same = prev is not None and (prev.done_rate, prev.overdue) == (stat.done_rate, stat.overdue)
        stat.rank = prev.rank if same else i + 1
    return stats


def _inspections(session: Session, start: date, end: date) -> list[InspectionLine]:
    inspections = session.execute(
        select(Inspection.id, Inspection.inspected_on, Inspection.site, Inspection.summary,
               Unit.name, ChecklistTemplate.name)
        .outerjoin(Unit, Unit.id == Inspection.unit_id)
        .outerjoin(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
        .where(Inspection.inspected_on.between(start, end))
        .order_by(Inspection.inspected_on, Inspection.id)).all()
    if not inspections:
        return []
    ids = [i.id for i in inspections]
    inspectors: dict[int, list[str]] = defaultdict(list)
    for insp_id, name, person in session.execute(
            select(InspectionInspector.inspection_id, InspectionInspector.name, Person.name)
            .outerjoin(Person, Person.id == InspectionInspector.person_id)
            .where(InspectionInspector.inspection_id.in_(ids)).order_by(InspectionInspector.id)):
        inspectors[insp_id].append(person or name or "")
    found: dict[int, int] = defaultdict(int)
    fixed: dict[int, int] = defaultdict(int)
    for insp_id, status in session.execute(
            select(Finding.inspection_id, Task.status)
            .outerjoin(Task, Task.id == Finding.rectification_task_id)
            .where(Finding.inspection_id.in_(ids))):
        found[insp_id] += 1
        fixed[insp_id] += bool(status and TaskStatus(status).is_closed)
    return [InspectionLine(i.inspected_on, i[4] or "", i.site or "", i[5] or "",
                           "、".join(inspectors[i.id]), found[i.id], fixed[i.id], i.summary or "")
            for i in inspections]


# --------------------------------------------------------------------------- the ledger
@dataclass
class LedgerDocument:
    title: str
    caption: str
    rows: list[TaskRow] = field(default_factory=list)
    # task id → 时限说明: the deadline's own wording when 完成时限 shows only its date
    deadline_notes: dict[int, str] = field(default_factory=dict)
    # task id → 属地单位 as printed, where not the row's own list (各乡镇)
    territorial: dict[int, tuple[str, ...]] = field(default_factory=dict)


def build_ledger(session: Session, *, today: date, cal: WorkdayCalendar,
                 flt: TaskFilter | None = None, scope: str = "") -> LedgerDocument:
    """任务台账 of the current filter, in code order; ``scope`` names the filter in the caption
    (e.g. 县环保局). A unit's or a leader's ledger lists what was given to them: not drafts
    (待交办, not yet assigned) nor cancelled tasks (已撤销) — unless the filter asks for them.

    ``territorial`` is what the printed ledger shows as 属地单位 where it differs from the row:
    a task for every township prints 各乡镇 (as the minutes wrote it), a township's own ledger
    that township. The workbook keeps every name: it must import into a ledger without them."""
    rows = list_tasks(session, today=today, cal=cal, flt=flt)
    if flt is not None and (flt.unit_id or flt.leader_id or flt.person_id) and not flt.statuses:
        rows = [r for r in rows if _in_scope(r)]
    rows.sort(key=lambda r: code_key(r.code))
    county_wide = county_wide_tasks(session)
    township = session.get(Unit, flt.unit_id) if flt and flt.unit_id else None
    own = (township.name,) if township is not None and township.kind is UnitKind.TOWNSHIP else ALL_TOWNSHIPS
    territorial = {row.id: own for row in rows if row.id in county_wide}
    county = county_name(session)
    meta = session.get(LedgerMeta, LEDGER_TITLE_KEY)
    title = meta.value if meta and meta.value.strip() else f"{county}任务台账"
    caption = f"{scope + '  ' if scope else ''}截至{chinese_date(today)}  共{len(rows)}项"
    return LedgerDocument(title, caption, rows, _deadline_notes(session, rows), territorial)


def _deadline_notes(session: Session, rows: list[TaskRow]) -> dict[int, str]:
    """时限说明 of the dated tasks whose deadline was written as words: "9月底前" as written;
    a deadline counted in days with the day counting starts, "会后10个工作日内（自2016年7月13日
    起算）" — the ledger import reads this back as a working-day deadline (round trip)."""
    dated = {r.id: r for r in rows if not (r.ongoing or r.recurrence_day) and r.effective_deadline}
    notes = {}
    query = select(Task.id, Task.deadline_basis, Task.deadline_start, Task.deadline_days,
                   Task.deadline_text).where(Task.deadline_text.is_not(None) | Task.deadline_days.is_not(None))
    for task_id, basis, start, days, text in session.execute(query):
        if task_id not in dated:
            continue
        start = start or dated[task_id].assigned_on  # counted from 交办 when no day was given
        if days is not None and start is not None:
            unit = "个工作日" if basis is DeadlineBasis.WORKDAY else "日"
            wording = text if text and f"{days}{unit}" in text else f"{days}{unit}内"
            notes[task_id] = f"{wording}（自{chinese_date(start)}起算）"
        elif text:
            notes[task_id] = text
    return notes


# --------------------------------------------------------------------------- 督办通知单
@dataclass
class NoticeDocument:
    issuer: str
    notice: NoticeView
    overdue_text: str  # 截至2016年7月29日已逾期2个工作日, as of the printing day; empty when not overdue
    created: bool  # a new written urging was recorded for this notice
    printed_on: date | None = None
    profile: office.OfficeProfile = field(default_factory=office.OfficeProfile)
    county_wide: bool = False  # a 各乡镇 task: its townships print as 各乡镇

    @property
    def urged_text(self) -> str:
        """When the urging was made — the notice may be printed days later."""
        return f"{chinese_date(self.notice.urged_on)}{self.notice.level.label}督办"


def _find_task_id(session: Session, code: str) -> int:
    task_id = session.scalar(select(Task.id).where(Task.code == code.strip()))
    if task_id is None:
        raise NotFound(f"--task：找不到编号为“{code}”的任务。")
    return task_id


def existing_notice(session: Session, code: str) -> int | None:
    """The urging id of the task's latest numbered written urging, if any (read only)."""
    task_id = _find_task_id(session, code)
    return session.scalar(
        select(Urging.id).where(Urging.task_id == task_id, Urging.method == UrgingMethod.WRITTEN.value,
                                Urging.notice_number.is_not(None))
        .order_by(Urging.urged_on.desc(), Urging.id.desc()).limit(1))


def build_notice(session: Session, code: str, *, today: date, cal: WorkdayCalendar,
                 create: bool) -> NoticeDocument:
    """The 督办通知单 of task ``code``: its latest written urging; with ``create`` (inside
    ``ledger.write()``) a task without one gets a new written urging through the supervision
    service, numbered there (numbers per year, never reused)."""
    task_id = _find_task_id(session, code)
    urging_id = existing_notice(session, code)
    created = False
    if urging_id is None:
        if not create:
            raise ValidationError(f"任务“{code}”还没有书面督办记录。")
        urging_id = urgings.written_urging_for(session, task_id, today=today, cal=cal).id
        created = True
    view = urgings.notice_view(session, urging_id, today=today, cal=cal)
    # days overdue as of the day it is printed, as the briefing of that day counts them; the
    # notice says when the urging itself was made
    row = urgings.task_row(session, task_id, today=today, cal=cal)
    overdue = (f"截至{chinese_date(today)}已逾期{row.days_overdue}"
               f"{'个工作日' if row.deadline_basis is DeadlineBasis.WORKDAY else '天'}" if row.days_overdue else "")
    profile = office.load(session)
    return NoticeDocument(profile.name, view, overdue, created, today, profile,
                          task_id in county_wide_tasks(session))
