"""Faults on a shared ledger: an unreachable server, passwords, a connection lost mid-action."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from tests.pg_server import PASSWORD, PASSWORD_USER
from wuyang_tasks.cli.main import main
from wuyang_tasks.db.ledger import LedgerOpenError, open_ledger
from wuyang_tasks.db.models import AuditEvent, Unit
from wuyang_tasks.db.roles import AccessRole, add_user, setup_roles
from wuyang_tasks.domain.enums import UnitKind
from wuyang_tasks.domain.errors import ConnectionLost, LedgerError
from wuyang_tasks.services import units

from .helpers import make_task


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


def test_an_unreachable_server_is_a_clear_message(capsys):
    url = f"postgresql+psycopg://clerk@127.0.0.1:{_closed_port()}/wuyang"
    with pytest.raises(LedgerOpenError) as err:
        open_ledger(url)
    assert err.value.kind == "unreachable"
    assert "无法连接台账服务器 127.0.0.1" in err.value.message and "本机台账" in err.value.message
    assert main(["--db", url, "tasks"]) == 2
    assert "无法连接台账服务器" in capsys.readouterr().err


def test_a_missing_database_is_named(pg_cluster):
    with pytest.raises(LedgerOpenError) as err:
        open_ledger(pg_cluster.url.set(database="no_such_ledger"))
    assert err.value.kind == "missing" and "no_such_ledger" in err.value.message


@pytest.fixture
def password_url(pg_ledger_url, pg_cluster):
    """The ledger as seen by a user whose server login needs a password (scram)."""
    if pg_cluster.data_dir is None:
        pytest.skip("needs the suite's own cluster (its pg_hba.conf asks this user for a password)")
    owner = open_ledger(pg_ledger_url)
    with owner.engine.begin() as conn:
        setup_roles(conn, pg_ledger_url.database)
        add_user(conn, PASSWORD_USER, AccessRole.VIEWER)
    owner.dispose()
    return pg_ledger_url.set(username=PASSWORD_USER)


def test_password_from_the_prompt_after_a_wrong_one(password_url, monkeypatch, tmp_path):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(LedgerOpenError) as err:
        open_ledger(password_url)  # no password anywhere and nobody to ask
    assert err.value.kind == "auth" and PASSWORD_USER in err.value.message
    asked = []

    def prompt(url, reason):
        asked.append(reason)
        return "wrong" if len(asked) == 1 else PASSWORD

    ledger = open_ledger(password_url, password_prompt=prompt)
    try:
        assert ledger.actor == PASSWORD_USER
        assert "需要用户" in asked[0] and "密码不正确" in asked[1]
        assert PASSWORD not in ledger.display_name()
    finally:
        ledger.dispose()
    with pytest.raises(LedgerOpenError, match="未输入密码"):
        open_ledger(password_url, password_prompt=lambda url, reason: None)


def test_password_from_pgpassfile(password_url, monkeypatch, tmp_path):
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{password_url.port}:*:{PASSWORD_USER}:{PASSWORD}\n", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    ledger = open_ledger(password_url, password_prompt=lambda url, reason: pytest.fail("asked"))
    ledger.dispose()
    assert ledger.actor == PASSWORD_USER


def test_a_connection_lost_mid_action_saves_nothing(pg_ledger_url, pg_cluster):
    ledger = open_ledger(pg_ledger_url)
    admin = pg_cluster.admin_engine()
    try:
        with ledger.read() as s:
            events = s.scalar(select(func.count(AuditEvent.id)))
        with pytest.raises(ConnectionLost) as err:
            with ledger.write() as s:
                units.add_unit(s, "县环保局", UnitKind.DEPARTMENT)  # written, not yet committed
                pid = s.scalar(text("SELECT pg_backend_pid()"))
                with admin.connect() as conn:  # the network drops / the server restarts
                    conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
                units.add_unit(s, "县住建局", UnitKind.DEPARTMENT)
        assert "连接中断" in err.value.message and "没有保存任何内容" in err.value.message
        with ledger.read() as s:  # the next action reconnects by itself
            assert s.scalar(select(func.count(Unit.id))) == 0
            assert s.scalar(select(func.count(AuditEvent.id))) == events
        task_id, _ = make_task(ledger)  # and writing works again
        assert task_id
    finally:
        admin.dispose()
        ledger.dispose()


def test_a_read_only_server_ledger_refuses_writes_at_the_server(pg_ledger_url):
    ledger = open_ledger(pg_ledger_url, read_only=True)
    try:
        with ledger.engine.connect() as conn:
            assert conn.execute(text("SHOW default_transaction_read_only")).scalar() == "on"
    finally:
        ledger.dispose()


def test_url_without_driver_uses_psycopg(pg_ledger_url):
    plain = make_url(pg_ledger_url.render_as_string(hide_password=False)).set(drivername="postgresql")
    ledger = open_ledger(plain.render_as_string(hide_password=False))
    try:
        assert ledger.url.drivername == "postgresql+psycopg"
    finally:
        ledger.dispose()


def test_a_row_locked_too_long_by_another_client_fails_with_a_message(pg_ledger_url, monkeypatch):
    from wuyang_tasks.db import postgres
    from wuyang_tasks.db.models import Task

    monkeypatch.setattr(postgres, "LOCK_TIMEOUT_MS", 300)
    ledger = open_ledger(pg_ledger_url)
    other = open_ledger(pg_ledger_url)
    try:
        task_id, _ = make_task(ledger)
        with other.write() as held:  # another clerk's action still running, holding the row
            held.execute(select(Task).where(Task.id == task_id).with_for_update()).one()
            with pytest.raises(LedgerError, match="稍后重试"):
                with ledger.write() as s:
                    s.get(Task, task_id).title = "等不到的修改"
        with ledger.read() as s:
            assert s.get(Task, task_id).title != "等不到的修改"
    finally:
        other.dispose()
        ledger.dispose()


def test_password_from_the_system_keyring(password_url, monkeypatch, tmp_path):
    import sys
    import types

    from wuyang_tasks.db import postgres

    saved = {("wuyang-tasks", postgres.keyring_username(password_url)): PASSWORD}
    fake = types.SimpleNamespace(get_password=lambda service, user: saved.get((service, user)))
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    ledger = open_ledger(password_url, password_prompt=lambda url, reason: pytest.fail("asked"))
    try:
        assert ledger.actor == PASSWORD_USER
        remembered = postgres.address_for_settings(ledger.url)
        assert PASSWORD not in remembered and PASSWORD_USER in remembered
    finally:
        ledger.dispose()
