"""The task workflow (docs/DESIGN.md "Workflow"): which status changes are legal.

DRAFT → ASSIGNED → ACCEPTED → IN_PROGRESS → REPORTED → DONE → ARCHIVED, with
REPORTED → IN_PROGRESS (退回重办), SUSPENDED/CANCELLED from any open state, and
SUSPENDED → IN_PROGRESS (恢复办理). Illegal moves raise, they are never no-ops.
"""

from __future__ import annotations

from collections import deque
from enum import StrEnum

from .enums import TaskStatus as S
from .errors import IllegalTransition


class Action(StrEnum):
    ASSIGN = "assign"  # 交办
    ACCEPT = "accept"  # 签收
    START = "start"  # 开始办理
    REPORT = "report"  # 反馈办结情况，待审核
    APPROVE = "approve"  # 审核通过，办结销号
    SEND_BACK = "send_back"  # 退回重办
    ARCHIVE = "archive"  # 归档
    SUSPEND = "suspend"  # 中止
    RESUME = "resume"  # 恢复办理
    CANCEL = "cancel"  # 撤销

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.ASSIGN: "交办",
    Action.ACCEPT: "签收",
    Action.START: "开始办理",
    Action.REPORT: "反馈办结",
    Action.APPROVE: "审核办结",
    Action.SEND_BACK: "退回重办",
    Action.ARCHIVE: "归档",
    Action.SUSPEND: "中止",
    Action.RESUME: "恢复办理",
    Action.CANCEL: "撤销",
}

_CANCELLABLE = (S.DRAFT, S.ASSIGNED, S.ACCEPTED, S.IN_PROGRESS, S.REPORTED, S.SUSPENDED)
_SUSPENDABLE = (S.ASSIGNED, S.ACCEPTED, S.IN_PROGRESS, S.REPORTED)

TRANSITIONS: dict[tuple[S, Action], S] = {
    (S.DRAFT, Action.ASSIGN): S.ASSIGNED,
    (S.ASSIGNED, Action.ACCEPT): S.ACCEPTED,
    (S.ACCEPTED, Action.START): S.IN_PROGRESS,
    (S.IN_PROGRESS, Action.REPORT): S.REPORTED,
    (S.REPORTED, Action.APPROVE): S.DONE,
    (S.REPORTED, Action.SEND_BACK): S.IN_PROGRESS,
    (S.DONE, Action.ARCHIVE): S.ARCHIVED,
    (S.CANCELLED, Action.ARCHIVE): S.ARCHIVED,
    (S.SUSPENDED, Action.RESUME): S.IN_PROGRESS,
    **{(s, Action.SUSPEND): S.SUSPENDED for s in _SUSPENDABLE},
    **{(s, Action.CANCEL): S.CANCELLED for s in _CANCELLABLE},
}


def next_status(current: S, action: Action) -> S:
    """The status after ``action``, or IllegalTransition naming both."""
    try:
        return TRANSITIONS[(current, action)]
    except KeyError:
        allowed = "、".join(a.label for a in allowed_actions(current)) or "无"
        raise IllegalTransition(
            f"任务当前状态为“{current.label}”，不能执行“{action.label}”。当前可执行的操作：{allowed}。"
        ) from None


def allowed_actions(current: S) -> list[Action]:
    return [a for (s, a) in TRANSITIONS if s is current]


MAIN_LINE = (Action.ASSIGN, Action.ACCEPT, Action.START, Action.REPORT, Action.APPROVE, Action.ARCHIVE)
_SIDE_EXITS = {S.SUSPENDED: (Action.ASSIGN, Action.SUSPEND), S.CANCELLED: (Action.CANCEL,)}


def path_from_draft(target: S) -> list[Action]:
    """The actions that bring a new (待交办) task to ``target`` through the real workflow — for
    tasks that enter the ledger already under way (an imported ledger, the demo ledger)."""
    if target in _SIDE_EXITS:
        return list(_SIDE_EXITS[target])
    path, status = [], S.DRAFT
    for action in MAIN_LINE:
        if status is target:
            break
        path.append(action)
        status = next_status(status, action)
    if status is not target:
        raise IllegalTransition(f"无法从“待交办”到达“{target.label}”。")
    return path


# The moves a clerk makes on a task (an imported ledger row's status is reached by them);
# 审核办结, 退回重办 and 归档 are the office's decisions.
CLERK_MOVES = frozenset({Action.ASSIGN, Action.ACCEPT, Action.START, Action.REPORT, Action.SUSPEND,
                         Action.RESUME, Action.CANCEL})
_PATH_ENDS = (S.SUSPENDED, S.CANCELLED)


def clerk_path(start: S, target: S) -> list[Action] | None:
    """The shortest run of clerk moves from ``start`` to ``target`` (None: none reaches it).
    中止 and 撤销 end a path, never lie on one (中止 then 恢复办理 is no way round 退回重办)."""
    seen: dict[S, list[Action]] = {start: []}
    queue = deque([start])
    while queue:
        status = queue.popleft()
        if status is target:
            return seen[status]
        if status is not start and status in _PATH_ENDS:
            continue
        for (s, action), nxt in TRANSITIONS.items():
            if s is status and action in CLERK_MOVES and nxt not in seen:
                seen[nxt] = seen[status] + [action]
                queue.append(nxt)
    return None
