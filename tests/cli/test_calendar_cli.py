"""`wuyang-tasks calendar`: list a year, set a day, remove it; bad input exits 2."""

from __future__ import annotations

from wuyang_tasks.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_set_and_remove(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    code, out, _ = run(capsys, "--db", db, "--today", "2016-07-29", "calendar")
    assert code == 0
    assert out.splitlines()[0].startswith("2016年工作日历：程序已收录2016年")
    assert any(line.startswith("2016年2月6日") and "上班" in line and "春节调休上班" in line
               for line in out.splitlines())
    code, out, _ = run(capsys, "--db", db, "calendar", "set", "2099-01-01", "休息", "--note", "元旦")
    assert (code, out.strip()) == (0, "已将2099年1月1日定为休息（元旦）。")
    code, out, _ = run(capsys, "--db", db, "calendar", "--year", "2099")
    assert "已按手工补录的日期计算" in out
    assert any("2099年1月1日" in line and "休息" in line and "手工补录" in line and "元旦" in line
               for line in out.splitlines())
    code, out, _ = run(capsys, "--db", db, "calendar", "remove", "2099-01-01")
    assert (code, out.strip()) == (0, "已删除2099年1月1日手工补录的安排。")
    code, out, _ = run(capsys, "--db", db, "calendar", "--year", "2099")
    assert "暂按周一至周五计算工作日" in out and "2099年1月1日" not in out.split("\n", 1)[1]
    assert run(capsys, "--db", db, "verify")[0] == 0


def test_bad_input_exits_2_with_a_chinese_message(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    code, _, err = run(capsys, "--db", db, "calendar", "set", "2099-01-01", "午休")
    assert code == 2 and "无法识别“午休”" in err
    code, _, err = run(capsys, "--db", db, "calendar", "remove", "2099-01-02")
    assert code == 2 and "2099年1月2日没有手工补录的安排" in err
