"""The 通报's tables as printed (PDF and Word): headers, rows of text, the cells to colour, and
relative column widths. The Excel workbook writes the same columns with typed cells (dates,
numbers) from the same header constants."""

from __future__ import annotations

from dataclasses import dataclass, field

from wuyang_tasks.services.documents import Briefing
from wuyang_tasks.services.task_list import chinese_date

from .briefing_text import JOIN

UNIT_HEADERS = ("序号", "单位", "任务数", "已办结", "办理中", "逾期", "办结率", "应报", "已报", "未报", "排名")
SCORE_HEADER = "考核得分"  # when the office turned it on (wuyang-tasks assessment-setting)
DETAIL_HEADERS = ("序号", "编号", "任务内容", "牵头县领导", "牵头单位", "配合单位", "完成时限", "本周进展",
                  "状态", "亮灯")
OVERDUE_HEADERS = ("序号", "编号", "工作任务", "牵头县领导", "牵头单位", "完成时限", "逾期天数", "计日方式",
                   "催办次数", "最近催办", "状态")
INSPECTION_HEADERS = ("序号", "检查日期", "被检查单位", "项目/工地", "检查清单", "检查人", "发现问题",
                      "已整改", "检查情况")
FILLS = {"RED": "FF9999", "YELLOW": "FFE699", "BLUE": "9DC3E6", "GREEN": "A9D08E"}


@dataclass
class PrintedTable:
    headers: tuple[str, ...]
    rows: list[list[object]]
    widths: tuple[float, ...]  # relative
    centered: tuple[int, ...]
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) → RGB hex


def unit_table(b: Briefing) -> PrintedTable:
    scored = bool(b.unit_stats) and b.unit_stats[0].score is not None
    rows, fills = [], {}
    for r, s in enumerate(b.unit_stats):
        rows.append([r + 1, s.unit, s.total, s.done, s.open, s.overdue, f"{s.done_rate:.1%}", s.due_reports,
                     s.reported, s.not_reported, s.rank] + [s.score] * scored)
        if s.overdue:
            fills[(r, 5)] = FILLS["RED"]
        if s.not_reported:
            fills[(r, 9)] = FILLS["YELLOW"]
    headers = UNIT_HEADERS + (SCORE_HEADER,) * scored
    widths = (8, 31, 12, 12, 12, 11, 15, 12, 12, 12, 9) + (14,) * scored
    return PrintedTable(headers, rows, widths, tuple(i for i in range(len(headers)) if i != 1), fills)


def detail_table(b: Briefing) -> PrintedTable:
    rows, fills = [], {}
    for i, line in enumerate(b.lines):
        r = line.row
        rows.append([i + 1, r.code, r.title, JOIN.join(r.lead_leaders), JOIN.join(r.lead_units),
                     JOIN.join(r.cooperating_units), r.deadline_display, line.progress_text, r.status.label,
                     r.alert.label if r.alert else ""])
        if r.alert:
            fills[(i, 9)] = FILLS[r.alert.value]
    return PrintedTable(DETAIL_HEADERS, rows, (9, 19, 40, 14, 18, 20, 20, 53, 16, 12), (0, 1, 3, 6, 8, 9), fills)


def overdue_table(b: Briefing) -> PrintedTable:
    rows = [[i, o.row.code, o.row.title, JOIN.join(o.row.lead_leaders), JOIN.join(o.row.lead_units),
             o.row.deadline_display, o.row.days_overdue, o.row.deadline_basis.label, o.row.urging_count,
             chinese_date(o.last_urged_on), o.row.status.label] for i, o in enumerate(b.overdue, start=1)]
    return PrintedTable(OVERDUE_HEADERS, rows, (9, 19, 47, 14, 22, 24, 12, 14, 12, 24, 14),
                        (0, 1, 3, 5, 6, 7, 8, 9, 10))


def inspection_table(b: Briefing) -> PrintedTable:
    rows = [[i, chinese_date(n.inspected_on), n.unit, n.site, n.template, n.inspectors, n.findings, n.rectified,
             n.summary] for i, n in enumerate(b.inspections, start=1)]
    return PrintedTable(INSPECTION_HEADERS, rows, (9, 24, 22, 26, 20, 22, 12, 12, 64), (0, 1, 6, 7))
