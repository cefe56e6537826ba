"""The demo ledger reads like a real week: what was finished earlier is not "本期办结"."""

from datetime import date

from sqlalchemy import select

from wuyang_tasks.db.models import Task
from wuyang_tasks.services.documents import build_briefing


def test_tasks_finished_before_the_week_are_closed_on_their_final_report_day(demo_ledger):
    with demo_ledger.read() as s:
        closed = dict(s.execute(select(Task.code, Task.closed_on)
                                .where(Task.closed_on.is_not(None))).all())
    assert closed == {"2016-011": date(2016, 7, 25), "2016-012": date(2016, 7, 19),
                      "2016-024": date(2016, 7, 13), "2016-026": date(2016, 7, 20),
                      "2016-030": date(2016, 7, 20)}  # the rectification of the 7月15日 inspection


def test_the_demo_week_briefing_counts_one_task_finished_this_week(demo_ledger):
    with demo_ledger.read() as s:
        briefing = build_briefing(s, start=date(2016, 7, 25), end=date(2016, 7, 31),
                                  today=date(2016, 7, 29), cal=demo_ledger.calendar())
    assert briefing.totals.closed_in_period == 1 and briefing.totals.done == 5
