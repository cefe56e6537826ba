"""The held-out check of issue #16: on the demo ledger with one accountability record, one
inspection, one calendar entry and one 任免 added, each table's first row is edited, then
deleted, behind the program's back (the sqlite3 shell; psql on PostgreSQL), one table at a time
on a fresh copy — and ``verify`` names it every time, exit 1."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date

import pytest
from sqlalchemy import Boolean, Date, Float, Integer, String, select

from wuyang_tasks.cli.main import main
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import Base, Task
from wuyang_tasks.domain.enums import (
    AccountabilityMeasure,
    CheckResult,
    ChiefKind,
    ResponsibilityType,
)
from wuyang_tasks.services import (
    accountability,
    assessment,
    assessment_rules,
    attachments,
    calendar_overrides,
    checklists,
    demo,
    inspections,
    units,
)
from wuyang_tasks.services.evidence import verify_ledger

TABLES = [t.name for t in Base.metadata.sorted_tables]
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cfc0f01f0005fe02fea3a3cf8e0000000049454e44ae426082")
DAY = date(2016, 7, 29)


def add_records(ledger) -> None:
    """One accountability record, inspection, calendar entry, 任免 and alias on the demo."""
    cal = ledger.calendar()
    with ledger.write() as s:
        town = units.find_unit(s, "吴城镇").id
        chief = units.chief_tenures(s, town, DAY)[ChiefKind.GOVERNMENT]
        accountability.issue(s, accountability.RecordSpec(
            person_id=chief.person_id, measure=AccountabilityMeasure.TALK,
            responsibility_type=ResponsibilityType.LEADERSHIP_MAIN, facts="秸秆禁烧不力",
            effective_date=DAY, failure_on=DAY, task_ids=(s.scalar(select(Task.id).order_by(Task.id)),)),
            cal=cal)
        template = checklists.template_view(s, checklists.find_template(s, "六个百分之百").id)
        results = [inspections.ItemResult(i.id, CheckResult.FAIL if n == 0 else CheckResult.PASS,
                                          "围挡缺失" if n == 0 else None)
                   for n, i in enumerate(template.items)]
        inspections.record_inspection(
            s, inspected_on=DAY, today=DAY, cal=cal, unit_id=town, site="吴城镇工地",
            template_id=template.id, results=results,
            inspectors=[inspections.Inspector(person_id=units.find_person(s, "朱俊峰").id)],
            findings=[inspections.FindingSpec("围挡缺失", requirement="补齐围挡",
                                              deadline=date(2016, 8, 5), item_id=template.items[0].id)])
        calendar_overrides.set_override(s, date(2016, 8, 1), False, "补录")
        successor = units.add_person(s, "韩新民")
        units.appoint(s, chief.post_id, successor.id, date(2016, 7, 28))
        units.add_alias(s, town, "吴城")
        rules = {**json.loads(assessment_rules.shipped_text()), "name": "考核计分办法（2016年修订）"}
        assessment_rules.import_rules(s, json.dumps(rules, ensure_ascii=False), "测试",
                                      effective_from=DAY, today=DAY)
        assessment.add_adjustment(s, unit_id=town, day=DAY, points="+1", reason="表彰",
                                  decided_by=None, today=DAY)
        attachments.attach(s, attachments.Target(task_id=s.scalar(select(Task.id).order_by(Task.id))),
                           [attachments.IncomingFile.from_bytes("现场.png", PNG)])


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("tamper") / "demo.db"
    led = open_ledger(path, daily_backup=False)
    demo.build_demo(led)
    add_records(led)
    assert verify_ledger(led).ok
    led.dispose()
    return path


def _edit_sql(table_name: str, first: str, dialect: str) -> str:
    """An UPDATE of the first row's first replayed non-key column, whatever its type."""
    table = Base.metadata.tables[table_name]
    keys = {c.name for c in table.primary_key.columns}
    candidates = [c for c in table.columns if c.name not in keys and c.name != "version"]
    column = next((c for c in candidates if isinstance(c.type, String)), candidates[0])  # text
    # first: a number may be held by a CHECK (percent 0–100) or be unique (seq)
    name = f'"{column.name}"'
    if isinstance(column.type, Boolean):
        value = f"NOT COALESCE({name}, FALSE)" if dialect == "postgresql" else f"1 - COALESCE({name}, 0)"
    elif isinstance(column.type, Integer | Float):
        value = f"COALESCE({name}, 0) + 1"
    elif isinstance(column.type, Date):
        value = (f"COALESCE({name}, DATE '2016-01-01') + 1" if dialect == "postgresql"
                 else f"date(COALESCE({name}, '2016-01-01'), '+1 day')")
    else:
        value = (f"CASE WHEN LENGTH({name}) > 0 THEN SUBSTR({name}, 1, LENGTH({name}) - 1) ELSE '' END"
                 " || '改'")  # the last character changed: the length stays within VARCHAR(n)
    return f'UPDATE "{table_name}" SET {name} = {value} WHERE {first}'


def _first(table_name: str, dialect: str) -> str:
    table = Base.metadata.tables[table_name]
    key = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
    if dialect == "sqlite":
        return f'rowid = (SELECT MIN(rowid) FROM "{table_name}")'
    return f'({key}) = (SELECT {key} FROM "{table_name}" ORDER BY {key} LIMIT 1)'


def _named(message: str, table_name: str) -> bool:
    from wuyang_tasks.db.row_replay import LABELS

    if table_name == "blob_chunk":  # file contents: named by the file (services.attachment_check)
        return "佐证材料" in message
    return table_name in message or LABELS.get(table_name, "@") in message


def _verify_fails(capsys, db: str, table_name: str) -> str:
    assert main(["--db", db, "verify"]) == 1
    out = capsys.readouterr()
    message = out.out + out.err
    assert _named(message, table_name) or "审计" in message and table_name in ("audit_event", "ledger_meta"), message
    return message


@pytest.mark.parametrize("table_name", TABLES)
@pytest.mark.parametrize("change", ["edit", "delete"])
def test_sqlite_shell_change_is_named(sqlite_template, tmp_path, capsys, table_name, change):
    path = tmp_path / "copy.db"
    shutil.copyfile(sqlite_template, path)
    first = _first(table_name, "sqlite")
    sql = (_edit_sql(table_name, first, "sqlite") if change == "edit"
           else f'DELETE FROM "{table_name}" WHERE {first}')
    done = subprocess.run(["sqlite3", str(path), sql + "; SELECT changes();"], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "1", (sql, done.stdout, done.stderr)
    _verify_fails(capsys, str(path), table_name)


@pytest.fixture(scope="module")
def pg_template(pg_databases):
    def build(url):
        led = open_ledger(url)
        demo.build_demo(led)
        add_records(led)
        assert verify_ledger(led).ok
        led.dispose()

    return pg_databases.template("tamper", build)


@pytest.mark.parametrize("table_name", TABLES)
@pytest.mark.parametrize("change", ["edit", "delete"])
def test_psql_change_is_named(pg_databases, pg_template, capsys, table_name, change):
    name = pg_databases.create(pg_template)
    try:
        url = pg_databases.url(name)
        first = _first(table_name, "postgresql")
        sql = (_edit_sql(table_name, first, "postgresql") if change == "edit"
               else f'DELETE FROM "{table_name}" WHERE {first}')
        plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
        done = subprocess.run(
            ["psql", plain, "-v", "ON_ERROR_STOP=1", "-q", "-c",
             "SET session_replication_role = replica", "-c", sql],  # no foreign-key triggers
            capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        _verify_fails(capsys, url.render_as_string(hide_password=False), table_name)
    finally:
        pg_databases.drop(name)
