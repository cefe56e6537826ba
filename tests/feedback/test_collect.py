"""反馈表 in: the 'Done when' scenario on the demo ledger as of 2016-07-29, every problem named,
conflicts decided, and workbooks re-saved by LibreOffice."""

import shutil
from datetime import date

import pytest
from openpyxl import load_workbook

from wuyang_tasks.cli.main import main
from wuyang_tasks.db.models import Extension, ProgressReport, Task, Unit
from wuyang_tasks.domain.enums import ExtensionStatus, TaskStatus
from wuyang_tasks.services import attachments
from wuyang_tasks.services import tasks as task_service

from .helpers import count, db_arg, edit, form_path, key_of, ledger_state, libreoffice_resave, row_of


@pytest.fixture
def sent(demo_ledger, tmp_path):
    out = tmp_path / "out"
    assert main(["--db", db_arg(demo_ledger), "feedback", "send", "--all", "-o", str(out)]) == 0
    return out


def _collect(ledger, *args):
    return main(["--db", db_arg(ledger), "feedback", "collect", *map(str, args)])


def test_three_rows_of_two_units_are_recorded_once(demo_ledger, sent, capsys):
    led = demo_ledger
    edit(form_path(sent, "舞泉镇"), {
        "2016-001": {"本期进展": "新增围挡120米，覆盖裸土3处", "完成百分比": 90, "报送人": "李明"},
        "2016-002": {"本期进展": "排查完毕，问题工地全部整改", "完成百分比": 100, "申请": "申请办结",
                     "报送人": "李明", "佐证材料": "整改照片.jpg、复查表"}})  # beside the workbook
    _evidence_files(sent)
    edit(form_path(sent, "县水利局"), {
        "2016-014": {"本期进展": "封堵排污口3个", "报送人": "王强", "联系电话": 13800000000}})
    reports = count(led, ProgressReport)
    done = count(led, Task, Task.status == TaskStatus.DONE)
    reported = count(led, Task, Task.status == TaskStatus.REPORTED)
    capsys.readouterr()
    assert _collect(led, sent) == 0
    assert "进展反馈 3 条，转为待审核 1 项" in capsys.readouterr().out
    assert count(led, ProgressReport) == reports + 3
    assert count(led, Task, Task.status == TaskStatus.REPORTED) == reported + 1
    assert count(led, Task, Task.status == TaskStatus.DONE) == done
    with led.read() as s:
        task = s.query(Task).filter_by(code="2016-002").one()
        assert task.status is TaskStatus.REPORTED
        report = s.query(ProgressReport).filter_by(task_id=task.id).order_by(ProgressReport.id.desc()).first()
        assert (report.reporter, report.percent, report.report_date) == ("李明", 100, date(2016, 7, 29))
        assert report.unit_id == s.query(Unit.id).filter_by(name="舞泉镇").scalar()
        assert "整改照片.jpg、复查表" in report.text
        files = attachments.attachments_of(s, attachments.Target(report_id=report.id))
        assert [(a.name, a.kind) for a in files] == [("整改照片.jpg", "jpg"), ("复查表.pdf", "pdf")]
        assert attachments.content_bytes(s, files[1].id) == (sent / "复查表.pdf").read_bytes()
        phone = s.query(ProgressReport.reporter_phone).filter(ProgressReport.text == "封堵排污口3个").scalar()
        assert phone == "13800000000"
    assert main(["--db", db_arg(led), "verify"]) == 0
    before = ledger_state(led)
    capsys.readouterr()
    assert _collect(led, sent) == 0
    assert "进展反馈 0 条" in capsys.readouterr().out and ledger_state(led) == before


def _evidence_files(folder):
    from PIL import Image

    Image.new("RGB", (320, 240), (40, 120, 200)).save(folder / "整改照片.jpg", "JPEG")
    (folder / "复查表.pdf").write_bytes(b"%PDF-1.4\n" + b"1" * 300 + b"\n%%EOF\n")


