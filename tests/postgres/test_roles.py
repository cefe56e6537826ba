"""server-setup: the roles 查看 / 录入 / 管理 are enforced by the server's grants, reported to the
window, and the audit trail names the database user."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from wuyang_tasks.cli.main import main
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import AuditEvent, Task
from wuyang_tasks.db.roles import AccessRole
from wuyang_tasks.domain.enums import UnitKind
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services import units
from wuyang_tasks.services.access import current_access

from .helpers import TODAY, make_task

USERS = {"wy_viewer1": AccessRole.VIEWER, "wy_clerk1": AccessRole.CLERK, "wy_admin1": AccessRole.ADMIN}


@pytest.fixture
def server(pg_ledger_url, capsys):
    """A ledger with a task, set up with one login user per role; returns {user: Ledger}."""
    owner = open_ledger(pg_ledger_url)
    task_id, _ = make_task(owner)
    owner.dispose()
    url = pg_ledger_url.render_as_string(hide_password=False)
    args = [a for user, role in USERS.items() for a in ("--user", f"{user}={role.label}")]
    assert main(["server-setup", url, *args]) == 0
    out = capsys.readouterr().out
    assert "查看：wuyang_viewer" in out and "录入：wuyang_clerk" in out and "管理：wuyang_admin" in out
    opened = {user: open_ledger(pg_ledger_url.set(username=user)) for user in USERS}
    yield opened, task_id
    for ledger in opened.values():
        ledger.dispose()


def test_each_user_gets_the_role_granted(server):
    opened, _ = server
    for user, role in USERS.items():
        access = current_access(opened[user])
        assert (access.user, access.role) == (user, role)
    assert not current_access(opened["wy_viewer1"]).can_edit
    assert current_access(opened["wy_clerk1"]).can_edit
    assert not current_access(opened["wy_clerk1"]).can_administer
    assert current_access(opened["wy_admin1"]).can_administer


def test_a_viewer_cannot_change_anything(server):
    opened, task_id = server
    viewer = opened["wy_viewer1"]
    with pytest.raises(LedgerError, match="没有这项操作的权限"):
        with viewer.write() as s:
            ts.update_task(s, task_id, expected_version=None, cal=viewer.calendar(), title="查看者改的")
    with viewer.read() as s:
        assert s.get(Task, task_id).title != "查看者改的"


def test_a_clerk_enters_work_but_not_units_or_accountability(server):
    opened, task_id = server
    clerk = opened["wy_clerk1"]
    cal = clerk.calendar()
    with clerk.write() as s:
        ts.report_progress(s, task_id, report_date=TODAY, text="录入员反馈", today=TODAY, cal=cal)
        ts.create_task(s, title="录入员新建的任务", today=TODAY, cal=cal)
    with clerk.read() as s:
        last = s.execute(select(AuditEvent.actor, AuditEvent.entity)
                         .order_by(AuditEvent.seq.desc()).limit(1)).one()
    assert last == ("wy_clerk1", "task")  # the audit actor is the database user
    with pytest.raises(LedgerError, match="权限"):
        with clerk.write() as s:
            units.add_unit(s, "录入员加的单位", UnitKind.DEPARTMENT)
    with pytest.raises(LedgerError, match="权限"):
        with clerk.write() as s:
            s.execute(text("INSERT INTO accountability_record (action, person_id, measure, "
                           "responsibility_type, facts, effective_date, created_at) VALUES "
                           "('ISSUE', 1, 'TALK', 'DIRECT', 'x', '2016-07-29', 'now')"))
    admin = opened["wy_admin1"]
    with admin.write() as s:
        unit = units.add_unit(s, "管理员加的单位", UnitKind.DEPARTMENT)
    assert unit.id


@pytest.mark.parametrize("sql", ["UPDATE audit_event SET actor = 'x' WHERE seq = 1",
                                 "DELETE FROM audit_event WHERE seq = 1",
                                 "TRUNCATE audit_event"])
def test_nobody_may_rewrite_the_audit_trail(server, sql):
    opened, _ = server
    for user, ledger in opened.items():
        with pytest.raises(LedgerError, match="权限"):
            with ledger.write() as s:
                s.execute(text(sql))


def test_server_setup_can_be_run_again_and_moves_a_user(server, pg_ledger_url, capsys):
    url = pg_ledger_url.render_as_string(hide_password=False)
    assert main(["server-setup", url, "--user", "wy_clerk1=查看"]) == 0
    capsys.readouterr()
    again = open_ledger(pg_ledger_url.set(username="wy_clerk1"))
    try:
        assert current_access(again).role is AccessRole.VIEWER
        assert main(["--db", again.url.render_as_string(hide_password=False), "whoami"]) == 0
        assert "wy_clerk1（查看）" in capsys.readouterr().out
    finally:
        again.dispose()
    assert main(["server-setup", url, "--user", "someone=老板"]) == 2
    assert "老板" in capsys.readouterr().err


def test_a_sqlite_ledger_user_has_every_role(tmp_path):
    ledger = open_ledger(tmp_path / "one.db")
    try:
        assert current_access(ledger).role is AccessRole.ADMIN
    finally:
        ledger.dispose()
