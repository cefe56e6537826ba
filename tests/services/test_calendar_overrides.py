"""工作日历: overrides win over the package, are audited, and the year view says what is known."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from wuyang_tasks.db.audit import verify_chain
from wuyang_tasks.db.models import AuditEvent
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import calendar_overrides as co


def test_year_view_lists_packaged_holidays_and_adjusted_working_days(ledger):
    with ledger.read() as s:
        view = co.year_view(s, 2016)
    assert view.package_covers and view.covered
    by_day = {d.day: d for d in view.days}
    assert (by_day[date(2016, 2, 8)].is_workday, by_day[date(2016, 2, 8)].description) == (False, "春节")
    feb6 = by_day[date(2016, 2, 6)]
    assert (feb6.is_workday, feb6.description, feb6.weekday) == (True, "春节调休上班", "星期六")
    assert date(2016, 7, 2) not in by_day  # an ordinary weekend is not listed
    assert "已收录2016年" in view.caption


def test_an_uncovered_year_is_said_so_until_a_day_is_entered(ledger):
    with ledger.read() as s:
        before = co.year_view(s, 2099)
    assert not before.covered and before.days == [] and "暂按周一至周五" in before.caption
    with ledger.write() as s:
        co.set_override(s, date(2099, 1, 1), False, "元旦")
    with ledger.read() as s:
        after = co.year_view(s, 2099)
    assert after.covered and not after.package_covers
    assert [(d.day, d.is_workday, d.description, d.overridden) for d in after.days] == [
        (date(2099, 1, 1), False, "元旦", True)]
    cal = ledger.calendar()
    assert cal.covers(2099) and not cal.is_workday(date(2099, 1, 1))


def test_override_wins_over_the_package_and_removal_restores_it(ledger):
    day = date(2016, 2, 6)  # 春节调休上班 in the package
    with ledger.write() as s:
        co.set_override(s, day, False, "县里统一安排休息")
    assert not ledger.calendar().is_workday(day)
    with ledger.read() as s:
        entry = next(d for d in co.year_view(s, 2016).days if d.day == day)
    assert (entry.is_workday, entry.packaged, entry.overridden) == (False, True, True)
    with ledger.write() as s:
        co.remove_override(s, day)
    assert ledger.calendar().is_workday(day)
    with ledger.read() as s:
        assert co.list_overrides(s) == []


def test_every_change_is_audited_and_the_chain_holds(ledger):
    day = date(2099, 10, 1)
    with ledger.write() as s:
        co.set_override(s, day, False, "国庆节")
    with ledger.write() as s:
        co.set_override(s, day, True, "改为上班")
    with ledger.write() as s:
        co.set_override(s, day, True, "改为上班")  # unchanged: no event
    with ledger.write() as s:
        co.remove_override(s, day)
    with ledger.read() as s:
        events = s.execute(select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.before,
                                  AuditEvent.after)
                           .where(AuditEvent.entity == "calendar_override")
                           .order_by(AuditEvent.seq)).all()
        assert verify_chain(s).ok
    assert [(e.action, e.entity_id) for e in events] == [
        ("create", 20991001), ("update", 20991001), ("delete", 20991001)]
    assert json.loads(events[1].before) == {"day": "2099-10-01", "is_workday": False, "note": "国庆节"}
    assert json.loads(events[1].after) == {"day": "2099-10-01", "is_workday": True, "note": "改为上班"}


def test_bad_input_is_refused_and_nothing_changes(ledger):
    with pytest.raises(ValidationError, match="没有手工补录"):
        with ledger.write() as s:
            co.remove_override(s, date(2099, 5, 1))
    with pytest.raises(ValidationError, match="不能超过100个字"):
        with ledger.write() as s:
            co.set_override(s, date(2099, 5, 1), False, "长" * 101)
    with pytest.raises(ValidationError, match="上班.*休息"):
        co.parse_kind("午休")
    assert co.parse_kind("上班") is True and co.parse_kind("休息") is False
    with ledger.read() as s:
        assert co.list_overrides(s) == []