def test_a_named_evidence_file_that_is_missing_is_a_problem_of_its_row(demo_ledger, sent, capsys):
    path = form_path(sent, "舞泉镇")
    edit(path, {"2016-001": {"本期进展": "新增围挡120米", "佐证材料": "现场照片.jpg"}})
    before = ledger_state(demo_ledger)
    capsys.readouterr()
    assert _collect(demo_ledger, sent) == 2
    err = capsys.readouterr().err
    assert f"第{row_of(path, '2016-001')}行" in err and "佐证材料" in err and "“现场照片.jpg”没有找到" in err
    assert ledger_state(demo_ledger) == before
    (sent / "现场照片.jpg").write_text("不是照片")
    assert _collect(demo_ledger, sent) == 2
    assert "不是可接受的佐证材料类型" in capsys.readouterr().err


def test_an_altered_protected_cell_exits_2_naming_file_row_and_column(demo_ledger, sent, capsys):
    path = form_path(sent, "舞泉镇")
    edit(path, {"2016-001": {"本期进展": "已完成", "完成时限": "2016年12月31日"}})
    before = ledger_state(demo_ledger)
    capsys.readouterr()
    assert _collect(demo_ledger, sent) == 2
    err = capsys.readouterr().err
    row = row_of(path, "2016-001")
    assert f"文件“{path.name}”，工作表“反馈表”，第{row}行，F列（完成时限）" in err
    assert "受保护的台账内容被改动" in err and "台账未作任何改动" in err
    assert ledger_state(demo_ledger) == before


def test_every_kind_of_problem_is_named_and_nothing_is_written(demo_ledger, sent, tmp_path, capsys):
    town, water = form_path(sent, "舞泉镇"), form_path(sent, "县水利局")
    parts = key_of(town, "2016-004").split("/")
    parts[3] = "99999"  # a task this ledger does not have
    edit(town, {"2016-001": {"本期进展": "进展", "完成百分比": 130},
                "2016-002": {"申请": "申请延期", "延期至": date(2016, 7, 1), "延期理由": "雨天"},
                "2016-004": {"本期进展": "x", "行标识": "/".join(parts)},
                "2016-006": {"本期进展": "借用", "行标识": key_of(water, "2016-014")}})
    foreign = tmp_path / "foreign" / water.name
    foreign.parent.mkdir()
    shutil.copy(water, foreign)
    wb = load_workbook(foreign)
    wb["反馈表信息"]["B3"].value = "0123456789abcdef"
    wb.save(foreign)
    before = ledger_state(demo_ledger)
    capsys.readouterr()
    assert _collect(demo_ledger, town, foreign) == 2
    err = capsys.readouterr().err
    r = {code: row_of(town, code) for code in ("2016-001", "2016-002", "2016-004", "2016-006")}
    assert f"第{r['2016-001']}行，K列（完成百分比）：应在 0 到 100 之间，填写的是 130" in err
    assert f"第{r['2016-002']}行，M列（延期至）：延期至2016年7月1日早于今天" in err
    assert f"第{r['2016-004']}行，S列（行标识）：行标识对应的任务在台账中不存在" in err
    assert f"第{r['2016-006']}行，S列（行标识）：这一行是另一单位（县水利局）反馈表中的任务" in err
    assert f"文件“{foreign.name}”，工作表“反馈表信息”：是另一台账下发的反馈表" in err
    assert ledger_state(demo_ledger) == before
    assert _collect(demo_ledger, town, "--dry-run") == 2
    assert ledger_state(demo_ledger) == before


def test_a_change_since_sending_is_a_conflict_the_clerk_decides(demo_ledger, sent, capsys):
    led = demo_ledger
    path = form_path(sent, "县水利局")
    edit(path, {"2016-014": {"本期进展": "封堵排污口3个", "报送人": "王强"}})
    with led.write() as s:
        task_id = s.query(Task.id).filter_by(code="2016-014").scalar()
        task_service.report_progress(s, task_id, report_date=led.today(), text="电话报：已封堵2个",
                                     today=led.today(), cal=led.calendar())
    before = ledger_state(led)
    capsys.readouterr()
    assert _collect(led, path) == 2
    err = capsys.readouterr().err
    assert "须逐行决定" in err and "2016-014 下发时：办理中" in err and "电话报：已封堵2个" in err
    assert ledger_state(led) == before
    assert _collect(led, path, "--dry-run") == 0
    assert "冲突（待决定）" in capsys.readouterr().out
    assert _collect(led, path, "--on-conflict", "skip") == 0
    assert ledger_state(led) == before
    assert _collect(led, path, "--on-conflict", "record") == 0
    assert count(led, ProgressReport, ProgressReport.text == "封堵排污口3个") == 1


