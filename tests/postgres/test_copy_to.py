"""copy-to: a SQLite ledger moves to an empty PostgreSQL database whole, ids and audit chain
intact, and the program then works on the copy."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from wuyang_tasks.cli.main import main
from wuyang_tasks.db import copy as copy_module
from wuyang_tasks.db.copy import copy_ledger
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import AuditEvent, Base, Task
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services.evidence import verify_ledger

from .helpers import TODAY


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def rows_by_table(ledger) -> dict[str, list[tuple]]:
    with ledger.read() as s:
        return {t.name: [tuple(r) for r in s.execute(select(t).order_by(*t.primary_key.columns))]
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def empty_db_url(pg_databases):
    name = pg_databases.create()  # a new database with no tables at all
    yield pg_databases.url(name).render_as_string(hide_password=False)
    pg_databases.drop(name)


@pytest.mark.sqlite_only
def test_copy_to_moves_the_demo_ledger_and_the_program_opens_it(demo_ledger, empty_db_url, capsys):
    path = demo_ledger.path
    code, out, err = run(capsys, "--db", path, "copy-to", empty_db_url)
    assert code == 0, err
    assert "审计链完整" in out
    code, from_file, _ = run(capsys, "--db", path, "tasks", "--json")
    code2, from_server, _ = run(capsys, "--db", empty_db_url, "tasks", "--json")
    assert code == code2 == 0
    assert json.loads(from_server) == json.loads(from_file)
    assert run(capsys, "--db", empty_db_url, "verify")[0] == 0

    source = rows_by_table(demo_ledger)
    copy = open_ledger(empty_db_url)
    try:
        target = rows_by_table(copy)
        for table, rows in source.items():  # every row, ids and values as they were
            if table == "audit_event":
                assert target[table][:-1] == rows
            elif table == "ledger_meta":
                assert {r for r in rows if r[0] != "audit_head"} <= set(target[table])
            else:
                assert target[table] == rows, table
        with copy.read() as s:
            last = s.execute(select(AuditEvent.entity, AuditEvent.action, AuditEvent.actor,
                                    AuditEvent.after).order_by(AuditEvent.seq.desc()).limit(1)).one()
        assert (last.entity, last.action, last.actor) == ("ledger", "copy_in", "postgres")
        assert str(path) in last.after
        cal = copy.calendar()
        with copy.write() as s:  # sequences continue after the copied ids
            task = ts.create_task(s, title="复制后新建的任务", today=TODAY, cal=cal)
        assert task.id == max(r[0] for r in source["task"]) + 1
        assert verify_ledger(copy).ok
    finally:
        copy.dispose()


@pytest.mark.sqlite_only
def test_a_non_empty_target_is_refused_and_left_alone(demo_ledger, empty_db_url, capsys):
    path = demo_ledger.path
    assert run(capsys, "--db", path, "copy-to", empty_db_url)[0] == 0
    target = open_ledger(empty_db_url)
    try:
        before = rows_by_table(target)
        code, _, err = run(capsys, "--db", path, "copy-to", empty_db_url)
        assert code == 2
        assert "不是空的" in err and "没有复制任何内容" in err
        assert rows_by_table(target) == before
    finally:
        target.dispose()


@pytest.mark.sqlite_only
def test_a_failed_copy_leaves_the_target_empty(demo_ledger, empty_db_url, monkeypatch):
    def broken(conn):
        raise RuntimeError("disk full")

    monkeypatch.setattr(copy_module, "_reset_sequences", broken)
    with pytest.raises(RuntimeError):
        copy_ledger(demo_ledger, empty_db_url)
    target = open_ledger(empty_db_url)
    try:
        with target.read() as s:
            assert s.scalar(select(func.count(Task.id))) == 0
            assert s.scalar(select(func.count(AuditEvent.id))) == 0
    finally:
        target.dispose()


@pytest.mark.sqlite_only
def test_a_task_pointing_at_a_later_task_is_copied(ledger, empty_db_url):
    cal = ledger.calendar()
    with ledger.write() as s:
        first = ts.create_task(s, title="整改任务", today=TODAY, cal=cal)
        second = ts.create_task(s, title="上级任务（后录入）", today=TODAY, cal=cal)
        ts.update_task(s, first.id, expected_version=None, cal=cal, parent_id=second.id)
    copy_ledger(ledger, empty_db_url)
    copy = open_ledger(empty_db_url)
    try:
        with copy.read() as s:
            assert s.get(Task, first.id).parent_id == second.id
        assert verify_ledger(copy).ok
    finally:
        copy.dispose()


def test_the_target_must_be_a_postgresql_url(ledger, tmp_path):
    with pytest.raises(LedgerError, match="PostgreSQL"):
        copy_ledger(ledger, tmp_path / "other.db")
