"""The demo ledger carries a plausible, generated, clearly marked 2016 series."""

from datetime import date

from sqlalchemy import select

from wuyang_tasks.db.models import Metric, MetricReading
from wuyang_tasks.domain.metrics import GOOD_LEVEL_MAX, MetricStatus
from wuyang_tasks.services import metric_demo
from wuyang_tasks.services.metrics import DEMO_NOTE, metrics_report

REFERENCE_DAY = date(2016, 7, 29)


def test_every_reading_and_metric_is_marked_as_demonstration(demo_ledger):
    with demo_ledger.read() as s:
        notes = set(s.scalars(select(MetricReading.note)))
        metric_notes = list(s.scalars(select(Metric.note)))
        last = s.scalar(select(MetricReading.day).order_by(MetricReading.day.desc()).limit(1))
    assert notes == {DEMO_NOTE}
    assert all("演示数据" in n and "不是实测" in n for n in metric_notes)
    assert last <= REFERENCE_DAY


def test_demo_series_shape(demo_ledger):
    with demo_ledger.read() as s:
        report = metrics_report(s, demo_ledger.today())
    assert report.as_of == REFERENCE_DAY and report.demo_data
    assert "演示数据" in report.caption
    good, pm10, pm25, water = report.metrics
    g = good.good_days
    assert g.days_elapsed == 211 and g.days_without_data == 2
    assert 0.58 <= g.good_days / g.days_with_data <= 0.62
    assert g.pace_gap < 0 and good.status is MetricStatus.AMBER  # a little behind the pace
    assert g.heavy_days > 0
    # PM2.5 above the provincial average in the winter months, below in summer
    winter = [(v, r) for m, v, r in pm25.monthly if m.month in (1, 2)]
    summer = [(v, r) for m, v, r in pm25.monthly if m.month in (5, 6)]
    assert all(v > r for v, r in winter) and all(v < r for v, r in summer)
    assert pm25.concentration.limit_label == "全省平均值"
    assert pm10.status is MetricStatus.GREEN
    # section class Ⅳ most months with one Ⅴ month
    classes = [c for _, c in water.classes]
    assert classes.count(4) == 6 and classes.count(5) == 1
    assert water.status is MetricStatus.AMBER


def test_generator_is_deterministic():
    first, second = metric_demo.aqi_levels(), metric_demo.aqi_levels()
    assert first == second
    good = sum(1 for e in first if e.value <= GOOD_LEVEL_MAX)
    assert good == sum(metric_demo.GOOD_DAYS_BY_MONTH.values())
    assert all(e.day not in metric_demo.MISSING_DAYS for e in first)
