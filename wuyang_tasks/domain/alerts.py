"""Alert level (亮灯) and days overdue, derived from a task's facts — never stored by hand.

RED: overdue (the effective deadline has passed and the task is open).
YELLOW: no progress report within the reporting period (序时进度 behind).
BLUE: due within ``blue_days`` days, counted in the task's own basis.
GREEN: on track.
Only open tasks (已交办 … 已反馈) carry a light; others get ``None``.
A task overdue without an approved extension is judged against its original deadline: the
caller passes the latest *approved* extension date as ``extended_to``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import WorkdayCalendar
from .enums import AlertLevel, DeadlineBasis, TaskStatus

DEFAULT_BLUE_DAYS = 3
DEFAULT_REPORTING_PERIOD_DAYS = 7


@dataclass(frozen=True)
class AlertPolicy:
    blue_days: int = DEFAULT_BLUE_DAYS
    reporting_period_days: int = DEFAULT_REPORTING_PERIOD_DAYS


@dataclass(frozen=True)
class Alert:
    level: AlertLevel | None
    days_overdue: int  # in the task's basis; 0 when not overdue
    days_left: int | None  # in the task's basis; None without a deadline
    effective_deadline: date | None


def effective_deadline(deadline: date | None, extended_to: date | None,
                       recurrence_day: int | None, today: date) -> date | None:
    if recurrence_day:
        return monthly_due(today, recurrence_day)
    return extended_to or deadline


def monthly_due(today: date, day: int) -> date:
    """This month's due day for a report due by ``day`` every month (short months clamp)."""
    first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first_next - timedelta(days=1)).day
    return today.replace(day=min(day, last))


def days_in_basis(cal: WorkdayCalendar, basis: DeadlineBasis, start: date, end: date) -> int:
    if basis is DeadlineBasis.WORKDAY:
        return cal.workdays_between(start, end)
    return (end - start).days


def evaluate(
    *,
    status: TaskStatus,
    deadline: date | None,
    basis: DeadlineBasis,
    today: date,
    cal: WorkdayCalendar,
    extended_to: date | None = None,
    recurrence_day: int | None = None,
    last_report: date | None = None,
    assigned_on: date | None = None,
    policy: AlertPolicy = AlertPolicy(),
) -> Alert:
    due = effective_deadline(deadline, extended_to, recurrence_day, today)
    if not status.is_open:
        return Alert(None, 0, None, due)
    if recurrence_day and last_report and last_report.year == today.year and last_report.month == today.month:
        due = monthly_due((today.replace(day=1) + timedelta(days=32)).replace(day=1), recurrence_day)
    days_left = days_in_basis(cal, basis, today, due) if due else None
    if due is not None and today > due:
        return Alert(AlertLevel.RED, days_in_basis(cal, basis, due, today), days_left, due)
    since = last_report or assigned_on
    if since is not None and (today - since).days > policy.reporting_period_days:
        return Alert(AlertLevel.YELLOW, 0, days_left, due)
    if days_left is not None and days_left <= policy.blue_days:
        return Alert(AlertLevel.BLUE, 0, days_left, due)
    return Alert(AlertLevel.GREEN, 0, days_left, due)
