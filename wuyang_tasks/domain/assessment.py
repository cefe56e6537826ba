"""督查考核 arithmetic: a unit's points for a period, each point tied to the event that caused it.

Plain data in, plain data out: the service gathers the facts (tasks with their units, reports,
urgings, send-backs, extensions; accountability records; the office's adjustments) and this
module applies the rules. Decisions that matter at the edges:

* A task finished on its deadline day is on time; overdue starts the day after.
* The deadline scored is the task's own, unless an extension requested before it was
  *approved* by the day scored (a pending or refused request leaves the original date).
* A task's first overdue day carries the per-task point; each further step (week or working
  day) its own point, each in the period its day falls in — so periods add up to the year.
* Every unit of a task is scored for it, weighted by its role (a county-wide task gives each
  township its own points); the per-task cap applies per unit and task.
* Only units are scored: the facts carry no person, and nothing here ranks people.
"""

from __future__ import annotations

from collections.abc import Sequence
from bisect import bisect_right
from functools import cache
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from .alerts import monthly_due
from .assessment_rules import STEPS, Rules
from .calendar import WorkdayCalendar
from .enums import AccountabilityMeasure, Role, TaskStatus, UnitKind, UrgingLevel, UrgingMethod

NOT_SCORED = (TaskStatus.DRAFT, TaskStatus.CANCELLED, TaskStatus.SUSPENDED)


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class UrgingFact:
    id: int
    day: date
    level: UrgingLevel
    method: UrgingMethod
    notice: str | None  # 〔2016〕第1号


@dataclass(frozen=True)
class ExtensionFact:
    id: int
    requested_on: date
    new_deadline: date
    approved_on: date | None  # None: pending or refused


@dataclass
class TaskFacts:
    id: int
    code: str
    title: str
    status: TaskStatus
    deadline: date | None
    assigned_on: date | None
    closed_on: date | None
    recurrence_day: int | None = None
    ongoing: bool = False
    units: list[tuple[int, Role]] = field(default_factory=list)
    reports: list[tuple[date, int | None]] = field(default_factory=list)  # (day, reporting unit)
    urgings: list[UrgingFact] = field(default_factory=list)
    send_backs: list[tuple[int, date]] = field(default_factory=list)  # (audit seq, day)
    extensions: list[ExtensionFact] = field(default_factory=list)


@dataclass(frozen=True)
class RecordFact:
    id: int
    unit_id: int
    measure: AccountabilityMeasure
    day: date
    decision_number: str | None
    task_id: int | None
    task_code: str | None


@dataclass(frozen=True)
class AdjustmentFact:
    id: int
    unit_id: int
    day: date
    points: Decimal
    reason: str


@dataclass(frozen=True)
class Point:
    """One line of a unit's sheet: what happened, when, under which rule, for how many points."""

    unit_id: int
    day: date
    rule: str  # key: overdue, overdue_step, urging, send_back, missed_report, accountability, early, cap_task, cap_period, adjustment
    label: str  # 事由
    rule_text: str  # 计分依据
    points: Decimal  # negative: 扣分
    evidence: str  # 记录
    task_id: int | None = None
    task_code: str | None = None

    @property
    def kind(self) -> str:
        """deduction (a cap on deductions counts with them), bonus, or adjustment."""
        if self.rule == "adjustment":
            return "adjustment"
        if self.rule == "early" or (self.rule == "cap_period" and self.points < 0):
            return "bonus"
        return "deduction"


@dataclass
class UnitScore:
    unit_id: int
    base: Decimal
    points: list[Point] = field(default_factory=list)
    task_count: int = 0

    def total(self, kind: str) -> Decimal:
        return sum((p.points for p in self.points if p.kind == kind), Decimal(0))

    @property
    def deductions(self) -> Decimal:
        return self.total("deduction")

    @property
    def bonus(self) -> Decimal:
        return self.total("bonus")

    @property
    def adjustments(self) -> Decimal:
        return self.total("adjustment")

    @property
    def score(self) -> Decimal:
        return self.base + sum((p.points for p in self.points), Decimal(0))


