"""The audit chain detects any later edit of history made outside the program."""

import pytest
from sqlalchemy import text

from wuyang_tasks.services.evidence import verify_ledger


def _tamper(ledger, sql, **params):
    """Edit the database behind the program's back (SQLite file or PostgreSQL server)."""
    ledger.dispose()
    with ledger.engine.begin() as conn:
        conn.execute(text(sql), params)


def test_demo_ledger_verifies(demo_ledger):
    result = verify_ledger(demo_ledger)
    assert result.ok, result.message
    assert result.events > 100


@pytest.mark.parametrize("seq", [1, 40])
@pytest.mark.parametrize("sql", [
    "UPDATE audit_event SET action = action || '_edited' WHERE seq = {seq}",
    "UPDATE audit_event SET after = replace(after, '1', '2') WHERE seq = {seq}",
    "UPDATE audit_event SET actor = 'someone' WHERE seq = {seq}",
    "UPDATE audit_event SET at = '2016-01-01T00:00:00+00:00' WHERE seq = {seq}",
    "DELETE FROM audit_event WHERE seq = {seq}",
])
def test_editing_or_deleting_an_event_is_named(demo_ledger, sql, seq):
    _tamper(demo_ledger, sql.format(seq=seq))
    result = verify_ledger(demo_ledger)
    assert not result.ok
    assert result.first_bad_seq in (seq, seq + 1)
    assert f"第 {result.first_bad_seq} 条" in result.message


def test_editing_chinese_text_in_an_event_is_detected(demo_ledger):
    _tamper(demo_ledger, "UPDATE audit_event SET after = replace(after, '县委', '县政府') WHERE seq = 1")
    result = verify_ledger(demo_ledger)
    assert not result.ok and result.first_bad_seq == 1


def test_cutting_off_the_tail_is_detected(demo_ledger):
    _tamper(demo_ledger, "DELETE FROM audit_event WHERE seq > 600")
    result = verify_ledger(demo_ledger)
    assert not result.ok
    assert "末尾" in result.message


def test_rewriting_an_event_and_its_hash_breaks_the_next_link(demo_ledger):
    """Recomputing one event's own hash is not enough: the following event no longer links."""
    from wuyang_tasks.domain.chain import event_hash

    with demo_ledger.engine.connect() as conn:
        row = conn.execute(text("SELECT prev_hash, seq, at, actor, entity, entity_id, action, before, "
                                "after, row_key, row_digest FROM audit_event WHERE seq = 50")).one()
    forged_actor = "forger"
    digest = event_hash(row[0], row[1], row[2], forged_actor, *row[4:])
    _tamper(demo_ledger, "UPDATE audit_event SET actor = :a, hash = :h WHERE seq = 50",
            a=forged_actor, h=digest)
    result = verify_ledger(demo_ledger)
    assert not result.ok and result.first_bad_seq == 51


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sql", [
    "UPDATE audit_event SET entity_id = 3.0 WHERE seq = {seq}",       # a real number, not a whole one
    "UPDATE audit_event SET seq = seq || 'x' WHERE seq = {seq}",      # text, sorted after the numbers
    "UPDATE audit_event SET after = CAST(after AS BLOB) WHERE seq = {seq}",  # JSON cannot hold it
])
def test_a_value_of_another_type_is_named(demo_ledger, sql):
    """SQLite writes the hashed payload on its fast path; a value of a type the program never
    writes must still be found, and named, as Python's reading of the chain finds it."""
    _tamper(demo_ledger, sql.format(seq=40))
    result = verify_ledger(demo_ledger)
    assert not result.ok
    assert result.first_bad_seq in (40, 41), result.message
    assert "第 40 条" in result.message or "第 41 条" in result.message
