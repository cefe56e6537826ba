"""What went wrong in one user action, told in Chinese (used by ``Ledger.read``/``Ledger.write``).

The action has already been rolled back as a whole when these run, so every message can say
that nothing was saved. A stale row (optimistic locking: another clerk saved the same record
first) becomes a :class:`ConflictError` naming who changed what and when, from the audit trail.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from sqlalchemy import inspect, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from wuyang_tasks.domain.errors import ConflictError, ConnectionLost, LedgerError

from . import audit
from .models import AuditEvent

ENTITY_NAMES = {
    "task": "任务", "unit": "单位", "person": "人员", "post": "职务", "extension": "延期申请",
    "checklist_template": "检查清单模板", "metric": "指标",
}
FIELD_NAMES = {
    "title": "任务名称", "content": "任务内容", "category": "类别", "status": "状态",
    "deadline": "完成时限", "note": "备注", "target": "量化目标", "urgency": "紧急程度",
    "is_key": "重点任务", "code": "编号", "name": "名称", "short_name": "简称",
    "sort_order": "排序", "active": "启用", "phone": "电话", "closed_on": "办结日期",
    "assigned_on": "交办日期", "parent_id": "上级任务", "source_id": "任务来源",
}
SAVED_NOTHING = "本次操作没有保存任何内容。"


def stale_targets(session: Session, exc: StaleDataError) -> list[tuple[type, tuple]]:
    """The versioned rows of the table the failed UPDATE was on (call before rollback); the ones
    with unsaved changes first."""
    found = re.search(r"table '([^']+)'", str(exc))
    table = found.group(1) if found else None
    rows = []
    for obj in list(session.identity_map.values()):
        state = inspect(obj)
        if state.mapper.version_id_col is not None and getattr(obj, "__tablename__", None) == table:
            rows.append((not state.modified, type(obj), state.identity))
    return [(model, identity) for _, model, identity in sorted(rows, key=lambda r: r[0])]


def translate(exc: BaseException, targets: list[tuple[type, tuple]], read_session) -> LedgerError | None:
    """A LedgerError for ``exc``, or None when it is not a database failure we know.
    ``read_session`` is a context manager factory for a fresh read (``Ledger.read``)."""
    if isinstance(exc, StaleDataError):
        return stale_conflict(targets, read_session)
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return ConnectionLost("与台账服务器的连接中断了。" + SAVED_NOTHING
                              + "请检查网络，重新连接后再试一次（已填写的内容仍保留在窗口中）。")
    if isinstance(exc, OperationalError) and ("database is locked" in str(exc.orig)
                                              or getattr(exc.orig, "sqlstate", None) == "55P03"):
        return LedgerError("台账正被另一台电脑或另一个程序长时间写入。" + SAVED_NOTHING + "请稍后重试。")
    if isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) == "42501":
        return LedgerError("您的数据库账号没有这项操作的权限（权限由管理员在服务器上设定）。" + SAVED_NOTHING)
    return None


def stale_conflict(targets: list[tuple[type, tuple]], read_session) -> ConflictError:
    if not targets:
        return ConflictError("要保存的记录已被其他人修改。" + SAVED_NOTHING + "请重新载入后再修改。")
    model, identity = targets[0]
    with read_session() as s:
        obj = s.get(model, identity)
        if obj is None:
            return ConflictError("要保存的记录已不存在。" + SAVED_NOTHING)
        what = f"{ENTITY_NAMES.get(obj.__tablename__, '记录')}“{_label(obj)}”"
        message = (f"{what}已被其他人修改，现在是第 {obj.version} 版。{last_change(s, obj)}"
                   f"{SAVED_NOTHING}请重新载入，再把您的修改重新填上。")
        return ConflictError(message, current=audit.snapshot(obj))


def last_change(session: Session, obj) -> str:
    """“最后一次修改：张三于2016年7月29日 10:20，任务名称 由“甲”改为“乙”。” from the audit trail."""
    event = session.scalar(
        select(AuditEvent).where(AuditEvent.entity == obj.__tablename__, AuditEvent.entity_id == obj.id)
        .order_by(AuditEvent.seq.desc()).limit(1))
    if event is None:
        return ""
    before = json.loads(event.before) if event.before else {}
    after = json.loads(event.after) if event.after else {}
    changes = "，".join(
        f"{FIELD_NAMES.get(k, k)} 由“{_short(before.get(k))}”改为“{_short(v)}”"
        for k, v in after.items() if k != "version")
    when = _when(event.at)
    return f"最后一次修改：{event.actor} 于{when}" + (f"，{changes}" if changes else "") + "。"


def _label(obj) -> str:
    for key in ("code", "name", "title"):
        value = getattr(obj, key, None)
        if value:
            return str(value)
    return f"编号 {obj.id}"


def _short(value, limit: int = 40) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _when(at: str) -> str:
    """The audit time (UTC ISO text) in local time, written the Chinese way."""
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"
