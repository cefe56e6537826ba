"""Task use cases: create, edit, assign responsibilities, move through the workflow, report progress.

Tasks are never deleted: they are cancelled (撤销) or archived (归档). Every change appends an
audit event in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from wuyang_tasks.db import audit
from wuyang_tasks.db.models import LedgerMeta, Person, ProgressReport, Responsibility, Task, Unit
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import Role, TaskStatus, Urgency
from wuyang_tasks.domain.errors import EvidenceProtected, ValidationError
from wuyang_tasks.domain.workflow import Action, next_status

from . import closing_evidence
from . import units as unit_service
from .common import check_version, get


@dataclass(frozen=True)
class Assignment:
    """One responsibility to give: a role and a unit or a person."""

    role: Role
    unit_id: int | None = None
    person_id: int | None = None


STATUS_ENTITY = "task"


def code_counter_key(year: int) -> str:
    return f"task_code:{year}"


def next_free_code(year: int, n: int, taken: Callable[[str], bool]) -> tuple[int, str]:
    """The counter's next value and its 编号, skipping numbers ``taken`` already (a code written
    by hand, or imported)."""
    while True:
        n += 1
        code = f"{year}-{n:03d}"
        if not taken(code):
            return n, code


def next_code(session: Writer, year: int) -> str:
    """编号 like 2016-007: a per-year counter kept in the ledger, so numbers are never reused."""
    key = code_counter_key(year)
    meta = session.get(LedgerMeta, key)
    n, code = next_free_code(year, int(meta.value) if meta else 0,
                             lambda code: session.taken(Task.code, code))
    session.set_meta(key, str(n))
    return code


def task_title(title: str | None) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError("任务名称不能为空。")
    return title


def create_task(session: Writer, *, title: str, today: date, cal: WorkdayCalendar,
                content: str = "", code: str | None = None, category: str | None = None,
                source_id: int | None = None, parent_id: int | None = None,
                urgency: Urgency = Urgency.NORMAL, is_key: bool = False,
                deadline: DeadlineSpec = DeadlineSpec(), target: str | None = None,
                note: str | None = None, responsibilities: Sequence[Assignment] = ()) -> Task:
    title = task_title(title)
    code = (code or "").strip() or next_code(session, today.year)
    if session.taken(Task.code, code):
        raise ValidationError(f"任务编号“{code}”已被使用。")
    if parent_id is not None:
        get(session, Task, parent_id, "上级任务")
    task = session.create(Task, code=code, title=title, content=content or "", category=category,
                          source_id=source_id, parent_id=parent_id, status=TaskStatus.DRAFT,
                          urgency=urgency, is_key=is_key, target=target, note=note,
                          **deadline_values(deadline, cal, None))
    set_committed_value(task, "responsibilities", [])  # a new task has none: no query for them
    if responsibilities:
        set_responsibilities(session, task.id, responsibilities, today)
    return task


def deadline_values(spec: DeadlineSpec, cal: WorkdayCalendar, assigned_on: date | None) -> dict:
    """The task's deadline columns for ``spec`` (the date computed when it can be)."""
    return dict(deadline_basis=spec.basis, deadline_start=spec.start, deadline_days=spec.days,
                deadline_text=spec.text, recurrence_day=spec.recurrence_day, ongoing=spec.ongoing,
                deadline=spec.resolve(cal, assigned_on))


EDITABLE_FIELDS = {"title", "content", "category", "source_id", "parent_id", "urgency", "is_key",
                   "target", "note", "code"}


def update_task(session: Writer, task_id: int, *, expected_version: int | None,
                cal: WorkdayCalendar, deadline: DeadlineSpec | None = None, **fields) -> Task:
    """Edit a task's facts from the editor; refuses if someone else saved it meanwhile."""
    task = get(session, Task, task_id, "任务")
    check_version(task, expected_version, f"任务“{task.code}”")
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(f"不能修改的字段：{'、'.join(sorted(unknown))}")
    if "title" in fields and not (fields["title"] or "").strip():
        raise ValidationError("任务名称不能为空。")
    if "code" in fields and fields["code"] != task.code and session.scalar(
            select(Task.id).where(Task.code == fields["code"])):
        raise ValidationError(f"任务编号“{fields['code']}”已被使用。")
    if fields.get("parent_id") == task.id:
        raise ValidationError("任务不能以自己为上级任务。")
    changes = dict(fields)
    if deadline is not None:
        changes.update(deadline_values(deadline, cal, task.assigned_on))
    return session.update(task, "update", **changes)


