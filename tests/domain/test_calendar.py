from datetime import date, timedelta

from wuyang_tasks.domain.calendar import WorkdayCalendar


def test_national_day_2016_and_its_make_up_weekend():
    cal = WorkdayCalendar()
    assert not cal.is_workday(date(2016, 10, 3))  # 国庆 holiday on a Monday
    assert cal.is_workday(date(2016, 10, 8))  # 调休: Saturday worked
    assert cal.is_workday(date(2016, 10, 9))  # 调休: Sunday worked
    # 5 working days after Friday 2016-09-30: 10/8, 10/9, 10/10, 10/11, 10/12
    assert cal.add_workdays(date(2016, 9, 30), 5) == date(2016, 10, 12)


def test_spring_festival_2016():
    cal = WorkdayCalendar()
    assert cal.is_workday(date(2016, 2, 6))  # Saturday made a working day
    assert not cal.is_workday(date(2016, 2, 8))  # 春节
    assert cal.is_workday(date(2016, 2, 14))  # Sunday made a working day
    # Working days in (2016-02-05, 2016-02-15]: 2/6, 2/14, 2/15
    assert cal.workdays_between(date(2016, 2, 5), date(2016, 2, 15)) == 3
    assert cal.workdays_between(date(2016, 2, 15), date(2016, 2, 5)) == -3


def test_2026_make_up_working_days_from_the_state_council_notice():
    cal = WorkdayCalendar()
    for day in (date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
                date(2026, 9, 20), date(2026, 10, 10)):
        assert cal.is_workday(day), day
    assert cal.uncovered_years == set()
    assert cal.warning() is None


def test_start_day_is_not_counted_and_zero_days_is_the_start():
    cal = WorkdayCalendar()
    assert cal.add_workdays(date(2016, 7, 13), 0) == date(2016, 7, 13)
    assert cal.add_workdays(date(2016, 7, 13), 1) == date(2016, 7, 14)
    assert cal.add_workdays(date(2016, 7, 15), 1) == date(2016, 7, 18)  # Friday → Monday


def test_calendar_period_ending_on_a_holiday_moves_to_the_next_working_day():
    cal = WorkdayCalendar()
    # 30 days after 2016-09-03 is 2016-10-03, inside 国庆 → first working day after it, 10-08
    assert cal.calendar_deadline(date(2016, 9, 3), 30) == date(2016, 10, 8)
    assert cal.calendar_deadline(date(2016, 7, 13), 7) == date(2016, 7, 20)


def test_a_year_the_package_does_not_know_warns_and_uses_weekdays():
    year = 2040
    assert not WorkdayCalendar.package_covers(year)
    cal = WorkdayCalendar()
    assert cal.is_workday(date(year, 1, 2))  # a Monday
    assert not cal.is_workday(date(year, 1, 7))  # a Saturday
    assert cal.uncovered_years == {year}
    assert "2040年" in cal.warning()


def test_overrides_win_and_cover_their_year():
    cal = WorkdayCalendar({date(2040, 1, 2): False, date(2016, 10, 8): False})
    assert not cal.is_workday(date(2040, 1, 2))
    assert not cal.is_workday(date(2016, 10, 8))
    assert cal.is_workday(date(2040, 1, 3))
    assert cal.covers(2040)
    assert cal.uncovered_years == set()


def test_workdays_between_across_years_matches_a_day_by_day_count():
    from datetime import timedelta

    def day_by_day(cal, start, end):
        return sum(1 for i in range(1, (end - start).days + 1) if cal.is_workday(start + timedelta(days=i)))

    cal, reference = WorkdayCalendar({date(2016, 10, 8): False}), WorkdayCalendar({date(2016, 10, 8): False})
    for start, end in ((date(2015, 12, 31), date(2016, 1, 1)), (date(2016, 2, 5), date(2019, 3, 1)),
                       (date(2016, 10, 7), date(2016, 10, 8)), (date(2016, 1, 1), date(2016, 12, 31))):
        assert cal.workdays_between(start, end) == day_by_day(reference, start, end)
        assert cal.workdays_between(end, start) == -day_by_day(reference, start, end)
    # only years holding a day of (start, end] are looked up, so only they can be "uncovered"
    cal = WorkdayCalendar()
    assert cal.workdays_between(date(2039, 12, 31), date(2040, 1, 2)) == 1  # 1/1 is a Sunday
    assert cal.uncovered_years == {2040}


def test_running_totals_match_the_package_day_by_day_in_every_year_it_covers():
    import chinese_calendar

    cal = WorkdayCalendar({date(2020, 5, 9): False})
    years = [y for y in range(2004, 2040) if WorkdayCalendar.package_covers(y)]
    assert len(years) > 10
    for year in years:
        days = [date(year, 1, 1) + timedelta(days=i) for i in range((date(year + 1, 1, 1) - date(year, 1, 1)).days)]
        expected = sum(chinese_calendar.is_workday(d) for d in days) - (year == 2020)  # 5/9 overridden
        assert cal.workdays_between(date(year - 1, 12, 31), date(year, 12, 31)) == expected, year
    assert cal.uncovered_years == set()
