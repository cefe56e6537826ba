"""延期: only an approved extension moves the deadline; requests after the deadline are refused."""

from datetime import date

import pytest

from wuyang_tasks.domain.enums import AlertLevel, ExtensionStatus
from wuyang_tasks.domain.errors import NotFound, ValidationError
from wuyang_tasks.services import extensions as ext
from wuyang_tasks.services.urgings import task_row

DAY = date(2016, 7, 29)


def test_approved_extension_moves_the_deadline_refused_does_not(demo):
    led, cal = demo.ledger, demo.cal
    task = demo.task_id("涉水企业废水")  # due 2016-08-03
    boss = demo.person("宋耀生")
    with led.write() as s:
        first = ext.request_extension(s, task, requested_on=DAY, new_deadline=date(2016, 8, 10),
                                      reason="企业停产检修", today=DAY)
        with pytest.raises(ValidationError, match="待审批"):
            ext.request_extension(s, task, requested_on=DAY, new_deadline=date(2016, 8, 12),
                                  reason="再延", today=DAY)
    with led.read() as s:  # a pending request changes nothing
        assert task_row(s, task, today=date(2016, 8, 4), cal=cal).alert is AlertLevel.RED
    with led.write() as s:
        ext.decide_extension(s, first.id, approve=True, decided_by_id=boss, decided_on=date(2016, 8, 1),
                             today=date(2016, 8, 1), expected_version=first.version)
    with led.read() as s:
        row = task_row(s, task, today=date(2016, 8, 4), cal=cal)
        assert row.effective_deadline == date(2016, 8, 10) and row.alert is not AlertLevel.RED
        assert row.deadline == date(2016, 8, 3)  # the original stays on file
    with led.write() as s:
        with pytest.raises(ValidationError, match="不能再次审批"):
            ext.decide_extension(s, first.id, approve=False, decided_by_id=boss,
                                 decided_on=date(2016, 8, 2), today=date(2016, 8, 2))
        with pytest.raises(ValidationError, match="应晚于现在的完成时限"):
            ext.request_extension(s, task, requested_on=date(2016, 8, 5), new_deadline=date(2016, 8, 10),
                                  reason="再延", today=date(2016, 8, 5))
        second = ext.request_extension(s, task, requested_on=date(2016, 8, 10),
                                       new_deadline=date(2016, 8, 20), reason="仍在检修", today=date(2016, 8, 10))
        assert second.old_deadline == date(2016, 8, 10)  # asked on the last day: still in time
        ext.decide_extension(s, second.id, approve=False, decided_by_id=boss, decided_on=date(2016, 8, 11),
                             today=date(2016, 8, 11), note="不予延期")
    with led.read() as s:
        row = task_row(s, task, today=date(2016, 8, 15), cal=cal)
        assert row.effective_deadline == date(2016, 8, 10) and row.days_overdue == 5
        views = ext.extensions_of(s, task)
        assert [(v.status, v.decided_by) for v in views] == [(ExtensionStatus.APPROVED, "宋耀生"),
                                                             (ExtensionStatus.REFUSED, "宋耀生")]
        assert ext.extensions_of(s, status=ExtensionStatus.REQUESTED) == []


def test_requests_are_checked(demo):
    led = demo.ledger
    overdue = demo.task_id("拉网式排查")  # due 2016-07-27
    ongoing = demo.task_id("机械化清扫")
    done = demo.task_id("修订重污染天气应急预案")
    cases = [
        (overdue, "届满前申请"),
        (ongoing, "不需要申请延期"),
        (done, "不能申请延期"),
    ]
    for task, message in cases:
        with pytest.raises(ValidationError, match=message), led.write() as s:
            ext.request_extension(s, task, requested_on=DAY, new_deadline=date(2016, 9, 30),
                                  reason="理由", today=DAY)
    task = demo.task_id("乡镇污水处理设施")
    with pytest.raises(ValidationError, match="理由"), led.write() as s:
        ext.request_extension(s, task, requested_on=DAY, new_deadline=date(2017, 3, 31), reason=" ", today=DAY)
    with led.write() as s:
        pending = ext.request_extension(s, task, requested_on=DAY, new_deadline=date(2017, 3, 31),
                                        reason="选址调整", today=DAY)
    with pytest.raises(NotFound, match="审批人"), led.write() as s:
        ext.decide_extension(s, pending.id, approve=True, decided_by_id=99999, decided_on=DAY, today=DAY)
    with pytest.raises(ValidationError, match="早于申请日期"), led.write() as s:
        ext.decide_extension(s, pending.id, approve=True, decided_by_id=demo.person("宋耀生"),
                             decided_on=date(2016, 7, 28), today=DAY)
