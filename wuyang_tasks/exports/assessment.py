"""督查考核 as Excel and as a landscape PDF: the summary of every unit in official order, then
each unit's sheet listing every point with the task, the day, the rule and the record it came
from — so that a unit disputing a point sees why it was given. Units only, no ranking of people.
"""

from __future__ import annotations

import json
from pathlib import Path

from wuyang_tasks.domain.assessment import points_text
from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.assessment import AssessmentReport, UnitSheet
from wuyang_tasks.services.task_list import chinese_date

SUMMARY_SHEET = "考核汇总"
SUMMARY_HEADERS = ("序号", "单位", "类别", "承办任务", "扣分", "加分", "加减分", "得分")
POINT_HEADERS = ("序号", "日期", "任务编号", "任务", "事由", "计分依据", "分值", "记录")
RULES_SHEET = "计分办法"


def title(report: AssessmentReport) -> str:
    return f"督查考核得分（{report.period}）"


def caption(report: AssessmentReport) -> str:
    return "    ".join(filter(None, [f"计分办法：{report.rules.short}", report.counted_to.strip("（）"),
                                     report.issuer]))


def _summary_values(report: AssessmentReport, printed: bool) -> list[list]:
    """Numbers stay numbers in the workbook (the office adds them up); the PDF prints them."""
    def num(value, sign=True):
        return points_text(value, sign) if printed else value

    return [[i, u.name, u.kind.label, u.score.task_count, num(u.score.deductions, False), num(u.score.bonus),
             num(u.score.adjustments), num(u.score.score, False)] for i, u in enumerate(report.units, start=1)]


def _point_values(report: AssessmentReport, unit: UnitSheet, printed: bool) -> list[list]:
    return [[i, chinese_date(p.day) if printed else p.day, p.task_code or "",
             report.task_titles.get(p.task_id, "") if p.task_id else "", p.label, p.rule_text,
             points_text(p.points) if printed else p.points, p.evidence]
            for i, p in enumerate(unit.score.points, start=1)]


def _unit_caption(unit: UnitSheet) -> str:
    s = unit.score
    return (f"起评分{points_text(s.base, False)}分，扣分{points_text(s.deductions, False)}，"
            f"加分{points_text(s.bonus)}，加减分{points_text(s.adjustments)}，"
            f"得分{points_text(s.score, False)}分")


RULE_PARTS = {"overdue": "逾期", "urging": "催办督办", "send_back": "退回重办", "missed_report": "漏报进展",
              "accountability": "问责", "early_bonus": "提前办结加分"}


def _rules_lines(report: AssessmentReport) -> list[list]:
    """The version's own words: what each rule gives, and the public rules it was drawn from."""
    rules = report.rules.rules
    data = json.loads(report.rules.text)
    lines = [["计分办法", report.rules.caption], ["说明", rules.description]]
    lines += [[f"规则：{label}", data[key]["note"]] for key, label in RULE_PARTS.items()
              if isinstance(data.get(key), dict) and data[key].get("note")]
    lines += [[f"依据：{src.get('title', '')}", f"{src.get('used_for', '')}（{src.get('url', '')}）"]
              for src in rules.sources]
    return [[n, *line] for n, line in enumerate(lines, start=1)]


def sheet_name(unit: UnitSheet, taken: set[str]) -> str:
    """An Excel sheet name for a unit: at most 31 characters, unique in the workbook."""
    name = "".join(c for c in unit.name if c not in "[]:*?/\\")[:28]
    base, n = name, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    taken.add(name)
    return name


def write_assessment_xlsx(report: AssessmentReport, target: str | Path) -> Path:
    from openpyxl import Workbook

    from . import xlsx_common as x

    cap = caption(report)
    summary_cols = [x.Column("序号", 5, 6, center=True), x.Column("单位", 14, 28),
                    x.Column("类别", 6, 8, center=True), x.Column("承办任务", 8, 10, center=True),
                    x.Column("扣分", 7, 10, center=True), x.Column("加分", 7, 10, center=True),
                    x.Column("加减分", 7, 10, center=True), x.Column("得分", 7, 10, center=True)]
    point_cols = [x.Column("序号", 5, 6, center=True), x.Column("日期", 14, 16, center=True),
                  x.Column("任务编号", 9, 11, center=True), x.Column("任务", 16, 36),
                  x.Column("事由", 14, 26), x.Column("计分依据", 16, 34),
                  x.Column("分值", 6, 8, center=True), x.Column("记录", 16, 40)]
    target = Path(target)
    with atomic_path(target) as tmp:
        wb = Workbook(write_only=True)
        x.list_sheet(wb, SUMMARY_SHEET, title(report), cap, summary_cols, _summary_values(report, False))
        taken = {SUMMARY_SHEET, RULES_SHEET}
        for unit in report.units:
            values = _point_values(report, unit, False) or [["", "", "", "", "本期无扣分、加分事项", "", "", ""]]
            x.list_sheet(wb, sheet_name(unit, taken), f"{unit.name}督查考核计分明细（{report.period}）",
                         f"{_unit_caption(unit)}    {report.counted_to.strip('（）')}", point_cols, values)
        x.list_sheet(wb, RULES_SHEET, "督查考核计分办法", report.rules.caption,
                     [x.Column("序号", 5, 6, center=True), x.Column("项目", 14, 40), x.Column("内容", 30, 80)],
                     _rules_lines(report))
        wb.save(tmp)
    return target


def write_assessment_pdf(report: AssessmentReport, target: str | Path, fonts=None):
    from reportlab.platypus import CondPageBreak, PageBreak, Spacer

    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    st = pc.Styles(fonts, table_size=9.5)
    width = pc.GBT_LANDSCAPE.width
    story = [st.p(title(report), st.title), st.p(caption(report), st.subtitle), Spacer(1, 6),
             pc.table(st, SUMMARY_HEADERS, _summary_values(report, True), pc.scaled((4, 22, 7, 8, 8, 8, 8, 8), width),
                      centered=(0, 2, 3, 4, 5, 6, 7)),
             PageBreak(), st.p("各单位计分明细", st.title)]
    for unit in report.units:
        story += [CondPageBreak(80), Spacer(1, 8), st.p(f"{unit.name}：{_unit_caption(unit)}", st.heading)]
        values = _point_values(report, unit, True)
        if values:
            story.append(pc.table(st, POINT_HEADERS, values, pc.scaled((4, 11, 8, 22, 14, 20, 6, 20), width),
                                  centered=(0, 1, 2, 6)))
        else:
            story.append(st.p("本期无扣分、加分事项。", st.plain))
    templates = pc.numbered_templates(fonts)
    return pc.build(target, story, templates=[templates["landscape"]], title=title(report), fonts=fonts)
