"""督办单 numbers per year, never reused; escalation suggestions."""

import threading
from datetime import date

import pytest
from sqlalchemy import select

from wuyang_tasks.db.models import LedgerMeta, Urging
from wuyang_tasks.domain.enums import AlertLevel, UrgingLevel, UrgingMethod
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services import urgings

DAY = date(2016, 7, 29)
B, Y, R = UrgingLevel.BLUE, UrgingLevel.YELLOW, UrgingLevel.RED
PHONE, WRITTEN, ON_SITE = UrgingMethod.PHONE, UrgingMethod.WRITTEN, UrgingMethod.ON_SITE


def _written(s, task_id, day=DAY):
    return urgings.urge(s, task_id, urged_on=day, method=WRITTEN, level=R, today=day).notice_number


def _numbers(led, year=2016):
    with led.read() as s:
        return s.scalars(select(Urging.notice_number).where(Urging.notice_year == year)
                         .order_by(Urging.notice_number)).all()


def test_numbers_follow_on_and_never_repeat_across_cancelled_paths(demo):
    led, cal = demo.ledger, demo.cal
    survey = demo.task_id("拉网式排查")
    boilers = demo.task_id("燃煤锅炉")
    with led.write() as s:
        assert _written(s, survey) == 2  # the demo ledger issued 舞督〔2016〕1号
    # a user action that fails after a number was drawn: nothing is issued, nothing is kept
    with pytest.raises(ValidationError), led.write() as s:
        assert _written(s, boilers) == 3
        urgings.urge(s, boilers, urged_on=date(2016, 8, 30), method=WRITTEN, level=R, today=DAY)
    with led.write() as s:
        assert _written(s, boilers) == 3
    # the task is cancelled: its notice stays on file and its number stays taken
    with led.write() as s:
        task_service.transition(s, boilers, Action.CANCEL, today=DAY, cal=cal)
    with pytest.raises(ValidationError, match="不需要催办"), led.write() as s:
        _written(s, boilers)
    with led.write() as s:
        assert _written(s, survey) == 4
    # a counter behind the numbers on file (e.g. restored from an old copy) cannot cause reuse
    with led.write() as s:
        s.merge(LedgerMeta(key=urgings.counter_key(2016), value="1"))
    with led.write() as s:
        assert _written(s, survey) == 5
        assert urgings.urge(s, survey, urged_on=DAY, method=PHONE, level=B, today=DAY).notice_number is None
    assert _numbers(led) == [1, 2, 3, 4, 5]
    # a new year starts at 1
    with led.write() as s:
        assert _written(s, survey, date(2017, 1, 3)) == 1
        assert s.get(LedgerMeta, "notice_number:2017").value == "1"


def test_concurrent_writers_get_distinct_numbers(demo):
    led = demo.ledger
    survey = demo.task_id("拉网式排查")
    errors = []

    def clerk():
        try:
            for _ in range(4):
                with led.write() as s:
                    _written(s, survey)
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=clerk) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _numbers(led) == list(range(1, 14))


@pytest.mark.parametrize(("alert", "earlier", "expected"), [
    (AlertLevel.GREEN, [], (B, PHONE, False)),
    (AlertLevel.BLUE, [], (B, PHONE, False)),
    (AlertLevel.YELLOW, [], (Y, WRITTEN, False)),
    (AlertLevel.RED, [], (R, WRITTEN, False)),
    (AlertLevel.BLUE, [(PHONE, B)], (Y, WRITTEN, False)),
    (AlertLevel.RED, [(PHONE, B)], (R, WRITTEN, False)),
    (AlertLevel.RED, [(PHONE, B), (WRITTEN, R)], (R, ON_SITE, False)),
    (AlertLevel.RED, [(PHONE, B), (WRITTEN, R), (ON_SITE, R)], (R, ON_SITE, True)),
    (AlertLevel.GREEN, [(WRITTEN, Y)], (Y, ON_SITE, False)),  # never below an earlier level
])
def test_escalation(alert, earlier, expected):
    hint = urgings.suggest_escalation(alert, earlier)
    assert (hint.level, hint.method, hint.refer_to_leader) == expected
    assert hint.level.label in hint.reason


def test_written_urging_for_reuses_the_latest_or_records_one(demo):
    led, cal = demo.ledger, demo.cal
    survey = demo.task_id("拉网式排查")  # urged in writing by the demo
    sweep = demo.task_id("油烟和工地扬尘")
    with led.write() as s:
        existing = urgings.written_urging_for(s, survey, today=DAY, cal=cal)
        assert existing.notice_number == 1
        made = urgings.written_urging_for(s, sweep, today=DAY, cal=cal)
        assert (made.method, made.notice_number, made.urged_on) == (WRITTEN, 2, DAY)
        assert made.requirement and "办结" in made.requirement
        again = urgings.written_urging_for(s, sweep, today=DAY, cal=cal)
        assert again.id == made.id
    with led.read() as s:
        notice = urgings.notice_view(s, existing.id, today=DAY, cal=cal)
        assert notice.number_label == "舞督〔2016〕1号"
        assert notice.lead_units == ["县住建委"] and notice.source_title == "舞阳县环保攻坚突破工作会议"
        # as of the notice's own date (7月28日), not of the day it is printed
        assert notice.urged_on == date(2016, 7, 28)
        assert notice.deadline_display == "2016年7月27日" and notice.days_overdue == 1
        assert urgings.notice_view(s, existing.id, today=date(2016, 8, 10), cal=cal) == notice
    with led.write() as s:
        phone = urgings.urge(s, sweep, urged_on=DAY, method=PHONE, level=B, today=DAY)
        with pytest.raises(ValidationError, match="没有督办单编号"):
            urgings.notice_view(s, phone.id, today=DAY, cal=cal)


def test_urging_dates_are_checked(demo):
    task = demo.task_id("拉网式排查")
    with pytest.raises(ValidationError, match="晚于今天"), demo.ledger.write() as s:
        urgings.urge(s, task, urged_on=date(2016, 7, 30), method=PHONE, level=B, today=DAY)
    with pytest.raises(ValidationError, match="早于交办日期"), demo.ledger.write() as s:
        urgings.urge(s, task, urged_on=date(2016, 7, 1), method=PHONE, level=B, today=DAY)
