"""A unit's weekly feedback on one task, recorded: the one service that the 反馈表 collect, the
window's 本周进展 entry and the task editor's path share.

One entry becomes, through the audited services, a 进展反馈 of that unit (with 报送人), and with
申请办结 the move to 已反馈 (the office then 审核 or 退回), with 申请延期 an extension request.
Nothing here closes a task or moves a deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import Extension, ProgressReport, Task
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import FeedbackRequest, TaskStatus
from wuyang_tasks.domain.errors import ValidationError

from . import extensions as extension_service
from . import tasks as task_service
from .common import get


@dataclass(frozen=True)
class FeedbackEntry:
    """What a unit reports on a task for a period (a row of a 反馈表, of the 本周进展 view)."""

    task_id: int
    unit_id: int | None
    text: str = ""
    percent: int | None = None
    request: FeedbackRequest = FeedbackRequest.NONE
    extend_to: date | None = None
    reason: str = ""
    problems: str = ""
    reporter: str = ""
    phone: str = ""
    evidence: tuple[str, ...] = ()  # 佐证材料: file names as the unit wrote them
    form_ref: str | None = None  # the 反馈表 row key it came from

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.percent is not None or self.request is not FeedbackRequest.NONE
                    or self.problems.strip() or self.reason.strip() or self.extend_to)


@dataclass
class FeedbackOutcome:
    report_id: int | None = None
    moved_to_review: bool = False
    extension_id: int | None = None
    notes: list[str] = field(default_factory=list)


def check_entry(entry: FeedbackEntry, status: TaskStatus, today: date) -> list[tuple[str, str]]:
    """Why the entry cannot be recorded, as (field, message) pairs: the checks a preview shows
    before anything is written (the services check again when it is)."""
    problems = []
    if entry.percent is not None and not 0 <= entry.percent <= 100:
        problems.append(("完成百分比", f"应在 0 到 100 之间，填写的是 {entry.percent}"))
    if not entry.text.strip() and (entry.percent is not None or entry.request is FeedbackRequest.CLOSE
                                   or entry.problems.strip()):
        problems.append(("本期进展", "没有填写本期进展（填写了完成百分比、申请办结或存在问题时须写明进展）"))
    if entry.request is FeedbackRequest.EXTEND:
        if entry.extend_to is None:
            problems.append(("延期至", "申请延期须填写延期至的日期"))
        elif entry.extend_to < today:
            problems.append(("延期至", f"延期至{entry.extend_to.year}年{entry.extend_to.month}月"
                                       f"{entry.extend_to.day}日早于今天"))
        if not entry.reason.strip():
            problems.append(("延期理由", "申请延期须写明理由"))
    elif entry.extend_to is not None or entry.reason.strip():
        problems.append(("申请", "填写了延期至或延期理由，但“申请”不是“申请延期”"))
    if not status.is_open:
        problems.append(("编号", f"任务当前状态为“{status.label}”，不再接收进展反馈"))
    return problems


def record_feedback(session: Writer, entry: FeedbackEntry, *, today: date,
                    cal: WorkdayCalendar) -> FeedbackOutcome:
    """Record one entry in the caller's transaction (one action of the caller)."""
    task = get(session, Task, entry.task_id, "任务")
    problems = check_entry(entry, task.status, today)
    if problems:
        raise ValidationError(f"任务“{task.code}”：" + "；".join(f"{f}：{m}" for f, m in problems) + "。")
    outcome = FeedbackOutcome()
    if entry.text.strip():
        was = task.status
        outcome.report_id = task_service.report_progress(
            session, task.id, report_date=today, text=_with_evidence(entry), unit_id=entry.unit_id,
            percent=entry.percent, request_close=entry.request is FeedbackRequest.CLOSE, today=today,
            cal=cal, reporter=entry.reporter, reporter_phone=entry.phone, problems=entry.problems,
            form_ref=entry.form_ref)
        outcome.moved_to_review = was is not TaskStatus.REPORTED and task.status is TaskStatus.REPORTED
        if entry.request is FeedbackRequest.CLOSE and not outcome.moved_to_review:
            outcome.notes.append(f"任务已是“{task.status.label}”，本次申请办结只记录了进展")
    if entry.request is FeedbackRequest.EXTEND:
        outcome.extension_id = extension_service.request_extension(
            session, task.id, requested_on=today, new_deadline=entry.extend_to, reason=entry.reason,
            today=today, requested_by_unit_id=entry.unit_id).id
    return outcome


def _with_evidence(entry: FeedbackEntry) -> str:
    """The report's text; the 佐证材料 file names are kept in it until the files themselves are
    attached (they stay on the entry for that)."""
    text = entry.text.strip()
    if entry.evidence:
        text += "\n佐证材料：" + "、".join(entry.evidence)
    return text


def already_recorded(session: Session, entry: FeedbackEntry) -> bool:
    """This entry is in the ledger already: a report from the same 反馈表 row with the same text,
    or (an entry with only 申请延期) the same extension request of the unit."""
    if entry.text.strip():
        if entry.form_ref is None:
            return False
        texts = session.scalars(select(ProgressReport.text).where(
            ProgressReport.form_ref == entry.form_ref, ProgressReport.task_id == entry.task_id))
        return _with_evidence(entry) in set(texts)
    if entry.request is FeedbackRequest.EXTEND and entry.extend_to is not None:
        return session.scalar(select(Extension.id).where(
            Extension.task_id == entry.task_id, Extension.requested_by_unit_id == entry.unit_id,
            Extension.new_deadline == entry.extend_to,
            Extension.reason == entry.reason.strip()).limit(1)) is not None
    return False


def record_entries(session: Writer, entries: list[FeedbackEntry], *, today: date,
                   cal: WorkdayCalendar) -> list[FeedbackOutcome]:
    """Several entries in the caller's one transaction (the 本周进展 view's 保存): all or none."""
    return [record_feedback(session, entry, today=today, cal=cal) for entry in entries if not entry.is_empty]


def units_of_tasks(session: Session, task_ids: list[int]) -> dict[int, list[tuple[int, str, str]]]:
    """task id → (unit id, name, role label) of its units, the lead unit first: who may report."""
    from wuyang_tasks.db.models import Responsibility, Unit
    from wuyang_tasks.domain.enums import Role

    from .feedback_period import UNIT_ROLES

    order = {role: i for i, role in enumerate(UNIT_ROLES)}
    found: dict[int, list[tuple[int, str, str]]] = {t: [] for t in task_ids}
    rows = session.execute(
        select(Responsibility.task_id, Responsibility.role, Unit.id, Unit.name)
        .join(Unit, Unit.id == Responsibility.unit_id)
        .where(Responsibility.task_id.in_(task_ids), Responsibility.role.in_([r.value for r in UNIT_ROLES]))
        .order_by(Responsibility.sort_order)).all() if task_ids else []
    for task_id, role, unit_id, name in sorted(rows, key=lambda r: order[Role(r[1])]):
        found[task_id].append((unit_id, name, Role(role).label))
    return found
