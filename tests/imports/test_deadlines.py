from datetime import date

import pytest

from wuyang_tasks.domain.enums import DeadlineBasis
from wuyang_tasks.imports.deadlines import DeadlineError, find_key_period, parse_deadline

MEETING = date(2016, 7, 13)


@pytest.mark.parametrize("text, day", [
    ("2016年9月底前", date(2016, 9, 30)),
    ("9月30日前", date(2016, 9, 30)),
    ("2016.12.31", date(2016, 12, 31)),
    ("2016-12-31", date(2016, 12, 31)),
    ("2016/11/5", date(2016, 11, 5)),
    ("年底前", date(2016, 12, 31)),
    ("2017年3月31日前", date(2017, 3, 31)),
    ("9月中旬", date(2016, 9, 20)),
    ("十月底", date(2016, 10, 31)),
    ("第三季度", date(2016, 9, 30)),
    ("上半年", date(2016, 6, 30)),
    ("7、8、9三个月", date(2016, 9, 30)),
    ("7月底前完成排查，9月底前完成整改", date(2016, 9, 30)),
    (date(2016, 8, 15), date(2016, 8, 15)),
    (42643, date(2016, 9, 30)),  # an Excel serial typed into a number cell
])
def test_dated_forms(text, day):
    spec = parse_deadline(text, 2016, doc_date=MEETING)
    assert spec.day == day
    assert spec.basis is DeadlineBasis.CALENDAR


def test_ongoing_monthly_and_working_days():
    assert parse_deadline("长期坚持", 2016).ongoing
    monthly = parse_deadline("每月25日前报送", 2016)
    assert monthly.recurrence_day == 25 and monthly.day is None
    work = parse_deadline("会后5个工作日内", 2016, doc_date=MEETING)
    assert (work.basis, work.days, work.start) == (DeadlineBasis.WORKDAY, 5, MEETING)
    assigned = parse_deadline("收到通知后10个工作日内", 2016, doc_date=MEETING)
    assert assigned.start is None and assigned.days == 10  # counted from 交办
    calendar_days = parse_deadline("30日内", 2016)
    assert (calendar_days.basis, calendar_days.days) == (DeadlineBasis.CALENDAR, 30)


@pytest.mark.parametrize("text", ["下月中旬", "尽快", "2016年2月30日", "13月底前", "每月32日前"])
def test_unreadable_or_impossible(text):
    with pytest.raises(DeadlineError):
        parse_deadline(text, 2016)


def test_month_without_year_needs_a_year():
    with pytest.raises(DeadlineError, match="年份"):
        parse_deadline("9月底前", None)
    assert parse_deadline("2016年9月底前", None).day == date(2016, 9, 30)


def test_key_period():
    assert find_key_period("特别是7、8、9三个月", 2016) == (date(2016, 7, 1), date(2016, 9, 30))
    assert find_key_period("7月至9月为重点时段", 2016) == (date(2016, 7, 1), date(2016, 9, 30))
    assert find_key_period("全年", 2016) is None