ROLE_SHORT = {Role.LEAD_UNIT: "牵头", Role.COOPERATING_UNIT: "配合", Role.TERRITORIAL_UNIT: "属地"}


@cache  # a year of a big ledger prints the same few values hundreds of thousands of times
def points_text(value: Decimal, sign: bool = True) -> str:
    """0.50 → "0.5", -1 → "-1"; with ``sign`` a plus for bonuses. (An ASCII minus: the Chinese
    PDF faces have no U+2212.)"""
    text = format(value.normalize(), "f") if value else "0"
    return ("+" + text) if sign and value > 0 else text


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def scoring_deadline(task: TaskFacts, as_of: date) -> tuple[date | None, ExtensionFact | None]:
    """The deadline a task is judged on as of ``as_of``, and the extension that set it."""
    if task.deadline is None:
        return None, None
    approved = [e for e in task.extensions
                if e.approved_on is not None and e.approved_on <= as_of and e.requested_on <= task.deadline]
    if not approved:
        return task.deadline, None
    best = max(approved, key=lambda e: e.new_deadline)
    return best.new_deadline, best


def score_period(rules: Rules, period: Period, as_of: date, cal: WorkdayCalendar,
                 units: list[tuple[int, UnitKind]], tasks: list[TaskFacts],
                 records: Sequence[RecordFact] = (), adjustments: Sequence[AdjustmentFact] = ()) -> list[UnitScore]:
    """Scores of the units (in the order given) for ``period``, counting events up to ``as_of``."""
    scored = {uid: UnitScore(uid, rules.base_score) for uid, kind in units if kind in rules.unit_kinds}
    last = min(period.end, as_of)
    window = Period(period.start, last)
    for task in tasks:
        if task.status in NOT_SCORED or task.assigned_on is None or task.assigned_on > last:
            continue
        lines = _task_lines(rules, task, window, as_of, cal)
        periods = _report_periods(rules, task, window, as_of)
        for unit_id, role in task.units:
            if unit_id not in scored:
                continue
            scored[unit_id].task_count += 1
            unit_lines = lines + _missed_report_lines(rules, task, periods, unit_id)
            found = [_for_unit(rules, line, unit_id, role, task) for line in unit_lines]
            unit_points = [p for p in found if p is not None]
            scored[unit_id].points += _cap_task(rules, unit_points, unit_id, task)
    for rec in records:
        if rec.unit_id in scored and window.holds(rec.day):
            value = rules.measures[rec.measure]
            if value:
                scored[rec.unit_id].points.append(Point(
                    rec.unit_id, rec.day, "accountability", f"问责：{rec.measure.label}",
                    f"问责（{rec.measure.label}）每次扣{points_text(value, False)}分", -value,
                    f"问责记录第{rec.id}号" + (f"（{rec.decision_number}）" if rec.decision_number else ""),
                    rec.task_id, rec.task_code))
    for score in scored.values():
        score.points.sort(key=lambda p: (p.day, p.task_code or "", p.rule.startswith("cap"), p.rule))
        _cap_period(rules, score, last)
    for adj in adjustments:
        if adj.unit_id in scored and window.holds(adj.day):
            scored[adj.unit_id].points.append(Point(
                adj.unit_id, adj.day, "adjustment", f"办公室{'加' if adj.points > 0 else '减'}分：{adj.reason}",
                "督查室加减分（有记录、有理由）", adj.points, f"加减分记录第{adj.id}号"))
    return list(scored.values())


@dataclass(frozen=True)
class _Line:
    """A task event before it is weighted by a unit's role."""

    day: date
    rule: str
    label: str
    rule_text: str
    points: Decimal  # signed, before the role factor
    evidence: str
    roles: dict[Role, Decimal]


