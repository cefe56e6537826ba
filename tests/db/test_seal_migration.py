"""Migration 0005 on a ledger written by the code of revision 0004 (the demo, a 任免, calendar
entries and an alias, written by that code: tests/db/data/ledger_written_at_0004.db.gz): the
old chain is verified, then sealed by an event that records the old head, followed by every row
carried over — and 0006 seals it once more with each row's digest (tests/db/
test_digest_migration.py) — and verify then checks every table. A broken old chain is not
sealed over."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import select, text

from wuyang_tasks.db.ledger import LedgerOpenError, open_ledger
from wuyang_tasks.db.models import AuditEvent, Base
from wuyang_tasks.services.evidence import verify_ledger

from .old_ledgers import head_of, on_postgresql, unpacked


def _check_sealed(led, old_head: str) -> None:
    result = verify_ledger(led)
    assert result.ok, result.message
    with led.read() as s:
        seal, digests = s.execute(select(AuditEvent).where(AuditEvent.action == "seal")
                                  .order_by(AuditEvent.seq)).scalars().all()  # 0005, then 0006
        assert json.loads(seal.before) == {"head": old_head}
        assert seal.seq == int(old_head.split(":")[0]) + 1
        carried = s.scalar(select(text("count(*)")).select_from(AuditEvent.__table__)
                           .where(AuditEvent.action == "carry_over"))
        rows = sum(s.scalar(select(text("count(*)")).select_from(t)) for t in Base.metadata.sorted_tables
                   if t.name != "audit_event")
        assert carried == 2 * (rows - 1)  # every row but the chain head itself, at each seal
        assert digests.seq == seal.seq + rows  # the 0005 seal and its carry-overs, then 0006


def test_sqlite_ledger_of_0004_is_sealed_and_verifies(tmp_path):
    path = unpacked("0004", tmp_path)
    head = head_of(path)
    led = open_ledger(path, daily_backup=False)
    try:
        _check_sealed(led, head)
    finally:
        led.dispose()


def test_a_broken_old_chain_is_not_sealed_over(tmp_path):
    path = unpacked("0004", tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE audit_event SET actor = 'someone' WHERE seq = 5")
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(path, daily_backup=False, backup_hook=None)
    assert "审计链与台账核对未通过" in caught.value.message and "第 5 条" in caught.value.message
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
        assert conn.execute("SELECT COUNT(*) FROM audit_event WHERE action = 'seal'").fetchone()[0] == 0
        assert "row_digest" not in {r[1] for r in conn.execute("PRAGMA table_info(audit_event)")}


def test_postgresql_ledger_of_0004_is_sealed_and_verifies(tmp_path, pg_databases):
    path = unpacked("0004", tmp_path)
    head = head_of(path)
    with on_postgresql(pg_databases, path, "0004") as url:
        led = open_ledger(url)
        try:
            _check_sealed(led, head)
        finally:
            led.dispose()
