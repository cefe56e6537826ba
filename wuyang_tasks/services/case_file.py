"""一案一档: a task's whole file as a read model, in time order — its facts, who was given it,
every progress report (who answered when), urging (with its 督办单 number), extension, the
inspection finding it rectifies, the review decisions (审核办结, 退回重办 …), accountability
records, and the 佐证材料 of each, with their hashes (exports.case_pdf, exports.case_zip).

Entries carry the day the thing happened (a report's date, the inspection day, the day a
decision took effect). Workflow moves keep no day of their own except 交办 and 办结: the others
are dated by their audit event. A move made together with a report (签收 with the first report)
is not listed apart from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import AuditEvent, Finding, Inspection, ProgressReport, Unit
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.workflow import Action

from . import accountability, extensions, inspections, urgings
from .attachments import AttachmentView, attachments_of_task, content
from .documents import issuer_name
from .task_list import chinese_date
from .tasks import MOVE_NOTE

# moves the file lists as entries of their own (the rest go with the report they came with)
_MOVES = {Action.APPROVE: "审核办结（销号）", Action.SEND_BACK: "退回重办", Action.SUSPEND: "中止",
          Action.RESUME: "恢复办理", Action.CANCEL: "撤销", Action.ARCHIVE: "归档", Action.ACCEPT: "签收"}
_AUTOMATIC = {"随进展反馈签收"}


@dataclass
class CaseEntry:
    day: date
    kind: str  # 交办, 进展反馈, 催办, 延期申请, 督导检查, 审核办结（销号）, 问责, 佐证材料 …
    lines: list[str]
    attachments: list[AttachmentView] = field(default_factory=list)
    order: int = 0  # within a day: as it was recorded

    @property
    def day_text(self) -> str:
        return chinese_date(self.day)


@dataclass
class CaseFile:
    task_id: int
    code: str
    title: str
    issuer: str
    made_on: date
    facts: list[tuple[str, str]]
    entries: list[CaseEntry]
    attachments: list[AttachmentView]  # every one in the file, withdrawn too, oldest first
    images: dict[int, bytes]  # attachment id → what the PDF prints (the preview when there is one)

    @property
    def caption(self) -> str:
        return f"{self.code}　{self.title}"


def build_case_file(session: Session, task_id: int, *, today: date, cal: WorkdayCalendar) -> CaseFile:
    row = urgings.task_row(session, task_id, today=today, cal=cal)
    files = attachments_of_task(session, task_id)
    placed: set[int] = set()

    def files_of(**match) -> list[AttachmentView]:
        found = [a for a in files if a.id not in placed
                 and all(getattr(a, k) == v for k, v in match.items())]
        placed.update(a.id for a in found)
        return found

    entries: list[CaseEntry] = []
    if row.assigned_on:
        entries.append(CaseEntry(row.assigned_on, "交办", [
            f"交牵头单位{'、'.join(row.lead_units) or '—'}办理"
            + (f"，配合单位{'、'.join(row.cooperating_units)}" if row.cooperating_units else "")
            + f"；完成时限{row.deadline_display or '—'}。"]))
    entries += _inspection_entries(session, task_id, files_of)
    entries += _report_entries(session, task_id, files_of)
    for u in urgings.urgings_of(session, task_id):
        number = f"督办单{u.notice_label}，" if u.notice_label else ""
        lines = [f"{number}{u.method.label}催办，{u.level.label}督办"
                 + (f"，督办人{u.by_person}" if u.by_person else "") + "。"]
        if u.requirement:
            lines.append(f"督办要求：{u.requirement}")
        entries.append(CaseEntry(u.urged_on, "催办", lines))
    for e in extensions.extensions_of(session, task_id):
        lines = [f"{e.requested_by_unit or ''}申请延期至{chinese_date(e.new_deadline)}"
                 f"（原时限{chinese_date(e.old_deadline) or '—'}），理由：{e.reason}"]
        entries.append(CaseEntry(e.requested_on, "延期申请", lines, files_of(extension_id=e.id)))
        if e.decided_on:
            entries.append(CaseEntry(e.decided_on, "延期审批", [
                f"{e.decided_by or ''}{e.status.label}" + (f"：{e.decision_note}" if e.decision_note else "")]))
    entries += _moves(session, task_id, files_of)
    for r in accountability.record_views(session, task_ids=[task_id]):
        lines = [f"{r.person_name}（时任{r.post_held}）{r.measure.label}，{r.responsibility_type.label}。",
                 f"事实：{r.facts}"]
        lines += [f"{k}：{v}" for k, v in (("依据", r.basis), ("决定机关", r.deciding_body),
                                          ("文号", r.decision_number)) if v]
        lines.append(f"状态：{r.state_label}")
        entries.append(CaseEntry(r.effective_date, "问责", lines, files_of(record_id=r.id)))
    own: dict[tuple[date, bool], CaseEntry] = {}  # the task's own files, by day
    for a in [a for a in files if a.id not in placed]:
        key = (_day(a.attached_at), a.closing)
        if key not in own:
            own[key] = CaseEntry(key[0], "销号佐证材料" if a.closing else "佐证材料", [])
            entries.append(own[key])
        own[key].attachments.append(a)
        if a.note and a.note not in own[key].lines:
            own[key].lines.append(a.note)
    for n, entry in enumerate(entries):
        entry.order = entry.order or n
    entries.sort(key=lambda e: (e.day, e.order))
    images = {a.id: b"".join(content(session, a.id, preview=True)) for a in files
              if a.is_image and a.active}
    return CaseFile(task_id=task_id, code=row.code, title=row.title, issuer=issuer_name(session),
                    made_on=today, facts=_facts(row), entries=entries, attachments=files,
                    images=images)


def _facts(row) -> list[tuple[str, str]]:
    pairs = [("编号", row.code), ("任务", row.title), ("类别", row.category or ""),
             ("来源", row.source_title or ""), ("牵头县领导", "、".join(row.lead_leaders)),
             ("牵头单位", "、".join(row.lead_units)), ("配合单位", "、".join(row.cooperating_units)),
             ("属地单位", "、".join(row.territorial_units)), ("责任人", "、".join(row.responsible_persons)),
             ("完成时限", row.deadline_display), ("交办日期", chinese_date(row.assigned_on)),
             ("状态", row.status.label), ("办结日期", chinese_date(row.closed_on))]
    return [(k, v) for k, v in pairs if v]


def _day(iso: str) -> date:
    return datetime.fromisoformat(iso).date()


def _report_entries(session: Session, task_id: int, files_of) -> Iterator[CaseEntry]:
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    for r in session.scalars(select(ProgressReport).where(ProgressReport.task_id == task_id)
                             .order_by(ProgressReport.report_date, ProgressReport.id)):
        who = units.get(r.unit_id, "") if r.unit_id else ""
        percent = f"（完成进度 {r.percent}%）" if r.percent is not None else ""
        yield CaseEntry(r.report_date, "进展反馈", [f"{who}报送：{r.text}{percent}"],
                        files_of(report_id=r.id))


def _inspection_entries(session: Session, task_id: int, files_of) -> Iterator[CaseEntry]:
    for finding, inspection in session.execute(
            select(Finding, Inspection).join(Inspection, Inspection.id == Finding.inspection_id)
            .where(Finding.rectification_task_id == task_id).order_by(Finding.id)):
        row = inspections.list_inspections(session, inspection_ids=[inspection.id])[0]
        lines = [f"{row.place}，{row.template_name or '督导检查'}，检查人{'、'.join(row.inspectors)}。",
                 f"发现问题：{finding.description}"]
        if finding.requirement:
            lines.append(f"整改要求：{finding.requirement}（时限{chinese_date(finding.deadline)}）")
        yield CaseEntry(inspection.inspected_on, "督导检查", lines, files_of(finding_id=finding.id),
                        order=-1)


def _moves(session: Session, task_id: int, files_of) -> Iterator[CaseEntry]:
    for seq, at, actor, action, after in session.execute(
            select(AuditEvent.seq, AuditEvent.at, AuditEvent.actor, AuditEvent.action, AuditEvent.after)
            .where(AuditEvent.entity == "task", AuditEvent.entity_id == task_id,
                   AuditEvent.action.in_([a.value for a in _MOVES])).order_by(AuditEvent.seq)):
        after = json.loads(after) if after else {}
        note = after.get(MOVE_NOTE)
        if note in _AUTOMATIC:
            continue
        action = Action(action)
        day = date.fromisoformat(after["closed_on"]) if after.get("closed_on") else _day(at)
        lines = [f"经办：{actor}"]
        if note:
            lines.append(f"说明：{note}")
        if after.get("no_evidence_reason"):
            lines.append(f"无佐证材料的理由：{after['no_evidence_reason']}")
        found = files_of(closing=True, report_id=None) if action is Action.APPROVE else []
        yield CaseEntry(day, _MOVES[action], lines, found, order=10_000 + seq)
