from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db.models import Metric, Responsibility, Source, Task, Unit
from wuyang_tasks.domain.enums import DeadlineBasis, MetricDirection, MetricKind, Role, SourceKind, TaskStatus
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.imports.minutes import propose
from wuyang_tasks.imports.text_clean import has_pinyin_groups
from wuyang_tasks.services import intake
from wuyang_tasks.services.demo import TOWNSHIPS

DATA = Path(__file__).parent / "data"
MEETING = (DATA / "meeting_2016-07-13.txt").read_text(encoding="utf-8")
PLAN = (DATA / "plan_2016.txt").read_text(encoding="utf-8")
DEPARTMENTS = ["县环保局", "县发改委", "县交通运输局", "县公安局", "县水利局", "县畜牧局"]


def _units(draft):
    return [r.display for r in draft.unit_refs()]


def test_reference_meeting_yields_the_done_when_drafts(demo_ledger):
    p = intake.propose_minutes(demo_ledger, MEETING, issued_on=date(2016, 7, 13))
    assert not has_pinyin_groups(p.cleaned.text) and "環" not in p.cleaned.text
    assert p.kind is SourceKind.MEETING and p.title == "环保攻坚突破工作会议"
    departments = [d for d in p.drafts if d.lead and d.lead.display == "县环保局"]
    assert len(departments) == 1
    d = departments[0]
    assert _units(d) == DEPARTMENTS  # 环保、发改、交通、公安、水利、畜牧, in the order spoken
    assert "严格履行法定职责" in d.title and "尤其是环保、发改、交通、公安、水利、畜牧等职能部门" in d.sentence
    territorial = [d for d in p.drafts if d.all_townships]
    assert any(t.title == "落实属地责任" and "各乡镇要落实属地责任" in t.sentence for t in territorial)
    assert p.key_period == (date(2016, 7, 1), date(2016, 9, 30))
    assert "7、8、9三个月" in p.key_period_sentence
    assert all(d.deadline.day == date(2016, 9, 30) and d.deadline_from_key_period for d in p.drafts)
    good = [m for m in p.metrics if m.kind is MetricKind.GOOD_DAYS]
    assert [(m.target_value, m.direction, m.year) for m in good] == [(219.0, MetricDirection.AT_LEAST, 2016)]
    assert "219天以上" in good[0].sentence
    assert {m.name for m in p.metrics} >= {"PM10年均浓度", "PM2.5年均浓度", "三里河水质类别"}


def test_meeting_names_stay_as_written_without_a_ledger():
    p = propose(MEETING, issued_on=date(2016, 7, 13))
    d = next(d for d in p.drafts if d.lead and d.lead.written == "环保")
    assert [r.written for r in d.unit_refs()] == ["环保", "发改", "交通", "公安", "水利", "畜牧"]
    assert d.unknown == ["环保", "发改", "交通", "公安", "水利", "畜牧"]


def test_saving_the_meeting_creates_drafts_under_a_new_source(demo_ledger, state):
    p = intake.propose_minutes(demo_ledger, MEETING, issued_on=date(2016, 7, 13))
    result = intake.save_minutes(demo_ledger, p)
    assert len(result.created) == len(p.drafts) >= 5
    assert set(result.metrics_existing) >= {"优良天数", "PM10年均浓度"}  # the demo has them already
    with demo_ledger.read() as s:
        source = s.get(Source, result.source_id)
        assert (source.kind, source.issued_on) == (SourceKind.MEETING, date(2016, 7, 13))
        assert source.text == p.cleaned.text
        tasks = list(s.scalars(select(Task).where(Task.source_id == source.id)))
        assert {t.status for t in tasks} == {TaskStatus.DRAFT}
        dept = next(t for t in tasks if "严格履行法定职责" in t.title)
        names = s.execute(select(Responsibility.role, Unit.name).join(Unit)
                          .where(Responsibility.task_id == dept.id)
                          .order_by(Responsibility.sort_order)).all()
        assert [n for _, n in names] == DEPARTMENTS
        assert names[0][0] is Role.LEAD_UNIT and {r for r, _ in names[1:]} == {Role.COOPERATING_UNIT}
        assert "尤其是环保" in dept.content and "有关部门" in dept.note
        towns = next(t for t in tasks if t.title == "落实属地责任")
        assert s.scalars(select(Unit.name).join(Responsibility).where(
            Responsibility.task_id == towns.id, Responsibility.role == Role.TERRITORIAL_UNIT)
            .order_by(Responsibility.sort_order)).all() == TOWNSHIPS
    before = state(demo_ledger)
    with pytest.raises(ValidationError, match="已经导入过"):
        intake.save_minutes(demo_ledger, p)
    assert state(demo_ledger) == before