def _task_lines(rules: Rules, task: TaskFacts, window: Period, as_of: date,
                cal: WorkdayCalendar) -> list[_Line]:
    lines = _overdue_lines(rules, task, window, as_of, cal)
    for u in task.urgings:
        value = rules.urging_levels[u.level] + (rules.urging_written if u.method is UrgingMethod.WRITTEN else 0)
        if window.holds(u.day) and value:
            what = f"{u.level.label}督办（{u.method.label}）"
            lines.append(_Line(u.day, "urging", what,
                               f"{u.level.label}督办扣{points_text(rules.urging_levels[u.level], False)}分"
                               + (f"，书面督办另扣{points_text(rules.urging_written, False)}分"
                                  if u.method is UrgingMethod.WRITTEN else ""),
                               -value, f"督办单{u.notice}" if u.notice else f"催办记录第{u.id}号", rules.roles))
    for seq, day in task.send_backs:
        if window.holds(day) and rules.send_back:
            lines.append(_Line(day, "send_back", "退回重办",
                               f"被退回重办每次扣{points_text(rules.send_back, False)}分", -rules.send_back,
                               f"审计记录第{seq}条", rules.send_back_roles))
    return lines


def _overdue_lines(rules: Rules, task: TaskFacts, window: Period, as_of: date,
                   cal: WorkdayCalendar) -> list[_Line]:
    if task.recurrence_day or task.ongoing:
        return []
    due, ext = scoring_deadline(task, as_of)
    if due is None:
        return []
    basis = f"完成时限{cn_date(due)}" + (f"（延期申请第{ext.id}号已批准）" if ext else "")
    refused = [e for e in task.extensions if e not in ([ext] if ext else [])]
    if refused and not ext:
        basis += f"（延期申请第{refused[-1].id}号未批准，按原时限）"
    finished = task.closed_on if task.status.is_closed else None
    if finished is not None and finished <= due:
        return _early_lines(rules, task, due, finished, window, cal, basis)
    stop = min(finished or as_of, window.end)
    first = due + timedelta(days=1)
    lines = []
    if window.holds(first) and first <= stop and rules.overdue_per_task:
        lines.append(_Line(first, "overdue", "未按时限办结",
                           f"逾期每件扣{points_text(rules.overdue_per_task, False)}分",
                           -rules.overdue_per_task, basis, rules.roles))
    if rules.overdue_per_step:
        step_name = STEPS[rules.overdue_per]
        for n, day in _steps(rules.overdue_per, first, window, stop, cal):
            lines.append(_Line(day, "overdue_step", f"逾期第{n}{step_name}",
                                   f"逾期每{step_name}扣{points_text(rules.overdue_per_step, False)}分",
                                   -rules.overdue_per_step, basis, rules.roles))
    return lines


