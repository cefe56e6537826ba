"""督查考核 on a real ledger (SQLite and PostgreSQL): the demo's 2016 scores, extensions,
退回重办, a 任免 in the period, rule versions and the office's 加减分."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from wuyang_tasks.db.models import Post, Task
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import assessment, assessment_rules, extensions
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services import units
from wuyang_tasks.services.assessment_rules import shipped_text
from wuyang_tasks.services.evidence import verify_ledger

TODAY = date(2016, 7, 29)
TOWNSHIPS = ["舞泉镇", "吴城镇", "北舞渡镇", "莲花镇", "辛安镇", "孟寨镇", "太尉镇", "侯集镇", "九街镇",
             "章化镇", "文峰乡", "保和乡", "马村乡", "姜店乡"]


def report(ledger, start=date(2016, 1, 1), end=date(2016, 12, 31), today=TODAY, unit=None):
    with ledger.read() as s:
        unit_id = units.find_unit(s, unit).id if unit else None
        return assessment.build_report(s, start=start, end=end, today=today, cal=ledger.calendar(),
                                       unit_id=unit_id)


def sheet(rep, name):
    return next(u for u in rep.units if u.name == name)


def task_id(ledger, code):
    with ledger.read() as s:
        return s.scalar(select(Task.id).where(Task.code == code))


def test_demo_2016_scores_from_the_default_rules_each_point_traced(demo_ledger):
    rep = report(demo_ledger)
    assert rep.rules.version == 0 and "默认" in rep.rules.caption
    names = [u.name for u in rep.units]
    assert names[0] == "县环境保护工作委员会办公室" and names[-14:] == TOWNSHIPS  # official order
    assert "中共舞阳县委" not in names and "碧富浙江商城" not in names  # units the rules assess
    zhujian = sheet(rep, "县住建委").score
    assert zhujian.score == Decimal("95.4")
    traced = [(p.task_code, p.label, p.points, p.evidence) for p in zhujian.points if p.task_code == "2016-002"]
    assert ("2016-002", "未按时限办结（牵头）", Decimal(-1), "完成时限2016年7月27日") in traced
    assert ("2016-002", "红色督办（书面）（牵头）", Decimal("-1.5"), "督办单〔2016〕第1号") in traced
    # the county-wide survey: every township answers for its own part
    for town in TOWNSHIPS:
        town_points = sheet(rep, town).score.points
        assert {p.task_code for p in town_points} == {"2016-002"}
        assert sum(p.points for p in town_points) == Decimal("-2.6")
    assert all(p.day <= TODAY for u in rep.units for p in u.score.points)


def test_deadline_day_and_extension_approved_or_refused(demo_ledger):
    code = "2016-001"  # 县住建委, due 2016-07-31
    tid = task_id(demo_ledger, code)
    with demo_ledger.read() as s:
        assert s.get(Task, tid).deadline == date(2016, 7, 31)
        approver = units.find_person(s, "宋耀生").id

    def overdue_points(today):
        return [p for p in sheet(report(demo_ledger, today=today), "县住建委").score.points
                if p.task_code == code and p.rule.startswith("overdue")]

    assert overdue_points(date(2016, 7, 31)) == []  # the deadline day itself
    assert [p.day for p in overdue_points(date(2016, 8, 1))] == [date(2016, 8, 1)] * 2
    with demo_ledger.write() as s:
        ext = extensions.request_extension(s, tid, requested_on=TODAY, new_deadline=date(2016, 8, 31),
                                           reason="雨季施工", today=TODAY)
        ext_id = ext.id
    assert len(overdue_points(date(2016, 8, 10))) == 3  # pending: the original date holds
    with demo_ledger.write() as s:
        extensions.decide_extension(s, ext_id, approve=False, decided_by_id=approver, decided_on=TODAY, today=TODAY)
    refused = overdue_points(date(2016, 8, 10))
    assert refused[0].day == date(2016, 8, 1) and f"延期申请第{ext_id}号未批准" in refused[0].evidence
    with demo_ledger.write() as s:
        ext2 = extensions.request_extension(s, tid, requested_on=TODAY, new_deadline=date(2016, 8, 31),
                                            reason="再次申请", today=TODAY)
        extensions.decide_extension(s, ext2.id, approve=True, decided_by_id=approver, decided_on=TODAY, today=TODAY)
    assert overdue_points(date(2016, 8, 31)) == []
    assert overdue_points(date(2016, 9, 1))[0].evidence == f"完成时限2016年8月31日（延期申请第{ext2.id}号已批准）"


def test_send_back_traced_to_its_audit_event(demo_ledger):
    tid = task_id(demo_ledger, "2016-006")
    cal = demo_ledger.calendar()
    with demo_ledger.write() as s:
        s.info["now"] = "2016-07-29T02:00:00+00:00"  # the clerk's clock that day
        task_service.report_progress(s, tid, report_date=TODAY, text="已完成", request_close=True,
                                     today=TODAY, cal=cal)
        task_service.transition(s, tid, Action.SEND_BACK, today=TODAY, cal=cal, note="材料不全")
    lead = sheet(report(demo_ledger), "县环保局").score.points
    back = [p for p in lead if p.rule == "send_back"]
    assert len(back) == 1 and back[0].day == TODAY and back[0].points == Decimal(-2)
    assert back[0].evidence.startswith("审计记录第") and back[0].task_code == "2016-006"


def test_an_appointment_in_the_period_leaves_the_unit_score_alone(demo_ledger):
    before = sheet(report(demo_ledger), "舞泉镇").score
    with demo_ledger.write() as s:
        town = units.find_unit(s, "舞泉镇")
        post = s.scalar(select(Post).where(Post.unit_id == town.id, Post.title == "镇长"))
        newcomer = units.add_person(s, "新镇长")
        units.appoint(s, post.id, newcomer.id, date(2016, 7, 20))
    after = sheet(report(demo_ledger), "舞泉镇").score
    assert after.points == before.points and after.score == before.score
    assert all("新镇长" not in p.label + p.evidence for p in after.points)  # units only, no people


def test_a_rules_change_is_a_new_version_and_past_periods_keep_their_scores(demo_ledger):
    july = dict(start=date(2016, 7, 1), end=date(2016, 7, 28))
    old_july = sheet(report(demo_ledger, **july), "县住建委").score.score
    old_year = sheet(report(demo_ledger), "县住建委").score.score
    data = json.loads(shipped_text())
    data["overdue"]["per_task"] = 3
    text = json.dumps(data, ensure_ascii=False)
    with demo_ledger.write() as s, pytest.raises(ValidationError, match="不能追溯"):
        assessment_rules.import_rules(s, text, "新办法.json", effective_from=date(2016, 7, 28), today=TODAY)
    with demo_ledger.write() as s:
        v = assessment_rules.import_rules(s, text, "新办法.json", effective_from=TODAY, today=TODAY)
    assert v.version == 2
    with demo_ledger.read() as s:
        assert [x.version for x in assessment_rules.versions(s)] == [1, 2]
    rep_july = report(demo_ledger, **july)
    assert rep_july.rules.version == 1 and sheet(rep_july, "县住建委").score.score == old_july
    rep_year = report(demo_ledger)
    assert rep_year.rules.version == 2
    # 2016-002 now costs 3, not 1 (−2), and meets the per-task cap of 5 (+0.1 back)
    assert sheet(rep_year, "县住建委").score.score == old_year - Decimal("1.9")
    with demo_ledger.write() as s, pytest.raises(ValidationError, match="内容相同"):
        assessment_rules.import_rules(s, text, "新办法.json", effective_from=TODAY, today=TODAY)
    data["send_back"]["points"] = 3
    with demo_ledger.write() as s:  # announced ahead: the running year keeps version 2 until then
        assessment_rules.import_rules(s, json.dumps(data), "十月起.json", effective_from=date(2016, 10, 1),
                                      today=TODAY)
    assert report(demo_ledger).rules.version == 2
    assert report(demo_ledger, today=date(2016, 10, 1)).rules.version == 3
    assert report(demo_ledger, **july, today=date(2016, 10, 1)).rules.version == 1
    assert verify_ledger(demo_ledger).ok


def test_adjustments_are_audited_records_voided_not_edited(demo_ledger):
    base = sheet(report(demo_ledger), "县环保局").score.score
    with demo_ledger.write() as s:
        unit_id = units.find_unit(s, "县环保局").id
        with pytest.raises(ValidationError, match="理由"):
            assessment.add_adjustment(s, unit_id=unit_id, day=TODAY, points="+1", reason=" ",
                                      decided_by=None, today=TODAY)
        with pytest.raises(ValidationError, match="不是数字"):
            assessment.add_adjustment(s, unit_id=unit_id, day=TODAY, points="一分", reason="x",
                                      decided_by=None, today=TODAY)
        adj = assessment.add_adjustment(s, unit_id=unit_id, day=TODAY, points="-1.5", reason="上报材料失实",
                                        decided_by="督查室主任办公会", today=TODAY)
        adj_id = adj.id
    rep = sheet(report(demo_ledger), "县环保局").score
    assert rep.score == base - Decimal("1.5") and rep.points[-1].evidence == f"加减分记录第{adj_id}号"
    with demo_ledger.write() as s:
        assessment.void_adjustment(s, adj_id, reason="经复核材料属实", today=TODAY)
        with pytest.raises(ValidationError, match="已撤销"):
            assessment.void_adjustment(s, adj_id, reason="again", today=TODAY)
    assert sheet(report(demo_ledger), "县环保局").score.score == base
    with demo_ledger.read() as s:
        views = assessment.adjustment_views(s)
    assert [(v.points, v.voids_id, v.voided_by_id is not None) for v in views] == [
        ("-1.5", None, True), ("0", adj_id, False)]
    assert verify_ledger(demo_ledger).ok


def test_briefing_setting_is_audited(demo_ledger):
    with demo_ledger.read() as s:
        assert not assessment.briefing_score_enabled(s)
    with demo_ledger.write() as s:
        assessment.set_briefing_score(s, True)
    with demo_ledger.read() as s:
        assert assessment.briefing_score_enabled(s)
    assert verify_ledger(demo_ledger).ok
