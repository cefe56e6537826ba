"""Refuse text that a database cannot keep as typed — the same way on both backends.

PostgreSQL rejects the NUL character and text longer than a column's declared length; SQLite
would silently keep both, so the same input would succeed on one backend and fail with a raw
driver error on the other. Every flush checks the string attributes of new rows and the changed
attributes of other rows (``check_flush``, attached to the Ledger's own sessions), and refuses
such text with a message naming the field, before anything is written; rows written with Core
are checked by ``check_row``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import String, Table, event, inspect

from wuyang_tasks.domain.errors import ValidationError

if TYPE_CHECKING:  # the ledger's connections import this module before any session
    from sqlalchemy.orm import Session

TABLES = {"unit": "单位", "unit_alias": "单位别名", "person": "人员", "post": "职务", "source": "任务来源",
          "task": "任务", "progress_report": "进展反馈", "extension": "延期申请", "urging": "催办",
          "checklist_template": "检查模板", "checklist_item": "检查项", "inspection": "督导检查",
          "inspection_inspector": "检查人", "finding": "检查发现问题", "accountability_record": "问责记录",
          "metric": "指标", "metric_reading": "监测数据", "calendar_override": "工作日历"}
FIELDS = {"name": "名称", "title": "标题", "code": "编号", "content": "内容", "short_name": "简称",
          "alias": "别名", "phone": "电话", "note": "备注", "text": "内容", "category": "类别",
          "doc_number": "文号", "deadline_text": "时限原文", "site": "检查地点", "facts": "事实",
          "decision_number": "决定文号", "deciding_body": "决定机关", "post_title": "职务"}


def _where(table: str, key: str) -> str:
    return f"{TABLES.get(table, table)}的“{FIELDS.get(key, key)}”"


def check_flush(session: Session, _context, _instances) -> None:
    """The Ledger's sessions run this before every flush (db.ledger)."""
    for obj in session.new:
        for attr in inspect(obj).mapper.column_attrs:
            check_value(obj.__tablename__, attr.key, attr.columns[0].type, getattr(obj, attr.key, None))
    for obj in session.dirty:  # only the values set since the row was loaded: the rest is stored
        state = inspect(obj)
        changed = state.committed_state
        for attr in state.mapper.column_attrs:
            if attr.key in changed:
                check_value(obj.__tablename__, attr.key, attr.columns[0].type, getattr(obj, attr.key, None))


def check_row(table: Table, row: Mapping) -> None:
    """The flush's check for a row written with Core (column name → value)."""
    for key, limit in _text_columns(table):
        value = row.get(key)
        if isinstance(value, str) and ("\x00" in value or (limit and len(value) > limit)):
            check_value(table.name, key, table.c[key].type, value)


@cache
def _text_columns(table: Table) -> tuple[tuple[str, int | None], ...]:
    """(column, length limit) of the table's text columns — what check_value looks at."""
    return tuple((c.key, c.type.length) for c in table.columns if isinstance(c.type, String))


def check_value(table: str, key: str, column_type, value) -> None:
    if not isinstance(value, str):
        return
    if "\x00" in value:
        raise ValidationError(
            f"{_where(table, key)}中含有不可见的控制字符（NUL），无法保存。"
            "请删除该字符后重试（常见于从其他软件复制的文字）。")
    limit = getattr(column_type, "length", None) if isinstance(column_type, String) else None
    if limit and len(value) > limit:
        raise ValidationError(
            f"{_where(table, key)}太长：{len(value)} 个字，最多 {limit} 个字。"
            f"开头为“{value[:20]}…”。")


def refuse_nul_parameters(engine) -> None:
    """PostgreSQL: a search or lookup with NUL in it fails in the driver; refuse it clearly first.
    (SQLite simply finds nothing, which is the right answer there.)"""

    @event.listens_for(engine, "before_cursor_execute")
    def _check(_conn, _cursor, _statement, parameters, _context, executemany):
        rows = parameters if executemany else [parameters]
        for row in rows:
            values = row.values() if isinstance(row, dict) else (row or ())
            if any(isinstance(v, str) and "\x00" in v for v in values):
                raise ValidationError("输入的文字中含有不可见的控制字符（NUL），请删除后重试"
                                      "（常见于从其他软件复制的文字）。")