def _steps(per: str, first: date, window: Period, stop: date, cal: WorkdayCalendar) -> list[tuple[int, date]]:
    """(n, day) of each overdue step beginning in the window up to ``stop`` (a started week
    counts); n counts from the first overdue day, so a late year does not walk every day."""
    start = max(first, window.start)
    if per == "week":
        k = -(-(start - first).days // 7)  # the first step starting on or after ``start``
        return [(n + 1, first + timedelta(days=7 * n)) for n in range(k, (stop - first).days // 7 + 1)]
    n = cal.workdays_between(first - timedelta(days=1), start - timedelta(days=1))
    steps = []
    for offset in range((stop - start).days + 1):
        day = start + timedelta(days=offset)
        if cal.is_workday(day):
            n += 1
            steps.append((n, day))
    return steps


def _early_lines(rules: Rules, task: TaskFacts, due: date, finished: date, window: Period,
                 cal: WorkdayCalendar, basis: str) -> list[_Line]:
    if not (rules.early_bonus and rules.early_points and window.holds(finished)):
        return []
    ahead = cal.workdays_between(finished, due)
    if ahead < rules.early_min_days:
        return []
    return [_Line(finished, "early", f"提前{ahead}个工作日办结",
                  f"提前{rules.early_min_days}个工作日以上办结加{points_text(rules.early_points, False)}分",
                  rules.early_points, basis, rules.roles)]


def _missed_report_lines(rules: Rules, task: TaskFacts, periods: list[tuple[date, date]],
                         unit_id: int) -> list[_Line]:
    """Feedback periods in which ``unit_id`` sent no report on the task (a report naming no
    unit counts for every unit of the task)."""
    if not periods:
        return []
    reports = sorted(day for day, by in task.reports if by in (None, unit_id))
    rule_text, value = f"漏报一期扣{points_text(rules.missed_report, False)}分", -rules.missed_report
    return [_Line(end, "missed_report", "反馈期内未报送进展", rule_text, value,
                  f"反馈期{cn_date(begin + timedelta(days=1))}至{cn_date(end)}无进展报告",
                  rules.missed_report_roles)
            for begin, end in periods if bisect_right(reports, end) == bisect_right(reports, begin)]


def _report_periods(rules: Rules, task: TaskFacts, window: Period, as_of: date) -> list[tuple[date, date]]:
    """(begin, end] of each feedback period of a task ending in the window by ``as_of`` (and by
    its closing day): monthly to the report day for a recurring report, else every
    ``report_period_days`` days from 交办."""
    if not rules.missed_report:
        return []
    finished = task.closed_on if task.status.is_closed else None
    stop = min(finished or as_of, window.end)
    begin = task.assigned_on
    if begin is None:  # not assigned: nothing was due (score_period skips such tasks)
        return []
    if task.recurrence_day:
        periods = []
        month = (max(begin, window.start - timedelta(days=62)).replace(day=1) - timedelta(days=1)).replace(day=1)
        previous = monthly_due(month, task.recurrence_day)  # the due day of the month before
        while previous <= stop:
            month = (month + timedelta(days=32)).replace(day=1)
            due = monthly_due(month, task.recurrence_day)
            if window.holds(due) and begin < due <= stop:
                periods.append((max(begin, previous), due))
            previous = due
        return periods
    days = rules.report_period_days
    first = max(1, -(-(window.start - begin).days // days))  # the first period ending in the window
    return [(begin + timedelta(days=days * (k - 1)), begin + timedelta(days=days * k))
            for k in range(first, (stop - begin).days // days + 1)]


def _for_unit(rules: Rules, line: _Line, unit_id: int, role: Role, task: TaskFacts) -> Point | None:
    factor = line.roles.get(role, Decimal(0))
    value = line.points * factor
    if not value:
        return None
    weighted = line.rule_text if factor == 1 else f"{line.rule_text}，{ROLE_SHORT[role]}单位×{points_text(factor, False)}"
    return Point(unit_id, line.day, line.rule, f"{line.label}（{ROLE_SHORT[role]}）", weighted, value,
                 line.evidence, task.id, task.code)


def _cap_task(rules: Rules, points: list[Point], unit_id: int, task: TaskFacts) -> list[Point]:
    cap = rules.cap_per_task
    taken = -sum((p.points for p in points if p.points < 0), Decimal(0))
    if cap is None or taken <= cap:
        return points
    day = max(p.day for p in points)
    return points + [Point(unit_id, day, "cap_task", "单项任务扣分封顶",
                           f"每项任务最多扣{points_text(cap, False)}分", taken - cap,
                           f"本期该任务共扣{points_text(taken, False)}分", task.id, task.code)]


def _cap_period(rules: Rules, score: UnitScore, last: date) -> None:
    taken, given = -score.deductions, score.bonus
    cap = rules.cap_period_deduction
    if cap is not None and taken > cap:
        score.points.append(Point(score.unit_id, last, "cap_period", "本期扣分封顶",
                                  f"每期最多扣{points_text(cap, False)}分", taken - cap,
                                  f"本期共扣{points_text(taken, False)}分"))
    cap = rules.cap_period_bonus
    if cap is not None and given > cap:
        score.points.append(Point(score.unit_id, last, "cap_period", "本期加分封顶",
                                  f"每期最多加{points_text(cap, False)}分", cap - given,
                                  f"本期共加{points_text(given, False)}分"))

