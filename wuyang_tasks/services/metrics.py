"""Metrics (指标): readings entry with validation, derived status, read models, raising a task.

Readings are stored in ``MetricReading``: good-day metrics keep the daily AQI level (1 优 … 6
严重污染; a good day is level ≤ 2), concentrations keep daily or monthly means (one period per
series), water classes keep one class per month (1…6 for Ⅰ…劣Ⅴ, day = first of the month).
The reference series (e.g. 全省平均值) has ``is_reference`` set. Every change is audited; a
cleared cell removes the reading and the audit chain keeps what it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Metric, MetricReading, MetricUnit, Task, Unit
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain import metrics as rules
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import DeadlineBasis, MetricDirection, MetricKind, Role, Urgency
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.metrics import ConcentrationSummary, GoodDaysPace, MetricStatus, WaterClassSummary
from wuyang_tasks.domain.workflow import Action

from . import tasks as task_service
from .common import get

DAY, MONTH = "DAY", "MONTH"
DEMO_NOTE = "演示数据（程序生成，非实测）"
NOTE_MAX = 200  # MetricReading.note is String(200)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_ERRORS = 50


def chinese_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_month(day: date) -> str:
    return f"{day.year}年{day.month}月"


# ----------------------------------------------------------------------------- entry
@dataclass(frozen=True)
class ReadingEntry:
    """One cell of the readings grid or one row of an import. ``value`` None clears the cell."""

    day: date
    value: float | None
    is_reference: bool = False
    period: str = DAY
    note: str | None = None
    where: str = ""  # where the value came from, for messages ("第5行", "7月3日")


@dataclass(frozen=True)
class EntryResult:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0

    def __add__(self, other: EntryResult) -> EntryResult:
        return EntryResult(self.added + other.added, self.changed + other.changed,
                           self.removed + other.removed, self.unchanged + other.unchanged)

    @property
    def text(self) -> str:
        return f"新增{self.added}条、修改{self.changed}条、清除{self.removed}条、未变{self.unchanged}条"


def series_label(metric: Metric, is_reference: bool) -> str:
    return (metric.reference_name or "参照值") if is_reference else "本县"


def entry_problem(metric: Metric, entry: ReadingEntry, today: date) -> str | None:
    """Why ``entry`` cannot be stored for ``metric`` (Chinese, without the location), or None."""
    day, value = entry.day, entry.value
    if entry.period not in (DAY, MONTH):
        return f"周期“{entry.period}”无效，应为日或月"
    if day.year != metric.year:
        return f"日期{chinese_day(day)}不在指标年度（{metric.year}年）内"
    first = day.replace(day=1) if entry.period == MONTH else day
    if first > today:
        return f"日期{chinese_day(day)}晚于今天（{chinese_day(today)}），不能录入未来的读数"
    if entry.note and len(entry.note) > NOTE_MAX:
        return f"备注超过{NOTE_MAX}字"
    if entry.is_reference and not metric.reference_name:
        return f"指标“{metric.name}”没有参照序列（如全省平均值），不能录入参照值"
    kind = metric.kind
    if kind is MetricKind.GOOD_DAYS and entry.period != DAY:
        return "优良天数按日录入空气质量级别，不能按月录入"
    if kind is MetricKind.WATER_CLASS and entry.period != MONTH:
        return "断面水质类别按月录入"
    if value is None:
        return None
    if value != value or value < 0:  # NaN or negative
        return f"数值“{value:g}”不能为负数"
    if kind is MetricKind.GOOD_DAYS and value not in rules.AQI_LEVELS:
        return f"空气质量级别“{value:g}”无效，应为1—6（优、良、轻度污染、中度污染、重度污染、严重污染）"
    if kind is MetricKind.WATER_CLASS and value not in rules.WATER_CLASSES:
        return f"水质类别“{value:g}”无效，应为Ⅰ、Ⅱ、Ⅲ、Ⅳ、Ⅴ或劣Ⅴ"
    return None


def normalised(entry: ReadingEntry) -> ReadingEntry:
    """A monthly reading is stored on the 1st; a note loses control characters (NUL …)."""
    day = entry.day.replace(day=1) if entry.period == MONTH else entry.day
    note = _CONTROL.sub("", entry.note).strip() or None if entry.note else None
    return ReadingEntry(day, entry.value, entry.is_reference, entry.period, note, entry.where)


def check_entries(session: Session, metric: Metric, entries: Sequence[ReadingEntry],
                  today: date) -> list[str]:
    """Every problem of a batch (bad values, duplicates, a series mixing days and months)."""
    problems: list[str] = []
    seen: dict[tuple, str] = {}
    periods: dict[bool, set[str]] = {}
    for raw in entries:
        entry = normalised(raw)
        where = f"{entry.where}：" if entry.where else ""
        problem = entry_problem(metric, entry, today)
        if problem:
            problems.append(where + problem)
            continue
        key = (entry.day, entry.period, entry.is_reference)
        if key in seen:
            when = chinese_month(entry.day) if entry.period == MONTH else chinese_day(entry.day)
            problems.append(f"{where}{series_label(metric, entry.is_reference)}{when}的读数重复"
                            f"（{seen[key] or '前面'}已有）")
            continue
        seen[key] = entry.where
        if entry.value is not None:
            periods.setdefault(entry.is_reference, set()).add(entry.period)
    for is_reference, used in periods.items():
        stored = set(session.scalars(select(MetricReading.period).distinct().where(
            MetricReading.metric_id == metric.id, MetricReading.is_reference == is_reference)))
        if len(used | stored) > 1:
            problems.append(f"指标“{metric.name}”的{series_label(metric, is_reference)}序列不能同时有"
                            "日读数和月读数，请统一按日或按月录入")
    return problems


def enter_readings(session: Writer, metric_id: int, entries: Sequence[ReadingEntry], *,
                   today: date) -> EntryResult:
    """Store a batch of readings for one metric: all of them, or none (ValidationError)."""
    metric = get(session, Metric, metric_id, "指标")
    problems = check_entries(session, metric, entries, today)
    if problems:
        raise ValidationError(problem_text(f"指标“{metric.name}”的读数有误，未保存", problems))
    result = EntryResult()
    for raw in entries:
        result = result + _store(session, metric, normalised(raw))
    return result


def problem_text(head: str, problems: list[str]) -> str:
    shown = problems[:MAX_ERRORS]
    more = f"\n……另有{len(problems) - len(shown)}处错误" if len(problems) > len(shown) else ""
    return f"{head}（共{len(problems)}处错误）：\n" + "\n".join(shown) + more


def _store(session: Writer, metric: Metric, entry: ReadingEntry) -> EntryResult:
    row = session.scalar(select(MetricReading).where(
        MetricReading.metric_id == metric.id, MetricReading.day == entry.day,
        MetricReading.period == entry.period, MetricReading.is_reference == entry.is_reference))
    if entry.value is None:
        if row is None:
            return EntryResult(unchanged=1)
        session.remove(row)
        session.flush()
        return EntryResult(removed=1)
    value = float(entry.value)
    if row is None:
        session.insert(MetricReading(metric_id=metric.id, day=entry.day, period=entry.period,
                                     is_reference=entry.is_reference, value=value,
                                     note=entry.note))
        return EntryResult(added=1)
    if row.value == value and (entry.note is None or entry.note == row.note):
        return EntryResult(unchanged=1)
    changes = {"value": value}
    if entry.note is not None:
        changes["note"] = entry.note
    session.update(row, "update", **changes)
    return EntryResult(changed=1)


# ----------------------------------------------------------------------------- lookups
def find_metric(session: Session, name: str, year: int | None = None) -> Metric | None:
    """A metric by name (the latest year unless ``year`` is given)."""
    query = select(Metric).where(Metric.name == name.strip())
    if year is not None:
        query = query.where(Metric.year == year)
    return session.scalars(query.order_by(Metric.year.desc())).first()


@dataclass(frozen=True)
class MetricRef:
    """A metric as a file being read names it (imports.readings works without the ledger)."""

    id: int
    name: str
    year: int
    kind: MetricKind


@dataclass(frozen=True)
class MetricCatalogue:
    """The ledger's metrics, in their order, for reading a file of readings."""

    metrics: tuple[MetricRef, ...]

    def names(self, year: int | None = None) -> list[str]:
        return [m.name for m in self.metrics if year is None or m.year == year]

    def find(self, name: str, year: int) -> MetricRef | None:
        """As :func:`find_metric` with a year: the metric of that name and year."""
        name = name.strip()
        return next((m for m in self.metrics if m.name == name and m.year == year), None)


