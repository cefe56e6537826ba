"""完成时限 as the clerk states it, and the date it comes to on the workday calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import DeadlineBasis
from wuyang_tasks.domain.errors import ValidationError


@dataclass(frozen=True)
class DeadlineSpec:
    """完成时限 as the clerk states it.

    CALENDAR with ``day``: that date. CALENDAR with ``start`` and ``days``: N calendar days
    (a rest day at the end moves to the next working day). WORKDAY: N working days after
    ``start`` (default: the day the task is assigned). ``recurrence_day``: due by that day every
    month. ``ongoing``: 长期坚持, no date.
    """

    basis: DeadlineBasis = DeadlineBasis.CALENDAR
    day: date | None = None
    start: date | None = None
    days: int | None = None
    text: str | None = None
    recurrence_day: int | None = None
    ongoing: bool = False

    def resolve(self, cal: WorkdayCalendar, fallback_start: date | None) -> date | None:
        if self.ongoing or self.recurrence_day:
            return None
        if self.days is not None:
            if self.days < 0:
                raise ValidationError("时限天数不能为负数。")
            start = self.start or fallback_start
            if start is None:
                return None  # computed when the task is assigned
            if self.basis is DeadlineBasis.WORKDAY:
                return cal.add_workdays(start, self.days)
            return cal.calendar_deadline(start, self.days)
        return self.day