def test_plan_numbered_items_become_drafts(demo_ledger):
    p = intake.propose_minutes(demo_ledger, PLAN)
    assert p.title == "舞阳县2016年大气污染防治攻坚实施方案" and p.kind is SourceKind.DOCUMENT
    assert p.year == 2016 and p.key_period is None
    by_title = {d.title: d for d in p.drafts}
    site = by_title["建筑工地扬尘治理"]
    assert site.category == "扬尘污染治理"
    assert site.lead.display == "县住建委"
    assert [r.display for r in site.cooperating] == ["县环保局", "县城管局"]
    assert [r.unit_id is None for r in site.cooperating] == [False, True]  # 城管局: not in the demo
    assert site.all_townships and site.deadline.day == date(2016, 9, 30)
    assert "（PM10在线监测）" in site.sentence  # ordinary parentheses stay
    trucks = by_title["渣土车辆整治"]
    assert trucks.lead.display == "县公安局" and trucks.deadline.recurrence_day == 25
    assert [r.display for r in trucks.cooperating] == ["县交通运输局", "县住建委"]
    firms = by_title["“散乱污”企业整治"]
    assert firms.lead.display == "县环保局" and [r.display for r in firms.cooperating] == ["县发改委"]
    assert firms.all_townships and firms.deadline.day == date(2016, 12, 31)
    boilers = by_title["燃煤锅炉拆改"]
    assert boilers.lead.display == "县发改委" and boilers.deadline.day == date(2016, 10, 31)
    assert boilers.category == "工业污染治理"
    # 保障措施: no task headings, but sentences assigning work still become drafts
    assert any(d.all_townships and "成立相应机构" in d.title for d in p.drafts)
    assert not any(d.title.startswith("工作目标") for d in p.drafts)
    metrics = {m.name: m for m in p.metrics}
    assert metrics["优良天数"].target_value == 240
    pm25 = metrics["PM2.5年均浓度"]
    assert (pm25.target_value, pm25.unit_of_measure, pm25.direction) == (62, "微克/立方米", MetricDirection.AT_MOST)
    assert metrics["PM10浓度".replace("浓度", "年均浓度")].reference_name == "全省平均值"
    assert metrics["三里河水质类别"].target_value == 4
    assert metrics["淘汰黄标车"].target_value == 1200


def test_saving_a_plan_creates_metrics_and_notes_unknown_units(demo_ledger):
    p = intake.propose_minutes(demo_ledger, PLAN)
    result = intake.save_minutes(demo_ledger, p)
    assert "县城管局" in result.unknown_names
    assert "PM2.5年均浓度" in result.metrics_existing and "淘汰黄标车" in result.metrics_created
    with demo_ledger.read() as s:
        m = s.scalar(select(Metric).where(Metric.name == "淘汰黄标车", Metric.year == 2016))
        assert (m.target_value, m.unit_of_measure) == (1200, "台")
        task = s.scalar(select(Task).where(Task.title == "建筑工地扬尘治理", Task.source_id == result.source_id))
        assert "未识别的单位：县城管局" in task.note
        assert s.scalar(select(func.count(Unit.id)).where(Unit.name == "县城管局")) == 0


def test_create_missing_for_minutes(demo_ledger):
    p = intake.propose_minutes(demo_ledger, PLAN)
    result = intake.save_minutes(demo_ledger, p, create_missing=True)
    assert result.new_units == ["县城管局"] and result.unknown_names == []


def test_working_day_phrase_in_a_plan(ledger):
    text = "关于秸秆禁烧的通知\n一、重点任务\n（一）签订责任书。会后5个工作日内签订。（各乡镇负责落实）\n"
    p = intake.propose_minutes(ledger, text, issued_on=date(2016, 9, 1))
    d = p.drafts[0]
    assert (d.title, d.deadline.basis, d.deadline.days, d.deadline.start) == (
        "签订责任书", DeadlineBasis.WORKDAY, 5, date(2016, 9, 1))
    assert d.all_townships


def test_empty_text_is_refused(ledger):
    with pytest.raises(ValidationError, match="文本为空"):
        intake.propose_minutes(ledger, "  \n")
