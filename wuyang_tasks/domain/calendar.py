"""The official working-day calendar.

Working days come from the State Council's holiday and 调休 schedule as packaged by
``chinesecalendar``, with a table of manual overrides that always wins (offline county PCs lag
behind the package). For a year that neither the package nor the overrides cover, weekdays are
used and the year is recorded in ``uncovered_years`` so that the window and the documents can
say so: never a silent guess.

Counting rules (DOMAIN.md §2): the start day is not counted; "N 个工作日" counts working days
only; a calendar-day period whose last day is a rest day ends on the next working day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import chinese_calendar
from chinese_calendar.constants import holidays as PACKAGE_HOLIDAYS
from chinese_calendar.constants import workdays as PACKAGE_WORKDAYS


class WorkdayCalendar:
    def __init__(self, overrides: Mapping[date, bool] | None = None):
        self._overrides: dict[date, bool] = dict(overrides or {})
        self._override_years = {d.year for d in self._overrides}
        self._cache: dict[date, bool] = {}
        self._running_totals: dict[int, list[int]] = {}
        self.uncovered_years: set[int] = set()

    # -- coverage -------------------------------------------------------------------------
    @staticmethod
    def package_covers(year: int) -> bool:
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return False
        return True

    def covers(self, year: int) -> bool:
        return self.package_covers(year) or year in self._override_years

    def warning(self) -> str | None:
        """A sentence for the status bar and documents, or None when every year used is known."""
        if not self.uncovered_years:
            return None
        years = "、".join(f"{y}年" for y in sorted(self.uncovered_years))
        return (
            f"工作日历未收录{years}的法定节假日和调休安排，暂按周一至周五计算工作日；"
            "请在“工作日历”中补录当年安排，或升级程序。"
        )

    # -- single days ----------------------------------------------------------------------
    def is_workday(self, day: date) -> bool:
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        if day in self._overrides:
            result = self._overrides[day]
        else:
            try:
                result = chinese_calendar.is_workday(day)
            except NotImplementedError:
                if day.year not in self._override_years:
                    self.uncovered_years.add(day.year)
                result = day.weekday() < 5
        self._cache[day] = result
        return result

    # -- arithmetic -----------------------------------------------------------------------
    def add_workdays(self, start: date, n: int) -> date:
        """The day on which a period of ``n`` working days starting after ``start`` ends."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        counted = 0
        while counted < n:
            day += timedelta(days=1)
            if self.is_workday(day):
                counted += 1
        return day

    def workdays_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start.

        Counted from per-year running totals (each year's days are looked up once), so a task
        list of 100,000 rows overdue by years costs no more than one of fresh tasks. The years
        looked up are exactly those holding a day of (start, end], as a day-by-day count would."""
        if end < start:
            return -self.workdays_between(end, start)
        if end == start:
            return 0
        first = start + timedelta(days=1)
        if first.year == end.year:
            running = self._running(end.year)
            return running[end.timetuple().tm_yday] - running[first.timetuple().tm_yday - 1]
        count = self._running(first.year)[-1] - self._running(first.year)[first.timetuple().tm_yday - 1]
        for year in range(first.year + 1, end.year):
            count += self._running(year)[-1]
        return count + self._running(end.year)[end.timetuple().tm_yday]

    def _running(self, year: int) -> list[int]:
        """running[i]: working days among the first i days of ``year``.

        For a year the package covers, its days are looked up in the package's tables as
        ``chinese_calendar.is_workday`` does, without its range check on every call (that
        check scans the whole holiday table: 20 µs a day, 0.1 s for the ten years of a
        county ledger's first screen)."""
        running = self._running_totals.get(year)
        if running is None:
            running = [0]
            covered = self.package_covers(year)
            overrides = self._overrides
            day = date(year, 1, 1)
            while day.year == year:
                if covered and day not in overrides:
                    works = day in PACKAGE_WORKDAYS or (day.weekday() < 5 and day not in PACKAGE_HOLIDAYS)
                else:
                    works = self.is_workday(day)
                running.append(running[-1] + works)
                day += timedelta(days=1)
            self._running_totals[year] = running
        return running

    def calendar_deadline(self, start: date, days: int) -> date:
        """Civil Code arts. 201–203: ``days`` after ``start``; a rest day moves to the next working day."""
        day = start + timedelta(days=days)
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    def next_workday(self, day: date) -> date:
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day
