"""Revision 0004 (佐证材料) on a ledger written before it: the demo ledger taken back to 0003
(as a ledger of the previous release is) upgrades on open, verifies, and takes attachments."""

from alembic import command
from sqlalchemy import inspect

from wuyang_tasks.db import migrate
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.services import attachments as att
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.services.task_views import task_id_by_code


def test_a_ledger_at_0003_upgrades_and_takes_attachments(demo_ledger):
    url = demo_ledger.url
    with demo_ledger.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0003")
    assert "attachment" not in inspect(demo_ledger.engine).get_table_names()
    demo_ledger.dispose()
    led = open_ledger(url)
    try:
        assert migrate.current_revision(led.engine) == migrate.head_revision()
        with led.write() as s:
            att.attach(s, att.Target(task_id=task_id_by_code(s, "2016-001")),
                       [att.IncomingFile.from_bytes("a.pdf", b"%PDF-1.4\nx\n%%EOF\n")])
        assert verify_ledger(led).ok
    finally:
        led.dispose()
