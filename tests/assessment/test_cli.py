"""The assessment commands end to end on a copy of the demo ledger."""

import json

from openpyxl import load_workbook

from wuyang_tasks.cli.main import main
from wuyang_tasks.services.assessment_rules import shipped_text


def run(capsys, db, *argv):
    code = main(["--db", db, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_scores_json_export_rules_and_adjustments(demo_ledger, capsys, tmp_path):
    db = demo_ledger.url.render_as_string(hide_password=False)
    code, out, _ = run(capsys, db, "assessment", "--year", "2016", "--json")
    data = json.loads(out)
    assert code == 0 and data["rules"]["version"] == 0
    zhujian = next(u for u in data["units"] if u["unit"] == "县住建委")
    assert zhujian["score"] == "95.4" and any(p["evidence"] == "督办单〔2016〕第1号" for p in zhujian["points"])

    target = tmp_path / "考核.xlsx"
    code, out, _ = run(capsys, db, "assessment", "--year", "2016", "-o", str(target))
    assert code == 0
    wb = load_workbook(target)
    assert wb.sheetnames[0] == "考核汇总" and "县住建委" in wb.sheetnames and wb.sheetnames[-1] == "计分办法"
    rows = [[c.value for c in r] for r in wb["县住建委"].iter_rows(min_row=4)]
    assert ["2016-002", "红色督办（书面）（牵头）", -1.5, "督办单〔2016〕第1号"] in [[r[2], r[4], r[6], r[7]] for r in rows]
    summary = [[c.value for c in r] for r in wb["考核汇总"].iter_rows(min_row=4)]
    assert summary[0][1] == "县环境保护工作委员会办公室" and summary[-1][1] == "姜店乡"

    code, out, _ = run(capsys, db, "assessment", "--from", "2016-07-01", "--to", "2016-07-31", "-o",
                       str(tmp_path / "考核.pdf"))
    assert code == 0 and "页" in out
    assert run(capsys, db, "assessment", "-o", str(tmp_path / "x.doc"))[0] == 2
    code, _, err = run(capsys, db, "assessment", "--unit", "中共舞阳县委")
    assert code == 2 and "只考核" in err

    rules_file = tmp_path / "办法.json"
    assert run(capsys, db, "assessment-rules", "--export", str(rules_file))[0] == 0
    assert rules_file.read_text(encoding="utf-8") == shipped_text()
    changed = json.loads(shipped_text())
    changed["send_back"]["points"] = 3
    rules_file.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, db, "--today", "2016-07-29", "assessment-rules", "--import", str(rules_file))
    assert code == 0 and "第2版" in out
    rules_file.write_text('{"name": "x"', encoding="utf-8")
    code, _, err = run(capsys, db, "assessment-rules", "--import", str(rules_file))
    assert code == 2 and "办法.json" in err and "JSON" in err

    code, out, _ = run(capsys, db, "--today", "2016-07-29", "assessment-adjust", "--unit", "县环保局",
                       "--points", "+1", "--reason", "经验做法被省里推广")
    assert code == 0 and "县环保局 +1分" in out
    code, out, _ = run(capsys, db, "--today", "2016-07-29", "assessment", "--unit", "县环保局")
    assert "办公室加分：经验做法被省里推广" in out
    assert run(capsys, db, "assessment-setting", "--briefing-score", "on")[0] == 0
    assert run(capsys, db, "verify")[0] == 0
