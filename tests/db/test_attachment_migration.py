"""Revision 0004 (佐证材料) on a ledger written before it: a ledger with a task, taken back to
0003 (as a ledger of the previous release is), upgrades on open, verifies, and takes
attachments."""

from alembic import command
from sqlalchemy import inspect

from wuyang_tasks.db import migrate
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.services import attachments as att
from wuyang_tasks.services import tasks as task_service


def test_a_ledger_at_0003_upgrades_and_takes_attachments(ledger):
    with ledger.write() as s:
        task_id = task_service.create_task(s, title="城区工地扬尘整治", today=ledger.today(),
                                           cal=ledger.calendar()).id
    url = ledger.url
    with ledger.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0003")
    assert "attachment" not in inspect(ledger.engine).get_table_names()
    ledger.dispose()
    led = open_ledger(url)
    try:
        assert migrate.current_revision(led.engine) == migrate.head_revision()
        with led.write() as s:
            att.attach(s, att.Target(task_id=task_id),
                       [att.IncomingFile.from_bytes("a.pdf", b"%PDF-1.4\nx\n%%EOF\n")])
        from wuyang_tasks.services.evidence import verify_ledger

        result = verify_ledger(led)
        assert result.ok, result.message
    finally:
        led.dispose()
