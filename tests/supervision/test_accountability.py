"""Accountability records are append-only: superseded or voided, never edited or deleted; a
direct edit of the database is caught by verify."""

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text

from wuyang_tasks.domain.enums import (
    AccountabilityMeasure,
    ChiefKind,
    RecordAction,
    ResponsibilityType,
)
from wuyang_tasks.domain.errors import EvidenceProtected, ValidationError
from wuyang_tasks.services import accountability as acc
from wuyang_tasks.services import units
from wuyang_tasks.services.evidence import verify_ledger

EFFECTIVE = date(2016, 8, 15)


def _spec(person_id, **kw):
    values = dict(person_id=person_id, measure=AccountabilityMeasure.TALK,
                  responsibility_type=ResponsibilityType.LEADERSHIP_MAIN, facts="逾期未完成整改",
                  effective_date=EFFECTIVE, failure_on=date(2016, 8, 5))
    values.update(kw)
    return acc.RecordSpec(**values)


def _gov(demo):
    with demo.ledger.read() as s:
        tenure = units.chief_tenures(s, demo.unit("吴城镇"), EFFECTIVE)[ChiefKind.GOVERNMENT]
        return tenure.person_id, tenure.id


def test_supersede_then_void_keeps_every_record(demo):
    led, cal = demo.ledger, demo.cal
    person_id, tenure_id = _gov(demo)
    task_id = demo.task_id("散乱污")
    with led.write() as s:
        first = acc.issue(s, _spec(person_id, task_ids=(task_id,)), cal=cal)
    with led.write() as s:
        corrected = acc.supersede(s, first.id, _spec(person_id, measure=AccountabilityMeasure.ADMONISHMENT,
                                                     task_ids=(task_id,)), cal=cal)
    with led.read() as s:
        views = {v.id: v for v in acc.record_views(s, person_id=person_id)}
        assert not views[first.id].in_force and views[first.id].state_label.startswith("已更正")
        assert views[first.id].measure is AccountabilityMeasure.TALK  # the old one is unchanged
        assert views[corrected.id].in_force and views[corrected.id].supersedes_id == first.id
        assert views[corrected.id].tenure_id == tenure_id and views[corrected.id].task_ids == [task_id]
        assert [(m.year, m.count, m.measures) for m in acc.measures_per_year(s, person_id)] == [
            (2016, 1, [AccountabilityMeasure.ADMONISHMENT])]
        assert acc.measure_counts(s, [person_id])[person_id] == {2016: 1}
    with pytest.raises(ValidationError, match="已被第"), led.write() as s:
        acc.supersede(s, first.id, _spec(person_id), cal=cal)  # only the record in force can be corrected
    with led.write() as s:
        voided = acc.void(s, corrected.id, reason="经复查，申诉理由成立，撤销诫勉", effective_date=date(2016, 9, 1),
                          cal=cal, decision_number="舞责追〔2016〕5号")
    with led.read() as s:
        views = {v.id: v for v in acc.record_views(s, person_id=person_id)}
        assert len(views) == 3
        assert views[voided.id].action is RecordAction.VOID and not views[voided.id].in_force
        assert views[corrected.id].state_label.startswith("已撤销")
        assert acc.measures_per_year(s, person_id) == []
        assert acc.measure_counts(s, [person_id])[person_id] == {}
    with pytest.raises(ValidationError, match="撤销记录"), led.write() as s:
        acc.void(s, voided.id, reason="再撤销", effective_date=date(2016, 9, 2), cal=cal)
    assert verify_ledger(led).ok


def test_records_cannot_be_edited_or_deleted_through_the_program(demo):
    person_id, _ = _gov(demo)
    with demo.ledger.write() as s:
        record = acc.issue(s, _spec(person_id), cal=demo.cal)
    with demo.ledger.read() as s:
        with pytest.raises(EvidenceProtected, match="不能删除"):
            acc.refuse_delete(s, record.id)
        with pytest.raises(EvidenceProtected, match="更正"):
            acc.refuse_edit(s, record.id)


def test_post_at_the_time_is_required_and_checked(demo):
    led, cal = demo.ledger, demo.cal
    person_id, tenure_id = _gov(demo)
    with led.write() as s:
        stranger = units.add_person(s, "无任职者")
    with pytest.raises(ValidationError, match="没有任职记录"), led.write() as s:
        acc.issue(s, _spec(stranger.id), cal=cal)
    with pytest.raises(ValidationError, match="所任职务"), led.write() as s:
        acc.issue(s, _spec(stranger.id, failure_on=None), cal=cal)
    with pytest.raises(ValidationError, match="不是被问责人本人"), led.write() as s:
        acc.issue(s, _spec(stranger.id, tenure_id=tenure_id), cal=cal)
    with pytest.raises(ValidationError, match="问责事实"), led.write() as s:
        acc.issue(s, _spec(person_id, facts="  "), cal=cal)
    with led.write() as s:
        rec = acc.issue(s, _spec(person_id, appeal_days=30), cal=cal)
        assert rec.appeal_deadline == date(2016, 9, 14)
        assert rec.unit_id == demo.unit("吴城镇")  # the unit of the post held at the time


def test_direct_database_edit_of_a_record_is_caught_by_verify(demo):
    led = demo.ledger
    person_id, _ = _gov(demo)
    with led.write() as s:
        record = acc.issue(s, _spec(person_id), cal=demo.cal)
    assert verify_ledger(led).ok
    soften = "UPDATE accountability_record SET measure = 'TALK', facts = '无' WHERE id = :id"
    if led.is_sqlite:
        conn = sqlite3.connect(led.path)
        conn.execute(soften.replace(":id", str(record.id)))
        conn.commit()
        conn.close()
    else:
        with led.engine.begin() as conn:
            conn.execute(text(soften), {"id": record.id})
    result = verify_ledger(led)
    assert not result.ok
    assert "问责记录" in result.message and "facts" in result.message


def test_direct_delete_of_an_urging_is_caught_by_verify(demo):
    led = demo.ledger
    with led.engine.begin() as conn:
        conn.execute(text("DELETE FROM urging"))
    result = verify_ledger(led)
    assert not result.ok and "已从台账中删除" in result.message


def test_a_decision_cannot_take_effect_before_the_failure(demo):
    """QA: `accountability add --at 2016-08-05` on 7月29日 recorded a decision effective 7月29日
    for a failure of 8月5日."""
    person_id, _ = _gov(demo)
    with pytest.raises(ValidationError, match="失职日期（2016年8月5日）不能晚于问责决定的生效日期（2016年7月29日）"), \
            demo.ledger.write() as s:
        acc.issue(s, _spec(person_id, effective_date=date(2016, 7, 29)), cal=demo.cal)
    with demo.ledger.read() as s:
        assert acc.record_views(s, person_id=person_id) == []
    with demo.ledger.write() as s:  # on the day of the failure itself it is fine
        acc.issue(s, _spec(person_id, effective_date=date(2016, 8, 5)), cal=demo.cal)
