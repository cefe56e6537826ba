"""工作日历: the manual working-day overrides, and a year's arrangement as the clerk checks it.

The holiday and 调休 schedule comes packaged with ``chinesecalendar`` (see domain/calendar.py);
a county PC that is not updated lacks the next year's schedule, so the clerk enters it here
from the State Council's notice. An override always wins over the package. Overrides are not
evidence: changing or removing one is allowed and audited (``Writer.event``: the writer's row
helpers need an integer ``id``, this table's key is the day itself, so the event names the day
as the number YYYYMMDD).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db import audit
from wuyang_tasks.db.models import CalendarOverride
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.errors import ValidationError

from .task_list import chinese_date

NOTE_MAX = 100
WEEKDAYS = "一二三四五六日"
HOLIDAY_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


@dataclass(frozen=True)
class OverrideView:
    day: date
    is_workday: bool
    note: str | None


@dataclass(frozen=True)
class CalendarDay:
    """A day of the year that is not an ordinary weekday/weekend: a packaged holiday or 调休
    working day, or a manual override (which wins)."""

    day: date
    is_workday: bool
    description: str  # 春节 / 春节调休上班 / the override's note
    packaged: bool | None  # the package's answer for the day; None when it does not cover the year
    overridden: bool

    @property
    def weekday(self) -> str:
        return "星期" + WEEKDAYS[self.day.weekday()]


@dataclass(frozen=True)
class CalendarYear:
    year: int
    package_covers: bool
    covered: bool  # by the package or by at least one override of the year
    days: list[CalendarDay]

    @property
    def caption(self) -> str:
        if self.package_covers:
            return f"程序已收录{self.year}年的法定节假日和调休安排；手工补录的日期优先。"
        if self.covered:
            return (f"程序未收录{self.year}年的安排，已按手工补录的日期计算"
                    "（未补录的日期按周一至周五上班计算）。")
        return (f"程序未收录{self.year}年的法定节假日和调休安排，暂按周一至周五计算工作日。"
                f"请按国务院办公厅公布的{self.year}年放假安排逐日补录，或升级程序。")


def parse_kind(text: str) -> bool:
    """上班 → True, 休息 → False (also 工作日/休息日)."""
    value = (text or "").strip()
    if value in ("上班", "工作日", "workday"):
        return True
    if value in ("休息", "休息日", "放假", "rest"):
        return False
    raise ValidationError(f"无法识别“{value}”：请写“上班”或“休息”。")


# --------------------------------------------------------------------------- reads
def list_overrides(session: Session, year: int | None = None) -> list[OverrideView]:
    query = select(CalendarOverride).order_by(CalendarOverride.day)
    if year is not None:
        query = query.where(CalendarOverride.day >= date(year, 1, 1),
                            CalendarOverride.day <= date(year, 12, 31))
    return [OverrideView(o.day, o.is_workday, o.note) for o in session.scalars(query)]


def packaged_day(day: date) -> tuple[bool, str | None] | None:
    """(is_workday, Chinese holiday name) from the package; None when it lacks the year."""
    try:
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return not is_holiday, HOLIDAY_NAMES.get(name, name) if name else None


def packaged_or_weekday(day: date) -> bool:
    """Whether ``day`` is a working day without an override (Monday–Friday when the package
    lacks the year). Unlike WorkdayCalendar.is_workday it does not note the year as uncovered:
    looking at a year in the 工作日历 is not a deadline in it."""
    packaged = packaged_day(day)
    return packaged[0] if packaged is not None else day.weekday() < 5


def year_view(session: Session, year: int) -> CalendarYear:
    overrides = {o.day: o for o in list_overrides(session, year)}
    covers = WorkdayCalendar.package_covers(year)
    days: list[CalendarDay] = []
    day = date(year, 1, 1)
    while day.year == year:
        packaged = packaged_day(day) if covers else None
        override = overrides.get(day)
        if override is not None:
            days.append(CalendarDay(day, override.is_workday, override.note or "",
                                    packaged[0] if packaged else None, True))
        elif packaged is not None and packaged[1]:
            workday, name = packaged
            days.append(CalendarDay(day, workday, f"{name}调休上班" if workday else name,
                                    workday, False))
        day += timedelta(days=1)
    return CalendarYear(year, covers, covers or bool(overrides), days)


# --------------------------------------------------------------------------- writes
def set_override(session: Writer, day: date, is_workday: bool, note: str | None = None) -> OverrideView:
    """Make ``day`` a working day or a rest day, whatever the package says."""
    note = (note or "").strip() or None
    if note and len(note) > NOTE_MAX:
        raise ValidationError(f"说明不能超过{NOTE_MAX}个字（现在{len(note)}个字）。")
    row = session.get(CalendarOverride, day)
    if row is None:
        row = CalendarOverride(day=day, is_workday=is_workday, note=note)
        session.add(row)
        session.flush()
        session.event(CalendarOverride.__tablename__, day_key(day), "create", None,
                      audit.snapshot(row))
    elif (row.is_workday, row.note) != (is_workday, note):
        before = audit.snapshot(row)
        row.is_workday, row.note = is_workday, note
        session.flush()
        after = audit.snapshot(row)
        changed = ["day"] + [k for k in after if after[k] != before[k]]  # the key, by which
        # the row is found (db.row_state)
        session.event(CalendarOverride.__tablename__, day_key(day), "update",
                      {k: before[k] for k in changed}, {k: after[k] for k in changed})
    return OverrideView(day, is_workday, note)


def remove_override(session: Writer, day: date) -> None:
    row = session.get(CalendarOverride, day)
    if row is None:
        raise ValidationError(f"{chinese_date(day)}没有手工补录的安排，无需删除。")
    before = audit.snapshot(row)
    session.delete(row)
    session.flush()
    session.event(CalendarOverride.__tablename__, day_key(day), "delete", before, None)


def day_key(day: date) -> int:
    """The audit event's entity id for a day: 20270101."""
    return day.year * 10000 + day.month * 100 + day.day
