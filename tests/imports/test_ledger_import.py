from datetime import date
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from sqlalchemy import inspect, select

from wuyang_tasks.db.models import Person, Responsibility, Source, Task, Unit
from wuyang_tasks.domain.enums import DeadlineBasis, Role, SourceKind, TaskStatus, UnitKind
from wuyang_tasks.services import intake, units
from wuyang_tasks.services.demo import TOWNSHIPS

from .builders import REAL_ROWS, real_ledger


def _tasks_by_title(ledger, source: str | None = None):
    """Title → (task, {role: names}, source title), of one source's tasks when given."""
    with ledger.read() as s:
        out = {}
        query = select(Task)
        if source is not None:
            query = query.join(Source, Source.id == Task.source_id).where(Source.title == source)
        for task in s.scalars(query):
            roles = {}
            for r in task.responsibilities:
                name = r.unit.name if r.unit_id else r.person.name
                roles.setdefault(r.role, []).append(name)
            columns = {a.key: getattr(task, a.key) for a in inspect(task).mapper.column_attrs}
            out[task.title] = (SimpleNamespace(**columns), roles, task.source.title if task.source else None)
        return out


def test_real_shaped_table_imports_the_right_tasks(demo_ledger, tmp_path):
    path = real_ledger(tmp_path / "分解表.xlsx")
    reading = intake.read_table(path, ledger=demo_ledger)
    assert reading.header_rows == (3, 4)
    assert reading.doc_date == date(2016, 7, 20)
    result = intake.import_ledger(demo_ledger, reading)
    assert len(result.created) == 9 and result.existing == []
    tasks = _tasks_by_title(demo_ledger, "舞阳县环保攻坚突破工作任务分解表")
    assert len(tasks) == 9

    task, roles, source = tasks["渠道扬尘整治（新增）"]
    assert source == "舞阳县环保攻坚突破工作任务分解表"
    assert task.category == "大气污染防治"
    assert roles[Role.LEAD_LEADER] == ["朱俊峰"]  # merged down from the row above
    assert roles[Role.LEAD_UNIT] == ["县住建委"]  # 住建委: short name
    assert roles[Role.COOPERATING_UNIT] == ["县环保局", "县交通运输局"]  # 环保局，交通局
    assert (task.deadline, task.deadline_text, task.status) == (date(2016, 9, 30), "9月30日前", TaskStatus.DRAFT)
    assert task.note == "与第1项同一县领导"

    task, roles, _ = tasks["城区建筑工地全面落实扬尘治理“六个百分之百”"]
    assert roles[Role.COOPERATING_UNIT] == ["县环保局", "县公安局"]  # 县环境保护局 via alias, line break
    task, roles, _ = tasks["“散乱污”企业排查整治"]
    assert roles[Role.TERRITORIAL_UNIT] == TOWNSHIPS  # 各乡镇, in official order
    assert task.deadline == date(2016, 10, 31)  # an Excel date cell
    task, roles, _ = tasks["三里河沿线入河排污口排查封堵"]
    assert roles[Role.LEAD_UNIT] == ["县水利局"]  # 舞阳县水利局: county prefix
    assert roles[Role.COOPERATING_UNIT] == ["县环保局"] and roles[Role.TERRITORIAL_UNIT] == TOWNSHIPS
    assert task.category == "水污染防治"
    task, _, _ = tasks["重点时段大气污染防治进展月报"]
    assert task.recurrence_day == 25 and task.deadline is None
    assert tasks["河长制巡河"][0].ongoing
    task, roles, _ = tasks["会议精神传达落实"]
    assert (task.deadline_basis, task.deadline_days) == (DeadlineBasis.WORKDAY, 5)
    assert "县直各部门" in task.note and Role.COOPERATING_UNIT not in roles
    assert tasks["城区污水管网完善"][0].deadline == date(2016, 12, 31)


def test_reimport_and_dry_run_change_nothing(demo_ledger, tmp_path, state):
    path = real_ledger(tmp_path / "分解表.xlsx")
    intake.import_ledger(demo_ledger, intake.read_table(path))
    after_first = state(demo_ledger)
    result = intake.import_ledger(demo_ledger, intake.read_table(path))
    assert result.created == [] and len(result.existing) == 9
    plan = intake.preview_ledger(demo_ledger, intake.read_table(path))
    assert len(plan.existing) == 9 and plan.to_create == []
    assert state(demo_ledger) == after_first


