"""Intake use cases: save what an import proposes.

``import_ledger`` saves a task table; ``save_minutes`` saves reviewed drafts of minutes or a
plan. Each is one transaction (all or nothing), every row audited: written through
``services.tasks`` / ``services.units`` — the many tasks of a table in one batch of the
action's writer (``Writer.batch``), which writes what the same calls write one by one.
A SQLite ledger is backed up right before the write (``db.backup.before_import``). The plan is
made again inside the write transaction, so what is saved is checked against the ledger as it
is at that moment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.collector import paused
from wuyang_tasks.db import backup
from wuyang_tasks.db.ledger import Ledger
from wuyang_tasks.db.models import Metric, Source
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import MetricKind, Role, SourceKind, TaskStatus, UnitKind
from wuyang_tasks.domain.errors import LedgerError, RejectedWithProblems, ValidationError
from wuyang_tasks.domain.workflow import Action, path_from_draft
from wuyang_tasks.imports.ledger_plan import LedgerPlan, PlannedTask, guess_kind, plan_ledger
from wuyang_tasks.imports.ledger_table import Problem, TableReading, read_ledger_table
from wuyang_tasks.imports.minutes import DraftTask, MetricProposal, MinutesProposal, UnitRef, propose
from wuyang_tasks.imports.resolve import NameResolver

from . import ledger_updates
from . import tasks as task_service
from . import units as unit_service

IMPORT_NOTE = "按导入台账的状态"


class ImportRejected(RejectedWithProblems):
    """The file has problems; nothing was imported."""


# --------------------------------------------------------------------------- ledger tables
@dataclass
class LedgerImportResult:
    source_title: str
    created: list[tuple[str, str]] = field(default_factory=list)  # (code, title)
    existing: list[tuple[str, str]] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)  # (code, what changed)
    warnings: list[Problem] = field(default_factory=list)  # the table's and the plan's notes
    new_units: list[str] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)
    backup_path: Path | None = None


def read_table(path: Path, *, sheet: str | None = None, ledger: Ledger | None = None) -> TableReading:
    """Read the file (no database access); the ledger's day supplies a year of last resort."""
    fallback_year = ledger.today().year if ledger else None
    with paused():  # 10^4 rows of cells, names and deadlines
        return read_ledger_table(Path(path), sheet=sheet, fallback_year=fallback_year)


def preview_ledger(ledger: Ledger, reading: TableReading, *, create_missing: bool = False,
                   source_title: str | None = None, update_deadlines: bool = False) -> LedgerPlan:
    with ledger.read() as s, paused():
        return plan_ledger(s, reading, create_missing=create_missing, source_title=source_title,
                           update_deadlines=update_deadlines)


@paused()
def import_ledger(ledger: Ledger, reading: TableReading, *, create_missing: bool = False,
                  source_title: str | None = None, update_deadlines: bool = False) -> LedgerImportResult:
    """Import every task of the table and apply what its rows change on the tasks the ledger
    has (services.ledger_updates), or nothing (raises :class:`ImportRejected`).

    The collector is paused throughout: the reading and its plan (10^4 rows) are alive from the
    start, the batch's rows and events until the commit, so a collection anywhere walks them
    all — one during the backup before the write took 0.26 s at 10k, one at the commit as much."""
    head = f"“{reading.path.name}”未导入，台账未作任何改动。发现以下问题："
    options = dict(create_missing=create_missing, source_title=source_title, update_deadlines=update_deadlines)
    plan = preview_ledger(ledger, reading, **options)
    if plan.errors:
        raise ImportRejected(head, plan.errors)
    result = LedgerImportResult(source_title=plan.source_title, warnings=plan.warnings)
    if not plan.to_create and not plan.to_update:
        result.existing = [(t.existing_code or "", t.row.title) for t in plan.existing]
        return result
    result.backup_path = backup.before_import(ledger)
    cal = ledger.calendar()
    today = ledger.today()
    with ledger.write() as s:
        plan = plan_ledger(s, reading, **options)
        if plan.errors:
            raise ImportRejected(head, plan.errors)
        if plan.to_create:
            _apply_plan(s, plan, result, today, cal)
        else:
            result.existing = [(t.existing_code or "", t.row.title) for t in plan.existing]
        _apply_updates(s, plan, result, today, cal)
    return result


