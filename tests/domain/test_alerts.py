from datetime import date

import pytest

from wuyang_tasks.domain.alerts import AlertPolicy, evaluate
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import AlertLevel, DeadlineBasis, TaskStatus

CAL = WorkdayCalendar()
DUE = date(2016, 7, 29)  # a Friday


def alert(today, *, basis=DeadlineBasis.CALENDAR, status=TaskStatus.IN_PROGRESS, deadline=DUE,
          last_report=None, **kw):
    return evaluate(status=status, deadline=deadline, basis=basis, today=today, cal=CAL,
                    last_report=last_report or today, **kw)


def test_due_today_is_blue_not_red():
    a = alert(DUE)
    assert a.level is AlertLevel.BLUE and a.days_overdue == 0 and a.days_left == 0


def test_one_day_after_the_deadline_is_red():
    a = alert(date(2016, 7, 30))
    assert a.level is AlertLevel.RED and a.days_overdue == 1


def test_days_overdue_in_working_days_skip_the_weekend():
    a = alert(date(2016, 8, 1), basis=DeadlineBasis.WORKDAY)  # Sat, Sun, Mon → 1 working day
    assert a.level is AlertLevel.RED and a.days_overdue == 1
    assert alert(date(2016, 8, 1)).days_overdue == 3


@pytest.mark.parametrize(("today", "level"), [
    (date(2016, 7, 25), AlertLevel.GREEN),  # 4 calendar days left
    (date(2016, 7, 26), AlertLevel.BLUE),  # 3 left: the boundary
])
def test_blue_boundary_in_calendar_days(today, level):
    assert alert(today).level is level


def test_blue_boundary_in_working_days_counts_no_weekend():
    # From Monday 7/25 to Friday 7/29 is 4 working days: green; from Tuesday 3: blue.
    assert alert(date(2016, 7, 25), basis=DeadlineBasis.WORKDAY).level is AlertLevel.GREEN
    assert alert(date(2016, 7, 26), basis=DeadlineBasis.WORKDAY).level is AlertLevel.BLUE


def test_yellow_when_no_report_within_the_reporting_period():
    today = date(2016, 7, 20)
    assert alert(today, last_report=date(2016, 7, 13)).level is AlertLevel.GREEN  # 7 days: still fine
    assert alert(today, last_report=date(2016, 7, 12)).level is AlertLevel.YELLOW
    assert alert(today, last_report=date(2016, 7, 12),
                 policy=AlertPolicy(reporting_period_days=10)).level is AlertLevel.GREEN


def test_red_outranks_yellow():
    a = alert(date(2016, 8, 5), last_report=date(2016, 7, 1))
    assert a.level is AlertLevel.RED


def test_approved_extension_moves_the_deadline_only_when_passed_in():
    today = date(2016, 8, 2)
    assert alert(today).level is AlertLevel.RED
    extended = alert(today, extended_to=date(2016, 8, 31))
    assert extended.level is AlertLevel.GREEN and extended.effective_deadline == date(2016, 8, 31)


def test_closed_and_draft_tasks_carry_no_light():
    for status in (TaskStatus.DRAFT, TaskStatus.DONE, TaskStatus.ARCHIVED, TaskStatus.CANCELLED,
                   TaskStatus.SUSPENDED):
        assert alert(date(2016, 9, 1), status=status).level is None


def test_ongoing_task_is_never_red():
    assert alert(date(2030, 1, 1), deadline=None).level is AlertLevel.GREEN


def test_monthly_report_due_by_the_25th():
    kw = dict(deadline=None, recurrence_day=25)
    on_time = alert(date(2016, 7, 26), last_report=date(2016, 7, 24), **kw)
    assert on_time.level is AlertLevel.GREEN and on_time.effective_deadline == date(2016, 8, 25)
    late = evaluate(status=TaskStatus.IN_PROGRESS, deadline=None, basis=DeadlineBasis.CALENDAR,
                    today=date(2016, 7, 26), cal=CAL, recurrence_day=25,
                    last_report=date(2016, 6, 24))
    assert late.level is AlertLevel.RED and late.days_overdue == 1