def metric_catalogue(session: Session) -> MetricCatalogue:
    rows = session.execute(select(Metric.id, Metric.name, Metric.year, Metric.kind).order_by(Metric.id))
    return MetricCatalogue(tuple(MetricRef(*row) for row in rows))


def metric_names(session: Session, year: int | None = None) -> list[str]:
    query = select(Metric.name)
    if year is not None:
        query = query.where(Metric.year == year)
    return list(session.scalars(query.order_by(Metric.id)))


def units_of(session: Session, metric_id: int, role: Role) -> list[Unit]:
    return list(session.scalars(
        select(Unit).join(MetricUnit, MetricUnit.unit_id == Unit.id)
        .where(MetricUnit.metric_id == metric_id, MetricUnit.role == role)
        .order_by(Unit.sort_order, Unit.id)))


def readings_of(session: Session, metric_id: int, *, until: date | None = None,
                is_reference: bool | None = None) -> list[MetricReading]:
    query = select(MetricReading).where(MetricReading.metric_id == metric_id)
    if until is not None:
        query = query.where(MetricReading.day <= until)
    if is_reference is not None:
        query = query.where(MetricReading.is_reference == is_reference)
    return list(session.scalars(query.order_by(MetricReading.is_reference, MetricReading.day)))


# ----------------------------------------------------------------------------- read models
@dataclass(frozen=True)
class MetricView:
    """One metric as the dashboard, the 指标 page and the briefing show it."""

    id: int
    name: str
    kind: MetricKind
    year: int
    unit_of_measure: str
    direction: MetricDirection
    target_value: float | None
    reference_name: str | None
    target_text: str  # "≥219天", "≤全省平均值", "≤Ⅳ类"
    note: str | None
    lead_units: tuple[str, ...]
    territorial_units: tuple[str, ...]
    status: MetricStatus
    reason: str  # one sentence: why this status
    current_text: str  # the number the office quotes: "优良124天", "均值77.9μg/m³", "7月Ⅳ类"
    readings_count: int
    last_reading_day: date | None
    demo_data: bool  # the readings are demonstration data
    raised_tasks: tuple[str, ...]  # codes of tasks raised from this metric
    entry_period: str  # how readings are entered: DAY or MONTH
    good_days: GoodDaysPace | None = None
    concentration: ConcentrationSummary | None = None
    water: WaterClassSummary | None = None
    # chart series
    cumulative: tuple[tuple[date, int], ...] = ()  # good days so far, one point per elapsed day
    pace_months: tuple[rules.MonthPace, ...] = ()  # the good-days table by month
    monthly: tuple[tuple[date, float | None, float | None], ...] = ()  # month, county, reference
    classes: tuple[tuple[date, int | None], ...] = ()  # month, class

    @property
    def behind(self) -> bool:
        return self.status in (MetricStatus.AMBER, MetricStatus.RED)