def set_responsibilities(session: Writer, task_id: int, assignments: Sequence[Assignment],
                         today: date) -> list[Responsibility]:
    """Replace a task's responsibilities. Each unit row records the unit's party and government
    chiefs at the time (the day the task was assigned, or today for a draft)."""
    task = get(session, Task, task_id, "任务")
    _validate_assignments(session, assignments)
    day = task.assigned_on or today
    old = list(task.responsibilities)
    for row in old:
        session.remove(row)
    if old:
        session.flush()  # the old rows go before the new ones come
    rows = session.create_all(Responsibility, [
        dict(task_id=task.id, role=a.role, unit_id=a.unit_id, person_id=a.person_id, sort_order=order,
             **tenure_values(session, a.unit_id, a.person_id, day))
        for order, a in enumerate(assignments)])
    set_committed_value(task, "responsibilities", rows)  # as stored (sort_order), without a reload
    return rows


def _validate_assignments(session: Session, assignments: Sequence[Assignment]) -> None:
    """Refuse a wrong set of responsibilities (NotFound for a unit or person not there)."""
    seen = set()
    for a in assignments:
        if a.role.is_unit_role:
            if a.unit_id is None or a.person_id is not None:
                raise ValidationError(f"“{a.role.label}”必须是一个单位。")
            get(session, Unit, a.unit_id, "单位")
        else:
            if a.person_id is None or a.unit_id is not None:
                raise ValidationError(f"“{a.role.label}”必须是一个人。")
            get(session, Person, a.person_id, "人员")
        key = (a.role, a.unit_id, a.person_id)
        if key in seen:
            raise ValidationError(f"“{a.role.label}”中有重复。")
        seen.add(key)
    if sum(1 for a in assignments if a.role is Role.LEAD_UNIT) > 1:
        raise ValidationError("一项任务只能有一个牵头单位；其他单位请列为配合单位。")


def tenure_values(session: Session, unit_id: int | None, person_id: int | None, day: date) -> dict:
    """What a responsibility row records of who held the posts on ``day``: a unit's party and
    government chiefs, or the post of a person."""
    if unit_id is not None:
        party, government = unit_service.chief_tenure_ids(session, unit_id, day)
        return {"party_chief_tenure_id": party, "government_chief_tenure_id": government}
    return {"tenure_id": unit_service.tenure_id_of(session, person_id, day)}


MOVE_NOTE = "move_note"
"""The key of a move's note in its event: a remark of the event, not a column (``note`` is the
task's 备注, which a move does not change)."""


def status_change(status: TaskStatus, action: Action, today: date, note: str | None = None,
                  also: Mapping | None = None, was: Mapping | None = None) -> tuple[dict, dict, dict]:
    """One workflow move: (the task's changed columns, the audit event's before, its after).
    ``also``: other columns the move sets (交办: the day, a deadline counted from it); ``was``:
    the task's values before the move (None for each one not given). The event holds every
    changed column, so that replaying it gives the row."""
    new = next_status(status, action)
    changes: dict = {"status": new, **(also or {})}
    if new is TaskStatus.DONE:
        changes["closed_on"] = today
    was = {**(was or {}), "status": status}
    before = {key: audit.plain(was.get(key)) for key in changes}
    after = {key: audit.plain(value) for key, value in changes.items()}
    if note:
        after[MOVE_NOTE] = note
    return changes, before, after


def _move(session: Writer, task: Task, action: Action, today: date, note: str | None = None,
          also: Mapping | None = None, extra: dict | None = None) -> Task:
    was = {key: getattr(task, key) for key in (*(also or ()), "closed_on")}
    changes, before, after = status_change(task.status, action, today, note, also, was)
    session.set_columns(task, changes)
    session.event(STATUS_ENTITY, task.id, action.value, before, {**after, **(extra or {})})
    return task


def transition(session: Writer, task_id: int, action: Action, *, today: date,
               cal: WorkdayCalendar, expected_version: int | None = None,
               note: str | None = None, no_evidence_reason: str | None = None) -> Task:
    """Apply one workflow action (交办, 签收, 办结 …); illegal moves raise IllegalTransition.
    A rectification task is closed (审核办结, 销号) only with 佐证材料 in its file, or with
    ``no_evidence_reason`` saying why there is none (kept in the move's audit event)."""
    task = get(session, Task, task_id, "任务")
    check_version(task, expected_version, f"任务“{task.code}”")
    if action is Action.ASSIGN:
        return _assign(session, task, today, cal, note)
    if action is Action.SEND_BACK and not (note or "").strip():
        raise ValidationError("退回重办须写明退回理由。")
    if action is Action.APPROVE:
        next_status(task.status, action)  # an illegal move is said as such first
        reason = closing_evidence.reason_to_record(session, task.id, task.code, no_evidence_reason)
        if reason:
            return _move(session, task, action, today, note, extra={"no_evidence_reason": reason})
    return _move(session, task, action, today, note)


