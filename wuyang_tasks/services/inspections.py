"""督导检查: a visit with per-item checklist results and findings; findings that demand
rectification become child tasks (category 整改, lead = the inspected unit) that follow the normal
workflow from 已交办. Inspections are evidence and are never deleted or edited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import (
    ChecklistItem,
    ChecklistTemplate,
    Finding,
    Inspection,
    InspectionInspector,
    InspectionItemResult,
    Person,
    Responsibility,
    Source,
    Task,
    Unit,
)
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import CheckResult, DeadlineBasis, Role, SourceKind, TaskStatus
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.workflow import Action

from . import tasks as task_service
from .common import get
from .task_list import chinese_date

RECTIFICATION_CATEGORY = "整改"


@dataclass(frozen=True)
class Inspector:
    """A county leader or staff member kept as a Person, or just a name as written."""

    person_id: int | None = None
    name: str | None = None


@dataclass(frozen=True)
class ItemResult:
    item_id: int
    result: CheckResult
    remark: str | None = None


@dataclass(frozen=True)
class FindingSpec:
    """A problem found. With a ``requirement`` it demands rectification by ``deadline`` (a date)
    or within ``workdays`` working days of the visit, and a rectification task is created."""

    description: str
    requirement: str | None = None
    deadline: date | None = None
    workdays: int | None = None
    item_id: int | None = None
    responsible_person_id: int | None = None


@dataclass
class ResultView:
    item_id: int
    seq: int
    category: str | None
    content: str
    result: CheckResult
    remark: str | None


@dataclass
class FindingView:
    id: int
    description: str
    requirement: str | None
    deadline: date | None
    item_seq: int | None
    task_id: int | None
    task_code: str | None
    task_status: TaskStatus | None


@dataclass
class InspectionRow:
    id: int
    inspected_on: date
    unit_id: int | None
    unit_name: str | None
    site: str | None
    template_name: str | None
    inspectors: list[str] = field(default_factory=list)
    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    findings: int = 0
    open_rectifications: int = 0

    @property
    def place(self) -> str:
        return "".join(p for p in (self.unit_name, self.site and f"（{self.site}）") if p)


@dataclass
class InspectionDetail:
    row: InspectionRow
    summary: str | None
    results: list[ResultView]
    findings: list[FindingView]


# --------------------------------------------------------------------------- recording
def record_inspection(session: Writer, *, inspected_on: date, today: date, cal: WorkdayCalendar,
                      inspectors: Sequence[Inspector], unit_id: int | None = None,
                      site: str | None = None, template_id: int | None = None,
                      results: Sequence[ItemResult] = (), findings: Sequence[FindingSpec] = (),
                      summary: str | None = None, parent_task_id: int | None = None) -> Inspection:
    """Record one visit. Every active item of the template needs a result. Findings with a
    requirement create rectification tasks, assigned on the day of the visit."""
    site = (site or "").strip() or None
    if inspected_on > today:
        raise ValidationError("检查日期不能晚于今天。")
    if unit_id is None and site is None:
        raise ValidationError("请填写被检查单位或检查地点（工地、企业）。")
    unit = get(session, Unit, unit_id, "被检查单位") if unit_id is not None else None
    if parent_task_id is not None:
        get(session, Task, parent_task_id, "所督查的任务")
    inspector_rows = _check_inspectors(session, inspectors)
    template, items = _check_results(session, template_id, results)
    failed_items = {r.item_id for r in results if r.result is CheckResult.FAIL}
    _check_findings(session, findings, failed_items, unit, inspected_on)

    inspection = session.insert(Inspection(
        inspected_on=inspected_on, unit_id=unit_id, site=site,
        template_id=template.id if template else None, summary=(summary or "").strip() or None))
    for row in inspector_rows:
        row.inspection_id = inspection.id
        session.insert(row)
    for r in results:
        session.insert(InspectionItemResult(inspection_id=inspection.id, item_id=r.item_id,
                                            result=r.result, remark=(r.remark or "").strip() or None))
    source = None
    for spec in findings:
        task = None
        if spec.requirement and spec.requirement.strip():
            if source is None:
                source = _source(session, inspection, unit, template)
            task = _rectification_task(session, spec, inspection, unit, items, source, parent_task_id,
                                       cal)
        session.insert(Finding(
            inspection_id=inspection.id, item_id=spec.item_id, description=spec.description.strip(),
            requirement=(spec.requirement or "").strip() or None,
            deadline=task.deadline if task else spec.deadline,
            rectification_task_id=task.id if task else None))
    return inspection


def _check_inspectors(session: Session, inspectors: Sequence[Inspector]) -> list[InspectionInspector]:
    if not inspectors:
        raise ValidationError("请至少填写一名检查人。")
    rows = []
    for n, who in enumerate(inspectors, start=1):
        if who.person_id is not None:
            get(session, Person, who.person_id, "检查人")
            rows.append(InspectionInspector(person_id=who.person_id))
        elif (who.name or "").strip():
            rows.append(InspectionInspector(name=who.name.strip()))
        else:
            raise ValidationError(f"第 {n} 名检查人没有姓名。")
    return rows


def _check_results(session: Session, template_id: int | None,
                   results: Sequence[ItemResult]) -> tuple[ChecklistTemplate | None, dict[int, ChecklistItem]]:
    if template_id is None:
        if results:
            raise ValidationError("逐项检查结果需要先选择检查清单模板。")
        return None, {}
    template = get(session, ChecklistTemplate, template_id, "检查清单模板")
    if not template.active:
        raise ValidationError(f"检查清单模板“{template.name}”已停用，请选择在用的模板。")
    items = {i.id: i for i in session.scalars(
        select(ChecklistItem).where(ChecklistItem.template_id == template.id,
                                    ChecklistItem.active.is_(True)))}
    counts = Counter(r.item_id for r in results)
    for item_id, n in counts.items():
        if item_id not in items:
            raise ValidationError(f"检查项目（编号 {item_id}）不属于模板“{template.name}”的现行版本。")
        if n > 1:
            raise ValidationError(f"模板“{template.name}”第 {items[item_id].seq} 项填写了多个结果。")
    missing = sorted(i.seq for i in items.values() if i.id not in counts)
    if missing:
        raise ValidationError(f"模板“{template.name}”第 {'、'.join(map(str, missing))} 项没有填写检查结果"
                              "（符合、不符合或不适用）。")
    return template, items


def _check_findings(session: Session, findings: Sequence[FindingSpec], failed_items: set[int],
                    unit: Unit | None, inspected_on: date) -> None:
    for n, spec in enumerate(findings, start=1):
        where = f"第 {n} 个问题"
        if not (spec.description or "").strip():
            raise ValidationError(f"{where}没有问题描述。")
        if spec.item_id is not None and spec.item_id not in failed_items:
            raise ValidationError(f"{where}对应的检查项目没有判为“不符合”。")
        if spec.deadline is not None and spec.workdays is not None:
            raise ValidationError(f"{where}的整改时限只能填日期或工作日数之一。")
        if spec.deadline is not None and spec.deadline <= inspected_on:
            raise ValidationError(f"{where}的整改时限应晚于检查日期。")
        if spec.workdays is not None and spec.workdays <= 0:
            raise ValidationError(f"{where}的整改工作日数应大于 0。")
        if spec.responsible_person_id is not None:
            get(session, Person, spec.responsible_person_id, "整改责任人")
        if (spec.requirement or "").strip():
            if spec.deadline is None and spec.workdays is None:
                raise ValidationError(f"{where}提出了整改要求，请填写整改时限。")
            if unit is None:
                raise ValidationError(f"{where}要求整改，请填写被检查单位（整改任务的牵头单位）。")


def _source(session: Writer, inspection: Inspection, unit: Unit | None,
            template: ChecklistTemplate | None) -> Source:
    place = "".join(p for p in (unit.name if unit else None,
                                inspection.site and f"（{inspection.site}）") if p)
    kind = f"“{template.name}”" if template else ""
    return session.insert(Source(
        title=f"{chinese_date(inspection.inspected_on)}对{place}的{kind}督导检查"[:200],
        kind=SourceKind.INSPECTION, issued_on=inspection.inspected_on, text=inspection.summary))


def _rectification_task(session: Writer, spec: FindingSpec, inspection: Inspection, unit: Unit,
                        items: dict[int, ChecklistItem], source: Source,
                        parent_task_id: int | None, cal: WorkdayCalendar) -> Task:
    item = items.get(spec.item_id) if spec.item_id is not None else None
    topic = f"{item.category}问题" if item is not None and item.category else "问题"
    place = inspection.site or unit.name
    if spec.workdays is not None:
        deadline = DeadlineSpec(basis=DeadlineBasis.WORKDAY, start=inspection.inspected_on,
                                             days=spec.workdays, text=f"检查后{spec.workdays}个工作日内")
    else:
        deadline = DeadlineSpec(day=spec.deadline)
    assignments = [task_service.Assignment(Role.LEAD_UNIT, unit_id=unit.id)]
    if parent_task_id is not None:
        assignments += [task_service.Assignment(Role.LEAD_LEADER, person_id=pid) for pid in session.scalars(
            select(Responsibility.person_id).where(Responsibility.task_id == parent_task_id,
                                                   Responsibility.role == Role.LEAD_LEADER)
            .order_by(Responsibility.sort_order))]
    if spec.responsible_person_id is not None:
        assignments.append(task_service.Assignment(Role.RESPONSIBLE_PERSON,
                                                   person_id=spec.responsible_person_id))
    task = task_service.create_task(
        session, title=f"{place}{topic}整改：{spec.description.strip()}"[:300],
        content=spec.requirement.strip(), category=RECTIFICATION_CATEGORY, source_id=source.id,
        parent_id=parent_task_id, deadline=deadline, today=inspection.inspected_on, cal=cal,
        responsibilities=assignments)
    return task_service.transition(session, task.id, Action.ASSIGN, today=inspection.inspected_on,
                                   cal=cal, note="督导检查发现问题，交办整改")


# --------------------------------------------------------------------------- reads
def list_inspections(session: Session, *, unit_id: int | None = None, date_from: date | None = None,
                     date_to: date | None = None, template_id: int | None = None,
                     inspection_ids: Sequence[int] | None = None) -> list[InspectionRow]:
    """Inspections, latest first, with counts of results and findings."""
    query = (select(Inspection.id, Inspection.inspected_on, Inspection.unit_id, Unit.name,
                    Inspection.site, ChecklistTemplate.name)
             .outerjoin(Unit, Unit.id == Inspection.unit_id)
             .outerjoin(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
             .order_by(Inspection.inspected_on.desc(), Inspection.id.desc()))
    if unit_id is not None:
        query = query.where(Inspection.unit_id == unit_id)
    if date_from is not None:
        query = query.where(Inspection.inspected_on >= date_from)
    if date_to is not None:
        query = query.where(Inspection.inspected_on <= date_to)
    if template_id is not None:
        query = query.where(Inspection.template_id == template_id)
    if inspection_ids is not None:
        query = query.where(Inspection.id.in_(list(inspection_ids)))
    rows = [InspectionRow(id=r[0], inspected_on=r[1], unit_id=r[2], unit_name=r[3], site=r[4],
                          template_name=r[5]) for r in session.execute(query)]
    by_id = {r.id: r for r in rows}
    if not rows:
        return rows
    ids = list(by_id)
    for inspection_id, person_name, name in session.execute(
            select(InspectionInspector.inspection_id, Person.name, InspectionInspector.name)
            .outerjoin(Person, Person.id == InspectionInspector.person_id)
            .where(InspectionInspector.inspection_id.in_(ids)).order_by(InspectionInspector.id)):
        by_id[inspection_id].inspectors.append(person_name or name)
    attr = {CheckResult.PASS: "passed", CheckResult.FAIL: "failed",
            CheckResult.NOT_APPLICABLE: "not_applicable"}
    for inspection_id, result in session.execute(
            select(InspectionItemResult.inspection_id, InspectionItemResult.result)
            .where(InspectionItemResult.inspection_id.in_(ids))):
        row = by_id[inspection_id]
        setattr(row, attr[result], getattr(row, attr[result]) + 1)
    for inspection_id, status in session.execute(
            select(Finding.inspection_id, Task.status).outerjoin(Task, Task.id == Finding.rectification_task_id)
            .where(Finding.inspection_id.in_(ids))):
        row = by_id[inspection_id]
        row.findings += 1
        if status is not None and status.is_open:
            row.open_rectifications += 1
    return rows


def inspection_detail(session: Session, inspection_id: int) -> InspectionDetail:
    inspection = get(session, Inspection, inspection_id, "督导检查记录")
    row = list_inspections(session, inspection_ids=[inspection_id])[0]
    results = [ResultView(item_id=item.id, seq=item.seq, category=item.category, content=item.content,
                          result=res.result, remark=res.remark)
               for res, item in session.execute(
                   select(InspectionItemResult, ChecklistItem)
                   .join(ChecklistItem, ChecklistItem.id == InspectionItemResult.item_id)
                   .where(InspectionItemResult.inspection_id == inspection_id)
                   .order_by(ChecklistItem.seq, ChecklistItem.id))]
    findings = [FindingView(id=f.id, description=f.description, requirement=f.requirement,
                            deadline=f.deadline, item_seq=seq, task_id=f.rectification_task_id,
                            task_code=code, task_status=status)
                for f, seq, code, status in session.execute(
                    select(Finding, ChecklistItem.seq, Task.code, Task.status)
                    .outerjoin(ChecklistItem, ChecklistItem.id == Finding.item_id)
                    .outerjoin(Task, Task.id == Finding.rectification_task_id)
                    .where(Finding.inspection_id == inspection_id).order_by(Finding.id))]
    return InspectionDetail(row=row, summary=inspection.summary, results=results, findings=findings)


def rectification_tasks(session: Session, inspection_id: int) -> list[Task]:
    return list(session.scalars(
        select(Task).join(Finding, Finding.rectification_task_id == Task.id)
        .where(Finding.inspection_id == inspection_id).order_by(Finding.id)))