@dataclass(frozen=True)
class MetricsReport:
    as_of: date
    year: int
    metrics: list[MetricView] = field(default_factory=list)

    @property
    def demo_data(self) -> bool:
        return any(m.demo_data for m in self.metrics)

    @property
    def caption(self) -> str:
        text = f"截至{chinese_day(self.as_of)}"
        return text + "（演示数据）" if self.demo_data else text


def metrics_report(session: Session, today: date, year: int | None = None) -> MetricsReport:
    year = year or today.year
    metrics = session.scalars(select(Metric).where(Metric.year == year).order_by(Metric.id))
    return MetricsReport(today, year, [metric_view(session, m, today) for m in metrics])


def metric_view(session: Session, metric: Metric, today: date) -> MetricView:
    until = rules.last_counted_day(metric.year, today)
    readings = readings_of(session, metric.id, until=until) if until else []
    county = [r for r in readings if not r.is_reference]
    reference = [r for r in readings if r.is_reference]
    base = dict(
        id=metric.id, name=metric.name, kind=metric.kind, year=metric.year,
        unit_of_measure=metric.unit_of_measure, direction=metric.direction,
        target_value=metric.target_value, reference_name=metric.reference_name,
        target_text=target_text(metric), note=metric.note,
        lead_units=tuple(u.name for u in units_of(session, metric.id, Role.LEAD_UNIT)),
        territorial_units=tuple(u.name for u in units_of(session, metric.id, Role.TERRITORIAL_UNIT)),
        readings_count=len(readings), last_reading_day=max((r.day for r in county), default=None),
        demo_data=any((r.note or "").startswith("演示数据") for r in readings),
        raised_tasks=raised_task_codes(session, metric), entry_period=grid_period(session, metric))
    if metric.kind is MetricKind.GOOD_DAYS:
        return _good_days_view(metric, today, county, base)
    if metric.kind is MetricKind.WATER_CLASS:
        return _water_view(metric, today, county, base)
    return _concentration_view(metric, today, county, reference, base)


