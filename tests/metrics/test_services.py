"""Readings entry (validation, all-or-nothing, audit), the read model, raising a task."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db.models import AuditEvent, MetricReading, Responsibility, Task, Unit
from wuyang_tasks.domain.enums import Role, TaskStatus
from wuyang_tasks.domain.errors import NotFound, ValidationError
from wuyang_tasks.domain.metrics import MetricStatus
from wuyang_tasks.services import metrics as svc
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.services.metrics import DAY, MONTH, ReadingEntry

from .conftest import TODAY


def _count(ledger, metric_id=None):
    with ledger.read() as s:
        q = select(func.count(MetricReading.id))
        if metric_id is not None:
            q = q.where(MetricReading.metric_id == metric_id)
        return s.scalar(q)


def _enter(ledger, metric_id, entries, today=TODAY):
    with ledger.write() as s:
        return svc.enter_readings(s, metric_id, entries, today=today)


def _days(start: date, levels):
    return [ReadingEntry(start + timedelta(days=i), float(v)) for i, v in enumerate(levels)]


# ----------------------------------------------------------------------------- validation
@pytest.mark.parametrize("entry, words", [
    (ReadingEntry(date(2015, 12, 31), 2.0), "不在指标年度（2016年）内"),
    (ReadingEntry(date(2016, 7, 30), 2.0), "不能录入未来的读数"),
    (ReadingEntry(date(2016, 7, 1), 7.0), "空气质量级别“7”无效"),
    (ReadingEntry(date(2016, 7, 1), 1.5), "空气质量级别“1.5”无效"),
    (ReadingEntry(date(2016, 7, 1), -1.0), "不能为负数"),
    (ReadingEntry(date(2016, 7, 1), 2.0, period=MONTH), "不能按月录入"),
    (ReadingEntry(date(2016, 7, 1), 2.0, is_reference=True), "没有参照序列"),
])
def test_good_day_entries_refused(ledger, metrics, entry, words):
    with pytest.raises(ValidationError) as err:
        _enter(ledger, metrics.good_days, [ReadingEntry(date(2016, 7, 2), 1.0), entry])
    assert words in err.value.message
    assert _count(ledger) == 0  # the good entry beside it was not stored either


def test_water_class_entries_refused(ledger, metrics):
    bad = [ReadingEntry(date(2016, 3, 1), 7.0, period=MONTH),
           ReadingEntry(date(2016, 4, 1), 4.0, period=DAY),
           ReadingEntry(date(2016, 8, 1), 4.0, period=MONTH)]
    with pytest.raises(ValidationError) as err:
        _enter(ledger, metrics.water, bad)
    msg = err.value.message
    assert "共3处错误" in msg and "水质类别“7”无效" in msg and "按月录入" in msg and "未来" in msg


def test_month_reading_of_the_current_month_is_allowed(ledger, metrics):
    result = _enter(ledger, metrics.water, [ReadingEntry(date(2016, 7, 15), 4.0, period=MONTH)])
    assert result.added == 1
    with ledger.read() as s:
        assert s.scalar(select(MetricReading.day)) == date(2016, 7, 1)  # stored as the month


def test_duplicates_in_one_batch(ledger, metrics):
    with pytest.raises(ValidationError) as err:
        _enter(ledger, metrics.good_days, [ReadingEntry(date(2016, 7, 1), 1.0, where="第2行"),
                                           ReadingEntry(date(2016, 7, 1), 3.0, where="第5行")])
    assert "第5行：本县2016年7月1日的读数重复（第2行已有）" in err.value.message
    # county and reference of the same month are not duplicates
    result = _enter(ledger, metrics.pm25, [ReadingEntry(date(2016, 1, 1), 120.0, period=MONTH),
                                           ReadingEntry(date(2016, 1, 1), 110.0, True, MONTH)])
    assert result.added == 2


def test_a_series_is_daily_or_monthly_not_both(ledger, metrics):
    _enter(ledger, metrics.pm25, [ReadingEntry(date(2016, 1, 1), 120.0, period=MONTH)])
    with pytest.raises(ValidationError) as err:
        _enter(ledger, metrics.pm25, [ReadingEntry(date(2016, 2, 3), 90.0, period=DAY)])
    assert "不能同时有日读数和月读数" in err.value.message
    # the reference series is a series of its own
    assert _enter(ledger, metrics.pm25, [ReadingEntry(date(2016, 2, 3), 90.0, True, DAY)]).added == 1


def test_unknown_metric(ledger, metrics):
    with pytest.raises(NotFound):
        _enter(ledger, 999, [ReadingEntry(date(2016, 7, 1), 1.0)])


# ----------------------------------------------------------------------------- change and clear
def test_change_and_clear_are_audited(ledger, metrics):
    _enter(ledger, metrics.good_days, _days(date(2016, 7, 1), [1, 2, 3]))
    result = _enter(ledger, metrics.good_days, [
        ReadingEntry(date(2016, 7, 1), 1.0),          # unchanged
        ReadingEntry(date(2016, 7, 2), 4.0),          # changed
        ReadingEntry(date(2016, 7, 3), None),         # cleared
        ReadingEntry(date(2016, 7, 4), None),         # nothing to clear
    ])
    assert (result.added, result.changed, result.removed, result.unchanged) == (0, 1, 1, 2)
    with ledger.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "metric_reading")
                            .order_by(AuditEvent.seq)).all()
        assert actions == ["create", "create", "create", "update", "delete"]
        assert s.scalar(select(MetricReading.value).where(MetricReading.day == date(2016, 7, 2))) == 4.0
    assert verify_ledger(ledger).ok


# ----------------------------------------------------------------------------- read model
def test_report_from_entered_readings(ledger, metrics):
    _enter(ledger, metrics.good_days, _days(date(2016, 1, 1), [2, 3, 1, 5, 2]))  # 3 good of 5
    _enter(ledger, metrics.pm25, [
        ReadingEntry(date(2016, 1, 1), 120.0, period=MONTH), ReadingEntry(date(2016, 2, 1), 80.0, period=MONTH),
        ReadingEntry(date(2016, 1, 1), 100.0, True, MONTH)])
    _enter(ledger, metrics.water, [ReadingEntry(date(2016, m, 1), 4.0, period=MONTH) for m in (1, 2, 3)])
    with ledger.read() as s:
        report = svc.metrics_report(s, date(2016, 1, 10))
    by_name = {m.name: m for m in report.metrics}
    good = by_name["优良天数"]
    assert good.good_days.good_days == 3 and good.good_days.heavy_days == 1
    assert good.good_days.days_elapsed == 10 and good.good_days.days_without_data == 5
    assert [n for _, n in good.cumulative] == [1, 1, 2, 2, 3, 3, 3, 3, 3, 3]
    assert good.lead_units == ("县环保局",)
    assert good.territorial_units == ("舞泉镇", "北舞渡镇")  # official order, not by id
    assert good.target_text == "≥219天"
    pm = by_name["PM2.5年均浓度"]
    # on 10 January only January counts: February's reading lies after the day
    assert pm.monthly == ((date(2016, 1, 1), 120.0, 100.0),)
    assert pm.status is MetricStatus.RED and pm.target_text == "≤全省平均值"
    water = by_name["三里河省控断面水质类别"]
    assert water.current_text == "1月Ⅳ类" and water.status is MetricStatus.GREEN
    assert water.target_text == "≤Ⅳ类"
    assert by_name["PM10年均浓度"].status is MetricStatus.NO_DATA
    assert not report.demo_data and report.caption == "截至2016年1月10日"


def test_report_for_a_year_without_metrics(ledger, metrics):
    with ledger.read() as s:
        assert svc.metrics_report(s, date(2017, 3, 1)).metrics == []


def test_reading_grid_by_day_and_by_month(ledger, metrics):
    _enter(ledger, metrics.good_days, [ReadingEntry(date(2016, 7, 2), 3.0, note="站点校准")])
    _enter(ledger, metrics.pm25, [ReadingEntry(date(2016, 2, 1), 80.0, period=MONTH),
                                  ReadingEntry(date(2016, 2, 1), 75.0, True, MONTH)])
    with ledger.read() as s:
        days = svc.reading_grid(s, metrics.good_days, date(2016, 7, 1), date(2016, 7, 3))
        months = svc.reading_grid(s, metrics.pm25, date(2016, 1, 1), date(2016, 3, 31))
    assert [(r.day.day, r.value, r.note) for r in days] == [(1, None, None), (2, 3.0, "站点校准"),
                                                            (3, None, None)]
    assert [(r.day.month, r.value, r.reference) for r in months] == [(1, None, None), (2, 80.0, 75.0),
                                                                     (3, None, None)]


# ----------------------------------------------------------------------------- raising a task
def test_many_days_without_data_are_said_not_counted_as_bad(ledger, metrics):
    _enter(ledger, metrics.good_days, _days(date(2016, 7, 1), [3] * 20))
    with ledger.read() as s:
        view = svc.metrics_report(s, TODAY).metrics[0]
    assert view.good_days.days_without_data == 191
    assert view.good_days.needed_rate == pytest.approx(219 / (155 + 191))
    assert view.status is MetricStatus.AMBER and "另有191天无数据" in view.reason


def test_raise_task_links_metric_and_units(ledger, metrics):
    _enter(ledger, metrics.good_days, _days(date(2016, 1, 1), [3] * 211))
    with ledger.write() as s:
        task = svc.raise_task(s, metrics.good_days, today=TODAY, cal=ledger.calendar())
        task_id, code = task.id, task.code
    with ledger.read() as s:
        task = s.get(Task, task_id)
        assert task.status is TaskStatus.DRAFT
        assert "重污染天气应急响应" in task.title
        assert "【关联指标】优良天数（2016年）" in task.content and "红灯" in task.content
        roles = {(r.role, s.get(Unit, r.unit_id).name) for r in
                 s.scalars(select(Responsibility).where(Responsibility.task_id == task_id))}
        assert roles == {(Role.LEAD_UNIT, "县环保局"), (Role.TERRITORIAL_UNIT, "舞泉镇"),
                         (Role.TERRITORIAL_UNIT, "北舞渡镇")}
        assert task.deadline == ledger.calendar().add_workdays(TODAY, 5)
        view = svc.metrics_report(s, TODAY).metrics[0]
        assert view.raised_tasks == (code,)


def test_raise_task_assigned_in_one_action(ledger, metrics):
    with ledger.write() as s:
        task = svc.raise_task(s, metrics.water, today=TODAY, cal=ledger.calendar(), assign=True,
                              title="三里河断面溯源排查")
        assert task.status is TaskStatus.ASSIGNED and task.assigned_on == TODAY
        assert task.title == "三里河断面溯源排查"
    assert verify_ledger(ledger).ok