def _apply_updates(s: Writer, plan: LedgerPlan, result: LedgerImportResult, today: date, cal) -> None:
    for planned in plan.to_update:
        try:
            ledger_updates.apply_update(s, planned.update, today=today, cal=cal, note=IMPORT_NOTE)
        except LedgerError as refused:
            row = planned.row
            raise ImportRejected(f"“{plan.reading.path.name}”未导入，台账未作任何改动：", [Problem(
                refused.message, sheet=row.sheet, row=row.row)]) from None
        result.updated.append((planned.update.code, "；".join(planned.update.changes)))


def _apply_plan(s: Writer, plan: LedgerPlan, result: LedgerImportResult, today: date, cal) -> None:
    reading = plan.reading
    source_id = plan.source_id
    if source_id is None:
        source_id = s.insert(Source(
            title=plan.source_title, kind=SourceKind.DOCUMENT, issued_on=reading.doc_date,
            text=f"由台账文件“{reading.path.name}”（工作表“{reading.sheet}”）导入")).id
    unit_ids = {}
    for new in plan.new_units:
        unit_ids[new.name] = unit_service.add_unit(s, new.name, new.kind).id
        result.new_units.append(new.name)
    person_ids = {}
    for name in plan.new_people:
        person_ids[name] = unit_service.add_person(s, name, note="台账导入时新建").id
        result.new_people.append(name)
    report_day = min(reading.doc_date or today, today)
    to_create = []
    for planned in plan.tasks:
        if planned.existing_id is not None:
            result.existing.append((planned.existing_code or "", planned.row.title))
        else:
            to_create.append(planned)
    codes = []
    with s.batch():  # thousands of tasks: the same calls, written together (db.writer)
        for planned in to_create:
            try:
                codes.append(_create_task(s, planned, source_id, unit_ids, person_ids, today, cal,
                                          report_day))
            except LedgerError as refused:
                row = planned.row
                raise ImportRejected(f"“{reading.path.name}”未导入，台账未作任何改动：", [Problem(
                    refused.message, sheet=row.sheet, row=row.row)]) from None
    result.created.extend((code, planned.row.title) for code, planned in zip(codes, to_create))


def _create_task(s: Writer, planned: PlannedTask, source_id: int, unit_ids: dict[str, int],
                 person_ids: dict[str, int], today: date, cal, report_day: date) -> str:
    """One new task of the table, as a clerk would make it: created, moved to the status the
    table gives (each move noted as the import's), with its progress as a report once under
    way. ``unit_ids``/``person_ids``: the units and people just created for the plan, by name."""
    row = planned.row
    assignments = []
    for r in planned.roles:
        if r.is_unit:
            uid = r.ref_id if r.ref_id is not None else unit_ids[r.new_name]
            assignments.append(task_service.Assignment(r.role, unit_id=uid))
        else:
            pid = r.ref_id if r.ref_id is not None else person_ids[r.new_name]
            assignments.append(task_service.Assignment(r.role, person_id=pid))
    task = task_service.create_task(
        s, title=row.title, content=row.content, code=row.code, category=row.category,
        source_id=source_id, deadline=planned.deadline or DeadlineSpec(), target=row.target,
        note=planned.note, responsibilities=assignments, today=today, cal=cal)
    lead = next((a.unit_id for a in assignments if a.role is Role.LEAD_UNIT), None)
    for action in path_from_draft(row.status or TaskStatus.DRAFT):
        task_service.transition(s, task.id, action, today=today, cal=cal, note=IMPORT_NOTE)
        if action is Action.START and row.progress:
            task_service.report_progress(s, task.id, report_date=report_day, text=row.progress,
                                         unit_id=lead, today=today, cal=cal)
    return task.code


