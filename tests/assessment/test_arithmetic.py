"""The scoring arithmetic at its edges (plain domain code, no ledger)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from wuyang_tasks.domain.assessment import (
    AdjustmentFact,
    ExtensionFact,
    Period,
    RecordFact,
    TaskFacts,
    UrgingFact,
    score_period,
)
from wuyang_tasks.domain.assessment_rules import parse_rules_text
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import AccountabilityMeasure, Role, TaskStatus, UnitKind, UrgingLevel, UrgingMethod
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services.assessment_rules import shipped_text

CAL = WorkdayCalendar()
YEAR = Period(date(2016, 1, 1), date(2016, 12, 31))
LEAD, COOP = 1, 2
TOWNS = list(range(10, 24))  # fourteen townships
UNITS = [(LEAD, UnitKind.DEPARTMENT), (COOP, UnitKind.DEPARTMENT)] + [(t, UnitKind.TOWNSHIP) for t in TOWNS]


def rules(**changes):
    import json
    data = json.loads(shipped_text())
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return parse_rules_text(json.dumps(data), "test")[0]


def task(deadline=date(2016, 7, 27), closed=None, **kw) -> TaskFacts:
    status = TaskStatus.DONE if closed else TaskStatus.IN_PROGRESS
    t = TaskFacts(1, "2016-001", "排查", status, deadline, date(2016, 7, 13), closed, **kw)
    if not t.units:
        t.units = [(LEAD, Role.LEAD_UNIT), (COOP, Role.COOPERATING_UNIT)]
    return t


def score(r, tasks, as_of=date(2016, 12, 31), period=YEAR, **kw):
    return {s.unit_id: s for s in score_period(r, period, as_of, CAL, UNITS, tasks, **kw)}


NO_REPORTS = dict(missed_report__points=0)


def test_finished_on_the_deadline_day_is_on_time():
    s = score(rules(**NO_REPORTS), [task(closed=date(2016, 7, 27))])
    assert s[LEAD].points == [] and s[LEAD].score == 100


def test_finished_the_day_after_costs_the_task_point_and_one_started_week():
    s = score(rules(**NO_REPORTS), [task(closed=date(2016, 7, 28))])
    assert [(p.rule, p.day, p.points) for p in s[LEAD].points] == [
        ("overdue", date(2016, 7, 28), Decimal(-1)), ("overdue_step", date(2016, 7, 28), Decimal("-0.1"))]
    assert s[LEAD].score == Decimal("98.9")
    assert s[COOP].score == Decimal("99.45")  # 配合单位 × 0.5
    assert all(p.task_code == "2016-001" for p in s[COOP].points)


def test_open_task_on_its_deadline_day_is_not_overdue_yet():
    assert score(rules(**NO_REPORTS), [task()], as_of=date(2016, 7, 27))[LEAD].points == []
    assert score(rules(**NO_REPORTS), [task()], as_of=date(2016, 7, 28))[LEAD].deductions == Decimal("-1.1")


def test_weeks_and_working_days_counted_as_the_rules_say():
    weekly = score(rules(**NO_REPORTS), [task(closed=date(2016, 8, 4))])  # 8 days late: 2 weeks begun
    assert [p.day for p in weekly[LEAD].points if p.rule == "overdue_step"] == [date(2016, 7, 28), date(2016, 8, 4)]
    daily = score(rules(overdue__per="workday", **NO_REPORTS), [task(closed=date(2016, 8, 1))])
    # 7/28 Thu, 7/29 Fri, (weekend), 8/1 Mon
    assert [p.day for p in daily[LEAD].points if p.rule == "overdue_step"] == [
        date(2016, 7, 28), date(2016, 7, 29), date(2016, 8, 1)]


def test_extension_approved_moves_the_deadline_refused_or_pending_does_not():
    late = date(2016, 8, 10)
    approved = ExtensionFact(5, date(2016, 7, 26), date(2016, 8, 31), approved_on=date(2016, 7, 27))
    refused = ExtensionFact(6, date(2016, 7, 26), date(2016, 8, 31), approved_on=None)
    r = rules(**NO_REPORTS)
    assert score(r, [task(closed=late, extensions=[approved])])[LEAD].points == []
    lines = score(r, [task(closed=late, extensions=[refused])])[LEAD].points
    assert lines[0].day == date(2016, 7, 28) and "延期申请第6号未批准，按原时限" in lines[0].evidence
    # approved only after the day scored: judged on the original date until then
    later = ExtensionFact(7, date(2016, 7, 26), date(2016, 8, 31), approved_on=date(2016, 8, 5))
    assert score(r, [task(extensions=[later])], as_of=date(2016, 8, 1))[LEAD].deductions == Decimal("-1.1")
    assert score(r, [task(extensions=[later])], as_of=date(2016, 8, 5))[LEAD].deductions == 0
    # asked after the deadline: approval does not excuse the days already late
    asked_late = ExtensionFact(8, date(2016, 7, 28), date(2016, 8, 31), approved_on=date(2016, 7, 29))
    assert score(r, [task(extensions=[asked_late])], as_of=date(2016, 7, 30))[LEAD].deductions == Decimal("-1.1")


def test_periods_add_up_to_the_year():
    t = [task(closed=date(2016, 8, 20))]  # late from July into August
    r = rules(**NO_REPORTS)
    july = score(r, t, period=Period(date(2016, 7, 1), date(2016, 7, 31)))[LEAD].deductions
    august = score(r, t, period=Period(date(2016, 8, 1), date(2016, 8, 31)))[LEAD].deductions
    assert july == Decimal("-1.1") and august == Decimal("-0.3")
    assert score(r, t)[LEAD].deductions == july + august


def test_county_wide_task_scores_each_township_with_its_own_cap():
    urgings = [UrgingFact(n, date(2016, 8, n), UrgingLevel.RED, UrgingMethod.WRITTEN, f"〔2016〕第{n}号")
               for n in range(1, 5)]
    t = task(units=[(LEAD, Role.LEAD_UNIT)] + [(u, Role.TERRITORIAL_UNIT) for u in TOWNS], urgings=urgings)
    s = score(rules(**NO_REPORTS), [t], as_of=date(2016, 8, 10))
    for town in TOWNS:
        # 1 + 0.1 × 2 weeks begun (7/28, 8/4) + 4 × 1.5 = 7.2, capped at 5 for the task
        assert s[town].deductions == Decimal(-5), town
        assert s[town].points[-1].rule == "cap_task" and s[town].points[-1].points == Decimal("2.2")
    assert s[COOP].points == []


def test_period_cap_bonus_and_adjustments():
    many = [TaskFacts(n, f"2016-{n:03}", "t", TaskStatus.IN_PROGRESS, date(2016, 3, 1), date(2016, 2, 1), None,
                      units=[(LEAD, Role.LEAD_UNIT)]) for n in range(1, 40)]
    s = score(rules(**NO_REPORTS), many)[LEAD]
    assert s.deductions == Decimal(-30) and s.points[-1].rule == "cap_period"
    early = task(closed=date(2016, 7, 18))  # 7 working days before 7/27
    r = rules(early_bonus__enabled=True, **NO_REPORTS)
    assert score(rules(**NO_REPORTS), [early])[LEAD].bonus == 0
    sc = score(r, [early], adjustments=[AdjustmentFact(3, LEAD, date(2016, 9, 1), Decimal("-1.5"), "材料失实")])
    assert sc[LEAD].bonus == Decimal("0.5") and sc[COOP].bonus == Decimal("0.25")
    assert sc[LEAD].adjustments == Decimal("-1.5") and sc[LEAD].score == Decimal(99)
    assert sc[LEAD].points[-1].evidence == "加减分记录第3号"


def test_missed_reports_per_feedback_period_for_the_lead_unit_only():
    t = task(deadline=date(2016, 12, 31), reports=[(date(2016, 7, 18), LEAD), (date(2016, 7, 25), COOP)])
    s = score(rules(), [t], as_of=date(2016, 8, 3))
    # periods (7/13,7/20] reported; (7/20,7/27] only the cooperating unit reported
    assert [p.day for p in s[LEAD].points] == [date(2016, 7, 27), date(2016, 8, 3)]
    assert s[COOP].points == []
    monthly = task(deadline=None, recurrence_day=25, reports=[(date(2016, 8, 24), None)])
    s = score(rules(), [monthly], as_of=date(2016, 10, 1))
    assert [p.day for p in s[LEAD].points] == [date(2016, 7, 25), date(2016, 9, 25)]


def test_accountability_and_urging_points():
    rec = RecordFact(9, LEAD, AccountabilityMeasure.CIRCULAR_CRITICISM, date(2016, 8, 2), "舞督〔2016〕3号", 1, "2016-001")
    blue = UrgingFact(1, date(2016, 7, 25), UrgingLevel.BLUE, UrgingMethod.PHONE, None)
    yellow = UrgingFact(2, date(2016, 7, 26), UrgingLevel.YELLOW, UrgingMethod.PHONE, None)
    s = score(rules(**NO_REPORTS), [task(closed=date(2016, 7, 27), urgings=[blue, yellow])], records=[rec])
    assert [(p.rule, p.points, p.evidence) for p in s[LEAD].points] == [
        ("urging", Decimal("-0.5"), "催办记录第2号"),
        ("accountability", Decimal(-1), "问责记录第9号（舞督〔2016〕3号）")]


def test_only_the_kinds_the_rules_name_are_scored():
    units = [(LEAD, UnitKind.DEPARTMENT), (99, UnitKind.LEADERSHIP)]
    out = score_period(rules(), YEAR, date(2016, 12, 31), CAL, units, [])
    assert [s.unit_id for s in out] == [LEAD]


@pytest.mark.parametrize("change, message", [
    (dict(overdue__per="month"), "overdue.per"),
    (dict(overdue__per_task=-1), "overdue.per_task"),
    (dict(roles={"LEAD_LEADER": 1}), "只能列单位角色"),
    (dict(missed_report__period_days=0.5), "missed_report.period_days"),
    (dict(unit_kinds=["VILLAGE"]), "VILLAGE"),
])
def test_bad_rules_are_refused_naming_the_field(change, message):
    with pytest.raises(ValidationError, match=message.replace(".", r"\.")):
        rules(**change)


def test_a_later_period_numbers_its_steps_from_the_first_overdue_day():
    august = Period(date(2016, 8, 1), date(2016, 8, 31))
    t = [task(closed=date(2016, 8, 12))]
    weekly = score(rules(**NO_REPORTS), t, period=august)[LEAD].points
    assert [(p.label, p.day) for p in weekly] == [("逾期第2周（牵头）", date(2016, 8, 4)),
                                                  ("逾期第3周（牵头）", date(2016, 8, 11))]
    daily = score(rules(overdue__per="workday", **NO_REPORTS), t, period=august)[LEAD].points
    assert daily[0].label == "逾期第3个工作日（牵头）" and daily[0].day == date(2016, 8, 1)
    assert len(daily) == 10  # 8/1–8/12, weekdays
    monthly = task(deadline=None, recurrence_day=25)
    september = score(rules(), [monthly], as_of=date(2016, 10, 1), period=Period(date(2016, 9, 1), date(2016, 9, 30)))
    assert [(p.day, p.evidence) for p in september[LEAD].points] == [
        (date(2016, 9, 25), "反馈期2016年8月26日至2016年9月25日无进展报告")]
