"""The bulk import writes the ledger the service calls write one by one.

The import creates a table's tasks through ``services.tasks`` inside one batch of the action's
writer (``Writer.batch``: ids given by the writer, every row written at the end with
executemany). Here one realistic table is imported into two copies of the demo ledger: in a
batch, and with the batch made a no-op (each call writing at once, as outside an import). With
the clock fixed, every row of every table — audit events with their times, hashes and the chain
head included — must be the same, and both chains must verify.
"""

from __future__ import annotations

import gc
import shutil
from contextlib import nullcontext
from datetime import date, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from tests.conftest import _pg_template
from wuyang_tasks.db import audit
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import AuditEvent, Base, LedgerMeta, Person, Task, Unit
from wuyang_tasks.db.row_replay import last_seal
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.enums import Role, TaskStatus
from wuyang_tasks.services import evidence_rows, intake
from wuyang_tasks.services import tasks as task_service

NOW = "2016-07-29T09:30:00.000000+00:00"
HEADER = ["序号", "编号", "工作任务", "具体内容", "类别", "牵头县领导", "牵头单位", "配合单位", "属地单位",
          "责任人", "完成时限", "时限说明", "量化目标", "进展情况", "状态", "备注"]


def _rows(counted_day: date) -> list[list]:
    """(… as HEADER) — every status, every form of 完成时限, 各乡镇 in two columns, several units,
    units and people not in the ledger, progress before and after 办理中."""
    return [
        [1, None, "秸秆禁烧网格化", "落实县乡村三级网格", "大气污染防治", "朱俊峰", "环保局", "住建委、交通局",
         None, None, "10月底前", None, None, "已签订责任状", "办理中", None],
        [2, "2016-901", "清理违法建设项目", None, "大气污染防治", "宋耀生", "县环保局", "县发改委", None, None,
         datetime(2016, 9, 30), None, "清理率100%", "已全部处置", "已办结", "县政府督查"],
        [3, None, "加油站油气回收", None, None, "王耀生", "环保局", None, None, None, "年底前", None, None,
         None, "撤销", None],
        [4, None, "“散乱污”企业排查整治", None, None, "宋耀生", "环保局", None, "各乡镇", None,
         "2016年9月底前", None, None, None, "已交办", None],
        [5, None, "河长制巡河", None, "水污染防治", "宋耀生", "县水利局", None, "吴城镇、舞泉镇", None, "长期坚持",
         None, None, None, "已签收", None],
        [6, None, "重点时段大气污染防治进展月报", None, None, "朱俊峰", "县环保局", "各乡镇", None, None,
         "每月25日前报送", None, None, "7月已报送", "已反馈", None],
        [7, None, "会议精神传达落实", None, None, "李亦博", "县环委办", "县直各部门", None, None, "会后5个工作日内",
         None, None, "已传达到各单位", "已归档", None],
        [8, "2016-902", "入河排污口排查封堵", None, "水污染防治", "朱俊峰", "舞阳县水利局", "县环保局", "各乡（镇）",
         None, counted_day, "会后10个工作日内（自2016年7月13日起算）", None, "已排查12处", "中止", None],
        [9, None, "国土绿化", None, "林业", "张新来", "县林业局", "吴城镇人民政府、县环保局", None, None, "年底前",
         None, "新增造林500亩", "已摸底", "待交办", None],
        [10, None, "城区污水管网完善", None, None, "王耀生", "县住建委、县环保局", None, None, "李明、朱俊峰",
         "2016.12.31", None, None, None, "办理中", None],
        [11, None, "禁养区畜禽养殖场搬迁关闭", None, None, "王耀生", "县畜牧局", "县环保局", None, None,
         "2016-08-31", None, None, None, "已办结", None],
        [12, None, "工地扬尘巡查", None, None, "朱俊峰", "县住建委", None, None, None, "15日内", None, None,
         "每日巡查", "已办结", None],
        [13, None, "渣土车辆整治", None, None, None, "县公安局", "交通局", None, None, "会后20天内", None, None,
         None, "待交办", None],
    ]


