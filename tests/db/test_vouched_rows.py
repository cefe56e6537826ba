"""SQLite vouches for a table of rows written once (services.evidence_rows_sqlite) only when
each row matches its one event: every change behind the program's back that keeps the counts
or the text almost right still goes to the replay, which names it."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import Base
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.services.evidence_rows import shapes
from wuyang_tasks.services.evidence_rows_sqlite import vouched_rows

FIRST, LAST = "(SELECT MIN(id) FROM {t})", "(SELECT MAX(id) FROM {t})"
CHANGES = {
    # a row added as a copy of the first under a new id: one row more than events
    "added copy": "INSERT INTO {t} ({columns}) SELECT {last} + 1, {others} FROM {t} WHERE id = {first}",
    # the first row moved to a new id: as many rows as events, but one event has no row
    "id changed": "UPDATE {t} SET id = (SELECT MAX(id) + 1 FROM {t}) WHERE id = {first}",
    # the same digits as text in a text column would print alike only without quotes
    "number as text": "UPDATE {t} SET task_id = 'x' || task_id WHERE id = {first}",
    # the first and the last row's tasks swapped: every count holds, two texts differ
    "values swapped": "UPDATE {t} SET task_id = CASE id WHEN {first} THEN (SELECT task_id FROM {t} "
                      "WHERE id = {last}) ELSE (SELECT task_id FROM {t} WHERE id = {first}) "
                      "END WHERE id IN ({first}, {last})",
    # a blob in a column: SQLite's JSON cannot hold it, the replay reads it
    "blob": "UPDATE {t} SET task_id = CAST(task_id AS BLOB) WHERE id = {first}",
}


def _copy(template, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copyfile(template, path)
    return path


@pytest.mark.parametrize("table", ["responsibility", "progress_report", "urging"])
def test_untouched_tables_of_rows_written_once_are_vouched_for(_demo_template, tmp_path, table):
    led = open_ledger(_copy(_demo_template, tmp_path), daily_backup=False)
    try:
        with led.read() as s:
            connection = s.connection()
            count = connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            assert count > 0
            assert vouched_rows(connection, shapes()[table], 0) == count
            assert vouched_rows(connection, shapes()["task"], 0) is None  # changed by events
        assert verify_ledger(led).ok
    finally:
        led.dispose()


@pytest.mark.parametrize("table", ["responsibility", "progress_report"])
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_is_not_vouched_for_and_the_replay_names_it(_demo_template, tmp_path, table,
                                                             change):
    path = _copy(_demo_template, tmp_path)
    with sqlite3.connect(path) as raw:
        columns = [c.name for c in Base.metadata.tables[table].columns]
        assert columns[0] == "id"
        sql = CHANGES[change].format(t=table, first=FIRST.format(t=table), last=LAST.format(t=table),
                                     columns=", ".join(columns), others=", ".join(columns[1:]))
        assert raw.execute(sql).rowcount >= 1
    led = open_ledger(path, daily_backup=False)
    try:
        with led.read() as s:
            assert vouched_rows(s.connection(), shapes()[table], 0) is None
        result = verify_ledger(led)
        assert not result.ok
        assert table in result.message, result.message
    finally:
        led.dispose()