def target_text(metric: Metric) -> str:
    sign = metric.direction.label
    if metric.kind is MetricKind.WATER_CLASS and metric.target_value is not None:
        return f"{sign}{rules.water_class_label(metric.target_value)}类"
    if metric.reference_name:
        return f"{sign}{metric.reference_name}"
    if metric.target_value is not None:
        return f"{sign}{metric.target_value:g}{metric.unit_of_measure}"
    return "—"


def _good_days_view(metric: Metric, today: date, county, base) -> MetricView:
    levels = {r.day: int(r.value) for r in county if r.period == DAY}
    good = sum(1 for v in levels.values() if v <= rules.GOOD_LEVEL_MAX)
    heavy = sum(1 for v in levels.values() if v >= rules.HEAVY_LEVEL_MIN)
    pace = rules.good_days_pace(metric.year, metric.target_value or 0, today, good_days=good,
                                days_with_data=len(levels), heavy_days=heavy)
    cumulative, running = [], 0
    day = date(metric.year, 1, 1)
    for _ in range(pace.days_elapsed):
        running += 1 if levels.get(day, 99) <= rules.GOOD_LEVEL_MAX else 0
        cumulative.append((day, running))
        day += timedelta(days=1)
    current = f"优良{good}天（序时进度{pace.pace_expected:.1f}天）"
    return MetricView(**base, status=pace.status, reason=pace.reason, current_text=current,
                      good_days=pace, cumulative=tuple(cumulative),
                      pace_months=tuple(rules.month_pace(metric.year, metric.target_value or 0,
                                                         today, levels)))


def _concentration_view(metric: Metric, today: date, county, reference, base) -> MetricView:
    own = rules.month_means([(r.day, r.period, r.value) for r in county], today)
    ref = rules.month_means([(r.day, r.period, r.value) for r in reference], today)
    summary = rules.concentration_summary(
        own, ref, direction=metric.direction, target=metric.target_value,
        reference_name=metric.reference_name, uom=metric.unit_of_measure)
    months = sorted(set(own) | set(ref))
    monthly = tuple((m, own[m].mean if m in own else None, ref[m].mean if m in ref else None)
                    for m in months)
    current = ("—" if summary.ytd_mean is None else
               f"{rules.month_span(list(own))}均值{summary.ytd_mean:.1f}{metric.unit_of_measure}")
    return MetricView(**base, status=summary.status, reason=summary.reason, current_text=current,
                      concentration=summary, monthly=monthly)


def _water_view(metric: Metric, today: date, county, base) -> MetricView:
    classes = {r.day.replace(day=1): int(r.value) for r in county}
    target = int(metric.target_value or 3)
    summary = rules.water_class_summary(metric.year, today, classes, target)
    latest = summary.latest
    current = "—" if latest is None else f"{latest[0].month}月{rules.water_class_label(latest[1])}类"
    return MetricView(**base, status=summary.status, reason=summary.reason, current_text=current,
                      water=summary, classes=summary.months)


# ----------------------------------------------------------------------------- grid for the window
@dataclass(frozen=True)
class GridRow:
    day: date  # a day, or the first of a month for monthly series
    value: float | None
    reference: float | None
    note: str | None


