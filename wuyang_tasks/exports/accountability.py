"""责任清单 / 问责台账 (accountability sheet) as Excel and as a landscape PDF.

Two parts: the tasks owned, each with the unit's party and government chiefs and its 分管负责人
as of the sheet's day, deadline, status, urgings, extensions and accountability; then the accountability
records themselves (never rewritten: a corrected or voided record stays, with its state).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.document_lists import AccountabilitySheet
from wuyang_tasks.services.task_list import chinese_date

TASKS_SHEET, RECORDS_SHEET = "责任清单", "问责台账"
TASK_HEADERS = ("序号", "编号", "工作任务", "责任单位", "责任类别", "党组织主要负责人", "行政主要负责人",
                "分管负责人", "牵头县领导", "完成时限", "状态", "逾期", "催办情况", "延期情况", "问责情况")
RECORD_HEADERS = ("序号", "被问责人", "时任职务", "问责方式", "责任类型", "问责事实", "决定机关", "决定文号",
                  "生效日期", "涉及任务", "记录状态")


def _task_values(sheet: AccountabilitySheet, dates_as_text: bool) -> list[list]:
    out = []
    for i, line in enumerate(sheet.lines, start=1):
        r = line.row
        deadline: str | date
        if r.ongoing or r.recurrence_day or not r.effective_deadline:
            deadline = r.deadline_display
        else:
            deadline = chinese_date(r.effective_deadline) if dates_as_text else r.effective_deadline
        overdue = f"{r.days_overdue}{'个工作日' if r.deadline_basis.value == 'WORKDAY' else '天'}" \
            if r.days_overdue else ""
        out.append([i, r.code, r.title, line.unit, line.unit_role, line.party_chief, line.government_chief,
                    line.deputies, "、".join(r.lead_leaders), deadline, r.status.label, overdue, line.urgings,
                    line.extensions, line.records])
    return out


def _record_values(sheet: AccountabilitySheet, dates_as_text: bool) -> list[list]:
    return [[i, rec.person_name, rec.post_held, rec.measure.label, rec.responsibility_type.label, rec.facts,
             rec.deciding_body or "", rec.decision_number or "",
             chinese_date(rec.effective_date) if dates_as_text else rec.effective_date,
             "、".join(rec.task_codes), rec.state_label] for i, rec in enumerate(sheet.records, start=1)]


def write_accountability_xlsx(sheet: AccountabilitySheet, target: str | Path, progress=None) -> Path:
    from openpyxl import Workbook

    from . import xlsx_common as x

    caption = "    ".join([*_scope(sheet), f"截至{chinese_date(sheet.as_of)}", sheet.issuer])
    # maxima keep fifteen columns legible on landscape A4 fit to width (as the ledger's, about
    # 80 %): long texts wrap inside their column instead of shrinking the whole page
    task_cols = [x.Column("序号", 5, 5, center=True), x.Column("编号", 9, 10, center=True),
                 x.Column("工作任务", 18, 24), x.Column("责任单位", 9, 12), x.Column("责任类别", 8, 8, center=True),
                 x.Column("党组织主要负责人", 10, 13), x.Column("行政主要负责人", 10, 13),
                 x.Column("分管负责人", 10, 13), x.Column("牵头县领导", 10, 10, center=True),
                 x.Column("完成时限", 12, 14, center=True), x.Column("状态", 6, 7, center=True),
                 x.Column("逾期", 6, 8, center=True), x.Column("催办情况", 10, 16),
                 x.Column("延期情况", 10, 14), x.Column("问责情况", 10, 16)]
    record_cols = [x.Column("序号", 5, 6, center=True), x.Column("被问责人", 8, 10, center=True),
                   x.Column("时任职务", 12, 24), x.Column("问责方式", 8, 12, center=True),
                   x.Column("责任类型", 10, 12, center=True), x.Column("问责事实", 20, 44),
                   x.Column("决定机关", 10, 18), x.Column("决定文号", 10, 20),
                   x.Column("生效日期", 14, 18, center=True), x.Column("涉及任务", 9, 20),
                   x.Column("记录状态", 8, 24)]
    target = Path(target)
    with atomic_path(target) as tmp:  # write-only sheets spool to disk while being built
        wb = Workbook(write_only=True)
        x.list_sheet(wb, TASKS_SHEET, sheet.title, caption, task_cols, _task_values(sheet, False),
                     progress=progress)
        x.list_sheet(wb, RECORDS_SHEET, f"问责台账（{sheet.scope}）", caption, record_cols,
                     _record_values(sheet, False))
        wb.save(tmp)
    return target


def _scope(sheet: AccountabilitySheet) -> list[str]:
    """The scope under the title, unless the title already names it ("全县…责任清单" / "全县")."""
    return [] if sheet.scope in sheet.title else [sheet.scope]


def write_accountability_pdf(sheet: AccountabilitySheet, target: str | Path, fonts=None):
    from reportlab.platypus import PageBreak, Spacer

    from . import pdf_common as pc

    fonts = fonts or pc.load_fonts()
    st = pc.Styles(fonts, table_size=9)
    width = pc.GBT_LANDSCAPE.width
    caption = "    ".join([*_scope(sheet), f"截至{chinese_date(sheet.as_of)}"])
    story = [st.p(sheet.title, st.title), st.p(caption, st.subtitle), Spacer(1, 6)]
    values = _task_values(sheet, True)
    if values:
        story.append(pc.table(st, TASK_HEADERS, values,
                              pc.scaled((3.5, 8.5, 15, 8, 6.5, 11, 11, 11, 6, 10, 6, 6, 11, 9, 11), width),
                              centered=(0, 1, 4, 8, 9, 10, 11)))
    else:
        story.append(st.p("该范围内没有已交办的任务。", st.plain))
    story += [PageBreak(), st.p(f"问责台账（{sheet.scope}）", st.title), Spacer(1, 6)]
    records = _record_values(sheet, True)
    if records:
        story.append(pc.table(st, RECORD_HEADERS, records,
                              pc.scaled((3.5, 6, 13, 7, 8, 26, 10, 11, 10, 8, 11), width),
                              centered=(0, 1, 3, 4, 8)))
    else:
        story.append(st.p("该范围内没有问责记录。", st.plain))
    templates = pc.numbered_templates(fonts)
    return pc.build(target, story, templates=[templates["landscape"]], title=sheet.title, fonts=fonts)
