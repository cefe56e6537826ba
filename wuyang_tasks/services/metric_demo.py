"""Demonstration readings for the demo ledger's four 2016 metrics (1 January – 29 July 2016).

The series is generated (deterministic, seeded), NOT measured: every reading's note and each
metric's note say so. It is shaped to look like a county of the Henan plain in 2016: good-air
days a little behind the straight pace to 219 (about 59 % of days with data), two days
without data in February (equipment maintenance), PM2.5 above the provincial average in the
winter months, and the 三里河 section at class Ⅳ except one Ⅴ month.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from wuyang_tasks.db.models import Metric
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.enums import MetricKind

from .metrics import DAY, DEMO_NOTE, MONTH, ReadingEntry, enter_readings

LAST_DAY = date(2016, 7, 29)
MISSING_DAYS = (date(2016, 2, 17), date(2016, 2, 18))  # 设备维护，无数据
# month → (good days, bad days' AQI levels 3…6 in some order)
GOOD_DAYS_BY_MONTH = {1: 12, 2: 13, 3: 17, 4: 21, 5: 22, 6: 18, 7: 21}
HEAVY_BY_MONTH = {1: (5, 5, 5, 5, 6), 2: (5, 5, 5), 3: (5,)}
PM = {  # name → (county Jan…Jul, provincial average Jan…Jun) in μg/m³
    "PM2.5年均浓度": ((128, 96, 78, 62, 55, 48, 45), (118, 90, 75, 63, 57, 50)),
    "PM10年均浓度": ((175, 140, 130, 110, 98, 88, 80), (170, 142, 135, 118, 105, 92)),
}
WATER_CLASSES_BY_MONTH = (4, 4, 5, 4, 4, 4, 4)  # Jan…Jul; March Ⅴ
METRIC_NOTE = "本台账中该指标的读数为程序生成的演示数据（2016年1月1日—7月29日），不是实测监测数据。"


def add_demo_readings(session: Writer, metric: Metric) -> int:
    """Write the demonstration series for ``metric`` and mark the metric; returns readings added."""
    if metric.kind is MetricKind.GOOD_DAYS:
        entries = aqi_levels()
    elif metric.kind is MetricKind.WATER_CLASS:
        entries = [ReadingEntry(date(2016, m, 1), float(c), period=MONTH, note=DEMO_NOTE)
                   for m, c in enumerate(WATER_CLASSES_BY_MONTH, start=1)]
    elif metric.name in PM:
        own, provincial = PM[metric.name]
        entries = [ReadingEntry(date(2016, m, 1), float(v), period=MONTH, note=DEMO_NOTE)
                   for m, v in enumerate(own, start=1)]
        entries += [ReadingEntry(date(2016, m, 1), float(v), is_reference=True, period=MONTH,
                                 note=DEMO_NOTE) for m, v in enumerate(provincial, start=1)]
    else:
        return 0
    result = enter_readings(session, metric.id, entries, today=LAST_DAY)
    note = f"{metric.note}。{METRIC_NOTE}" if metric.note else METRIC_NOTE
    session.update(metric, "update", note=note)
    return result.added


def aqi_levels() -> list[ReadingEntry]:
    """Daily AQI levels: the good-day count of each month as in GOOD_DAYS_BY_MONTH."""
    rng = random.Random(2016)
    entries = []
    for month, good in GOOD_DAYS_BY_MONTH.items():
        days = [d for d in _month_days(2016, month) if d <= LAST_DAY and d not in MISSING_DAYS]
        good_days = set(rng.sample(days, good))
        bad = [d for d in days if d not in good_days]
        heavy = list(HEAVY_BY_MONTH.get(month, ()))
        bad_levels = heavy + [4 if rng.random() < 0.3 else 3 for _ in range(len(bad) - len(heavy))]
        rng.shuffle(bad_levels)
        levels = dict(zip(bad, bad_levels, strict=True))
        for d in good_days:
            levels[d] = 1 if rng.random() < 0.25 else 2
        entries += [ReadingEntry(d, float(levels[d]), period=DAY, note=DEMO_NOTE) for d in sorted(levels)]
    return entries


def _month_days(year: int, month: int) -> list[date]:
    day, out = date(year, month, 1), []
    while day.month == month:
        out.append(day)
        day += timedelta(days=1)
    return out
