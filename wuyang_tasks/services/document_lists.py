"""Read models of the 督查清单 (supervision checklist) and the 责任清单/问责台账 (accountability
sheet). Plain dataclasses; ``wuyang_tasks.exports`` renders them.

A checklist covers one unit, one county leader (a section for every township the leader liaises
with on the day) or one site (an enterprise unit of that name, else the tasks that name it).
The accountability sheet names, for each task, the unit's party and government chiefs who answer
for it as of the sheet's day (services.who_answers: whoever held the post that day within the
task's life; a closed task, those of its last day), and its 分管负责人: the task's named 责任人
on the line of the unit where they held a post that day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Extension
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.domain.enums import ExtensionStatus, Role, TaskStatus
from wuyang_tasks.domain.errors import ValidationError

from . import accountability, checklists, people, units, urgings
from .documents import issuer_name
from .task_list import TaskFilter, TaskRow, chinese_date, list_tasks

SIX_HUNDRED_PERCENT = "六个百分之百"
# the parties a site checklist names, each with 负责人 and phone, and has sign (scored 六个百分之百
# forms list 施工单位 and 监理单位; the builder answers for the site as well)
SITE_PARTIES = ("建设单位", "施工单位", "监理单位")


# --------------------------------------------------------------------------- 督查清单
@dataclass
class ChecklistSection:
    """One inspected place: its open tasks, earliest deadline first."""

    unit: str
    tasks: list[TaskRow] = field(default_factory=list)


@dataclass
class ChecklistItemLine:
    seq: int
    category: str
    content: str


@dataclass
class ChecklistDocument:
    issuer: str
    title: str
    scope: str  # 被检查单位：县环保局 / 联系县领导：朱俊峰 / 项目名称：碧富浙江商城
    as_of: date
    sections: list[ChecklistSection]
    template_name: str | None = None
    items: list[ChecklistItemLine] = field(default_factory=list)
    parties: tuple[str, ...] = ()  # a site's: filled in and signed on the spot


def _due_order(row: TaskRow):
    return (row.effective_deadline is None, row.effective_deadline or date.max, code_key(row.code))


def _open_tasks(session: Session, today: date, cal: WorkdayCalendar, flt: TaskFilter) -> list[TaskRow]:
    rows = [r for r in list_tasks(session, today=today, cal=cal, flt=flt) if r.status.is_open]
    return sorted(rows, key=_due_order)


def build_checklist(session: Session, *, today: date, cal: WorkdayCalendar, unit: str | None = None,
                    leader: str | None = None, site: str | None = None,
                    template: str | None = None) -> ChecklistDocument:
    """Exactly one of ``unit``, ``leader``, ``site``."""
    if sum(x is not None for x in (unit, leader, site)) != 1:
        raise ValidationError("督查清单须指定一个检查对象：单位、联系县领导或项目（工地）之一。")
    parties: tuple[str, ...] = ()
    if unit is not None:
        found = units.find_unit(session, unit)
        if found is None:
            raise ValidationError(f"--unit：找不到单位“{unit}”。")
        sections = [ChecklistSection(found.name, _open_tasks(session, today, cal, TaskFilter(unit_id=found.id)))]
        scope, title = f"被检查单位：{found.name}", f"{found.name}督查清单"
    elif leader is not None:
        person = units.find_person(session, leader)
        if person is None:
            raise ValidationError(f"--leader：找不到县领导“{leader}”。")
        towns = units.liaison_units(session, person.id, today)
        if not towns:
            raise ValidationError(f"{person.name}在{chinese_date(today)}没有分包联系的乡镇（单位）。")
        sections = [ChecklistSection(t.name, _open_tasks(session, today, cal, TaskFilter(unit_id=t.id)))
                    for t in towns]
        scope = f"联系县领导：{person.name}    联系乡镇：{'、'.join(t.name for t in towns)}"
        title = f"{person.name}同志联系乡镇督查清单"
    else:
        site = (site or "").strip()
        if not site:
            raise ValidationError("--site：项目（工地）名称不能为空。")
        found = units.find_unit(session, site)
        flt = TaskFilter(unit_id=found.id) if found else TaskFilter(text=site)
        name = found.name if found else site
        sections = [ChecklistSection(name, _open_tasks(session, today, cal, flt))]
        scope, title = f"项目名称：{name}", f"{name}督查清单"
        parties = SITE_PARTIES
        template = template or (SIX_HUNDRED_PERCENT if checklists.find_template(session, SIX_HUNDRED_PERCENT)
                                else None)
    doc = ChecklistDocument(issuer_name(session), title, scope, today, sections, parties=parties)
    if template:
        found_template = checklists.find_template(session, template)
        if found_template is None:
            names = "、".join(t.name for t in checklists.template_views(session)) or "（无）"
            raise ValidationError(f"--template：找不到检查清单模板“{template}”。可选：{names}。")
        view = checklists.template_view(session, found_template.id)
        doc.template_name = view.name
        doc.items = [ChecklistItemLine(i.seq, i.category or "", i.content) for i in view.items]
    return doc


# --------------------------------------------------------------------------- 责任清单 / 问责台账
@dataclass
class ResponsibilityLine:
    row: TaskRow
    unit: str
    unit_role: str  # 牵头单位 / 配合单位 / 属地单位
    party_chief: str  # 张建国（舞泉镇党委书记）
    government_chief: str
    deputies: str  # 分管负责人: the task's named 责任人 who sit in this unit, 、-joined
    urgings: str  # 2次，最近〔2016〕第1号（2016年7月28日，红色）
    extensions: str
    records: str


@dataclass
class AccountabilitySheet:
    issuer: str
    title: str
    scope: str
    as_of: date
    lines: list[ResponsibilityLine]
    records: list[accountability.RecordView]


def _holder_text(holder: people.Holder | None) -> str:
    return f"{holder.name}（{holder.post}）" if holder else ""


def build_accountability(session: Session, *, today: date, cal: WorkdayCalendar,
                         unit: str | None = None, leader: str | None = None,
                         whole_county: bool = False) -> AccountabilitySheet:
    """Per unit (every task it shares), per county leader (the tasks they lead, with the lead
    units' chiefs) or the whole county (every assigned task, every unit in every role — 牵头,
    配合 and 属地 — with its chiefs)."""
    if sum((unit is not None, leader is not None, whole_county)) != 1:
        raise ValidationError("责任清单须指定一个范围：单位、县领导或全县之一。")
    unit_id = None
    if unit is not None:
        found = units.find_unit(session, unit)
        if found is None:
            raise ValidationError(f"--unit：找不到单位“{unit}”。")
        unit_id, flt = found.id, TaskFilter(unit_id=found.id)
        scope, title = f"责任单位：{found.name}", f"{found.name}责任清单"
    elif leader is not None:
        person = units.find_person(session, leader)
        if person is None:
            raise ValidationError(f"--leader：找不到县领导“{leader}”。")
        flt = TaskFilter(leader_id=person.id)
        scope, title = f"牵头县领导：{person.name}", f"{person.name}同志牵头任务责任清单"
    else:
        flt = TaskFilter()
        scope, title = "全县", "全县环境保护责任清单及问责台账"
    rows = [r for r in list_tasks(session, today=today, cal=cal, flt=flt)
            if r.status not in (TaskStatus.DRAFT, TaskStatus.CANCELLED)]
    ids = [r.id for r in rows]
    chiefs = people.chiefs_by_task(session, ids, today) if ids else {}
    named = people.named_by_task(session, ids, today) if ids else {}
    urging_text = _urging_texts(session, ids)
    extension_text = _extension_texts(session, ids)
    records = accountability.record_views(session, task_ids=ids) if ids else []
    if unit_id is not None:
        known = {r.id for r in records}
        records += [r for r in accountability.record_views(session, unit_id=unit_id) if r.id not in known]
        records.sort(key=lambda r: (r.effective_date, r.id))
    record_text: dict[int, list[str]] = defaultdict(list)
    for rec in records:
        for task_id in rec.task_ids:
            record_text[task_id].append(
                f"{rec.measure.label}：{rec.person_name}（{rec.post_held}），{chinese_date(rec.effective_date)}"
                + ("" if rec.in_force else f"，{rec.state_label}"))
    lines = []
    for r in rows:
        deputies = _deputies_by_unit(chiefs.get(r.id, []), named.get(r.id, []))
        for uc in chiefs.get(r.id, []):
            if unit_id is not None:
                wanted = uc.unit_id == unit_id
            else:  # the whole county: every unit in every role; a leader's sheet: the lead units
                wanted = whole_county or uc.role is Role.LEAD_UNIT
            if not wanted:
                continue
            lines.append(ResponsibilityLine(
                r, uc.unit_name, uc.role.label, _holder_text(uc.party_chief),
                _holder_text(uc.government_chief), "、".join(deputies.get(uc.unit_id, [])),
                urging_text.get(r.id, ""),
                extension_text.get(r.id, ""), "；".join(record_text.get(r.id, []))))
    return AccountabilitySheet(issuer_name(session), title, scope, today, lines, records)


def _deputies_by_unit(units_of_task: list[people.UnitChiefs],
                      named: list[people.NamedPerson]) -> dict[int, list[str]]:
    """unit → the task's named 责任人 sitting in it on the day; one who sits in none of the
    task's units (or has no post recorded) goes with the first lead unit."""
    unit_ids = {uc.unit_id for uc in units_of_task}
    lead = next((uc.unit_id for uc in units_of_task if uc.role is Role.LEAD_UNIT), None)
    out: dict[int, list[str]] = defaultdict(list)
    for person in named:
        unit_id = person.unit_id if person.unit_id in unit_ids else lead
        if unit_id is not None:
            out[unit_id].append(person.text)
    return out


def _urging_texts(session: Session, task_ids: list[int]) -> dict[int, str]:
    by_task: dict[int, list[urgings.UrgingView]] = defaultdict(list)
    wanted = set(task_ids)
    for u in urgings.urgings_of(session):
        if u.task_id in wanted:
            by_task[u.task_id].append(u)
    out = {}
    for task_id, views in by_task.items():
        last = views[-1]
        label = f"{last.notice_label}，" if last.notice_label else ""
        out[task_id] = (f"{len(views)}次，最近{label}{chinese_date(last.urged_on)}"
                        f"{last.method.label}{last.level.label}督办")
    return out


def _extension_texts(session: Session, task_ids: list[int]) -> dict[int, str]:
    texts: dict[int, list[str]] = defaultdict(list)
    wanted = set(task_ids)
    for task_id, new_deadline, status in session.execute(
            select(Extension.task_id, Extension.new_deadline, Extension.status)
            .order_by(Extension.requested_on, Extension.id)):
        if task_id in wanted:
            texts[task_id].append(f"申请延期至{chinese_date(new_deadline)}（{ExtensionStatus(status).label}）")
    return {k: "；".join(v) for k, v in texts.items()}