def _workbook(path, rows) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "重点任务台账"
    ws.append(["2016年环保攻坚重点任务台账"])
    ws.append(["填报日期：2016年7月20日"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)


@pytest.fixture
def twin_ledgers(backend, request, tmp_path):
    """Two copies of the demo ledger on the test's backend."""
    if backend == "sqlite":
        template = request.getfixturevalue("_demo_template")
        pair = []
        for name in ("bulk.db", "services.db"):
            shutil.copyfile(template, tmp_path / name)
            pair.append(open_ledger(tmp_path / name))
        yield pair
        for led in pair:
            led.dispose()
        return
    dbs = request.getfixturevalue("pg_databases")
    names = [dbs.create(_pg_template(dbs, "demo")) for _ in range(2)]
    pair = [open_ledger(dbs.url(name)) for name in names]
    yield pair
    for led, name in zip(pair, names):
        led.dispose()
        dbs.drop(name)


def _import_both(twin_ledgers, monkeypatch, path, **options):
    """Import ``path`` into each ledger (in a batch, then call by call); the results or the
    refusals."""
    monkeypatch.setattr(audit, "now_iso", lambda: NOW)
    bulk, services = twin_ledgers
    outcomes = []
    for led, batched in ((bulk, True), (services, False)):
        with monkeypatch.context() as m:
            if not batched:
                m.setattr(Writer, "batch", lambda self: nullcontext())
            try:
                outcomes.append(intake.import_ledger(led, intake.read_table(path, ledger=led), **options))
            except intake.ImportRejected as exc:
                outcomes.append(exc)
    return outcomes


def _tables(ledger) -> dict[str, list[tuple]]:
    with ledger.read() as s:
        return {t.name: [tuple(r) for r in s.execute(select(t).order_by(*t.primary_key.columns))]
                for t in Base.metadata.sorted_tables}


def test_bulk_import_writes_what_the_services_write(twin_ledgers, monkeypatch, tmp_path):
    counted_day = twin_ledgers[0].calendar().add_workdays(date(2016, 7, 13), 10)
    path = tmp_path / "台账.xlsx"
    _workbook(path, _rows(counted_day))
    before = _tables(twin_ledgers[0])
    bulk, services = _import_both(twin_ledgers, monkeypatch, path, create_missing=True)
    assert not isinstance(bulk, Exception), bulk
    assert (bulk.created, bulk.new_units, bulk.new_people) == \
        (services.created, services.new_units, services.new_people)
    assert len(bulk.created) == 13 and bulk.new_units == ["县林业局"] and bulk.new_people == ["张新来", "李明"]

    tables = [_tables(led) for led in twin_ledgers]
    for name in tables[1]:
        assert tables[0][name] == tables[1][name], name
    added = {name: len(rows) - len(before[name]) for name, rows in tables[0].items()}
    assert added["task"] == 13 and added["progress_report"] == 5 and added["responsibility"] > 40
    assert added["audit_event"] > 100
    for led in twin_ledgers:
        with led.read() as s:
            chain = audit.verify_chain(s, rows_after=last_seal(s.connection()))
            assert chain.ok
            assert evidence_rows.verify_rows(s, chain.last_rows).ok
            last = s.execute(select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc())
                             .limit(1)).one()
            assert s.get(LedgerMeta, audit.HEAD_KEY).value == f"{last.seq}:{last.hash}"


def test_what_the_bulk_import_wrote(twin_ledgers, monkeypatch, tmp_path):
    """A few facts of the bulk import read back, so that equal does not mean equally wrong."""
    counted_day = twin_ledgers[0].calendar().add_workdays(date(2016, 7, 13), 10)
    path = tmp_path / "台账.xlsx"
    _workbook(path, _rows(counted_day))
    _import_both(twin_ledgers, monkeypatch, path, create_missing=True)
    with twin_ledgers[0].read() as s:
        tasks = {t.title: t for t in s.scalars(select(Task).where(Task.created_at == NOW))}
        done = tasks["清理违法建设项目"]
        assert (done.code, done.status, done.closed_on, done.version) == \
            ("2016-901", TaskStatus.DONE, date(2016, 7, 29), 1)  # one action: created, moved, reported
        assert {t.version for t in tasks.values()} == {1}  # each created by this one action
        counted = tasks["入河排污口排查封堵"]
        assert (counted.status, counted.deadline_days, counted.deadline) == (TaskStatus.SUSPENDED, 10, counted_day)
        assert "进展情况（导入）：已摸底" in tasks["国土绿化"].note
        assert tasks["秸秆禁烧网格化"].code.startswith("2016-")
        lead = {r.role: r for r in tasks["秸秆禁烧网格化"].responsibilities}[Role.LEAD_UNIT]
        assert lead.unit.name == "县环保局" and lead.party_chief_tenure_id and lead.government_chief_tenure_id
        person = next(r for r in tasks["城区污水管网完善"].responsibilities
                      if r.role is Role.RESPONSIBLE_PERSON and r.person.name == "朱俊峰")
        assert person.tenure_id is not None
        townships = [r for r in tasks["“散乱污”企业排查整治"].responsibilities if r.role is Role.TERRITORIAL_UNIT]
        assert len(townships) == 14
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == done.id,
                                                          AuditEvent.entity == "task")
                           .order_by(AuditEvent.seq)).all()
        assert [e.action for e in events] == ["create", "assign", "accept", "start", "report", "approve"]
        assert s.scalar(select(Unit.id).where(Unit.name == "县林业局"))
        assert s.scalar(select(Person.note).where(Person.name == "李明")) == "台账导入时新建"


