"""分管负责人: a task's named 责任人 on the 责任清单 line of the unit where they held a post on the
sheet's day, beside that unit's party and government chiefs; the demo names each department's
and township's deputy on the tasks it leads, so the ledger's 责任人 column is filled."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from wuyang_tasks.db.models import Unit
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import DeadlineBasis, Role, TaskStatus, UnitKind
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import document_lists, units
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.services.task_list import list_tasks

TODAY = date(2016, 7, 29)


def _sheet(led, day=TODAY, **scope):
    with led.read() as s:
        return document_lists.build_accountability(s, today=day, cal=led.calendar(), **scope)


def test_the_demo_names_the_lead_units_deputy_on_its_tasks(demo_ledger):
    led = demo_ledger
    with led.read() as s:
        rows = list_tasks(s, today=TODAY, cal=led.calendar())
        kinds = dict(s.execute(select(Unit.name, Unit.kind)).all())
    led_by_units = [r for r in rows if kinds[r.lead_units[0]] in (UnitKind.DEPARTMENT, UnitKind.TOWNSHIP)]
    assert len(led_by_units) >= 25 and all(len(r.responsible_persons) == 1 for r in led_by_units)
    sheet = _sheet(led, whole_county=True)
    lead_lines = [ln for ln in sheet.lines if ln.unit_role == "牵头单位" and ln.row in led_by_units]
    on_sheet = [r for r in led_by_units if r.status not in (TaskStatus.DRAFT, TaskStatus.CANCELLED)]
    assert len(lead_lines) == len(on_sheet) >= 25
    for ln in lead_lines:  # 姚涛（县住建委副主任）
        assert ln.deputies.startswith(f"{ln.row.responsible_persons[0]}（{ln.unit}副")
        assert ln.deputies.endswith(("副主任）", "副局长）", "副镇长）", "副乡长）"))
    assert all(ln.deputies == "" for ln in sheet.lines if ln.unit_role != "牵头单位")


def test_a_deputy_sits_on_the_line_of_the_unit_of_the_post_held_that_day(demo_ledger):
    led = demo_ledger
    cal = led.calendar()
    with led.write() as s:
        lead, coop = units.find_unit(s, "县环保局").id, units.find_unit(s, "舞泉镇").id
        deputy = units.add_person(s, "钱志远").id
        post = units.add_post(s, coop, "副镇长（分管环保）", sort_order=4)
        units.appoint(s, post.id, deputy, date(2016, 7, 28))
        plain = units.add_person(s, "孙无职").id
        task = ts.create_task(
            s, title="舞泉镇建成区燃煤散烧整治", today=date(2016, 7, 14), cal=cal,
            deadline=DeadlineSpec(basis=DeadlineBasis.WORKDAY, days=20),
            responsibilities=[ts.Assignment(Role.LEAD_UNIT, unit_id=lead),
                              ts.Assignment(Role.COOPERATING_UNIT, unit_id=coop),
                              ts.Assignment(Role.RESPONSIBLE_PERSON, person_id=deputy),
                              ts.Assignment(Role.RESPONSIBLE_PERSON, person_id=plain)])
        ts.transition(s, task.id, Action.ASSIGN, today=date(2016, 7, 14), cal=cal)
        code = task.code

    def deputies(day):
        return {ln.unit: ln.deputies for ln in _sheet(led, day, whole_county=True).lines
                if ln.row.code == code}

    # before the appointment 钱志远 holds no post: named on the lead unit's line, as is 孙无职
    assert deputies(date(2016, 7, 27)) == {"县环保局": "钱志远、孙无职", "舞泉镇": ""}
    assert deputies(TODAY) == {"县环保局": "孙无职", "舞泉镇": "钱志远（舞泉镇副镇长（分管环保））"}
    assert verify_ledger(led).ok
