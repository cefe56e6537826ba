"""verify checks each row by its digest against the one its last event records (services.
evidence_rows): every change behind the program's back that keeps the counts or the text
almost right is still caught, and named by the replay of that row's events."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from sqlalchemy import select

from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import AuditEvent, Base
from wuyang_tasks.domain.chain import row_digest
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.evidence import verify_ledger

FIRST, LAST = "(SELECT MIN(id) FROM {t})", "(SELECT MAX(id) FROM {t})"
CHANGES = {  # (SQL, the words the message must hold)
    # a row added as a copy of the first under a new id
    "added copy": ("INSERT INTO {t} ({columns}) SELECT {last} + 1, {others} FROM {t} WHERE id = {first}",
                   "没有写入它的审计记录"),
    # the first row moved to a new id: as many rows as events, but one event has no row
    "id changed": ("UPDATE {t} SET id = (SELECT MAX(id) + 1 FROM {t}) WHERE id = {first}", "已从台账中删除"),
    # the same digits as text in a number column
    "number as text": ("UPDATE {t} SET task_id = 'x' || task_id WHERE id = {first}", "task_id"),
    # the first and the last row's tasks swapped: every count holds, two rows differ
    "values swapped": ("UPDATE {t} SET task_id = CASE id WHEN {first} THEN (SELECT task_id FROM {t} "
                       "WHERE id = {last}) ELSE (SELECT task_id FROM {t} WHERE id = {first}) "
                       "END WHERE id IN ({first}, {last})", "task_id"),
    # a blob in a column: SQLite's JSON cannot hold it, Python writes the row
    "blob": ("UPDATE {t} SET task_id = CAST(task_id AS BLOB) WHERE id = {first}", "task_id"),
}


@pytest.mark.parametrize("table", ["responsibility", "progress_report"])
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_is_caught_by_its_digest_and_named(_demo_template, tmp_path, table, change):
    path = tmp_path / "copy.db"
    shutil.copyfile(_demo_template, path)
    sql, words = CHANGES[change]
    with sqlite3.connect(path) as raw:
        columns = [c.name for c in Base.metadata.tables[table].columns]
        assert columns[0] == "id"
        sql = sql.format(t=table, first=FIRST.format(t=table), last=LAST.format(t=table),
                         columns=", ".join(columns), others=", ".join(columns[1:]))
        assert raw.execute(sql).rowcount >= 1
    led = open_ledger(path, daily_backup=False)
    try:
        result = verify_ledger(led)
        assert not result.ok
        assert table in result.message and words in result.message, result.message
    finally:
        led.dispose()


def test_each_event_records_the_row_as_its_action_left_it(ledger):
    """A task created and edited twice in one action, then edited in another: the events of an
    action carry the digest of the task as that action left it (an action is one moment; what
    it did in between never stood in the ledger), each later action's events their own."""
    cal = ledger.calendar()
    with ledger.write() as s:
        task_id = task_service.create_task(s, title="城区工地扬尘整治", today=ledger.today(), cal=cal).id
        task_service.update_task(s, task_id, expected_version=None, cal=cal, note="第一次")
        task_service.update_task(s, task_id, expected_version=None, cal=cal, title="城区工地扬尘治理")
    with ledger.write() as s:
        task_service.update_task(s, task_id, expected_version=None, cal=cal, note="第二次")
    with ledger.read() as s:
        events = s.execute(select(AuditEvent.after, AuditEvent.row_digest)
                           .where(AuditEvent.entity == "task", AuditEvent.entity_id == task_id)
                           .order_by(AuditEvent.seq)).all()
    assert len(events) == 4
    def state_after(count: int) -> dict:
        state: dict = {}
        for after, _ in events[:count]:
            state.update(json.loads(after))
        return {k: v for k, v in state.items() if k != "version"}

    assert {digest for _, digest in events[:3]} == {row_digest(state_after(3))}
    assert events[3].row_digest == row_digest(state_after(4)) != events[0].row_digest
