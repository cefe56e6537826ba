"""分包联系 kept over time: a county leader's townships added, ended and changed (CLI and
services); his task filter and person file include the tasks of the townships he liaises with
for the period he does, marked as such."""

from __future__ import annotations

import json
from datetime import date

from wuyang_tasks.cli.main import main
from wuyang_tasks.services import people, units
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.services.task_list import TaskFilter, list_tasks

TODAY = date(2016, 7, 29)
MOVED = date(2016, 7, 28)


def _db(led) -> str:
    return str(led.path) if led.is_sqlite else led.engine.url.render_as_string(hide_password=False)


def test_a_leader_changes_township(demo_ledger, capsys):
    led, db = demo_ledger, _db(demo_ledger)
    assert main(["--db", db, "liaison", "end", "--leader", "宋耀生", "--unit", "吴城镇",
                 "--last-day", "2016-07-27"]) == 0
    assert main(["--db", db, "liaison", "add", "--leader", "宋耀生", "--unit", "舞泉镇",
                 "--from", "2016-07-28"]) == 0
    assert main(["--db", db, "liaison", "end", "--leader", "宋耀生", "--unit", "吴城镇",
                 "--last-day", "2016-07-30"]) == 2  # already ended: refused, nothing written
    capsys.readouterr()
    assert main(["--db", db, "liaison", "list", "--leader", "宋耀生"]) == 0
    listed = capsys.readouterr().out
    assert "宋耀生\t舞泉镇\t2016年7月28日—今" in listed and "宋耀生\t吴城镇\t2015年1月1日—2016年7月27日" in listed

    with led.read() as s:
        leader = units.find_person(s, "宋耀生").id
        wucheng, wuquan = units.find_unit(s, "吴城镇").name, units.find_unit(s, "舞泉镇").name
        rows = list_tasks(s, today=TODAY, cal=led.calendar(),
                          flt=TaskFilter(leader_id=leader, with_liaisons=True))
        led_only = {r.code for r in list_tasks(s, today=TODAY, cal=led.calendar(),
                                                flt=TaskFilter(leader_id=leader))}
        view = people.person_view(s, leader, today=TODAY, cal=led.calendar())
    via = [r for r in rows if "宋耀生" not in r.lead_leaders]
    assert via and all("宋耀生" in r.liaison_leaders for r in via)
    assert {r.code for r in rows} - {r.code for r in via} == led_only
    assert any(wuquan in (*r.lead_units, *r.cooperating_units, *r.territorial_units) for r in via)
    liaison = {(a.code, a.unit_name): (a.answered_from, a.answered_to) for a in view.answered_for
               if a.capacity == people.LIAISON}
    assert liaison[("2016-010", wucheng)] == (date(2016, 7, 13), date(2016, 7, 27))
    assert liaison[("2016-010", wuquan)] == (MOVED, None)

    capsys.readouterr()
    assert main(["--db", db, "tasks", "--leader", "宋耀生"]) == 0
    out = capsys.readouterr().out
    assert "（分包联系）" in out and f"共 {len(rows)} 项任务" in out
    assert main(["--db", db, "tasks", "--leader", "宋耀生", "--json"]) == 0
    assert all("宋耀生" in r["lead_leaders"] or "宋耀生" in r["liaison_leaders"]
               for r in json.loads(capsys.readouterr().out))
    assert verify_ledger(led).ok