def test_an_extension_request_goes_to_the_office(demo_ledger, sent):
    edit(form_path(sent, "舞泉镇"), {"2016-009": {"申请": "申请延期", "延期至": "2016年11月30日",
                                                "延期理由": "锅炉拆改设备到货推迟"}})
    assert _collect(demo_ledger, sent) == 0
    with demo_ledger.read() as s:
        ext = s.query(Extension).order_by(Extension.id.desc()).first()
        assert (ext.new_deadline, ext.status, ext.reason) == (
            date(2016, 11, 30), ExtensionStatus.REQUESTED, "锅炉拆改设备到货推迟")
        assert s.query(Task.deadline).filter_by(code="2016-009").scalar() == date(2016, 10, 31)
    assert _collect(demo_ledger, sent) == 0
    assert count(demo_ledger, Extension, Extension.reason == "锅炉拆改设备到货推迟") == 1


def test_an_extension_the_ledger_refuses_is_named_in_its_row(demo_ledger, sent, capsys):
    path = form_path(sent, "县畜牧局")  # 2016-016 is extended to 2016年9月30日 already
    edit(path, {"2016-016": {"申请": "申请延期", "延期至": "2016-09-15", "延期理由": "搬迁补偿未到位"}})
    capsys.readouterr()
    assert _collect(demo_ledger, sent) == 2
    assert (f"第{row_of(path, '2016-016')}行，M列（延期至）：延期后的时限（2016年9月15日）应晚于现在的完成时限"
            in capsys.readouterr().err)


def test_a_workbook_resaved_by_libreoffice_still_collects(demo_ledger, sent, tmp_path):
    path = form_path(sent, "舞泉镇")
    edit(path, {"2016-001": {"本期进展": "新增围挡120米", "完成百分比": 90, "报送人": "李明"},
                "2016-002": {"本期进展": "排查完毕", "申请": "申请办结", "延期至": None}})
    resaved = libreoffice_resave(path, tmp_path / "lo", tmp_path / "lo_profile")
    assert resaved.read_bytes() != path.read_bytes()
    reports = count(demo_ledger, ProgressReport)
    assert _collect(demo_ledger, resaved) == 0
    assert count(demo_ledger, ProgressReport) == reports + 2
    assert count(demo_ledger, Task, Task.code == "2016-002", Task.status == TaskStatus.REPORTED) == 1
    before = ledger_state(demo_ledger)
    assert _collect(demo_ledger, path) == 0  # the original and its re-saved copy: one row each
    assert ledger_state(demo_ledger) == before


def test_a_task_closed_since_sending_is_listed_not_recorded_and_does_not_block(demo_ledger, sent, capsys):
    from wuyang_tasks.domain.workflow import Action

    led = demo_ledger
    edit(form_path(sent, "县环保局"), {"2016-023": {"本期进展": "已全部清理"},  # 已反馈 when sent
                                     "2016-006": {"本期进展": "设施运行正常", "报送人": "赵刚"}})
    with led.write() as s:
        task_id = s.query(Task.id).filter_by(code="2016-023").scalar()
        task_service.transition(s, task_id, Action.APPROVE, today=led.today(), cal=led.calendar())
    reports = count(led, ProgressReport)
    capsys.readouterr()
    assert _collect(led, form_path(sent, "县环保局"), "--dry-run") == 0
    assert "2016-023 不记录：下发后任务已转为“已办结”，本行不再记录" in capsys.readouterr().out
    assert _collect(led, form_path(sent, "县环保局")) == 0
    assert count(led, ProgressReport) == reports + 1
    assert count(led, ProgressReport, ProgressReport.text == "已全部清理") == 0
