"""Migration 0006 on a ledger written by the code of revision 0005 (the demo with an
accountability record, an inspection, a calendar entry, a 任免, an alias, an assessment and an
attachment, written by that code: tests/db/data/ledger_written_at_0005.db.gz): the old chain
is verified and every row against the replay of its events; then the chain is sealed by an
event of the new form recording the old head, and every row is carried over with its digest.
verify then checks the rows by digest, and a change behind the program's back after the
migration is still named. A ledger whose rows no longer match its events is not sealed over."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import create_engine, select, text

from wuyang_tasks.db import row_state
from wuyang_tasks.db.ledger import LedgerOpenError, open_ledger
from wuyang_tasks.db.models import AuditEvent
from wuyang_tasks.services.evidence import verify_ledger

from .old_ledgers import head_of, on_postgresql, unpacked

CHANGES = [  # (SQL behind the program's back, what the message must name)
    ("UPDATE task SET title = title || '改' WHERE id = (SELECT MIN(id) FROM task)", ("任务", "title")),
    ("DELETE FROM responsibility WHERE id = (SELECT MIN(id) FROM responsibility)", ("责任分工", "删除")),
    ("UPDATE calendar_override SET note = '改' WHERE day = (SELECT MIN(day) FROM calendar_override)",
     ("工作日历补录", "note")),
    ("UPDATE ledger_meta SET value = value || '0' WHERE key LIKE 'task_code:%'", ("台账登记项", "value")),
]


def _check_migrated(led, old_head: str) -> None:
    result = verify_ledger(led)
    assert result.ok, result.message
    with led.read() as s:
        seal = s.execute(select(AuditEvent).where(AuditEvent.action == "seal")
                         .order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
        assert json.loads(seal.before) == {"head": old_head}
        assert seal.seq == int(old_head.split(":")[0]) + 1
        assert seal.after.startswith('{"reason":"0006')
        carried = s.execute(select(AuditEvent.entity, AuditEvent.entity_id, AuditEvent.row_key,
                                   AuditEvent.row_digest).where(AuditEvent.seq > seal.seq,
                                                                AuditEvent.entity != "blob_chunk")).all()
        connection = s.connection()
        stored = {}
        for name, shape in row_state.shapes().items():
            row_state.visit_digests(connection, shape, lambda key, digest, name=name:
                                    stored.__setitem__((name, key), digest))
        del stored["ledger_meta", "audit_head"]
    assert len(carried) == len(stored)  # every row once (file contents are checked by their hash)
    assert {(e, k if k is not None else i): d for e, i, k, d in carried} == stored


def _sqlite_copy(tmp_path):
    path = unpacked("0005", tmp_path)
    head = head_of(path)
    led = open_ledger(path, daily_backup=False)
    return path, head, led


def test_sqlite_ledger_of_0005_is_sealed_with_digests_and_verifies(tmp_path):
    _, head, led = _sqlite_copy(tmp_path)
    try:
        _check_migrated(led, head)
    finally:
        led.dispose()


@pytest.mark.parametrize("change", range(len(CHANGES)))
def test_a_change_after_the_migration_is_named(tmp_path, change):
    path, _, led = _sqlite_copy(tmp_path)
    led.dispose()
    sql, named = CHANGES[change]
    with sqlite3.connect(path) as conn:
        assert conn.execute(sql).rowcount >= 1
    led = open_ledger(path, daily_backup=False)
    try:
        result = verify_ledger(led)
        assert not result.ok
        assert all(word in result.message for word in named), result.message
    finally:
        led.dispose()


def test_rows_that_do_not_match_their_events_are_not_sealed_over(tmp_path):
    path = unpacked("0005", tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE person SET phone = '13900000000' WHERE id = 3")
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(path, daily_backup=False, backup_hook=None)
    assert "审计链与台账核对未通过" in caught.value.message
    assert "人员（person id=3）" in caught.value.message and "phone" in caught.value.message
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0005"
        assert "row_digest" not in {r[1] for r in conn.execute("PRAGMA table_info(audit_event)")}


def test_postgresql_ledger_of_0005_is_sealed_with_digests_and_verifies(tmp_path, pg_databases):
    path = unpacked("0005", tmp_path)
    head = head_of(path)
    with on_postgresql(pg_databases, path, "0005") as url:
        led = open_ledger(url)
        try:
            _check_migrated(led, head)
        finally:
            led.dispose()
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text(CHANGES[0][0]))
        engine.dispose()
        led = open_ledger(url)
        try:
            result = verify_ledger(led)
            assert not result.ok and "任务" in result.message and "title" in result.message, result.message
        finally:
            led.dispose()
