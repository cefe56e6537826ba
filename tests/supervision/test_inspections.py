"""Checklist templates as data, and recording inspections against them."""

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db.models import ChecklistItem, ChecklistTemplate, Task
from wuyang_tasks.domain.enums import CheckResult
from wuyang_tasks.domain.errors import ConflictError, ValidationError
from wuyang_tasks.services import checklists, inspections
from wuyang_tasks.services.evidence import verify_ledger

DAY = date(2016, 7, 29)
SHIPPED = ["六个百分之百", "散乱污企业整治（两断三清）", "秸秆禁烧", "重点企业污染排放检查"]


def _all_pass(tpl, failed=()):
    return [inspections.ItemResult(i.id, CheckResult.FAIL if i.seq in failed else CheckResult.PASS)
            for i in tpl.items]


def _record(demo, s, tpl, **kw):
    values = dict(inspected_on=DAY, today=DAY, cal=demo.cal, inspectors=[inspections.Inspector(name="刘静")],
                  unit_id=demo.unit("舞泉镇"), template_id=tpl.id, results=_all_pass(tpl))
    values.update(kw)
    return inspections.record_inspection(s, **values)


def test_demo_has_the_four_shipped_templates_and_install_is_idempotent(demo, ledger):
    with demo.ledger.read() as s:
        views = checklists.template_views(s)
        assert [v.name for v in views] == SHIPPED
        assert [len(v.items) for v in views] == [6, 9, 8, 9]
        assert [i.category for i in views[1].items[1:6]] == ["两断", "两断", "三清", "三清", "三清"]
    with demo.ledger.write() as s:
        assert checklists.install_shipped(s) == []
    with ledger.write() as s:  # an empty ledger gets them too
        assert checklists.install_shipped(s) == SHIPPED
    with ledger.write() as s:
        assert checklists.install_shipped(s) == []
        assert s.scalar(select(func.count(ChecklistTemplate.id))) == 4


def test_revising_items_keeps_what_old_inspections_used(demo):
    led = demo.ledger
    tpl = demo.template("六个百分之百")
    with led.write() as s:
        old = _record(demo, s, tpl, results=_all_pass(tpl, failed=(2,)))
    items = [checklists.ItemSpec(i.content, i.category) for i in tpl.items]
    items[1] = checklists.ItemSpec("物料堆放100%覆盖：易扬尘物料全部使用防尘网覆盖", "覆盖")
    items.append(checklists.ItemSpec("工地公示扬尘治理责任人和举报电话", "公示"))
    with led.write() as s:
        checklists.revise_items(s, tpl.id, items, expected_version=tpl.version)
    with led.read() as s:
        new = checklists.template_view(s, tpl.id)
        assert [i.seq for i in new.items] == [1, 2, 3, 4, 5, 6, 7]
        assert new.items[0].id == tpl.items[0].id  # unchanged items are the same rows
        assert new.items[1].id != tpl.items[1].id and "防尘网" in new.items[1].content
        assert new.version == tpl.version + 1
        kept = s.get(ChecklistItem, tpl.items[1].id)
        assert (kept.active, kept.content) == (False, tpl.items[1].content)  # deactivated, not rewritten
        detail = inspections.inspection_detail(s, old.id)
        assert [r.content for r in detail.results] == [i.content for i in tpl.items]
        assert detail.results[1].result is CheckResult.FAIL
    with pytest.raises(ConflictError), led.write() as s:  # a second clerk editing the old version
        checklists.revise_items(s, tpl.id, items[:3], expected_version=tpl.version)
    with pytest.raises(ValidationError, match="现行版本"), led.write() as s:
        _record(demo, s, tpl)  # results against the old items are refused
    with led.write() as s:
        _record(demo, s, new)
    assert verify_ledger(led).ok