def test_broken_table_lists_every_problem_and_changes_nothing(demo_ledger, tmp_path, state):
    rows = list(REAL_ROWS)
    rows[2] = (2, "渠道扬尘整治", None, "住建委", "环保局", "下月中旬", None)  # Excel row 7
    rows[3] = (3, None, "宋耀生", "环保局", "各乡镇", "2016年9月底前", None)  # row 8: no task text
    rows[5] = (4, "排污口排查", "朱俊峰", "县林业局", "县环保局", "2016年2月30日", None)  # row 10
    path = real_ledger(tmp_path / "坏表.xlsx", rows)
    before = state(demo_ledger)
    with pytest.raises(intake.ImportRejected) as err:
        intake.import_ledger(demo_ledger, intake.read_table(path))
    message = err.value.message
    texts = [p.text() for p in err.value.problems]
    assert "工作表“任务分解表” 第7行 F列 完成时限 “下月中旬” 无法识别" in texts
    assert any(t.startswith("工作表“任务分解表” 第8行 B列 工作任务") and "为空" in t for t in texts)
    assert any("第10行 D列 牵头单位 “县林业局” 不在单位名录中" in t for t in texts)
    assert any("第10行 F列 完成时限 “2016年2月30日”" in t and "不存在" in t for t in texts)
    assert "县林业局" in message and "台账未作任何改动" in message
    assert state(demo_ledger) == before


def test_create_missing_adds_units_and_people(demo_ledger, tmp_path):
    rows = [("一、林业",), (1, "国土绿化", "张新来", "县林业局", "吴城镇人民政府、县环保局", "年底前", None)]
    path = real_ledger(tmp_path / "林业.xlsx", rows, merge_leader=False)
    with pytest.raises(intake.ImportRejected):
        intake.import_ledger(demo_ledger, intake.read_table(path))
    plan = intake.preview_ledger(demo_ledger, intake.read_table(path), create_missing=True)
    assert [(u.name, u.kind) for u in plan.new_units] == [("县林业局", UnitKind.DEPARTMENT)]
    assert plan.new_people == ["张新来"] and plan.errors == []
    result = intake.import_ledger(demo_ledger, intake.read_table(path), create_missing=True)
    assert result.new_units == ["县林业局"] and result.new_people == ["张新来"]
    task, roles, _ = _tasks_by_title(demo_ledger, "舞阳县环保攻坚突破工作任务分解表")["国土绿化"]
    assert roles == {Role.LEAD_LEADER: ["张新来"], Role.LEAD_UNIT: ["县林业局"],
                     Role.COOPERATING_UNIT: ["吴城镇", "县环保局"]}
    with demo_ledger.read() as s:
        assert s.scalar(select(Unit.kind).where(Unit.name == "县林业局")) is UnitKind.DEPARTMENT
        assert s.scalar(select(Person.note).where(Person.name == "张新来")) == "台账导入时新建"


def test_alias_table_resolves_and_can_be_edited(demo_ledger, tmp_path):
    rows = [(1, "环评审批清理", "宋耀生", "县环境监察大队", None, "年底前", None)]
    path = real_ledger(tmp_path / "a.xlsx", rows, merge_leader=False)
    assert intake.preview_ledger(demo_ledger, intake.read_table(path)).errors
    with demo_ledger.write() as s:
        units.add_alias(s, units.find_unit(s, "县环保局").id, "县环境监察大队")
    plan = intake.preview_ledger(demo_ledger, intake.read_table(path))
    assert plan.errors == [] and plan.tasks[0].names(Role.LEAD_UNIT) == ["县环保局"]
    with demo_ledger.write() as s:
        units.remove_alias(s, "县环境监察大队")
        assert ("县环境监察大队", "县环保局") not in units.aliases_in_order(s)
    assert intake.preview_ledger(demo_ledger, intake.read_table(path)).errors


