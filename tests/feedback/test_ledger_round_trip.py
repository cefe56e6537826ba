"""export ledger → rows edited → import ledger: the differences become audited actions."""

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from wuyang_tasks.cli.main import main
from wuyang_tasks.db.models import AuditEvent, ProgressReport, Responsibility, Task, Unit
from wuyang_tasks.domain.enums import Role, TaskStatus
from wuyang_tasks.domain.workflow import Action, clerk_path

from .helpers import count, db_arg, ledger_state

HEADER_ROW = 3


@pytest.fixture
def exported(demo_ledger, tmp_path):
    path = tmp_path / "台账.xlsx"
    assert main(["--db", db_arg(demo_ledger), "export", "ledger", "-o", str(path)]) == 0
    return path


def _edit(path, rows):
    wb = load_workbook(path)
    ws = wb.active
    head = {c.value: c.column for c in ws[HEADER_ROW]}
    by_code = {ws.cell(row=r, column=head["编号"]).value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    for code, values in rows.items():
        for header, value in values.items():
            ws.cell(row=by_code[code], column=head[header]).value = value
    wb.save(path)
    return by_code


def _tasks(ledger):
    with ledger.read() as s:
        return {t.code: (t.status, t.version, t.deadline) for t in s.scalars(select(Task))}


def _import(ledger, path, *args):
    return main(["--db", db_arg(ledger), "import", "ledger", str(path), *args])


def test_three_edited_rows_apply_exactly_those_changes(demo_ledger, exported, capsys):
    led = demo_ledger
    assert _import(led, exported, "--dry-run") == 0
    assert "将更新 0 项" in capsys.readouterr().out  # the export as it is changes nothing
    _edit(exported, {"2016-001": {"进展情况": "新增围挡300米，裸土全部覆盖"},
                     "2016-003": {"进展情况": "专项整治完成", "状态": "已完成"},
                     "2016-005": {"状态": "办理中"}})
    before, reports = _tasks(led), count(led, ProgressReport)
    with led.read() as s:
        last_seq = s.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1))
    state = ledger_state(led)
    assert _import(led, exported, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "将更新 3 项" in out and "状态办理中→反馈办结（已反馈）" in out
    assert "状态 “已办结” 办结须经督查室审核：导入只转为“已反馈”待审核" in out
    assert ledger_state(led) == state
    assert _import(led, exported) == 0
    assert "其中 3 项按表更新" in capsys.readouterr().out
    after = _tasks(led)
    assert after["2016-003"][0] is TaskStatus.REPORTED  # never 办结 without the office's review
    assert after["2016-005"][0] is TaskStatus.IN_PROGRESS
    assert {c for c in before if before[c] != after[c]} == {"2016-003", "2016-005"}
    assert count(led, ProgressReport) == reports + 2
    with led.read() as s:
        events = [(e.entity, e.action) for e in s.scalars(
            select(AuditEvent).where(AuditEvent.seq > last_seq).order_by(AuditEvent.seq))]
        lead = s.scalar(select(Responsibility.unit_id).join(Task).where(
            Task.code == "2016-003", Responsibility.role == Role.LEAD_UNIT))
        report = s.scalar(select(ProgressReport).where(ProgressReport.text == "专项整治完成"))
        assert report.unit_id == lead
    assert sorted(events) == sorted([("progress_report", "create"), ("progress_report", "create"),
                                     ("task", "report"), ("task", "start")])
    assert main(["--db", db_arg(led), "verify"]) == 0
    state = ledger_state(led)
    assert _import(led, exported) == 0
    assert "其中 0 项按表更新" in capsys.readouterr().out and ledger_state(led) == state


def test_a_status_the_workflow_cannot_reach_is_a_problem_of_the_row(demo_ledger, exported, capsys):
    rows = _edit(exported, {"2016-011": {"状态": "办理中"}, "2016-001": {"进展情况": "新的进展"}})
    state = ledger_state(demo_ledger)
    capsys.readouterr()
    assert _import(demo_ledger, exported) == 2
    err = capsys.readouterr().err
    assert f"第{rows['2016-011']}行 L列 状态 “办理中” 台账中为“已办结”，导入不能改为“办理中”" in err
    assert ledger_state(demo_ledger) == state


def test_a_deadline_changes_only_when_the_clerk_confirms(demo_ledger, exported, capsys):
    _edit(exported, {"2016-014": {"完成时限": date(2016, 9, 15)}})
    state = ledger_state(demo_ledger)
    capsys.readouterr()
    assert _import(demo_ledger, exported) == 0
    captured = capsys.readouterr()
    assert "完成时限与台账不同（2016年8月31日→2016年9月15日），未修改" in captured.err
    assert ledger_state(demo_ledger) == state
    assert _import(demo_ledger, exported, "--update-deadlines") == 0
    assert "修改完成时限：2016年8月31日→2016年9月15日" in capsys.readouterr().out
    with demo_ledger.read() as s:
        assert s.scalar(select(Task.deadline).where(Task.code == "2016-014")) == date(2016, 9, 15)
        assert s.scalar(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(1)) == "update"


def test_another_lead_unit_is_a_reassignment(demo_ledger, exported, capsys):
    _edit(exported, {"2016-014": {"牵头单位": "县环保局", "配合单位": "县水利局"}})
    assert _import(demo_ledger, exported) == 0
    assert "调整责任分工" in capsys.readouterr().out
    with demo_ledger.read() as s:
        lead = s.scalar(select(Unit.name).join(Responsibility, Responsibility.unit_id == Unit.id).join(Task)
                        .where(Task.code == "2016-014", Responsibility.role == Role.LEAD_UNIT))
        assert lead == "县环保局"
    assert main(["--db", db_arg(demo_ledger), "verify"]) == 0


def test_clerk_paths_follow_the_workflow():
    S = TaskStatus
    assert clerk_path(S.ASSIGNED, S.REPORTED) == [Action.ACCEPT, Action.START, Action.REPORT]
    assert clerk_path(S.SUSPENDED, S.IN_PROGRESS) == [Action.RESUME]
    assert clerk_path(S.REPORTED, S.IN_PROGRESS) is None  # 退回重办 needs the office's reason
    assert clerk_path(S.IN_PROGRESS, S.DONE) is None  # 审核办结 is the office's
