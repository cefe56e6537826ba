"""Issue 5: "a ledger exported by the program imports back to the same tasks" — into a ledger
that has none of its units, people or tasks (everything created with --create-missing)."""

from openpyxl import load_workbook

from wuyang_tasks.domain.enums import DeadlineBasis
from wuyang_tasks.exports.ledger_xlsx import HEADERS, write_ledger_xlsx
from wuyang_tasks.services import intake
from wuyang_tasks.services.documents import build_ledger
from wuyang_tasks.services.task_list import list_tasks


def _facts(row):
    return {"title": row.title, "leaders": row.lead_leaders, "lead": row.lead_units,
            "cooperating": sorted(row.cooperating_units), "territorial": sorted(row.territorial_units),
            "persons": sorted(row.responsible_persons), "status": row.status,
            "deadline": row.effective_deadline, "ongoing": row.ongoing,
            "recurrence_day": row.recurrence_day, "basis": row.deadline_basis}


def test_demo_export_imports_into_an_empty_ledger_as_the_same_tasks(demo_ledger, ledger, tmp_path):
    day, cal = demo_ledger.today(), demo_ledger.calendar()
    with demo_ledger.read() as s:
        doc = build_ledger(s, today=day, cal=cal)
    path = write_ledger_xlsx(doc, tmp_path / "任务台账.xlsx")

    result = intake.import_ledger(ledger, intake.read_table(path, ledger=ledger), create_missing=True)
    with demo_ledger.read() as s:
        demo_tasks = len(list_tasks(s, today=day, cal=cal))
    assert len(result.created) == len(doc.rows) == demo_tasks >= 29

    with ledger.read() as s:
        imported = {r.code: r for r in list_tasks(s, today=day, cal=ledger.calendar())}
    source = {r.code: r for r in doc.rows}
    assert set(imported) == set(source)
    for code, row in source.items():
        assert _facts(imported[code]) == _facts(row), code
    # the demo's territorial units and its working-day deadlines really are in the comparison
    assert sum(bool(r.territorial_units) for r in doc.rows) >= 10
    workday = [c for c, r in source.items() if r.deadline_basis is DeadlineBasis.WORKDAY]
    assert "2016-002" in workday
    survey = imported["2016-002"]
    assert survey.deadline_text == "会后10个工作日内" and survey.days_overdue == 2  # working days


def test_the_export_carries_territorial_units_and_the_deadline_wording(demo_ledger, tmp_path):
    with demo_ledger.read() as s:
        doc = build_ledger(s, today=demo_ledger.today(), cal=demo_ledger.calendar())
    ws = load_workbook(write_ledger_xlsx(doc, tmp_path / "台账.xlsx")).active
    header = [c.value for c in ws[3]]
    assert header == list(HEADERS)
    assert header.index("属地单位") == header.index("配合单位") + 1
    rows = {r[1]: dict(zip(header, r)) for r in ws.iter_rows(min_row=4, values_only=True)}
    assert rows["2016-002"]["时限说明"] == "会后10个工作日内（自2016年7月13日起算）"
    assert rows["2016-002"]["完成时限"].date().isoformat() == "2016-07-27"
    assert rows["2016-001"]["时限说明"] is None  # a plain date needs no wording
    assert rows["2016-001"]["属地单位"] == "舞泉镇"
    assert rows["2016-008"]["属地单位"].startswith("舞泉镇、")  # 各乡镇, in official order


def test_a_counted_deadline_that_no_longer_gives_the_date_keeps_the_date(ledger, tmp_path, state):
    """An approved extension moves 完成时限 away from what 时限说明 counts: the date wins, with a
    warning; nothing is refused."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["任务台账"])
    ws.append(["截至2016年7月29日"])
    ws.append(["序号", "工作任务", "牵头单位", "完成时限", "时限说明", "状态"])
    ws.append([1, "排查", "县环保局", "2016-08-31", "会后10个工作日内（自2016年7月13日起算）", "办理中"])
    ws.append([2, "整改", "县环保局", "2016-07-27", "会后10个工作日内（自2016年7月13日起算）", "办理中"])
    ws.append([3, "宣传", "县环保局", "2016-09-30", "9月底前", "办理中"])
    wb.save(tmp_path / "t.xlsx")
    plan = intake.preview_ledger(ledger, intake.read_table(tmp_path / "t.xlsx"), create_missing=True)
    assert plan.errors == []
    first, second, third = plan.tasks
    assert first.deadline.day.isoformat() == "2016-08-31" and first.deadline.days is None
    assert any("时限说明" in w.text() and "延期" in w.text() for w in plan.warnings)
    assert second.deadline.basis is DeadlineBasis.WORKDAY and second.deadline.days == 10
    assert third.deadline.day.isoformat() == "2016-09-30" and third.deadline.text == "9月底前"