def reading_grid(session: Session, metric_id: int, start: date, end: date) -> list[GridRow]:
    """Rows by date between ``start`` and ``end`` (by month for monthly metrics), blanks included."""
    metric = get(session, Metric, metric_id, "指标")
    rows = session.scalars(select(MetricReading).where(
        MetricReading.metric_id == metric_id, MetricReading.day >= start.replace(day=1),
        MetricReading.day <= end))
    own: dict[date, MetricReading] = {}
    ref: dict[date, MetricReading] = {}
    for r in rows:
        (ref if r.is_reference else own)[r.day] = r
    monthly = grid_period(session, metric) == MONTH
    out = []
    for day in _dates(start, end, monthly):
        mine, theirs = own.get(day), ref.get(day)
        out.append(GridRow(day, mine.value if mine else None, theirs.value if theirs else None,
                           (mine or theirs).note if (mine or theirs) else None))
    return out


def grid_period(session: Session, metric: Metric) -> str:
    """How this metric is entered: water classes by month, good days by day, concentrations as
    the stored series already are (monthly when it has monthly readings)."""
    if metric.kind is MetricKind.WATER_CLASS:
        return MONTH
    if metric.kind is MetricKind.GOOD_DAYS:
        return DAY
    stored = session.scalar(select(MetricReading.period).where(MetricReading.metric_id == metric.id))
    return stored or MONTH


def _dates(start: date, end: date, monthly: bool) -> Iterable[date]:
    day = start.replace(day=1) if monthly else start
    while day <= end:
        yield day
        if monthly:
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        else:
            day += timedelta(days=1)


# ----------------------------------------------------------------------------- raising a task
def link_marker(metric: Metric) -> str:
    """The text that links a task's content to the metric it was raised from."""
    return f"【关联指标】{metric.name}（{metric.year}年）"


TASK_CATEGORY = "目标指标"


def raised_task_codes(session: Session, metric: Metric) -> tuple[str, ...]:
    """Tasks raised from ``metric``: its category first (cheap), then the link in the content."""
    marker = link_marker(metric)
    return tuple(session.scalars(
        select(Task.code).where(Task.category == TASK_CATEGORY,
                                Task.content.contains(marker, autoescape=True)).order_by(Task.id)))


def default_task_title(metric: Metric) -> str:
    if metric.kind is MetricKind.GOOD_DAYS:
        return "优良天数落后序时进度：启动重污染天气应急响应，强化大气污染管控"
    if metric.kind is MetricKind.WATER_CLASS:
        return f"{metric.name}未稳定达标：开展沿线溯源排查和整治"
    return f"{metric.name}未达到{metric.reference_name or '目标'}要求：强化扬尘和工业源管控"


def raise_task(session: Writer, metric_id: int, *, today: date, cal: WorkdayCalendar,
               title: str | None = None, assign: bool = False, workdays: int = 5) -> Task:
    """One action: a task for a metric falling behind — lead = the metric's lead unit(s),
    territorial = its territorial units, content linked to the metric; DRAFT, or ASSIGNED."""
    metric = get(session, Metric, metric_id, "指标")
    view = metric_view(session, metric, today)
    leads = units_of(session, metric_id, Role.LEAD_UNIT)
    if not leads:
        raise ValidationError(f"指标“{metric.name}”没有牵头单位，请先为指标指定牵头单位。")
    content = (f"{link_marker(metric)}\n截至{chinese_day(today)}：{view.current_text}，"
               f"{view.status.label}——{view.reason}。\n请牵头单位会同属地乡镇立即研究措施，"
               f"{workdays}个工作日内报送落实情况。")
    assignments = [task_service.Assignment(Role.LEAD_UNIT, unit_id=u.id) for u in leads]
    assignments += [task_service.Assignment(Role.TERRITORIAL_UNIT, unit_id=u.id)
                    for u in units_of(session, metric_id, Role.TERRITORIAL_UNIT)]
    deadline = DeadlineSpec(basis=DeadlineBasis.WORKDAY, start=today, days=workdays,
                                         text=f"{workdays}个工作日内")
    task = task_service.create_task(
        session, title=title or default_task_title(metric), content=content, category=TASK_CATEGORY,
        urgency=Urgency.URGENT, is_key=True, deadline=deadline, today=today, cal=cal,
        target=f"{metric.name}{view.target_text}", responsibilities=assignments)
    if assign:
        task_service.transition(session, task.id, Action.ASSIGN, today=today, cal=cal)
    return task
