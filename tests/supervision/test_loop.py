"""The whole supervision loop of issue 6 on the demo ledger: inspection → rectification tasks →
overdue → urged twice → extension refused → double accountability → the chief moves on and the
records still name the post held at the time."""

from datetime import date

import pytest
from sqlalchemy import select

from wuyang_tasks.db.models import Responsibility, Source, Task
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import (
    AccountabilityMeasure,
    AlertLevel,
    CheckResult,
    ChiefKind,
    ExtensionStatus,
    ResponsibilityType,
    Role,
    SourceKind,
    TaskStatus,
    UrgingLevel,
    UrgingMethod,
)
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import (
    accountability,
    attachments,
    extensions,
    inspections,
    people,
    units,
    urgings,
)
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.evidence import verify_ledger

INSPECTED = date(2016, 7, 29)
DEADLINE = date(2016, 8, 5)  # a Friday
MOVED = date(2016, 9, 1)
_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                     "1f15c4890000000d49444154789c6360f8cfc0f01f0005fe02fea3a3cf8e0000000049454e44ae426082")


def _inspect(demo, s, responsible_id):
    tpl = demo.template("六个百分之百")
    fence, washing = tpl.items[0], tpl.items[4]
    results = [inspections.ItemResult(i.id, CheckResult.FAIL if i in (fence, washing) else CheckResult.PASS,
                                      "东侧围挡缺失约30米" if i is fence else None) for i in tpl.items]
    findings = [
        inspections.FindingSpec("东侧围挡缺失约30米", requirement="补齐连续围挡并设防溢座", deadline=DEADLINE,
                                item_id=fence.id, responsible_person_id=responsible_id),
        inspections.FindingSpec("出入口未设车辆冲洗平台", requirement="建设冲洗平台和两级沉淀池，建立冲洗台账",
                                deadline=DEADLINE, item_id=washing.id, responsible_person_id=responsible_id),
    ]
    return inspections.record_inspection(
        s, inspected_on=INSPECTED, today=INSPECTED, cal=demo.cal,
        inspectors=[inspections.Inspector(person_id=demo.person("朱俊峰")),
                    inspections.Inspector(name="刘静")],
        unit_id=demo.unit("舞泉镇"), site="舞泉镇幸福家园二期工地", template_id=tpl.id, results=results,
        findings=findings, summary="围挡、冲洗两项不符合要求", parent_task_id=demo.task_id("城区建筑工地全面落实"))


