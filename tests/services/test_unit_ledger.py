"""A unit's ledger (任务台账 exported for one unit) lists what was given to it, in code order.

QA: a unit's ledger export included its 待交办 and 已撤销 rows."""

from __future__ import annotations

from sqlalchemy import select

from wuyang_tasks.db.models import Unit
from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.domain.enums import Role, TaskStatus
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import documents
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.task_list import TaskFilter, list_tasks


def test_a_units_ledger_leaves_out_drafts_and_cancelled_tasks(demo_ledger):
    led, today, cal = demo_ledger, demo_ledger.today(), demo_ledger.calendar()
    with led.read() as s:
        unit_id = s.scalar(select(Unit.id).where(Unit.name == "县环保局"))
        own = list_tasks(s, today=today, cal=cal, flt=TaskFilter(unit_id=unit_id))
    given = [r for r in own if r.status is TaskStatus.IN_PROGRESS]
    with led.write() as s:
        task_service.transition(s, given[0].id, Action.CANCEL, today=today, cal=cal, note="合并")
        draft = task_service.create_task(s, title="新的环保任务", today=today, cal=cal)
        task_service.set_responsibilities(s, draft.id, [task_service.Assignment(Role.LEAD_UNIT, unit_id)],
                                          today)
    with led.read() as s:
        doc = documents.build_ledger(s, today=today, cal=cal, flt=TaskFilter(unit_id=unit_id), scope="县环保局")
        asked = documents.build_ledger(s, today=today, cal=cal, flt=TaskFilter(
            unit_id=unit_id, statuses=frozenset({TaskStatus.DRAFT, TaskStatus.CANCELLED})))
        everything = documents.build_ledger(s, today=today, cal=cal)
    statuses = {r.status for r in doc.rows}
    assert TaskStatus.DRAFT not in statuses and TaskStatus.CANCELLED not in statuses
    given_before = [r for r in own if r.status not in (TaskStatus.DRAFT, TaskStatus.CANCELLED)]
    assert given[0].id not in {r.id for r in doc.rows} and len(doc.rows) == len(given_before) - 1
    assert doc.caption.endswith(f"共{len(doc.rows)}项")
    assert {r.status for r in asked.rows} == {TaskStatus.DRAFT, TaskStatus.CANCELLED}
    assert {TaskStatus.DRAFT, TaskStatus.CANCELLED} <= {r.status for r in everything.rows}
    assert [r.code for r in doc.rows] == sorted((r.code for r in doc.rows), key=code_key)
