"""Applying what an imported ledger row changes on an existing task (imports.ledger_updates
planned it): the same audited actions as in the window — a progress report of the lead unit
(services.feedback), workflow moves one by one (services.tasks.transition), the responsibilities
replaced, a deadline edit the clerk confirmed — in the import's transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wuyang_tasks.db.models import Task
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import Role, TaskStatus
from wuyang_tasks.domain.errors import IllegalTransition
from wuyang_tasks.domain.workflow import Action, clerk_path

from . import tasks as task_service
from .common import get
from .feedback import FeedbackEntry, record_feedback


@dataclass
class RowUpdate:
    """What an imported ledger row changes on its task: planned by imports.ledger_updates,
    done by :func:`apply_update`."""

    task_id: int
    code: str
    status: TaskStatus  # now
    target: TaskStatus | None = None  # the status the moves reach (None: no move)
    moves: list[Action] = field(default_factory=list)
    progress: str | None = None  # a new 进展情况 → a report of the lead unit
    lead_unit_id: int | None = None
    roles: list[tuple[Role, int | None, int | None]] | None = None  # new responsibilities
    roles_caption: str = ""
    deadline: DeadlineSpec | None = None  # to set (confirmed)
    deadline_caption: str = ""

    @property
    def changes(self) -> list[str]:
        """What will be done, in words."""
        words = []
        if self.progress:
            words.append("新增进展反馈")
        if self.moves:
            words.append("状态" + "→".join([self.status.label] + [m.label for m in self.moves])
                         + f"（{self.target.label}）")
        if self.roles is not None:
            words.append("调整责任分工：" + self.roles_caption)
        if self.deadline is not None:
            words.append("修改完成时限：" + self.deadline_caption)
        return words

    @property
    def is_empty(self) -> bool:
        return not (self.progress or self.moves or self.roles is not None or self.deadline is not None)


def apply_update(session: Writer, update: RowUpdate, *, today: date, cal: WorkdayCalendar,
                 note: str | None = None) -> None:
    task_id = update.task_id
    if update.roles is not None:
        task_service.set_responsibilities(session, task_id, [
            task_service.Assignment(role, unit_id=unit_id, person_id=person_id)
            for role, unit_id, person_id in update.roles], today)
    if update.deadline is not None:
        task_service.update_task(session, task_id, expected_version=None, cal=cal, deadline=update.deadline)
    task = get(session, Task, task_id, "任务")
    if update.progress and task.status.is_open:
        _report(session, update, today, cal)  # a report of a task not yet started starts it
        _moves(session, task, update, today, cal, note)
    else:
        _moves(session, task, update, today, cal, note)
        if update.progress:
            _report(session, update, today, cal)


def _report(session: Writer, update: RowUpdate, today: date, cal: WorkdayCalendar) -> None:
    record_feedback(session, FeedbackEntry(update.task_id, update.lead_unit_id, text=update.progress),
                    today=today, cal=cal)


def _moves(session: Writer, task: Task, update: RowUpdate, today: date, cal: WorkdayCalendar,
           note: str | None) -> None:
    if update.target is None or task.status is update.target:
        return
    path = clerk_path(task.status, update.target)
    if path is None:
        raise IllegalTransition(f"任务“{task.code}”为“{task.status.label}”，不能改为“{update.target.label}”。")
    for action in path:
        task_service.transition(session, task.id, action, today=today, cal=cal, note=note)
