"""Year-target arithmetic for metrics (指标) and the red/amber/green rule. Plain Python.

Counting rules (shown to the clerk in the window and the briefing, tested in tests/metrics):

* A year has 365 or 366 days. As of day D inside the year, *elapsed* days run from 1 January
  through D inclusive; *remaining* days are the days after D. Before the year starts nothing has
  elapsed; after 31 December nothing remains.
* A day without a reading is **no data**: it is neither a good day nor a bad one, and the
  number of such days is always reported. Such a day is still *open*, like a remaining day:
  the good days still needed are spread over ``open days = remaining + elapsed without data``.
* Pace line (序时进度): the straight line from 0 good days before 1 January to the target on
  31 December; as of D it stands at ``target × elapsed / days in year``.
* Concentrations are compared month by month: daily readings become a monthly mean (weight =
  days with a reading), a monthly reading covers the days of its month up to D. The
  year-to-date mean is the weighted mean of the months. Against a reference series (the
  provincial average) only the months both series have are compared, with the same weights.
* A water section's class is read once a month (Ⅰ…劣Ⅴ stored as 1…6); a month meets the target
  when its class is not worse than the target class.

Status rule (MetricStatus):

* good days — GREEN: target reached, or on/ahead of the pace line. RED: the target can no
  longer be reached (more good days needed than open days), or the good-day rate needed from
  now on exceeds the year's plan rate (target / days in year) by more than 10 percentage
  points. AMBER: behind the pace line otherwise.
* concentration (≤ limit) — GREEN: year-to-date mean not above the reference (or target);
  AMBER: above by at most 10 %; RED: above by more than 10 %.
* water class — GREEN: every month with a reading met the class; AMBER: the latest month met
  it but an earlier month this year did not (not yet "稳定持续达标"); RED: the latest month
  did not.
* NO_DATA: nothing to judge yet (no reading, or nothing to compare with).
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, replace
from datetime import date

from .enums import Labelled, MetricDirection

RED_RATE_GAP = 0.10
"""Needed good-day rate more than this above the plan rate → RED."""

AMBER_EXCESS = 0.10
"""Concentration above the reference by at most this share → AMBER, more → RED."""


class MetricStatus(Labelled):
    GREEN = "GREEN", "绿灯"
    AMBER = "AMBER", "黄灯"
    RED = "RED", "红灯"
    NO_DATA = "NO_DATA", "无数据"


# ----------------------------------------------------------------------------- AQI and classes
AQI_LEVELS = {1: "优", 2: "良", 3: "轻度污染", 4: "中度污染", 5: "重度污染", 6: "严重污染"}
GOOD_LEVEL_MAX = 2  # 优 and 良 are good days (优良天数)
HEAVY_LEVEL_MIN = 5  # 重度污染 and worse are heavy pollution days (重污染天气)
_AQI_BOUNDS = ((50, 1), (100, 2), (150, 3), (200, 4), (300, 5))  # HJ 633-2012 AQI → level

WATER_CLASSES = {1: "Ⅰ", 2: "Ⅱ", 3: "Ⅲ", 4: "Ⅳ", 5: "Ⅴ", 6: "劣Ⅴ"}
_ROMAN_ASCII = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def aqi_level_of_index(aqi: float) -> int:
    """AQI value (0–500) → level 1…6."""
    if aqi < 0:
        raise ValueError(aqi)
    for bound, level in _AQI_BOUNDS:
        if aqi <= bound:
            return level
    return 6


def parse_aqi_level(text: str) -> int:
    """'优', '良', '轻度污染', … or 1…6 → level. Raises ValueError."""
    text = str(text).strip().removesuffix("级")
    for level, label in AQI_LEVELS.items():
        if text == label:
            return level
    if text in ("轻度", "中度", "重度", "严重"):
        return {"轻度": 3, "中度": 4, "重度": 5, "严重": 6}[text]
    number = _whole_number(text)
    if number is not None and number in AQI_LEVELS:
        return number
    raise ValueError(text)


def parse_water_class(text: str) -> int:
    """'Ⅳ', 'IV', 'Ⅳ类', '4', '劣Ⅴ', '劣V类' → 1…6. Raises ValueError."""
    text = str(text).strip().upper().removesuffix("类").strip()
    worse = text.startswith("劣")
    core = text.removeprefix("劣").strip()
    value: int | None
    for number, label in WATER_CLASSES.items():
        if core == label:
            value = number
            break
    else:
        value = _ROMAN_ASCII.get(core) or _whole_number(core)
    if worse:
        if value == 5:
            return 6
        raise ValueError(text)
    if value in WATER_CLASSES:
        return value
    raise ValueError(text)


def water_class_label(value: float | None) -> str:
    return "—" if value is None else WATER_CLASSES.get(int(value), str(value))


def _whole_number(text: str) -> int | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


# ----------------------------------------------------------------------------- days of the year
@dataclass(frozen=True)
class YearDays:
    year: int
    total: int
    elapsed: int
    remaining: int


def year_days(year: int, as_of: date) -> YearDays:
    total = 366 if calendar.isleap(year) else 365
    elapsed = (as_of - date(year, 1, 1)).days + 1
    elapsed = min(max(elapsed, 0), total)
    return YearDays(year, total, elapsed, total - elapsed)


def last_counted_day(year: int, as_of: date) -> date | None:
    """The last day of ``year`` that has elapsed as of ``as_of`` (None before the year)."""
    if as_of < date(year, 1, 1):
        return None
    return min(as_of, date(year, 12, 31))


# ----------------------------------------------------------------------------- good days
@dataclass(frozen=True)
class GoodDaysPace:
    year: int
    target: int
    days_in_year: int
    days_elapsed: int
    days_remaining: int
    good_days: int
    days_with_data: int
    days_without_data: int
    heavy_days: int
    pace_expected: float  # good days the straight pace line asks for by now
    pace_gap: float  # good days minus pace_expected: > 0 ahead, < 0 behind
    still_needed: int
    open_days: int  # remaining days plus elapsed days without data
    needed_rate: float | None  # share of open days that must be good; None when nothing is open
    rate_so_far: float | None  # good days / days with data
    plan_rate: float  # target / days in year
    reachable: bool
    status: MetricStatus
    reason: str

    def pace_on(self, day_number: int) -> float:
        """Pace line value after ``day_number`` days of the year."""
        return self.target * day_number / self.days_in_year


def good_days_pace(year: int, target: float, as_of: date, *, good_days: int, days_with_data: int,
                   heavy_days: int = 0) -> GoodDaysPace:
    days = year_days(year, as_of)
    if not 0 <= good_days <= days_with_data <= days.elapsed:
        raise ValueError("need 0 <= good_days <= days_with_data <= elapsed days")
    target_days = math.ceil(target)
    without = days.elapsed - days_with_data
    expected = target_days * days.elapsed / days.total
    needed = max(0, target_days - good_days)
    open_days = days.remaining + without
    needed_rate = needed / open_days if open_days else None
    plan_rate = target_days / days.total
    reachable = needed <= open_days
    pace = GoodDaysPace(
        year=year, target=target_days, days_in_year=days.total, days_elapsed=days.elapsed,
        days_remaining=days.remaining, good_days=good_days, days_with_data=days_with_data,
        days_without_data=without, heavy_days=heavy_days, pace_expected=expected,
        pace_gap=good_days - expected, still_needed=needed, open_days=open_days,
        needed_rate=needed_rate, rate_so_far=good_days / days_with_data if days_with_data else None,
        plan_rate=plan_rate, reachable=reachable, status=MetricStatus.NO_DATA, reason="")
    status, reason = _good_days_status(pace)
    return replace(pace, status=status, reason=reason)


def _good_days_status(p: GoodDaysPace) -> tuple[MetricStatus, str]:
    no_data = f"，另有{p.days_without_data}天无数据" if p.days_without_data else ""
    if p.still_needed == 0:
        return MetricStatus.GREEN, f"已达到全年目标（优良{p.good_days}天 ≥ {p.target}天）"
    if p.days_with_data == 0:
        return MetricStatus.NO_DATA, f"尚无读数（已过{p.days_elapsed}天）"
    if not p.reachable:
        return MetricStatus.RED, (f"全年目标已无法完成：还需优良{p.still_needed}天，"
                                  f"仅余{p.open_days}天{no_data}")
    gap = abs(p.pace_gap)
    rate = f"今后优良天数比例需达到{percent(p.needed_rate)}（全年计划{percent(p.plan_rate)}）"
    if p.pace_gap >= 0:
        return MetricStatus.GREEN, f"超出序时进度{gap:.1f}天{no_data}"
    if p.needed_rate is not None and p.needed_rate - p.plan_rate > RED_RATE_GAP:
        return MetricStatus.RED, f"落后序时进度{gap:.1f}天{no_data}；{rate}"
    return MetricStatus.AMBER, f"落后序时进度{gap:.1f}天{no_data}；{rate}"


@dataclass(frozen=True)
class MonthPace:
    """One month of the good-days table: counts in the month, running total against the pace."""

    month: int
    end: date  # the month's last day, or the last counted day in the current month
    good: int | None  # good days in the month (None: the month has not started)
    without_data: int | None
    cumulative: int | None
    pace: float  # the pace line at ``end``

    @property
    def gap(self) -> float | None:
        return None if self.cumulative is None else self.cumulative - self.pace

    @property
    def label(self) -> str:
        last = calendar.monthrange(self.end.year, self.end.month)[1]
        return f"{self.month}月" if self.end.day == last else f"{self.month}月{self.end.day}日"


def month_pace(year: int, target: float, as_of: date, levels: dict[date, int]) -> list[MonthPace]:
    """Twelve rows: good days and days without data per month, the running total and the pace
    line at each month's end (at ``as_of`` for the current month)."""
    total = 366 if calendar.isleap(year) else 365
    last = last_counted_day(year, as_of)
    target_days = math.ceil(target)
    rows, running = [], 0
    for month in range(1, 13):
        end = date(year, month, calendar.monthrange(year, month)[1])
        started = last is not None and last >= date(year, month, 1)
        if last is not None and started and last < end:
            end = last
        good = without = None
        if started:
            days = [date(year, month, d) for d in range(1, end.day + 1)]
            good = sum(1 for d in days if levels.get(d, 99) <= GOOD_LEVEL_MAX)
            without = sum(1 for d in days if d not in levels)
            running += good
        pace = target_days * ((end - date(year, 1, 1)).days + 1) / total
        rows.append(MonthPace(month, end, good, without, running if started else None, pace))
    return rows


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