def _next_code(ledger) -> str:
    """The 编号 the next task without one gets in ``ledger``."""
    with ledger.read() as s:
        meta = s.get(LedgerMeta, task_service.code_counter_key(2016))
        counter = int(meta.value) if meta else 0
        taken = set(s.scalars(select(Task.code)))
    return task_service.next_free_code(2016, counter, taken.__contains__)[1]


@pytest.mark.parametrize("refusal", ["code given twice", "code too long"])
def test_a_row_the_services_refuse_is_refused_alike(twin_ledgers, monkeypatch, tmp_path, refusal):
    """The first row without 编号 takes the year's next number, so a later row with that number
    written is refused (任务编号已被使用); a 编号 longer than the column is refused by the text
    check of the flush. Both paths give the same message, and neither ledger changes."""
    rows = _rows(date(2016, 7, 27))[:3]
    rows[2][1] = _next_code(twin_ledgers[0]) if refusal == "code given twice" else "2016-" + "9" * 40
    path = tmp_path / "退回.xlsx"
    _workbook(path, rows)
    before = [_tables(led) for led in twin_ledgers]
    bulk, services = _import_both(twin_ledgers, monkeypatch, path)
    assert isinstance(bulk, intake.ImportRejected) and isinstance(services, intake.ImportRejected)
    assert bulk.message == services.message
    expected = f"任务编号“{rows[2][1]}”已被使用" if refusal == "code given twice" else "任务的“编号”太长"
    assert "第6行" in bulk.message and expected in bulk.message
    assert [_tables(led) for led in twin_ledgers] == before


def test_rows_written_after_a_batch_get_new_ids(twin_ledgers, monkeypatch, tmp_path):
    """The batch gives ids itself; on PostgreSQL each table's sequence is then moved past them,
    so the next ordinary insert does not collide with a row of the import."""
    path = tmp_path / "台账.xlsx"
    _workbook(path, _rows(date(2016, 7, 27)))
    _import_both(twin_ledgers, monkeypatch, path, create_missing=True)
    led = twin_ledgers[0]  # imported in a batch
    with led.read() as s:
        last_task = s.scalar(select(func.max(Task.id)))
    with led.write() as s:
        task = task_service.create_task(s, title="会后新增的任务", today=date(2016, 7, 29), cal=led.calendar())
    assert task.id == last_task + 1


def test_the_import_runs_with_the_collector_paused(twin_ledgers, monkeypatch, tmp_path):
    """The reading, its plan and then the batch's rows are alive from the start of an import to
    its commit: the backup before the write and the append of the events at the commit run with
    Python's collector paused too (collector.paused; it covered the planning and the batch)."""
    path = tmp_path / "台账.xlsx"
    _workbook(path, _rows(date(2016, 7, 27)))
    collecting = []
    for module, name in ((audit, "record_many"), (intake.backup, "before_import")):
        def noting(*args, _call=getattr(module, name), **kwargs):
            collecting.append(gc.isenabled())
            return _call(*args, **kwargs)
        monkeypatch.setattr(module, name, noting)
    was_on = gc.isenabled()
    gc.enable()  # the window's tests switch it off for good (collector.off_for_good)
    try:
        led = twin_ledgers[0]
        result = intake.import_ledger(led, intake.read_table(path, ledger=led), create_missing=True)
        assert len(result.created) == 13 and len(collecting) >= 2 and not any(collecting)
        assert gc.isenabled()
    finally:
        if not was_on:
            gc.disable()