def test_the_whole_loop(demo):
    led, cal = demo.ledger, demo.cal
    town = demo.unit("舞泉镇")
    with led.write() as s:
        chief_tenure = units.chief_tenures(s, town, INSPECTED)[ChiefKind.GOVERNMENT]
        chief_id, chief_post_id = chief_tenure.person_id, chief_tenure.post_id
        chief_name = chief_tenure.person.name
        responsible = units.add_person(s, "周海涛", note="舞泉镇城建办主任")
        inspection = _inspect(demo, s, responsible.id)
    responsible_id = responsible.id

    # -- two failed items → two rectification tasks, assigned, following the normal workflow
    with led.read() as s:
        made = inspections.rectification_tasks(s, inspection.id)
        assert len(made) == 2
        for task in made:
            assert task.status is TaskStatus.ASSIGNED and task.category == "整改"
            assert task.parent.title.startswith("城区建筑工地全面落实")
            assert task.deadline == DEADLINE and task.assigned_on == INSPECTED
            assert s.get(Source, task.source_id).kind is SourceKind.INSPECTION
            lead = [r for r in task.responsibilities if r.role is Role.LEAD_UNIT]
            assert [r.unit_id for r in lead] == [town]
            assert lead[0].government_chief_tenure_id == chief_tenure.id
        detail = inspections.inspection_detail(s, inspection.id)
        assert (detail.row.passed, detail.row.failed, detail.row.open_rectifications) == (4, 2, 2)
        assert detail.row.inspectors == ["朱俊峰", "刘静"]
        assert [f.item_seq for f in detail.findings] == [1, 5]
        assert [f.task_code for f in detail.findings] == [t.code for t in made]
        task_id = made[0].id

    # -- near the deadline: blue light, a phone chase
    day = date(2016, 8, 3)
    with led.read() as s:
        assert urgings.task_row(s, task_id, today=day, cal=cal).alert is AlertLevel.BLUE
        hint = urgings.suggestion_for_task(s, task_id, today=day, cal=cal)
        assert (hint.level, hint.method) == (UrgingLevel.BLUE, UrgingMethod.PHONE)
    with led.write() as s:
        first = urgings.urge(s, task_id, urged_on=day, method=UrgingMethod.PHONE, level=UrgingLevel.BLUE,
                             today=day, by_person_id=demo.person("朱俊峰"))
        assert first.notice_number is None

    # -- an extension asked before the deadline, refused by a named person
    with led.write() as s:
        ext = extensions.request_extension(s, task_id, requested_on=date(2016, 8, 4),
                                           new_deadline=date(2016, 8, 31), reason="围挡材料尚未到货",
                                           today=date(2016, 8, 4), requested_by_unit_id=town)
    with led.write() as s:
        extensions.decide_extension(s, ext.id, approve=False, decided_by_id=demo.person("宋耀生"),
                                    decided_on=DEADLINE, today=DEADLINE, note="理由不充分，按原时限完成")

    # -- overdue, judged on the original deadline; a late request is refused
    day = date(2016, 8, 8)
    with led.read() as s:
        row = urgings.task_row(s, task_id, today=day, cal=cal)
        assert row.alert is AlertLevel.RED
        assert row.effective_deadline == DEADLINE and row.days_overdue == 3
        assert [e.status for e in extensions.extensions_of(s, task_id)] == [ExtensionStatus.REFUSED]
        assert extensions.extensions_of(s, task_id)[0].decided_by == "宋耀生"
    with pytest.raises(ValidationError, match="届满前申请"), led.write() as s:
        extensions.request_extension(s, task_id, requested_on=day, new_deadline=date(2016, 8, 31),
                                     reason="仍未完成", today=day)

    # -- second chase: red, written, with a 督办单 number (the demo already used 舞督〔2016〕1号)
    with led.read() as s:
        hint = urgings.suggestion_for_task(s, task_id, today=day, cal=cal)
        assert (hint.level, hint.method) == (UrgingLevel.RED, UrgingMethod.WRITTEN)
    with led.write() as s:
        second = urgings.urge(s, task_id, urged_on=day, method=hint.method, level=hint.level, today=day,
                              requirement="立即整改，8月10日前报告整改情况。")
    assert (second.notice_year, second.notice_number) == (2016, 2)
    with led.read() as s:
        assert urgings.task_row(s, task_id, today=day, cal=cal).urging_count == 2
        notice = urgings.notice_view(s, second.id, today=day, cal=cal)
        assert notice.number_label == "舞督〔2016〕2号" and notice.lead_units == ["舞泉镇"]
        assert notice.urging_count == 2 and notice.days_overdue == 3

    # -- double accountability: the township's government chief and the person directly responsible
    effective = date(2016, 8, 15)
    with led.write() as s:
        lead_record = accountability.issue(s, accountability.RecordSpec(
            person_id=chief_id, measure=AccountabilityMeasure.TALK,
            responsibility_type=ResponsibilityType.LEADERSHIP_MAIN,
            facts="督导检查发现的工地围挡问题逾期未整改", effective_date=effective, failure_on=DEADLINE,
            task_ids=(task_id,), basis="《党政领导干部生态环境损害责任追究办法（试行）》",
            deciding_body="中共舞阳县委", decision_number="舞责追〔2016〕1号"), cal=cal)
        accountability.issue(s, accountability.RecordSpec(
            person_id=responsible_id, measure=AccountabilityMeasure.CIRCULAR_CRITICISM,
            responsibility_type=ResponsibilityType.DIRECT, post_title="舞泉镇城建办主任",
            facts="对工地围挡问题整改不力，逾期未完成", effective_date=effective, task_ids=(task_id,),
            deciding_body="中共舞阳县委", decision_number="舞责追〔2016〕2号"), cal=cal)
    assert lead_record.appeal_deadline == date(2016, 8, 30)  # 15 days

    # -- the chief moves: a successor takes the post, the chief goes to 县住建委
    with led.write() as s:
        successor = units.add_person(s, "韩新民")
        units.appoint(s, chief_post_id, successor.id, MOVED)
        zjw = units.find_unit(s, "县住建委").id
        units.appoint(s, units.chief_tenures(s, zjw, MOVED)[ChiefKind.GOVERNMENT].post_id, chief_id, MOVED)

    later = date(2016, 9, 5)
    with led.read() as s:
        views = {v.person_id: v for v in accountability.record_views(s, task_ids=[task_id])}
        assert views[chief_id].person_name == chief_name
        assert views[chief_id].post_held == "舞泉镇镇长"
        assert views[chief_id].responsibility_type is ResponsibilityType.LEADERSHIP_MAIN
        assert views[responsible_id].post_held == "舞泉镇城建办主任"
        assert views[responsible_id].responsibility_type is ResponsibilityType.DIRECT
        assert all(v.in_force for v in views.values())

        me = people.person_view(s, chief_id, today=later, cal=cal)
        assert me.current_posts == ["县住建委主任"]
        assert [(t.post, t.end) for t in me.tenures] == [("舞泉镇镇长", date(2016, 8, 31)),
                                                         ("县住建委主任", None)]
        mine = [a for a in me.answered_for if a.task_id == task_id]
        assert [(a.capacity, a.post_held, a.unit_role) for a in mine] == [
            ("行政主要负责人", "舞泉镇镇长", Role.LEAD_UNIT)]
        assert [r.id for r in me.records] == [lead_record.id]
        assert [(m.year, m.count) for m in me.measures_per_year] == [(2016, 1)]

        chiefs = people.chiefs_by_task(s, [task_id], DEADLINE)[task_id]  # the day of the failure
        assert chiefs[0].government_chief.name == chief_name
        assert chiefs[0].government_chief.post == "舞泉镇镇长"

        staff = people.person_view(s, responsible_id, today=later, cal=cal)
        assert {a.capacity for a in staff.answered_for} == {"责任人"}
        assert [(m.year, m.count) for m in staff.measures_per_year] == [(2016, 1)]
    assert verify_ledger(led).ok


