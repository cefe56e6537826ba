"""任务台账 as an Excel workbook — the layout the ledger import reads back (round trip).

Sheet 任务台账: row 1 title, row 2 caption, row 3 the only header row, one task per row from
row 4. Multi-valued cells are joined with 、; 完成时限 is a real date when the task has one,
else the text as written (长期坚持, 每月25日前报送). 时限说明 keeps the wording of a dated
deadline: "9月底前", or a deadline counted in days with its first day, "会后10个工作日内（自2016年
7月13日起算）" — the import reads that back as a working-day deadline, so overdue days still count
in working days after a round trip. Written in write-only (streaming) mode.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.documents import LedgerDocument
from wuyang_tasks.services.task_list import TaskRow

SHEET = "任务台账"
JOIN = "、"
HEADERS = ("序号", "编号", "工作任务", "牵头县领导", "牵头单位", "配合单位", "属地单位", "责任人",
           "完成时限", "时限说明", "进展情况", "状态")

Progress = Callable[[int, int], None]


def deadline_value(row: TaskRow):
    """A date when the task has one (approved extension applied), else the deadline as written."""
    if row.ongoing or row.recurrence_day or row.effective_deadline is None:
        return row.deadline_display
    return row.effective_deadline


def ledger_values(index: int, row: TaskRow, deadline_note: str = "") -> list:
    return [index, row.code, row.title, JOIN.join(row.lead_leaders), JOIN.join(row.lead_units),
            JOIN.join(row.cooperating_units), JOIN.join(row.territorial_units),
            JOIN.join(row.responsible_persons), deadline_value(row), deadline_note,
            row.last_report_text or "", row.status.label]


def write_ledger_xlsx(doc: LedgerDocument, target: str | Path,
                      progress: Progress | None = None) -> Path:
    from openpyxl import Workbook

    from . import xlsx_common as x

    # maxima keep the twelve columns legible on landscape A4 fit to width (about 80 %)
    columns = [x.Column("序号", 5, 6, center=True), x.Column("编号", 9, 12, center=True),
               x.Column("工作任务", 20, 30), x.Column("牵头县领导", 8, 12, center=True),
               x.Column("牵头单位", 10, 14), x.Column("配合单位", 10, 18), x.Column("属地单位", 10, 18),
               x.Column("责任人", 8, 12), x.Column("完成时限", 14, 17, center=True),
               x.Column("时限说明", 10, 14), x.Column("进展情况", 20, 30),
               x.Column("状态", 7, 9, center=True)]
    notes = doc.deadline_notes
    values = [ledger_values(i, r, notes.get(r.id, "")) for i, r in enumerate(doc.rows, start=1)]
    target = Path(target)
    with atomic_path(target) as tmp:  # write-only sheets spool to disk while being built
        wb = Workbook(write_only=True)
        x.list_sheet(wb, SHEET, doc.title, doc.caption, columns, values, progress=progress)
        wb.save(tmp)
    return target
