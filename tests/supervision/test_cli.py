"""The supervision commands end to end on a copy of the demo ledger."""

import json

from wuyang_tasks.cli.main import main


def run(capsys, db, *argv):
    code = main(["--db", db, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_inspect_urge_extend_hold_to_account_and_person(demo_ledger, capsys):
    db = demo_ledger.url.render_as_string(hide_password=False)
    code, out, _ = run(capsys, db, "--today", "2016-07-29", "inspect", "record", "--template", "六个百分之百",
                       "--unit", "舞泉镇", "--site", "幸福家园二期", "--inspector", "朱俊峰", "--inspector", "刘静",
                       "--fail", "1", "东侧围挡缺失", "--fail", "5", "未设冲洗平台", "--deadline", "2016-08-05")
    assert code == 0 and out.count("整改任务") == 2
    code_line = [line for line in out.splitlines() if "围挡问题整改" in line][0]
    task = code_line.split()[1].split("（")[0]
    code, out, err = run(capsys, db, "--today", "2016-08-08", "urge", "--task", task, "--method", "书面",
                       "--level", "红")
    assert code == 0, err
    assert "舞督〔2016〕2号" in out and "建议：任务红灯" in out
    code, _, err = run(capsys, db, "--today", "2016-08-08", "extension", "request", "--task", task,
                       "--to", "2016-08-31", "--reason", "来不及")
    assert code == 2 and "届满前" in err
    code, out, _ = run(capsys, db, "--today", "2016-08-15", "accountability", "add", "--person", "朱俊峰",
                       "--measure", "约谈", "--type", "重要领导责任", "--facts", "督导不力", "--at", "2016-08-05",
                       "--task", task)
    assert code == 0 and "副县长" in out and "有效" in out
    code, _, err = run(capsys, db, "accountability", "delete", "1")
    assert code == 2 and "不能删除" in err
    code, out, _ = run(capsys, db, "--today", "2016-08-15", "person", "朱俊峰", "--json")
    view = json.loads(out)
    assert view["measures_per_year"] == {"2016": 1}
    assert any(a["capacity"] == "牵头县领导" for a in view["answered_for"])
    assert run(capsys, db, "verify")[0] == 0


def test_templates_export_and_import_a_new_version(demo_ledger, capsys, tmp_path):
    db = demo_ledger.url.render_as_string(hide_password=False)
    path = tmp_path / "six.json"
    assert run(capsys, db, "templates", "--export", "六个百分之百", str(path))[0] == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["items"].append({"category": "公示", "content": "公示扬尘治理责任人"})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, db, "templates", "--import", str(path), "--show", "六个百分之百")
    assert code == 0 and "新版本" in out and "  7. 公示" in out and "第 2 版" in out


def test_urging_a_closed_task_is_refused_without_advice(demo_ledger, capsys):
    """QA: the refusal used to follow a printed "建议：…建议蓝色督办，方式：电话。"."""
    db = demo_ledger.url.render_as_string(hide_password=False)
    code, out, err = run(capsys, db, "--today", "2016-07-29", "urge", "--task", "2016-011")
    assert code == 2 and out == "" and "已办结" in err and "不需要催办" in err
    code, out, _ = run(capsys, db, "--today", "2016-07-29", "urge", "--task", "2016-001")
    assert code == 0 and out.startswith("建议：") and "已登记：2016-001 蓝色电话督办。" in out
