"""收回反馈表: what the returned workbooks would record, and recording it.

Per workbook and row the plan says what will be recorded (a report, 申请办结 → 已反馈, an
extension request), what is already in the ledger (a workbook collected twice records nothing
the second time), what conflicts with a change made since the form was sent (both sides shown;
the clerk decides per row — nothing is overwritten silently) and every problem, named by file,
sheet, row and column.

A real collect is all or nothing for the whole batch: any problem, or a conflict left
undecided, and nothing is written. The preview lists everything at once, so the clerk fixes or
sets aside the bad workbooks and collects the folder again (already collected rows are then
unchanged). A SQLite ledger is backed up right before the write; the plan is made again inside
the write transaction, so what is saved is checked against the ledger as it is at that moment.
Each row goes through services.feedback.record_feedback — the same service as the window's
本周进展 entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db import backup
from wuyang_tasks.db.ledger import Ledger
from wuyang_tasks.db.models import Extension, ProgressReport, Responsibility, Task, Unit, Urging
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import ExtensionStatus, FeedbackRequest, Role, UrgingLevel, UrgingMethod
from wuyang_tasks.domain.errors import LedgerError, RejectedWithProblems, ValidationError

from . import extensions as extension_service
from . import feedback_evidence
from .feedback import FeedbackEntry, already_recorded, check_entry, record_feedback
from .feedback_forms import (
    FACT_HEADERS,
    KEY_HEADER,
    RowKey,
    altered_facts,
    ledger_identity,
    stamp_parts,
    task_stamps,
)
from .returned_forms import FormProblem, ReturnedForm, ReturnedRow
from .task_list import chinese_date

RECORD, UNCHANGED, CONFLICT, CLOSED = "record", "unchanged", "conflict", "closed"


@dataclass
class PlannedRow:
    file: str
    sheet: str
    row: int
    key: str
    task_id: int
    task_code: str
    task_title: str
    entry: FeedbackEntry
    kind: str  # RECORD, UNCHANGED, CONFLICT or CLOSED (closed since it was sent: not recorded)
    sent: str = ""  # a conflict: the task as the form showed it
    now: str = ""  # a conflict: what happened since
    record: bool | None = None  # a conflict's decision: record (True), skip (False), undecided
    evidence_files: tuple[Path, ...] = ()  # 佐证材料 named in the row, found beside the workbook

    @property
    def will_record(self) -> bool:
        return self.kind == RECORD or (self.kind == CONFLICT and self.record is True)

    def what(self) -> str:
        """What recording this row does, in words."""
        parts = []
        if self.entry.text:
            parts.append("进展反馈" + (f"（完成{self.entry.percent}%）" if self.entry.percent is not None else ""))
        if self.entry.request is FeedbackRequest.CLOSE:
            parts.append("申请办结（转为“已反馈”待审核）")
        if self.entry.request is FeedbackRequest.EXTEND and self.entry.extend_to:
            parts.append(f"延期申请（至{chinese_date(self.entry.extend_to)}）")
        return "、".join(parts)


@dataclass
class WorkbookPlan:
    path: Path
    unit_id: int | None = None
    unit_name: str = ""
    week: str = ""
    rows: list[PlannedRow] = field(default_factory=list)
    empty_rows: int = 0  # rows the unit left blank: skipped, not an error
    problems: list[FormProblem] = field(default_factory=list)


@dataclass
class CollectPlan:
    workbooks: list[WorkbookPlan] = field(default_factory=list)

    @property
    def problems(self) -> list[FormProblem]:
        return [p for w in self.workbooks for p in w.problems]

    @property
    def rows(self) -> list[PlannedRow]:
        return [r for w in self.workbooks for r in w.rows]

    @property
    def to_record(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.will_record]

    @property
    def conflicts(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.kind == CONFLICT]

    @property
    def undecided(self) -> list[PlannedRow]:
        return [r for r in self.conflicts if r.record is None]

    @property
    def unchanged(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.kind in (UNCHANGED, CLOSED)]


@dataclass
class CollectResult:
    reports: int = 0
    to_review: int = 0
    extensions: int = 0
    unchanged: int = 0
    skipped_conflicts: int = 0
    attachments: int = 0  # 佐证材料 files attached to the reports
    notes: list[str] = field(default_factory=list)
    backup_path: Path | None = None


class CollectRejected(RejectedWithProblems):
    """The batch has problems; nothing was recorded."""


# --------------------------------------------------------------------------- planning
def plan_collect(session: Session, forms: list[ReturnedForm], *, today: date,
                 decisions: dict[str, bool] | None = None, on_conflict: bool | None = None) -> CollectPlan:
    """``decisions``: row key → record (True) or skip (False) for conflicts; ``on_conflict``
    the decision for the conflicts not in it (None: undecided)."""
    planner = _Planner(session, today, decisions or {}, on_conflict)
    return CollectPlan([planner.workbook(form) for form in forms])


class _Planner:
    def __init__(self, session: Session, today: date, decisions: dict[str, bool], on_conflict: bool | None):
        self.s = session
        self.today = today
        self.decisions = decisions
        self.on_conflict = on_conflict
        self.ledger_id = ledger_identity(session)
        self.seen: dict[str, str] = {}  # row key → the file it was first planned from

    def workbook(self, form: ReturnedForm) -> WorkbookPlan:
        plan = WorkbookPlan(form.path, problems=list(form.problems))
        if form.sheet is None:
            return plan
        meta = form.meta

        def problem(message, **where):
            plan.problems.append(FormProblem(form.path.name, message, **where))

        if meta.get("格式") != "WYF1" or not meta.get("台账标识"):
            problem("不是本程序下发的反馈表（缺少“反馈表信息”工作表或其内容被改动），无法对应到台账",
                    sheet="反馈表信息")
            return plan
        if meta["台账标识"] != self.ledger_id:
            problem(f"是另一台账下发的反馈表（台账标识 {meta['台账标识']}，本台账 {self.ledger_id}），"
                    "不能收回到本台账", sheet="反馈表信息")
            return plan
        unit = self.s.get(Unit, int(meta["单位编号"])) if meta.get("单位编号", "").isdigit() else None
        if unit is None:
            problem("反馈表所属单位在台账中不存在（“反馈表信息”被改动）", sheet="反馈表信息")
            return plan
        plan.unit_id, plan.unit_name, plan.week = unit.id, unit.name, meta.get("周次", "")
        keyed = [(row, RowKey.parse(row.key)) for row in form.rows]
        task_ids = [k.task_id for _, k in keyed if k is not None]
        tasks = {t.id: t for t in self.s.scalars(select(Task).where(Task.id.in_(task_ids)))} if task_ids else {}
        stamps = task_stamps(self.s, list(tasks))
        for row, key in keyed:
            self._row(plan, form, row, key, tasks, stamps, problem)
        return plan

    def _row(self, plan: WorkbookPlan, form: ReturnedForm, row: ReturnedRow, key: RowKey | None,
             tasks: dict, stamps: dict, problem) -> None:
        at = dict(sheet=row.sheet, row=row.row)
        if key is None:
            if row.has_input:
                problem("行标识缺失或被改动，无法对应到台账中的任务（请勿增加行或改动隐藏的“行标识”列）",
                        column=row.letters.get(KEY_HEADER), field=KEY_HEADER, **at)
            return
        if key.unit_id != plan.unit_id:
            other = self.s.get(Unit, key.unit_id)
            problem(f"这一行是另一单位（{other.name if other else '未知单位'}）反馈表中的任务，"
                    f"不能作为{plan.unit_name}的反馈收回", column=row.letters.get(KEY_HEADER),
                    field=KEY_HEADER, **at)
            return
        task = tasks.get(key.task_id)
        if task is None:
            problem("行标识对应的任务在台账中不存在", column=row.letters.get(KEY_HEADER), field=KEY_HEADER, **at)
            return
        for i in altered_facts(key, row.facts):
            header = FACT_HEADERS[i]
            problem("受保护的台账内容被改动（下发时的内容不能修改；需要说明的请写在“存在问题”列）",
                    column=row.letters.get(header), field=header, value=row.facts[i], **at)
        if not row.has_input:
            plan.empty_rows += 1
            return
        entry = FeedbackEntry(task.id, plan.unit_id, text=row.text, percent=row.percent, request=row.request,
                              extend_to=row.extend_to, reason=row.reason, problems=row.problems_text,
                              reporter=row.reporter, phone=row.phone, evidence=row.evidence, form_ref=row.key)
        if row.unreadable:
            return  # the cell's problem is listed already
        planned = PlannedRow(form.path.name, row.sheet, row.row, row.key, task.id, task.code, task.title,
                             entry, RECORD)
        if row.key in self.seen:
            planned.kind, planned.now = UNCHANGED, f"与“{self.seen[row.key]}”中的同一行重复"
            plan.rows.append(planned)
            return
        if already_recorded(self.s, entry):
            planned.kind, planned.now = UNCHANGED, "已收回过，不再重复记录"
            plan.rows.append(planned)
            return
        if not task.status.is_open and stamps.get(task.id) != key.stamp:
            planned.kind, planned.now = CLOSED, f"下发后任务已转为“{task.status.label}”，本行不再记录"
            plan.rows.append(planned)
            return
        bad = check_entry(entry, task.status, self.today)
        if not bad and entry.request is FeedbackRequest.EXTEND:
            bad = self._extension_problem(task, entry)
        files, missing = feedback_evidence.find(form.path.parent, entry.evidence)
        bad = [*bad, *((feedback_evidence.COLUMN, message) for message in missing)]
        for header, message in bad:
            problem(message, column=row.letters.get(header), field=header, **at)
        if bad:
            return
        planned.evidence_files = tuple(files)
        if stamps.get(task.id) != key.stamp:
            planned.kind = CONFLICT
            planned.sent = _sent_side(row)
            planned.now = "；".join(changes_since(self.s, task, key.stamp, stamps[task.id])) or "任务已变化"
            planned.record = self.decisions.get(row.key, self.on_conflict)
        self.seen.setdefault(row.key, form.path.name)
        plan.rows.append(planned)

    def _extension_problem(self, task: Task, entry: FeedbackEntry) -> list[tuple[str, str]]:
        try:
            extension_service.check_request(self.s, task, requested_on=self.today, new_deadline=entry.extend_to,
                                            reason=entry.reason, today=self.today)
        except ValidationError as refused:
            return [("延期至", refused.message)]
        return []


def _sent_side(row: ReturnedRow) -> str:
    facts = dict(zip(FACT_HEADERS, row.facts))
    return f"下发时：{facts['状态']}，完成时限{facts['完成时限']}，上次进展 {facts['上次进展']}"


def changes_since(session: Session, task: Task, sent: str, now: str) -> list[str]:
    """What happened to the task between two stamps, in words (the ledger's side of a conflict)."""
    old, new = stamp_parts(sent), stamp_parts(now)
    if not old:
        return ["行标识的版本信息无法识别"]
    changes = []
    if old["report"] != new["report"]:
        for day, unit, text in session.execute(
                select(ProgressReport.report_date, Unit.name, ProgressReport.text)
                .outerjoin(Unit, Unit.id == ProgressReport.unit_id)
                .where(ProgressReport.task_id == task.id, ProgressReport.id > int(old["report"] or 0))
                .order_by(ProgressReport.id)):
            changes.append(f"{chinese_date(day)}{unit or ''}报送进展：{_short(text)}")
    if old["urging"] != new["urging"]:
        for day, method, level in session.execute(
                select(Urging.urged_on, Urging.method, Urging.level)
                .where(Urging.task_id == task.id, Urging.id > int(old["urging"] or 0)).order_by(Urging.id)):
            changes.append(f"{chinese_date(day)}{UrgingMethod(method).label}催办（{UrgingLevel(level).label}）")
    if old["extension"] != new["extension"]:
        for new_deadline, status in session.execute(
                select(Extension.new_deadline, Extension.status).where(Extension.task_id == task.id)
                .order_by(Extension.id)):
            changes.append(f"延期申请（至{chinese_date(new_deadline)}）{ExtensionStatus(status).label}")
    if old["version"] != new["version"]:
        changes.append(f"任务已修改，现为“{task.status.label}”，完成时限{chinese_date(task.deadline) or '—'}")
    if old["roles"] != new["roles"]:
        names = session.execute(select(Responsibility.role, Unit.name).join(Unit, Unit.id == Responsibility.unit_id)
                                .where(Responsibility.task_id == task.id).order_by(Responsibility.sort_order))
        changes.append("责任单位已调整，现为" + "，".join(f"{Role(r).label}{n}" for r, n in names))
    return changes


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


# --------------------------------------------------------------------------- collecting
def preview(ledger: Ledger, forms: list[ReturnedForm], *, decisions: dict[str, bool] | None = None,
            on_conflict: bool | None = None) -> CollectPlan:
    with ledger.read() as s:
        return plan_collect(s, forms, today=ledger.today(), decisions=decisions, on_conflict=on_conflict)


def collect(ledger: Ledger, forms: list[ReturnedForm], *, decisions: dict[str, bool] | None = None,
            on_conflict: bool | None = None) -> CollectResult:
    """Record every row to record, or nothing (CollectRejected)."""
    head = "反馈表未收回，台账未作任何改动。发现以下问题："
    plan = preview(ledger, forms, decisions=decisions, on_conflict=on_conflict)
    _refuse(plan, head)
    result = CollectResult(unchanged=len(plan.unchanged),
                           skipped_conflicts=sum(r.record is False for r in plan.conflicts))
    if not plan.to_record:
        return result
    result.backup_path = backup.before_import(ledger)
    cal, today = ledger.calendar(), ledger.today()
    with ledger.write() as s:
        plan = plan_collect(s, forms, today=today, decisions=decisions, on_conflict=on_conflict)
        _refuse(plan, head)
        for row in plan.to_record:
            _record(s, row, result, today, cal, head)
    return result


def _refuse(plan: CollectPlan, head: str) -> None:
    if plan.problems:
        raise CollectRejected(head, plan.problems)
    if plan.undecided:
        raise CollectRejected("反馈表未收回，台账未作任何改动。以下各行对应的任务在下发后有了变化，"
                              "须逐行决定记录还是跳过（命令行：--on-conflict record 或 skip）：", [
                                  FormProblem(r.file, f"{r.task_code} {r.sent}；现在：{r.now}", sheet=r.sheet, row=r.row)
                                  for r in plan.undecided])


def _record(s: Writer, row: PlannedRow, result: CollectResult, today: date, cal: WorkdayCalendar,
            head: str) -> None:
    try:
        outcome = record_feedback(s, row.entry, today=today, cal=cal)
        feedback_evidence.attach(s, row.task_id, outcome.report_id, list(row.evidence_files))
    except LedgerError as refused:
        raise CollectRejected(head, [FormProblem(row.file, refused.message, sheet=row.sheet, row=row.row)]) from None
    result.attachments += len(row.evidence_files)
    result.reports += outcome.report_id is not None
    result.to_review += outcome.moved_to_review
    result.extensions += outcome.extension_id is not None
    result.notes.extend(f"{row.file} 第{row.row}行：{note}" for note in outcome.notes)
