"""Pace arithmetic and status rules (domain.metrics): start, middle and end of a year, leap
years, missing days, concentrations against a reference, water classes."""

from datetime import date

import pytest

from wuyang_tasks.domain import metrics as rules
from wuyang_tasks.domain.enums import MetricDirection
from wuyang_tasks.domain.metrics import MetricStatus, MonthMean, good_days_pace


# ----------------------------------------------------------------------------- days of the year
@pytest.mark.parametrize("year, as_of, elapsed, remaining, total", [
    (2016, date(2016, 1, 1), 1, 365, 366),       # leap year, first day
    (2016, date(2016, 2, 29), 60, 306, 366),     # leap day counts
    (2016, date(2016, 3, 1), 61, 305, 366),
    (2016, date(2016, 7, 29), 211, 155, 366),    # the demo's reference day
    (2016, date(2016, 12, 31), 366, 0, 366),
    (2017, date(2017, 3, 1), 60, 305, 365),      # no 29 February
    (2017, date(2017, 7, 29), 210, 155, 365),
    (2017, date(2017, 12, 31), 365, 0, 365),
    (2016, date(2015, 12, 31), 0, 366, 366),     # before the year
    (2016, date(2017, 3, 1), 366, 0, 366),       # after the year
    (2000, date(2000, 12, 31), 366, 0, 366),     # divisible by 400: leap
    (1900, date(1900, 12, 31), 365, 0, 365),     # divisible by 100: not leap
])
def test_year_days(year, as_of, elapsed, remaining, total):
    days = rules.year_days(year, as_of)
    assert (days.elapsed, days.remaining, days.total) == (elapsed, remaining, total)


# ----------------------------------------------------------------------------- pace and needed rate
def test_first_day_of_a_leap_year():
    p = good_days_pace(2016, 219, date(2016, 1, 1), good_days=1, days_with_data=1)
    assert p.days_in_year == 366 and p.days_elapsed == 1 and p.days_remaining == 365
    assert p.pace_expected == pytest.approx(219 / 366)
    assert p.still_needed == 218
    assert p.needed_rate == pytest.approx(218 / 365)
    assert p.status is MetricStatus.GREEN  # 1 good day is ahead of 0.598


def test_first_day_bad_is_amber_not_red():
    p = good_days_pace(2016, 219, date(2016, 1, 1), good_days=0, days_with_data=1)
    assert p.needed_rate == pytest.approx(219 / 365)
    assert p.status is MetricStatus.AMBER


def test_before_the_year_nothing_elapsed():
    p = good_days_pace(2016, 219, date(2015, 12, 20), good_days=0, days_with_data=0)
    assert (p.days_elapsed, p.days_remaining, p.pace_expected) == (0, 366, 0)
    assert p.needed_rate == pytest.approx(219 / 366)
    assert p.status is MetricStatus.NO_DATA


def test_middle_of_2016_matches_hand_computation():
    p = good_days_pace(2016, 219, date(2016, 7, 29), good_days=124, days_with_data=209)
    assert p.pace_expected == pytest.approx(219 * 211 / 366)  # 126.25
    assert p.pace_gap == pytest.approx(124 - 219 * 211 / 366)
    assert p.days_without_data == 2
    assert p.still_needed == 95
    assert p.open_days == 155 + 2
    assert p.needed_rate == pytest.approx(95 / 157)
    assert p.rate_so_far == pytest.approx(124 / 209)
    assert p.plan_rate == pytest.approx(219 / 366)
    assert p.status is MetricStatus.AMBER
    assert "落后序时进度2.3天" in p.reason and "2天无数据" in p.reason and "60.5%" in p.reason


def test_same_day_in_a_common_year_has_one_day_less():
    leap = good_days_pace(2016, 219, date(2016, 7, 29), good_days=130, days_with_data=211)
    common = good_days_pace(2017, 219, date(2017, 7, 29), good_days=130, days_with_data=210)
    assert common.pace_expected == pytest.approx(219 * 210 / 365)
    assert leap.pace_expected == pytest.approx(219 * 211 / 366)
    assert common.needed_rate == pytest.approx(89 / 155)
    assert leap.needed_rate == pytest.approx(89 / 155)


def test_end_of_year_target_reached():
    p = good_days_pace(2016, 219, date(2016, 12, 31), good_days=219, days_with_data=366)
    assert p.days_remaining == 0 and p.still_needed == 0 and p.open_days == 0
    assert p.needed_rate is None
    assert p.status is MetricStatus.GREEN and "已达到全年目标" in p.reason


