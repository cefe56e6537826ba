"""wuyang-tasks metrics / metric-task / readings import."""

import json

import pytest

from wuyang_tasks.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path, capsys):
    db = str(tmp_path / "demo.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    return db


def test_metrics_text_and_json(demo_db, capsys):
    code, out, _ = run(capsys, "--db", demo_db, "metrics")
    assert code == 0
    assert "截至2016年7月29日（演示数据）" in out and "黄灯\t优良天数" in out
    assert "全年366天，已过211天、剩余155天" in out and "无数据2天" in out
    code, out, _ = run(capsys, "--db", demo_db, "--today", "2016-12-31", "metrics", "--json")
    data = json.loads(out)
    good = data["metrics"][0]["good_days"]
    assert good["days_remaining"] == 0 and good["days_without_data"] == 366 - 209
    assert data["demo_data"] is True


def test_metric_task_then_listed(demo_db, capsys):
    code, out, _ = run(capsys, "--db", demo_db, "metric-task", "优良天数", "--assign")
    assert code == 0 and "已交办" in out
    code, out, _ = run(capsys, "--db", demo_db, "metrics")
    assert "已生成督办任务：2016-0" in out
    code, _, err = run(capsys, "--db", demo_db, "metric-task", "优良率")
    assert code == 2 and "找不到指标“优良率”" in err and "优良天数" in err


def test_readings_import_bad_file_exit_2_nothing_written(demo_db, tmp_path, capsys):
    bad = tmp_path / "aqi.csv"
    bad.write_text("指标,日期,级别\n优良天数,2016-07-30,良\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", demo_db, "readings", "import", str(bad))
    assert code == 2 and "第2行“级别”列（C2）" in err and "未来" in err
    good = tmp_path / "ok.csv"
    good.write_text("指标,日期,级别\n优良天数,2016-02-17,良\n", encoding="utf-8")  # a day without data
    code, out, _ = run(capsys, "--db", demo_db, "readings", "import", str(good), "--dry-run")
    assert code == 0 and "未写入" in out
    code, out, _ = run(capsys, "--db", demo_db, "--today", "2016-07-29", "metrics", "--json")
    assert json.loads(out)["metrics"][0]["good_days"]["days_without_data"] == 2
    code, out, _ = run(capsys, "--db", demo_db, "readings", "import", str(good))
    assert code == 0 and "新增1条" in out
    code, out, _ = run(capsys, "--db", demo_db, "metrics", "--json")
    assert json.loads(out)["metrics"][0]["good_days"]["good_days"] == 125
