"""任务台账 as an Excel workbook — the layout the ledger import reads back (round trip).

Sheet 任务台账: row 1 title, row 2 caption, row 3 the only header row, one task per row from
row 4. Multi-valued cells are joined with 、; 完成时限 is a real date when the task has one,
else the text as written (长期坚持, 每月25日前报送). Written in write-only (streaming) mode.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.documents import LedgerDocument
from wuyang_tasks.services.task_list import TaskRow

SHEET = "任务台账"
JOIN = "、"
HEADERS = ("序号", "编号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "责任人", "完成时限",
           "进展情况", "状态")

Progress = Callable[[int, int], None]


def deadline_value(row: TaskRow):
    """A date when the task has one (approved extension applied), else the deadline as written."""
    if row.ongoing or row.recurrence_day or row.effective_deadline is None:
        return row.deadline_display
    return row.effective_deadline


def ledger_values(index: int, row: TaskRow) -> list:
    return [index, row.code, row.title, JOIN.join(row.lead_leaders), JOIN.join(row.lead_units),
            JOIN.join(row.cooperating_units), JOIN.join(row.responsible_persons),
            deadline_value(row), row.last_report_text or "", row.status.label]


def write_ledger_xlsx(doc: LedgerDocument, target: str | Path,
                      progress: Progress | None = None) -> Path:
    from openpyxl import Workbook

    from . import xlsx_common as x

    columns = [x.Column("序号", 5, 6, center=True), x.Column("编号", 9, 12, center=True),
               x.Column("工作任务", 20, 40), x.Column("牵头县领导", 8, 12, center=True),
               x.Column("牵头单位", 10, 20), x.Column("配合单位", 10, 24), x.Column("责任人", 8, 14),
               x.Column("完成时限", 14, 18, center=True), x.Column("进展情况", 20, 44),
               x.Column("状态", 7, 9, center=True)]
    values = [ledger_values(i, r) for i, r in enumerate(doc.rows, start=1)]
    target = Path(target)
    with atomic_path(target) as tmp:  # write-only sheets spool to disk while being built
        wb = Workbook(write_only=True)
        x.list_sheet(wb, SHEET, doc.title, doc.caption, columns, values, progress=progress)
        wb.save(tmp)
    return target