# ----------------------------------------------------------------------------- concentrations
@dataclass(frozen=True)
class MonthMean:
    month: date  # first day of the month
    mean: float
    weight: int  # days the mean stands for


def month_means(readings: list[tuple[date, str, float]], as_of: date) -> dict[date, MonthMean]:
    """(day, 'DAY'|'MONTH', value) readings up to ``as_of`` → monthly means by month start."""
    daily: dict[date, list[float]] = {}
    monthly: dict[date, float] = {}
    for day, period, value in readings:
        month = day.replace(day=1)
        if period == "MONTH":
            monthly[month] = value
        else:
            daily.setdefault(month, []).append(value)
    out: dict[date, MonthMean] = {}
    for month, values in daily.items():
        out[month] = MonthMean(month, sum(values) / len(values), len(values))
    for month, value in monthly.items():
        if month in out:
            continue  # daily readings of the month win: they carry their own weight
        length = calendar.monthrange(month.year, month.month)[1]
        covered = as_of.day if (month.year, month.month) == (as_of.year, as_of.month) else length
        out[month] = MonthMean(month, value, covered)
    return dict(sorted(out.items()))


def weighted_mean(months: list[MonthMean]) -> float | None:
    weight = sum(m.weight for m in months)
    return sum(m.mean * m.weight for m in months) / weight if weight else None