def test_templates_round_trip_through_their_file_form(demo, tmp_path):
    tpl = demo.template("秸秆禁烧")
    path = tmp_path / "t.json"
    data = checklists.template_json(tpl)
    data["name"] = "秸秆禁烧（夏季）"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    spec = checklists.read_template_file(path)
    with demo.ledger.write() as s:
        made = checklists.create_template(s, spec)
        assert [i.content for i in made.items] == [i.content for i in tpl.items]
    with pytest.raises(ValidationError, match="已存在"), demo.ledger.write() as s:
        checklists.create_template(s, spec)
    path.write_text('{"name": "空模板", "items": []}', encoding="utf-8")
    with pytest.raises(ValidationError, match="没有检查项目"):
        checklists.read_template_file(path)
    path.write_text('{"name": "坏", "items": [{"category": "甲"}]}', encoding="utf-8")
    with pytest.raises(ValidationError, match="第 1 项缺少检查内容"):
        checklists.read_template_file(path)
    path.write_bytes(b"\xff\xfe{")
    with pytest.raises(ValidationError, match="UTF-8"):
        checklists.read_template_file(path)


def test_deactivated_template_cannot_be_used(demo):
    tpl = demo.template("重点企业污染排放检查")
    with demo.ledger.write() as s:
        checklists.update_template(s, tpl.id, active=False)
    with pytest.raises(ValidationError, match="已停用"), demo.ledger.write() as s:
        _record(demo, s, tpl)
    with demo.ledger.read() as s:
        assert "重点企业污染排放检查" not in [v.name for v in checklists.template_views(s)]


@pytest.mark.parametrize(("kw", "message"), [
    ({"inspectors": []}, "至少填写一名检查人"),
    ({"unit_id": None, "site": " "}, "被检查单位"),
    ({"inspected_on": date(2016, 7, 30)}, "晚于今天"),
    ({"results": []}, "没有填写检查结果"),
])
def test_bad_inspections_are_refused_whole(demo, kw, message):
    tpl = demo.template("六个百分之百")
    with demo.ledger.read() as s:
        tasks_before = s.scalar(select(func.count(Task.id)))
        inspections_before = inspections.list_inspections(s)  # the demo's own
    with pytest.raises(ValidationError, match=message), demo.ledger.write() as s:
        _record(demo, s, tpl, **kw)
    with demo.ledger.read() as s:
        assert s.scalar(select(func.count(Task.id))) == tasks_before
        assert inspections.list_inspections(s) == inspections_before


def test_findings_are_checked(demo):
    tpl = demo.template("六个百分之百")
    fail1 = _all_pass(tpl, failed=(1,))
    cases = [
        (inspections.FindingSpec("围挡缺失", requirement="补齐"), "整改时限"),
        (inspections.FindingSpec("围挡缺失", requirement="补齐", deadline=DAY), "晚于检查日期"),
        (inspections.FindingSpec("覆盖不到位", item_id=tpl.items[1].id), "没有判为“不符合”"),
    ]
    for finding, message in cases:
        with pytest.raises(ValidationError, match=message), demo.ledger.write() as s:
            _record(demo, s, tpl, results=fail1, findings=[finding])
    with pytest.raises(ValidationError, match="牵头单位"), demo.ledger.write() as s:
        _record(demo, s, tpl, unit_id=None, site="某工地", results=fail1,
                findings=[inspections.FindingSpec("围挡缺失", requirement="补齐", workdays=5)])


def test_workday_deadline_and_note_only_findings(demo):
    tpl = demo.template("六个百分之百")
    with demo.ledger.write() as s:
        inspection = _record(demo, s, tpl, results=_all_pass(tpl, failed=(1,)), findings=[
            inspections.FindingSpec("围挡缺失", requirement="补齐围挡", workdays=5, item_id=tpl.items[0].id),
            inspections.FindingSpec("现场负责人不在岗"),
        ])
    with demo.ledger.read() as s:
        detail = inspections.inspection_detail(s, inspection.id)
        assert detail.findings[0].deadline == date(2016, 8, 5)  # 5 working days after Fri 29 July
        assert detail.findings[1].task_id is None and detail.row.findings == 2
        task = s.get(Task, detail.findings[0].task_id)
        assert task.deadline_text == "检查后5个工作日内" and task.title.startswith("舞泉镇围挡问题整改")