def test_statuses_and_progress_follow_the_workflow(demo_ledger, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["2016年第三季度重点工作台账"])
    ws.append(["序号", "任务内容", "责任领导", "责任单位", "协办单位", "时间节点", "进展情况", "状态"])
    ws.append([1, "秸秆禁烧网格化", "朱俊峰", "环保局", "", "10月底前", "已签订责任状", "办理中"])
    ws.append([2, "清理违法建设项目", "宋耀生", "环保局", "发改委", "9月30日前", "已全部处置", "已办结"])
    ws.append([3, "加油站油气回收", "王耀生", "环保局", "", "年底前", "", "撤销"])
    ws.append(["注：本表每周五更新。"])
    path = tmp_path / "状态.xlsx"
    wb.save(path)
    result = intake.import_ledger(demo_ledger, intake.read_table(path))
    assert len(result.created) == 3
    tasks = _tasks_by_title(demo_ledger, "2016年第三季度重点工作台账")
    assert tasks["秸秆禁烧网格化"][0].status is TaskStatus.IN_PROGRESS
    assert tasks["秸秆禁烧网格化"][0].deadline == date(2016, 10, 31)  # year from the title
    assert tasks["清理违法建设项目"][0].status is TaskStatus.DONE
    assert tasks["加油站油气回收"][0].status is TaskStatus.CANCELLED
    from wuyang_tasks.services.tasks import reports_of
    with demo_ledger.read() as s:
        assert [r.text for r in reports_of(s, tasks["秸秆禁烧网格化"][0].id)] == ["已签订责任状"]


def test_round_trip_of_the_program_s_own_ledger_export(demo_ledger, tmp_path, state):
    from wuyang_tasks.exports.ledger_xlsx import write_ledger_xlsx
    from wuyang_tasks.services.documents import build_ledger

    with demo_ledger.read() as s:
        doc = build_ledger(s, today=demo_ledger.today(), cal=demo_ledger.calendar())
    path = write_ledger_xlsx(doc, tmp_path / "台账.xlsx")
    before = state(demo_ledger)
    plan = intake.preview_ledger(demo_ledger, intake.read_table(path))
    assert plan.errors == []
    assert len(plan.tasks) == len(doc.rows) and plan.to_create == []  # every row is found again
    by_code = {r.code: r for r in doc.rows}
    for planned in plan.tasks:
        row = by_code[planned.row.code]
        assert planned.row.title == row.title
        assert planned.names(Role.LEAD_LEADER) == list(row.lead_leaders)
        assert planned.names(Role.LEAD_UNIT) == list(row.lead_units)
        assert planned.names(Role.COOPERATING_UNIT) == list(row.cooperating_units)
        assert planned.row.status is row.status
        spec = planned.row.deadline
        if row.ongoing:
            assert spec.ongoing
        elif row.recurrence_day:
            assert spec.recurrence_day == row.recurrence_day
        else:
            assert spec.day == row.effective_deadline
    assert intake.import_ledger(demo_ledger, intake.read_table(path)).created == []
    assert state(demo_ledger) == before


def test_round_trip_into_a_ledger_without_those_tasks(demo_ledger, tmp_path):
    """The export imported as new tasks (编号 cleared) gives the same tasks again."""
    from wuyang_tasks.exports.ledger_xlsx import write_ledger_xlsx
    from wuyang_tasks.services.documents import build_ledger

    with demo_ledger.read() as s:
        doc = build_ledger(s, today=demo_ledger.today(), cal=demo_ledger.calendar())
    path = write_ledger_xlsx(doc, tmp_path / "台账.xlsx")
    wb = load_workbook(path)
    ws = wb.active
    for row in range(4, ws.max_row + 1):
        ws.cell(row, 2).value = None
    wb.save(path)
    result = intake.import_ledger(demo_ledger, intake.read_table(path), source_title="回读测试")
    assert len(result.created) == len(doc.rows)
    with demo_ledger.read() as s:
        source_id = s.scalar(select(Source.id).where(Source.title == "回读测试"))
        assert s.scalar(select(Source.kind).where(Source.id == source_id)) is SourceKind.DOCUMENT
        new = {t.title: t for t in s.scalars(select(Task).where(Task.source_id == source_id))}
        for row in doc.rows:
            task = new[row.title]
            assert task.status is row.status
            leads = s.scalars(select(Unit.name).join(Responsibility, Responsibility.unit_id == Unit.id)
                              .where(Responsibility.task_id == task.id,
                                     Responsibility.role == Role.LEAD_UNIT)).all()
            assert leads == list(row.lead_units)
