"""Chiefs are looked up once per unit and day in a transaction (import speed); a 任免 in the same
transaction is seen by the tasks assigned after it."""

from datetime import date

from sqlalchemy import select

from wuyang_tasks.db.models import Responsibility
from wuyang_tasks.domain.enums import ChiefKind, Role, UnitKind
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services import units

DAY = date(2016, 7, 13)


def test_an_appointment_in_the_same_transaction_is_captured_by_later_tasks(ledger):
    cal = ledger.calendar()
    with ledger.write() as s:
        unit = units.add_unit(s, "县环保局", UnitKind.DEPARTMENT)
        post = units.add_post(s, unit.id, "局长", chief_kind=ChiefKind.GOVERNMENT)
        first_chief = units.appoint(s, post.id, units.add_person(s, "甲").id, date(2016, 1, 1))
        lead = [ts.Assignment(Role.LEAD_UNIT, unit_id=unit.id)]
        before = ts.create_task(s, title="一", today=DAY, cal=cal, responsibilities=lead)
        again = ts.create_task(s, title="二", today=DAY, cal=cal, responsibilities=lead)
        second_chief = units.appoint(s, post.id, units.add_person(s, "乙").id, DAY)
        after = ts.create_task(s, title="三", today=DAY, cal=cal, responsibilities=lead)
        captured = [t.responsibilities[0].government_chief_tenure_id for t in (before, again, after)]
        expected = [first_chief.id, first_chief.id, second_chief.id]
    assert captured == expected
    with ledger.read() as s:
        stored = list(s.scalars(select(Responsibility.government_chief_tenure_id).order_by(Responsibility.id)))
    assert stored == expected