def test_the_successor_answers_from_the_move(demo):
    led, cal = demo.ledger, demo.cal
    town = demo.unit("舞泉镇")
    with led.write() as s:
        before = units.chief_tenures(s, town, INSPECTED)[ChiefKind.GOVERNMENT]
        old_task = demo.task_id("城区主次干道机械化清扫")
        successor = units.add_person(s, "韩新民")
        units.appoint(s, before.post_id, successor.id, MOVED)
        new_task = task_service.create_task(
            s, title="国庆期间扬尘巡查", today=MOVED, cal=cal,
            deadline=DeadlineSpec(day=date(2016, 10, 8)),
            responsibilities=[task_service.Assignment(Role.LEAD_UNIT, unit_id=town)])
        task_service.transition(s, new_task.id, Action.ASSIGN, today=MOVED, cal=cal)
    with led.read() as s:
        then = people.chiefs_by_task(s, [old_task], INSPECTED)
        old_gov = [c for c in then[old_task] if c.unit_id == town][0].government_chief
        assert old_gov.person_id == before.person_id and old_gov.end == date(2016, 8, 31)
        chiefs = people.chiefs_by_task(s, [old_task, new_task.id], MOVED)  # handed over on the day
        assert [c for c in chiefs[old_task] if c.unit_id == town][0].government_chief.name == "韩新民"
        assert chiefs[new_task.id][0].government_chief.name == "韩新民"
        # the earlier holder's tenure row: only its end date was set, nothing else changed
        tenure = s.get(type(before), before.id)
        assert (tenure.start_date, tenure.person_id, tenure.post_id) == (
            before.start_date, before.person_id, before.post_id)
        recorded = s.scalars(select(Responsibility.government_chief_tenure_id).where(
            Responsibility.task_id == old_task, Responsibility.unit_id == town)).all()
        assert recorded == [before.id]


def test_appointment_cannot_predate_the_current_holder(demo):
    town = demo.unit("舞泉镇")
    with demo.ledger.write() as s:
        post_id = units.chief_tenures(s, town, INSPECTED)[ChiefKind.GOVERNMENT].post_id
        person = units.add_person(s, "韩新民")
    with pytest.raises(ValidationError, match="必须晚于"), demo.ledger.write() as s:
        units.appoint(s, post_id, person.id, date(2014, 12, 31))


def test_inspection_tasks_are_ordinary_tasks(demo):
    """A rectification task moves through the normal workflow and can be closed."""
    led, cal = demo.ledger, demo.cal
    with led.write() as s:
        inspection = _inspect(demo, s, None)
    with led.write() as s:
        task_id = inspections.rectification_tasks(s, inspection.id)[1].id
        task_service.report_progress(s, task_id, report_date=date(2016, 8, 2), text="冲洗平台已建成",
                                     percent=100, request_close=True, today=date(2016, 8, 2), cal=cal)
        attachments.attach(s, attachments.Target(task_id=task_id, closing=True), [  # its 销号 photo
            attachments.IncomingFile.from_bytes("冲洗平台.png", _PNG)])
        task_service.transition(s, task_id, Action.APPROVE, today=date(2016, 8, 3), cal=cal)
    with led.read() as s:
        assert s.get(Task, task_id).status is TaskStatus.DONE
        assert inspections.list_inspections(s)[0].open_rectifications == 1