def test_end_of_year_one_short_is_red_and_unreachable():
    p = good_days_pace(2016, 219, date(2016, 12, 31), good_days=218, days_with_data=366)
    assert not p.reachable and p.needed_rate is None
    assert p.status is MetricStatus.RED and "无法完成" in p.reason


def test_end_of_year_missing_days_still_open():
    """Days without data stay open: a year-end total short of the target is not final yet."""
    p = good_days_pace(2016, 219, date(2016, 12, 31), good_days=217, days_with_data=360)
    assert p.days_without_data == 6 and p.open_days == 6
    assert p.reachable and p.needed_rate == pytest.approx(2 / 6)


def test_missing_days_are_neither_good_nor_bad():
    with_gap = good_days_pace(2016, 219, date(2016, 4, 9), good_days=54, days_with_data=90)
    assert with_gap.days_elapsed == 100
    assert with_gap.days_without_data == 10
    assert with_gap.open_days == 266 + 10
    assert with_gap.needed_rate == pytest.approx(165 / 276)
    assert with_gap.rate_so_far == pytest.approx(54 / 90)  # not 54 / 100
    as_bad = good_days_pace(2016, 219, date(2016, 4, 9), good_days=54, days_with_data=100)
    assert as_bad.needed_rate == pytest.approx(165 / 266)
    assert with_gap.needed_rate < as_bad.needed_rate


def test_exactly_on_the_pace_line_is_green():
    # 2016: after 122 days the pace line is at 219 * 122 / 366 = 73 exactly
    p = good_days_pace(2016, 219, date(2016, 5, 1), good_days=73, days_with_data=122)
    assert p.pace_gap == pytest.approx(0)
    assert p.status is MetricStatus.GREEN


def test_red_when_needed_rate_far_above_plan():
    # 1 October 2016: 275 days elapsed, 91 remaining; 160 good → need 59 of 91 = 64.8 % (< +10 pp)
    amber = good_days_pace(2016, 219, date(2016, 10, 1), good_days=160, days_with_data=275)
    assert amber.status is MetricStatus.AMBER
    # 150 good → need 69 of 91 = 75.8 %, more than 10 points above 59.8 %
    red = good_days_pace(2016, 219, date(2016, 10, 1), good_days=150, days_with_data=275)
    assert red.needed_rate - red.plan_rate > rules.RED_RATE_GAP
    assert red.status is MetricStatus.RED


def test_inconsistent_counts_refused():
    with pytest.raises(ValueError):
        good_days_pace(2016, 219, date(2016, 1, 10), good_days=5, days_with_data=11)
    with pytest.raises(ValueError):
        good_days_pace(2016, 219, date(2016, 1, 10), good_days=6, days_with_data=5)


def test_month_pace_rows():
    levels = {date(2016, 2, d): 2 for d in range(1, 30)}  # all of February good
    levels[date(2016, 3, 1)] = 3
    rows = rules.month_pace(2016, 219, date(2016, 3, 1), levels)
    assert len(rows) == 12
    jan, feb, mar, apr = rows[:4]
    assert (jan.good, jan.without_data, jan.cumulative) == (0, 31, 0)
    assert (feb.good, feb.without_data, feb.cumulative, feb.end) == (29, 0, 29, date(2016, 2, 29))
    assert feb.pace == pytest.approx(219 * 60 / 366)
    assert mar.label == "3月1日" and mar.cumulative == 29 and mar.without_data == 0
    assert apr.cumulative is None and apr.gap is None
    assert rows[-1].pace == pytest.approx(219)


# ----------------------------------------------------------------------------- concentrations
def test_month_means_weights():
    readings = [(date(2016, 1, 1), "DAY", 100.0), (date(2016, 1, 2), "DAY", 50.0),
                (date(2016, 2, 1), "MONTH", 80.0), (date(2016, 3, 1), "MONTH", 60.0)]
    means = rules.month_means(readings, date(2016, 3, 10))
    assert means[date(2016, 1, 1)] == MonthMean(date(2016, 1, 1), 75.0, 2)
    assert means[date(2016, 2, 1)].weight == 29  # leap February, a whole past month
    assert means[date(2016, 3, 1)].weight == 10  # the current month up to the day


def _means(values, start_month=1):
    return {date(2016, m, 1): MonthMean(date(2016, m, 1), v, 30)
            for m, v in enumerate(values, start=start_month)}


