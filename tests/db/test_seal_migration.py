"""Migration 0005 on a ledger written by the code of revision 0004 (the demo, a 任免, calendar
entries and an alias, written by that code: tests/db/data/ledger_written_at_0004.db.gz): the
old chain is verified, then sealed by an event that records the old head, followed by every row
carried over — and 0006 seals it once more with each row's digest (tests/db/
test_digest_migration.py) — and verify then checks every table. A broken old chain is not
sealed over."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import MetaData, create_engine, select, text

from wuyang_tasks.db import migrate
from wuyang_tasks.db.ledger import LedgerOpenError, open_ledger
from wuyang_tasks.db.models import AuditEvent, Base
from wuyang_tasks.services.evidence import verify_ledger

OLD = Path(__file__).parent / "data" / "ledger_written_at_0004.db.gz"


def _unpacked(tmp_path) -> Path:
    path = tmp_path / "old.db"
    with gzip.open(OLD) as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def _old_head(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT value FROM ledger_meta WHERE key = 'audit_head'").fetchone()[0]


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
    path = _unpacked(tmp_path)
    head = _old_head(path)
    led = open_ledger(path, daily_backup=False)
    try:
        _check_sealed(led, head)
    finally:
        led.dispose()


def test_a_broken_old_chain_is_not_sealed_over(tmp_path):
    path = _unpacked(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE audit_event SET actor = 'someone' WHERE seq = 5")
    with pytest.raises(LedgerOpenError) as caught:
        open_ledger(path, daily_backup=False, backup_hook=None)
    assert "审计链校验未通过" in caught.value.message and "第 5 条" in caught.value.message
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
        assert conn.execute("SELECT COUNT(*) FROM audit_event WHERE action = 'seal'").fetchone()[0] == 0
        assert "row_digest" not in {r[1] for r in conn.execute("PRAGMA table_info(audit_event)")}


def test_postgresql_ledger_of_0004_is_sealed_and_verifies(tmp_path, pg_databases):
    path = _unpacked(tmp_path)
    head = _old_head(path)
    name = pg_databases.create()
    url = pg_databases.url(name)
    try:
        engine = create_engine(url)
        with engine.begin() as conn:
            command.upgrade(migrate.alembic_config(conn), "0004")
        source = create_engine(f"sqlite:///{path}")
        old = MetaData()
        old.reflect(bind=source)
        with source.connect() as src, engine.begin() as dst:
            dst.execute(text("SET session_replication_role = replica"))  # rows in any order
            target = MetaData()
            target.reflect(bind=dst)
            for table in old.sorted_tables:
                if table.name == "alembic_version":
                    continue
                rows = [dict(r) for r in src.execute(select(table)).mappings()]
                if rows:
                    dst.execute(target.tables[table.name].insert(), rows)
                if "id" in table.c:
                    dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                     f"COALESCE(MAX(id), 0) + 1, false) FROM \"{table.name}\""))
        engine.dispose()
        source.dispose()
        led = open_ledger(url)
        try:
            _check_sealed(led, head)
        finally:
            led.dispose()
    finally:
        pg_databases.drop(name)
