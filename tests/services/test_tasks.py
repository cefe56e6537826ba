import json
from datetime import date

import pytest
from sqlalchemy import func, select, text

from wuyang_tasks.db import audit
from wuyang_tasks.db.models import AuditEvent, ProgressReport, Task
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import AlertLevel, DeadlineBasis, Role, TaskStatus, UnitKind
from wuyang_tasks.domain.errors import ConflictError, IllegalTransition, ValidationError
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services import units
from wuyang_tasks.services.task_list import TaskFilter, list_tasks

TODAY = date(2016, 7, 13)


@pytest.fixture
def setup(ledger):
    cal = ledger.calendar()
    with ledger.write() as s:
        u = units.add_unit(s, "县环保局", UnitKind.DEPARTMENT)
        t = units.add_unit(s, "舞泉镇", UnitKind.TOWNSHIP)
        p = units.add_person(s, "朱俊峰")
        task = ts.create_task(
            s, title="排查工地", today=TODAY, cal=cal,
            deadline=DeadlineSpec(basis=DeadlineBasis.WORKDAY, days=5),
            responsibilities=[ts.Assignment(Role.LEAD_LEADER, person_id=p.id),
                              ts.Assignment(Role.LEAD_UNIT, unit_id=u.id),
                              ts.Assignment(Role.TERRITORIAL_UNIT, unit_id=t.id)])
    return ledger, cal, task.id, u.id


def test_full_workflow_through_services(setup):
    ledger, cal, task_id, unit_id = setup
    with ledger.write() as s:
        ts.transition(s, task_id, Action.ASSIGN, today=TODAY, cal=cal)
        task = s.get(Task, task_id)
        assert task.deadline == date(2016, 7, 20)  # 5 working days after the day of 交办
        ts.report_progress(s, task_id, report_date=TODAY, text="已开始排查", unit_id=unit_id,
                           percent=30, today=TODAY, cal=cal)
        assert task.status is TaskStatus.IN_PROGRESS
        ts.report_progress(s, task_id, report_date=TODAY, text="排查完毕", percent=100,
                           request_close=True, today=TODAY, cal=cal)
        assert task.status is TaskStatus.REPORTED
        with pytest.raises(ValidationError):
            ts.transition(s, task_id, Action.SEND_BACK, today=TODAY, cal=cal)  # reason required
        ts.transition(s, task_id, Action.SEND_BACK, today=TODAY, cal=cal, note="问题清单不完整")
        assert task.status is TaskStatus.IN_PROGRESS
        ts.transition(s, task_id, Action.REPORT, today=TODAY, cal=cal)
        ts.transition(s, task_id, Action.APPROVE, today=date(2016, 7, 19), cal=cal)
        assert task.status is TaskStatus.DONE and task.closed_on == date(2016, 7, 19)
        with pytest.raises(IllegalTransition):
            ts.transition(s, task_id, Action.START, today=TODAY, cal=cal)


def test_every_write_is_audited_in_the_same_transaction(setup):
    ledger, cal, task_id, _ = setup
    with ledger.read() as s:
        before = s.scalar(select(func.count(AuditEvent.id)))
    with pytest.raises(IllegalTransition):
        with ledger.write() as s:
            ts.transition(s, task_id, Action.ASSIGN, today=TODAY, cal=cal)
            ts.transition(s, task_id, Action.APPROVE, today=TODAY, cal=cal)  # illegal: rolls back all
    with ledger.read() as s:
        assert s.scalar(select(func.count(AuditEvent.id))) == before
        assert s.get(Task, task_id).status is TaskStatus.DRAFT


def test_assign_needs_a_lead_unit(ledger):
    cal = ledger.calendar()
    with ledger.write() as s:
        task = ts.create_task(s, title="无牵头单位", today=TODAY, cal=cal,
                              deadline=DeadlineSpec(day=date(2016, 8, 1)))
    with pytest.raises(ValidationError, match="牵头单位"):
        with ledger.write() as s:
            ts.transition(s, task.id, Action.ASSIGN, today=TODAY, cal=cal)


def test_only_one_lead_unit(ledger):
    cal = ledger.calendar()
    with pytest.raises(ValidationError, match="只能有一个牵头单位"):
        with ledger.write() as s:
            a = units.add_unit(s, "甲", UnitKind.DEPARTMENT)
            b = units.add_unit(s, "乙", UnitKind.DEPARTMENT)
            ts.create_task(s, title="x", today=TODAY, cal=cal, responsibilities=[
                ts.Assignment(Role.LEAD_UNIT, unit_id=a.id), ts.Assignment(Role.LEAD_UNIT, unit_id=b.id)])
    with ledger.read() as s:
        assert s.scalar(select(func.count(Task.id))) == 0


def test_stale_edit_is_a_conflict_not_an_overwrite(setup):
    ledger, cal, task_id, _ = setup
    with ledger.read() as s:
        seen = s.get(Task, task_id).version
    with ledger.write() as s:
        ts.update_task(s, task_id, expected_version=seen, cal=cal, title="第一位办事员的修改")
    with pytest.raises(ConflictError) as err:
        with ledger.write() as s:
            ts.update_task(s, task_id, expected_version=seen, cal=cal, title="第二位办事员的修改")
    assert err.value.current["title"] == "第一位办事员的修改"


def test_codes_are_never_reused(ledger):
    cal = ledger.calendar()
    with ledger.write() as s:
        first = ts.create_task(s, title="一", today=TODAY, cal=cal)
        ts.transition(s, first.id, Action.CANCEL, today=TODAY, cal=cal)
        second = ts.create_task(s, title="二", today=TODAY, cal=cal)
    assert (first.code, second.code) == ("2016-001", "2016-002")