@dataclass(frozen=True)
class ConcentrationSummary:
    ytd_mean: float | None  # all months of the county series
    compared_months: tuple[date, ...]  # months used against the reference/target
    compared_mean: float | None  # county mean over compared_months
    limit: float | None  # reference mean over the same months, or the fixed target
    limit_label: str  # 全省平均值 / 目标值
    months_above: tuple[date, ...]  # compared months where the county was worse
    excess: float | None  # (compared_mean - limit) / limit for AT_MOST
    status: MetricStatus
    reason: str


def concentration_summary(county: dict[date, MonthMean], reference: dict[date, MonthMean], *,
                          direction: MetricDirection, target: float | None,
                          reference_name: str | None, uom: str) -> ConcentrationSummary:
    ytd = weighted_mean(list(county.values()))
    if reference_name:
        common = [m for m in county if m in reference]
        compared = weighted_mean([county[m] for m in common])
        limit = weighted_mean([MonthMean(m, reference[m].mean, county[m].weight) for m in common])
        above = tuple(m for m in common if _worse(county[m].mean, reference[m].mean, direction))
        label = reference_name
    else:
        common = list(county)
        compared, limit, label = ytd, target, "目标值"
        above = tuple(m for m in common if limit is not None and _worse(county[m].mean, limit, direction))
    if compared is None or limit is None or limit <= 0:
        reason = "尚无读数" if not county else f"没有可比较的{label}读数"
        return ConcentrationSummary(ytd, tuple(common), compared, limit, label, above, None,
                                    MetricStatus.NO_DATA, reason)
    excess = (compared - limit) / limit
    if direction is MetricDirection.AT_LEAST:
        excess = -excess
    span = month_span(common)
    text = f"{span}均值{compared:.1f}{uom}，{label}{limit:.1f}{uom}"
    if excess <= 0:
        status, text = MetricStatus.GREEN, f"{text}，达到要求"
    else:
        status = MetricStatus.AMBER if excess <= AMBER_EXCESS else MetricStatus.RED
        word = "高于" if direction is MetricDirection.AT_MOST else "低于"
        text = f"{text}，{word}{label}{excess * 100:.1f}%"
    if above:
        text += f"；超过{label}的月份：{'、'.join(f'{m.month}月' for m in above)}"
    return ConcentrationSummary(ytd, tuple(common), compared, limit, label, above, excess, status, text)


