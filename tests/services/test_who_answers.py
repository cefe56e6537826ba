"""Who answers follows the tenure (任免): 吴城镇's 镇长 changes on 2016-07-28 in the middle of
its tasks — the old chief answers up to the day before, the new one from the day, in the person
files and the 责任清单; a task assigned the day after she left is the new chief's alone."""

from __future__ import annotations

from datetime import date

from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import ChiefKind, DeadlineBasis, Role
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import document_lists, people, units
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services.evidence import verify_ledger

CHANGE = date(2016, 7, 28)
TODAY = date(2016, 7, 29)


def _handover(led):
    cal = led.calendar()
    with led.write() as s:
        town = units.find_unit(s, "吴城镇").id
        old = units.chief_tenures(s, town, CHANGE)[ChiefKind.GOVERNMENT]
        old_id, post_id = old.person_id, old.post_id
        new_id = units.add_person(s, "韩新民").id
        units.appoint(s, post_id, new_id, CHANGE)
        late = ts.create_task(s, title="吴城镇秸秆综合利用", today=TODAY, cal=cal,
                              deadline=DeadlineSpec(basis=DeadlineBasis.WORKDAY, days=10),
                              responsibilities=[ts.Assignment(Role.LEAD_UNIT, unit_id=town)])
        ts.transition(s, late.id, Action.ASSIGN, today=TODAY, cal=cal)
        return old_id, new_id, late.code


def _answered(led, person_id):
    with led.read() as s:
        view = people.person_view(s, person_id, today=TODAY, cal=led.calendar())
    return {a.code: (a.capacity, a.answered_from, a.answered_to) for a in view.answered_for
            if a.unit_name == "吴城镇"}


def test_a_handover_in_the_middle_of_a_task(demo_ledger):
    led = demo_ledger
    old_id, new_id, late = _handover(led)
    old, new = _answered(led, old_id), _answered(led, new_id)
    # 2016-010 秋季秸秆禁烧: assigned 7-13, still open
    assert old["2016-010"] == ("行政主要负责人", date(2016, 7, 13), date(2016, 7, 27))
    assert new["2016-010"] == ("行政主要负责人", CHANGE, None)
    assert late not in old and new[late] == ("行政主要负责人", TODAY, None)
    assert set(new) - {late} <= set(old)  # handed over; a task closed before stays hers alone
    assert all(end is not None and end < CHANGE for code, (_, _, end) in old.items() if code not in new)

    def government_chief(day, code):
        with led.read() as s:
            sheet = document_lists.build_accountability(s, today=day, cal=led.calendar(), unit="吴城镇")
        return next(line.government_chief for line in sheet.lines if line.row.code == code)

    assert government_chief(date(2016, 7, 27), "2016-010").startswith("曹桂英")
    assert government_chief(CHANGE, "2016-010").startswith("韩新民（吴城镇镇长）")
    assert government_chief(TODAY, late).startswith("韩新民")
    assert verify_ledger(led).ok


def test_a_back_dated_appointment_takes_effect_from_its_date(demo_ledger):
    led = demo_ledger
    with led.write() as s:
        town = units.find_unit(s, "吴城镇").id
        post_id = units.chief_tenures(s, town, TODAY)[ChiefKind.PARTY].post_id
        new_id = units.add_person(s, "李向东").id
        units.appoint(s, post_id, new_id, date(2016, 7, 20))  # entered on the 29th
    assert _answered(led, new_id)["2016-010"] == ("党组织主要负责人", date(2016, 7, 20), None)
    assert verify_ledger(led).ok