def test_concentration_compared_over_common_months_only():
    county = _means([120, 60, 40])
    reference = _means([100, 70])  # no reference for March yet
    s = rules.concentration_summary(county, reference, direction=MetricDirection.AT_MOST, target=None,
                                    reference_name="全省平均值", uom="μg/m³")
    assert s.compared_months == (date(2016, 1, 1), date(2016, 2, 1))
    assert s.compared_mean == pytest.approx(90) and s.limit == pytest.approx(85)
    assert s.ytd_mean == pytest.approx(220 / 3)
    assert s.excess == pytest.approx(5 / 85)
    assert s.status is MetricStatus.AMBER
    assert s.months_above == (date(2016, 1, 1),)
    assert "高于全省平均值5.9%" in s.reason


@pytest.mark.parametrize("county, status", [([80], MetricStatus.GREEN), ([110], MetricStatus.AMBER),
                                            ([110.1], MetricStatus.RED)])
def test_concentration_thresholds(county, status):
    s = rules.concentration_summary(_means(county), _means([100]), direction=MetricDirection.AT_MOST,
                                    target=None, reference_name="全省平均值", uom="μg/m³")
    assert s.status is status


def test_concentration_fixed_target_and_no_data():
    s = rules.concentration_summary(_means([50, 40]), {}, direction=MetricDirection.AT_MOST, target=48,
                                    reference_name=None, uom="μg/m³")
    assert s.limit == 48 and s.status is MetricStatus.GREEN and s.months_above == (date(2016, 1, 1),)
    empty = rules.concentration_summary({}, _means([100]), direction=MetricDirection.AT_MOST, target=None,
                                        reference_name="全省平均值", uom="μg/m³")
    assert empty.status is MetricStatus.NO_DATA and empty.reason == "尚无读数"
    no_ref = rules.concentration_summary(_means([90]), {}, direction=MetricDirection.AT_MOST, target=None,
                                         reference_name="全省平均值", uom="μg/m³")
    assert no_ref.status is MetricStatus.NO_DATA and "没有可比较的全省平均值" in no_ref.reason


# ----------------------------------------------------------------------------- water class
def _classes(values):
    return {date(2016, m, 1): c for m, c in enumerate(values, start=1) if c is not None}


def test_water_all_months_met_is_green():
    s = rules.water_class_summary(2016, date(2016, 7, 29), _classes([4, 3, 4, 4, 4, 4, 4]), 4)
    assert s.status is MetricStatus.GREEN and len(s.months_met) == 7


def test_water_earlier_month_missed_is_amber():
    s = rules.water_class_summary(2016, date(2016, 7, 29), _classes([4, 4, 5, 4, 4, 4, 4]), 4)
    assert s.status is MetricStatus.AMBER
    assert s.months_missed == (date(2016, 3, 1),)
    assert "3月（Ⅴ类）" in s.reason


def test_water_latest_month_missed_is_red():
    s = rules.water_class_summary(2016, date(2016, 7, 29), _classes([4, 4, 4, 4, 4, 4, 6]), 4)
    assert s.status is MetricStatus.RED and "劣Ⅴ类" in s.reason


def test_water_months_without_data_exclude_the_current_month():
    s = rules.water_class_summary(2016, date(2016, 7, 29), _classes([4, None, 4, 4, 4, 4, None]), 4)
    assert s.months_without_data == (date(2016, 2, 1),)  # July is not over yet
    assert s.latest == (date(2016, 6, 1), 4)
    assert "1个月无数据" in s.reason


def test_water_no_readings():
    s = rules.water_class_summary(2016, date(2016, 3, 5), {}, 4)
    assert s.status is MetricStatus.NO_DATA and len(s.months) == 3


# ----------------------------------------------------------------------------- parsing
@pytest.mark.parametrize("text, value", [("Ⅳ", 4), ("IV", 4), ("Ⅳ类", 4), ("4", 4), ("4.0", 4),
                                         ("劣Ⅴ", 6), ("劣V类", 6), ("劣Ⅴ类", 6), ("i", 1), ("Ⅲ 类", 3)])
def test_parse_water_class(text, value):
    assert rules.parse_water_class(text) == value


@pytest.mark.parametrize("text", ["Ⅶ", "7", "0", "劣Ⅳ", "", "4.5", "好"])
def test_parse_water_class_refuses(text):
    with pytest.raises(ValueError):
        rules.parse_water_class(text)


@pytest.mark.parametrize("text, level", [("优", 1), ("良", 2), ("轻度污染", 3), ("重度", 5), ("6", 6),
                                         ("2级", 2)])
def test_parse_aqi_level(text, level):
    assert rules.parse_aqi_level(text) == level


@pytest.mark.parametrize("aqi, level", [(0, 1), (50, 1), (51, 2), (100, 2), (101, 3), (200, 4),
                                        (201, 5), (300, 5), (301, 6), (500, 6)])
def test_aqi_index_to_level(aqi, level):
    assert rules.aqi_level_of_index(aqi) == level