def _worse(value: float, limit: float, direction: MetricDirection) -> bool:
    return value > limit if direction is MetricDirection.AT_MOST else value < limit


def month_span(months: list[date]) -> str:
    if not months:
        return ""
    first, last = months[0], months[-1]
    return f"{first.month}月" if first == last else f"{first.month}—{last.month}月"


# ----------------------------------------------------------------------------- water class
@dataclass(frozen=True)
class WaterClassSummary:
    target_class: int
    months: tuple[tuple[date, int | None], ...]  # every month of the year so far
    months_met: tuple[date, ...]
    months_missed: tuple[date, ...]
    months_without_data: tuple[date, ...]  # completed months with no reading
    latest: tuple[date, int] | None
    status: MetricStatus
    reason: str


def water_class_summary(year: int, as_of: date, classes: dict[date, int],
                        target_class: int) -> WaterClassSummary:
    """``classes``: month start → class 1…6 (months after ``as_of`` are ignored)."""
    last = last_counted_day(year, as_of)
    months = [date(year, m, 1) for m in range(1, last.month + 1)] if last else []
    series = tuple((m, classes.get(m)) for m in months)
    met = tuple(m for m, c in series if c is not None and c <= target_class)
    missed = tuple(m for m, c in series if c is not None and c > target_class)
    current = last.replace(day=1) if last and last < date(year, 12, 31) else None
    without = tuple(m for m, c in series if c is None and m != current)
    with_data = [(m, c) for m, c in series if c is not None]
    latest = with_data[-1] if with_data else None
    target_label = WATER_CLASSES[target_class] + "类"
    gaps = f"；{len(without)}个月无数据" if without else ""
    if latest is None:
        return WaterClassSummary(target_class, series, met, missed, without, None,
                                 MetricStatus.NO_DATA, f"尚无读数{gaps}")
    counts = f"{len(with_data)}个月中{len(met)}个月达到{target_label}"
    missed_text = "、".join(f"{m.month}月（{WATER_CLASSES[classes[m]]}类）" for m in missed)
    if latest[1] > target_class:
        status = MetricStatus.RED
        reason = f"{latest[0].month}月为{WATER_CLASSES[latest[1]]}类，未达到{target_label}；{counts}"
    elif missed:
        status = MetricStatus.AMBER
        reason = f"{counts}，{missed_text}未达标，尚未稳定达标"
    else:
        status, reason = MetricStatus.GREEN, f"{counts}，稳定达标"
    return WaterClassSummary(target_class, series, met, missed, without, latest, status,
                             reason + gaps)