def _assign(session: Writer, task: Task, today: date, cal: WorkdayCalendar, note: str | None) -> Task:
    """交办: the day, and a deadline counted in days from it; nothing is changed before every
    check has passed. The responsibilities record the chiefs as they are that day."""
    if Role.LEAD_UNIT not in {r.role for r in task.responsibilities}:
        raise ValidationError(f"任务“{task.code}”还没有牵头单位，不能交办。")
    if task.deadline is None and not (task.ongoing or task.recurrence_day or task.deadline_days):
        raise ValidationError(f"任务“{task.code}”还没有完成时限，不能交办。")
    next_status(task.status, Action.ASSIGN)
    changes: dict = {"assigned_on": today}
    if task.deadline is None and task.deadline_days is not None:
        changes["deadline"] = DeadlineSpec(
            basis=task.deadline_basis, start=task.deadline_start, days=task.deadline_days,
            text=task.deadline_text, recurrence_day=task.recurrence_day, ongoing=task.ongoing,
        ).resolve(cal, today)
    for row in task.responsibilities:
        captured = tenure_values(session, row.unit_id, row.person_id, today)
        if any(getattr(row, key) != value for key, value in captured.items()):
            session.update(row, "update", **captured)
    return _move(session, task, Action.ASSIGN, today, note, changes)


def report_progress(session: Writer, task_id: int, *, report_date: date, text: str,
                    unit_id: int | None = None, percent: int | None = None,
                    request_close: bool = False, today: date, cal: WorkdayCalendar,
                    reporter: str | None = None, reporter_phone: str | None = None,
                    problems: str | None = None, form_ref: str | None = None) -> int:
    """进展反馈. A report on a task not yet started moves it to 办理中; ``request_close`` submits it
    for review (已反馈). ``reporter``/``reporter_phone``: 报送人 and 联系电话; ``problems``: 存在问题;
    ``form_ref``: the 反馈表 row it came from. Returns the report's id."""
    task = get(session, Task, task_id, "任务")
    text = report_text(task.status, text, percent, report_date, today)
    if unit_id is not None:
        get(session, Unit, unit_id, "单位")
    if task.status is TaskStatus.ASSIGNED:
        _move(session, task, Action.ACCEPT, today, "随进展反馈签收")
    if task.status is TaskStatus.ACCEPTED:
        _move(session, task, Action.START, today)
    report_id = session.insert_row(ProgressReport.__table__, {
        "task_id": task.id, "unit_id": unit_id, "report_date": report_date, "text": text,
        "percent": percent, "created_at": session.at,
        "reporter": _blank_none(reporter), "reporter_phone": _blank_none(reporter_phone),
        "problems": _blank_none(problems), "form_ref": form_ref})
    if request_close and task.status is TaskStatus.IN_PROGRESS:
        _move(session, task, Action.REPORT, today)
    return report_id


def _blank_none(text: str | None) -> str | None:
    return (text or "").strip() or None


def report_text(status: TaskStatus, text: str | None, percent: int | None, report_date: date,
                today: date) -> str:
    """The report's text as saved, or why a report cannot be made."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("进展情况不能为空。")
    if percent is not None and not 0 <= percent <= 100:
        raise ValidationError("完成进度应在 0 到 100 之间。")
    if not status.is_open:
        raise ValidationError(f"任务当前状态为“{status.label}”，不能反馈进展。")
    if report_date > today:
        raise ValidationError("反馈日期不能晚于今天。")
    return text


def refuse_delete(what: str) -> None:
    """Evidence cannot be deleted through the program (终身追责)."""
    raise EvidenceProtected(
        f"{what}是追责依据，不能删除。如需作废，请使用“撤销”或“归档”，原记录会保留并可追溯。")


def reports_of(session: Session, task_id: int) -> list[ProgressReport]:
    return list(session.scalars(select(ProgressReport).where(ProgressReport.task_id == task_id)
                                .order_by(ProgressReport.report_date, ProgressReport.id)))


def count_tasks(session: Session) -> int:
    return session.scalar(select(func.count(Task.id))) or 0
