"""The command line as the issue states it: demo, tasks --json, verify, exit codes."""

import json
import sqlite3

import pytest

from wuyang_tasks.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_tasks_json_and_verify(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    code, out, _ = run(capsys, "--db", db, "tasks", "--json")
    assert code == 0
    tasks = json.loads(out)
    assert len(tasks) >= 25
    first = tasks[0]
    for key in ("lead_units", "lead_leaders", "deadline", "status", "alert"):
        assert key in first
    assert any(t["alert"] == "RED" for t in tasks)
    assert run(capsys, "--db", db, "verify")[0] == 0


def test_tampering_makes_verify_exit_1_naming_the_event(tmp_path, capsys):
    db = tmp_path / "x.db"
    run(capsys, "--db", str(db), "demo")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE audit_event SET after = '{}' WHERE seq = 7")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(db), "verify")
    assert code == 1
    assert "第 7 条" in out


def test_filters_and_bad_input(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    run(capsys, "--db", db, "demo")
    code, out, _ = run(capsys, "--db", db, "tasks", "--overdue", "--json")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = run(capsys, "--db", db, "--today", "2016-09-01", "tasks", "--overdue", "--json")
    assert len(json.loads(out)) > 1
    code, out, _ = run(capsys, "--db", db, "tasks", "--unit", "环保局", "--json")
    assert code == 0 and all("县环保局" in t["lead_units"] + t["cooperating_units"] for t in json.loads(out))
    code, _, err = run(capsys, "--db", db, "tasks", "--unit", "不存在的局")
    assert code == 2 and "不存在的局" in err
    code, _, err = run(capsys, "--db", db, "tasks", "--status", "乱写")
    assert code == 2 and "乱写" in err


def test_demo_refuses_a_non_empty_ledger_and_force_keeps_the_old_file(tmp_path, capsys):
    db = tmp_path / "x.db"
    run(capsys, "--db", str(db), "demo")
    code, _, err = run(capsys, "--db", str(db), "demo")
    assert code == 2 and "--force" in err
    assert run(capsys, "--db", str(db), "demo", "--force")[0] == 0
    assert len(list(tmp_path.glob("x.db.*.bak"))) == 1


def test_a_file_that_is_not_a_ledger_is_refused_and_untouched(tmp_path, capsys):
    db = tmp_path / "notes.db"
    db.write_bytes(b"this is a spreadsheet, not a ledger" * 10)
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", str(db), "tasks")
    assert code == 2 and "notes.db" in err
    assert db.read_bytes() == before


def test_bad_today_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(tmp_path / "x.db"), "--today", "2016-13-45", "tasks"])
    assert exc.value.code == 2


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "舞阳县任务督办" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["tasks"], ["verify"], ["export", "ledger", "-o", "out.xlsx"],
                                     ["urgings"]])
def test_reading_commands_refuse_a_missing_ledger_and_create_nothing(tmp_path, capsys, command):
    """QA: `--db 台帐.db tasks` (a typo) used to create an empty ledger, list 0 tasks and exit 0;
    `verify` then reported an intact audit chain."""
    db = tmp_path / "typo" / "ledgr.db"
    code, out, err = run(capsys, "--db", str(db), *command)
    assert code == 2 and "台账文件不存在" in err and str(db) in err
    assert not db.exists() and not db.parent.exists()


def test_writing_commands_still_start_a_new_ledger(tmp_path, capsys):
    db = tmp_path / "new" / "ledger.db"
    assert run(capsys, "--db", str(db), "templates", "--install")[0] == 0
    assert db.exists()


def test_help_and_command_line_errors_have_no_english_left(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：wuyang-tasks") and "选项" in out and "显示本帮助并退出" in out
    assert "usage" not in out and "show this help" not in out and "positional arguments" not in out
    assert "show program's version" not in out and "显示程序版本并退出" in out
    with pytest.raises(SystemExit) as exit_info:
        main(["--today", "2016/07/29", "tasks"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "错误：参数 --today：日期“2016/07/29”格式不对" in err and "error" not in err