def test_task_rows_hold_names_in_order_and_share_what_recurs(demo_ledger):
    """The window keeps every row (10^5 in a county ledger): rows with the same names share
    one tuple, and a day that recurs is one object."""
    with demo_ledger.read() as s:
        rows = list_tasks(s, today=demo_ledger.today(), cal=demo_ledger.calendar())
        task = s.get(Task, rows[0].id)
        leads = [r.unit.name for r in sorted(task.responsibilities, key=lambda r: (r.sort_order, r.id))
                 if r.role is Role.LEAD_UNIT]
    assert rows[0].lead_units == tuple(leads)
    by_units: dict[tuple[str, ...], list] = {}
    for row in rows:
        by_units.setdefault(row.lead_units, []).append(row)
    group = next(g for names, g in by_units.items() if names and len(g) > 1)
    assert all(r.lead_units is group[0].lead_units for r in group)
    by_day: dict[date, list] = {}
    for row in rows:
        if row.assigned_on is not None:
            by_day.setdefault(row.assigned_on, []).append(row)
    same_day = next(g for g in by_day.values() if len(g) > 1)
    assert all(r.assigned_on is same_day[0].assigned_on for r in same_day)


def test_demo_list_filters_and_alerts(demo_ledger):
    cal = demo_ledger.calendar()
    with demo_ledger.read() as s:
        rows = list_tasks(s, today=demo_ledger.today(), cal=cal)
        assert len(rows) >= 25
        assert {r.status for r in rows} >= {TaskStatus.DRAFT, TaskStatus.ASSIGNED, TaskStatus.ACCEPTED,
                                            TaskStatus.IN_PROGRESS, TaskStatus.REPORTED,
                                            TaskStatus.DONE, TaskStatus.ARCHIVED, TaskStatus.CANCELLED}
        red = list_tasks(s, today=demo_ledger.today(), cal=cal, flt=TaskFilter(overdue=True))
        assert [r.title for r in red] == ["全县在建项目工地“六个百分之百”拉网式排查"]
        assert red[0].alert is AlertLevel.RED and red[0].urging_count == 1
        town = units.find_unit(s, "孟寨镇")
        mine = list_tasks(s, today=demo_ledger.today(), cal=cal,
                          flt=TaskFilter(unit_id=town.id, unit_role=Role.TERRITORIAL_UNIT))
        assert mine and all("孟寨镇" in r.territorial_units for r in mine)
        text = list_tasks(s, today=demo_ledger.today(), cal=cal, flt=TaskFilter(text="三里河"))
        expected = {t.id for t in s.scalars(select(Task)) if "三里河" in t.title + t.content}
        assert expected and {r.id for r in text} == expected
        assert len(text) < len(rows)
        hostile = list_tasks(s, today=demo_ledger.today(), cal=cal, flt=TaskFilter(text="%' OR 1=1 --"))
        assert hostile == []


@pytest.mark.sqlite_only
def test_a_move_on_a_task_changed_since_it_was_read_is_a_conflict(setup):
    """The row's version moved on after the action read it (here behind the program's back, in
    the same transaction; on PostgreSQL by another clerk — tests/postgres): the move is refused as
    a ConflictError and nothing of the action is kept."""
    ledger, cal, task_id, _ = setup
    with ledger.read() as s:
        events = s.scalar(select(func.count(AuditEvent.id)))
    with pytest.raises(ConflictError, match="已被其他人修改"):
        with ledger.write() as s:
            task = s.get(Task, task_id)
            s.connection().execute(text("UPDATE task SET version = version + 1 WHERE id = :i"),
                                   {"i": task_id})
            ts.transition(s, task.id, Action.CANCEL, today=TODAY, cal=cal)
    with ledger.read() as s:
        assert s.get(Task, task_id).status is TaskStatus.DRAFT
        assert s.scalar(select(func.count(AuditEvent.id))) == events


def test_a_report_row_and_its_event_agree(setup):
    """The report is inserted without an ORM object: its event holds what the row holds, and a
    text the column cannot keep is refused naming the field, with nothing written."""
    ledger, cal, task_id, unit_id = setup
    with ledger.write() as s:
        ts.transition(s, task_id, Action.ASSIGN, today=TODAY, cal=cal)
    with ledger.write() as s:
        report_id = ts.report_progress(s, task_id, report_date=TODAY, text="已开始排查", unit_id=unit_id,
                                       percent=30, today=TODAY, cal=cal)
    with ledger.read() as s:
        report = s.get(ProgressReport, report_id)
        assert (report.task_id, report.text, report.percent) == (task_id, "已开始排查", 30)
        event = s.scalars(select(AuditEvent).where(AuditEvent.entity == "progress_report",
                                                   AuditEvent.entity_id == report_id)).one()
        assert (event.action, event.before) == ("create", None)
        assert json.loads(event.after) == audit.snapshot(report)
        assert s.get(Task, task_id).status is TaskStatus.IN_PROGRESS
        events = s.scalar(select(func.count(AuditEvent.id)))
    with pytest.raises(ValidationError, match="进展反馈的“内容”中含有不可见的控制字符"):
        with ledger.write() as s:
            ts.report_progress(s, task_id, report_date=TODAY, text="第二\x00次", today=TODAY, cal=cal)
    with ledger.read() as s:
        assert s.scalar(select(func.count(AuditEvent.id))) == events
        assert s.scalar(select(func.count(ProgressReport.id))) == 1