# --------------------------------------------------------------------------- minutes and plans
@dataclass
class MinutesResult:
    source_title: str
    source_id: int
    created: list[tuple[str, str]] = field(default_factory=list)
    metrics_created: list[str] = field(default_factory=list)
    metrics_existing: list[str] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    backup_path: Path | None = None


def propose_minutes(ledger: Ledger, text: str, *, title: str | None = None,
                    issued_on: date | None = None, file_stem: str | None = None) -> MinutesProposal:
    if not text.strip():
        raise ValidationError("文本为空，没有可导入的内容。")
    with ledger.read() as s:
        proposal = propose(text, resolver=NameResolver(s), title=title, issued_on=issued_on,
                           fallback_year=ledger.today().year, file_stem=file_stem)
        earlier = _earlier_source(s, proposal)
        proposal.earlier_source = earlier.title if earlier else None
        for metric in proposal.metrics:
            existing = matching_metric(s, metric)
            if existing is not None:
                metric.merge_into, metric.merge_name = existing.id, existing.name
        return proposal


def save_minutes(ledger: Ledger, proposal: MinutesProposal, *, drafts: list[DraftTask] | None = None,
                 metrics: list[MetricProposal] | None = None,
                 create_missing: bool = False) -> MinutesResult:
    """Save the (reviewed) drafts as 待交办 tasks under a new source that keeps the cleaned text,
    and the metric proposals as metrics (one per name and year; a proposal with ``merge_into``
    adds nothing but is reported as that existing metric). ``drafts`` / ``metrics``: the ones the
    clerk kept (default: all proposed)."""
    drafts = proposal.drafts if drafts is None else drafts
    metrics = proposal.metrics if metrics is None else metrics
    for i, draft in enumerate(drafts, start=1):
        if not draft.title.strip():
            raise ValidationError(f"第{i}条草稿没有任务名称，未保存任何内容。")
    with ledger.read() as s:
        _refuse_repeat(s, proposal)
    backup_path = backup.before_import(ledger)
    cal = ledger.calendar()
    today = ledger.today()
    with ledger.write() as s:
        _refuse_repeat(s, proposal)
        source = s.insert(Source(title=proposal.title, kind=proposal.kind,
                                 issued_on=proposal.issued_on, text=proposal.cleaned.text))
        result = MinutesResult(source_title=source.title, source_id=source.id, backup_path=backup_path)
        resolver = NameResolver(s)
        for draft in drafts:
            assignments, notes = _draft_assignments(s, draft, resolver, create_missing, result)
            task = task_service.create_task(
                s, title=draft.title, content=draft.sentence, category=draft.category,
                source_id=source.id, deadline=draft.deadline or DeadlineSpec(),
                note="\n".join(notes) or None, responsibilities=assignments, today=today, cal=cal)
            result.created.append((task.code, task.title))
        for metric in metrics:
            existing = (s.get(Metric, metric.merge_into) if metric.merge_into is not None else
                        s.scalar(select(Metric).where(Metric.name == metric.name, Metric.year == metric.year)))
            if existing is not None:
                result.metrics_existing.append(existing.name)
                continue
            s.insert(Metric(name=metric.name, kind=metric.kind, unit_of_measure=metric.unit_of_measure,
                            direction=metric.direction, target_value=metric.target_value,
                            reference_name=metric.reference_name, year=metric.year,
                            note=metric.sentence))
            result.metrics_created.append(metric.name)
    return result


def metrics_of_year(ledger: Ledger, year: int | None) -> list[tuple[int, str]]:
    """(id, name) of the ledger's metrics of a year: what a proposed metric can be merged into."""
    if year is None:
        return []
    with ledger.read() as s:
        return [(m.id, m.name) for m in s.scalars(select(Metric).where(Metric.year == year).order_by(Metric.id))]


