"""The task editor's 责任人 picker lists people in official order (QA: it was code-point order:
周振华, 周玉兰, 夏军, 姚秀兰 …)."""

from datetime import date

from wuyang_tasks.services import units
from wuyang_tasks.services.task_views import pick_lists


def test_people_follow_county_leaders_then_units_in_official_order(demo_ledger):
    day = date(2016, 7, 29)
    with demo_ledger.write() as s:
        units.add_person(s, "阿明")  # holds no post: after everyone who does
    with demo_ledger.read() as s:
        people = pick_lists(s, day).people
        order = {u.name: i for i, u in enumerate(units.units_in_order(s))}
    names = [c.name for c in people]
    assert names[:6] == ["李亦博", "王玉亭", "宋耀生", "王耀生", "朱俊峰", "陈青枝"]
    assert names[-1] == "阿明"
    unit_of = [next((u for u in order if c.detail.startswith(u)), None) for c in people[6:-1]]
    ranks = [order[u] for u in unit_of if u]
    assert ranks == sorted(ranks) and len(ranks) > 20