def _earlier_source(s: Session, proposal: MinutesProposal) -> Source | None:
    """The same text, or the same meeting (title and date) imported before — a Word file and a
    pasted copy of one meeting are one source."""
    same_text = s.scalar(select(Source).where(Source.text == proposal.cleaned.text).limit(1))
    if same_text is not None or proposal.issued_on is None:
        return same_text
    return s.scalar(select(Source).where(Source.title == proposal.title, Source.kind == proposal.kind,
                                         Source.issued_on == proposal.issued_on).limit(1))


def _refuse_repeat(s: Session, proposal: MinutesProposal) -> None:
    earlier = _earlier_source(s, proposal)
    if earlier is not None:
        raise ValidationError(f"这份文本已经导入过（任务来源“{earlier.title}”），未重复导入。")


def matching_metric(s: Session, proposal: MetricProposal) -> Metric | None:
    """The ledger's metric a proposal means: the same name and year, else the one metric of the same
    kind and year about the same thing (优良天数; the same pollutant; the same river)."""
    same = s.scalar(select(Metric).where(Metric.name == proposal.name, Metric.year == proposal.year))
    if same is not None or proposal.kind is MetricKind.OTHER:
        return same
    subject = {MetricKind.GOOD_DAYS: "优良天数", MetricKind.CONCENTRATION: proposal.name.replace("年均浓度", ""),
               MetricKind.WATER_CLASS: proposal.name.replace("水质类别", "")}.get(proposal.kind, proposal.name)
    candidates = [m for m in s.scalars(select(Metric).where(Metric.kind == proposal.kind,
                                                            Metric.year == proposal.year))
                  if subject and subject in m.name]
    return candidates[0] if len(candidates) == 1 else None


def _draft_assignments(s: Writer, draft: DraftTask, resolver: NameResolver, create_missing: bool,
                       result: MinutesResult):
    assignments: list[task_service.Assignment] = []
    notes: list[str] = []
    seen: set[int] = set()

    def unit_id(ref: UnitRef) -> int | None:
        if ref.unit_id is not None:
            return ref.unit_id
        match = resolver.unit(ref.written)
        if match.found:
            return match.unit_id
        if create_missing and not match.candidates:
            unit = unit_service.add_unit(s, ref.written, guess_kind(ref.written))
            resolver.add_unit(unit.id, unit.name, township=unit.kind is UnitKind.TOWNSHIP)
            result.new_units.append(unit.name)
            return unit.id
        result.unknown_names.append(ref.written)
        notes.append(f"未识别的单位：{ref.written}")
        return None

    def add(role: Role, uid: int | None) -> None:
        if uid is not None and uid not in seen:
            seen.add(uid)
            assignments.append(task_service.Assignment(role, unit_id=uid))

    for role, written in ((Role.LEAD_LEADER, draft.leader), (Role.RESPONSIBLE_PERSON, draft.responsible)):
        if not written:
            continue
        person_id = resolver.person(written)
        if person_id is None:
            notes.append(f"未识别的{role.label}：{written}")
        else:
            assignments.append(task_service.Assignment(role, person_id=person_id))
    if draft.lead is not None:
        add(Role.LEAD_UNIT, unit_id(draft.lead))
    for ref in draft.cooperating:
        add(Role.COOPERATING_UNIT, unit_id(ref))
    for ref in draft.territorial:
        add(Role.TERRITORIAL_UNIT, unit_id(ref))
    if draft.all_townships:
        for uid in resolver.townships():
            add(Role.TERRITORIAL_UNIT, uid)
    if draft.collective:
        notes.append("其他责任单位：" + "、".join(draft.collective))
    if draft.deadline_from_key_period:
        notes.append("完成时限按文中重点时段提出，请核定。")
    result.unknown_names = list(dict.fromkeys(result.unknown_names))
    return assignments, notes
