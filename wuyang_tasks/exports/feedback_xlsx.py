"""反馈表 workbook: one unit's open tasks for a week, facts locked, the unit's columns open.

Sheet 反馈表: title, caption (unit, week, day sent), instruction rows, one header row (repeated
on every printed page, A4 landscape, fit to width), one row per task. The fact cells are locked
by sheet protection (no password: protection guards against slips, the row key's hashes detect
what was changed anyway); the input cells are not, with drop-downs for 申请 and checks for
完成百分比 and 延期至. The row key is in a hidden column; sheet 反馈表信息 (hidden) carries the
ledger's identity, the unit and the week. Every text is written as text, never as a formula.
"""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.feedback_forms import (
    FACT_HEADERS,
    HEADERS,
    INPUT_HEADERS,
    KEY_HEADER,
    FeedbackForm,
)
from wuyang_tasks.services.task_list import chinese_date

from .xlsx_common import (
    ALERT_FILLS,
    BODY,
    BORDER,
    CAPTION,
    CENTER,
    DATE_FORMAT,
    HEADER,
    HEADER_FILL,
    LEFT,
    TITLE,
    clean_text,
    print_setup,
    wrapped_lines,
)

SHEET = "反馈表"
META_SHEET = "反馈表信息"
HEADER_ROW = 4
WIDTHS = {"序号": 5, "编号": 10, "工作任务": 24, "责任方式": 9, "牵头县领导": 9, "完成时限": 13,
          "时限情况": 13, "状态": 8, "上次进展": 28, "本期进展": 32, "完成百分比": 7, "申请": 10,
          "延期至": 12, "延期理由": 14, "存在问题": 14, "报送人": 8, "联系电话": 12, "佐证材料": 12,
          KEY_HEADER: 30}
REQUESTS = ("无", "申请办结", "申请延期")
INSTRUCTIONS = (
    "填写说明：1. 灰色各列为台账内容，已锁定，请勿改动；请在白色各列填写本期进展、完成百分比（0—100的整数）、"
    "存在问题、报送人和联系电话。2. “申请”选“申请办结”的，由督查室审核后办结销号；选“申请延期”的，须在完成"
    "时限前提出，并填写延期至（日期）和延期理由，由督查室审批。3. 本期没有进展的任务可不填写。4. 佐证材料请"
    "填写文件名（如 整改照片.jpg，多个用顿号分隔），文件与本表放在同一文件夹报回（JPG、PNG、PDF、Word、Excel 等，"
    "单个不超过 50 MB）；粘贴在表内的图片不作为佐证材料。5. 请勿增删行列、改动工作表名称，填好后原文件报回督查室。")
INPUT_MIN_LINES = 3  # room to write in by hand on a printed form
FACT_FILL_COLOR = "F2F2F2"


def write_form(form: FeedbackForm, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has its one sheet active
    ws.title = SHEET
    fact_fill = PatternFill("solid", fgColor=FACT_FILL_COLOR)
    unlocked = Protection(locked=False)
    letter = {h: get_column_letter(i) for i, h in enumerate(HEADERS, start=1)}
    last_visible = letter[INPUT_HEADERS[-1]]
    for header, column_letter in letter.items():
        ws.column_dimensions[column_letter].width = WIDTHS[header]
    ws.column_dimensions[letter[KEY_HEADER]].hidden = True
    print_setup(ws, header_row=HEADER_ROW)
    ws.print_area = f"A1:{last_visible}{HEADER_ROW + max(len(form.rows), 1)}"

    def put(row: int, col: int, value, *, font=BODY, align=LEFT, fill=None, border=True):
        cell = ws.cell(row=row, column=col)
        if value is not None:
            cell.value = clean_text(value) if isinstance(value, str) else value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text begins with
        cell.font, cell.alignment = font, align
        if fill is not None:
            cell.fill = fill
        if border:
            cell.border = BORDER
        return cell

    week = form.week
    title = f"{form.unit_name}工作任务进展反馈表"
    caption = (f"{week.caption}（{chinese_date(week.start)}至{chinese_date(week.end)}）　报送单位：{form.unit_name}"
               f"　下发日期：{chinese_date(form.sent_on)}" + (f"　下发：{form.issuer}" if form.issuer else ""))
    for row, text, font, height in ((1, title, TITLE, 36), (2, caption, CAPTION, 22), (3, INSTRUCTIONS, BODY, 62)):
        put(row, 1, text, font=font, align=CENTER if row < 3 else LEFT, border=False)
        ws.merge_cells(f"A{row}:{last_visible}{row}")
        ws.row_dimensions[row].height = height
    for col, header in enumerate(HEADERS, start=1):
        put(HEADER_ROW, col, header, font=HEADER, align=CENTER, fill=HEADER_FILL)
    ws.row_dimensions[HEADER_ROW].height = 30

    first = HEADER_ROW + 1
    for n, form_row in enumerate(form.rows, start=1):
        r = HEADER_ROW + n
        put(r, 1, str(n), align=CENTER, fill=fact_fill)
        for col, (header, value) in enumerate(zip(FACT_HEADERS, form_row.facts), start=2):
            fill = ALERT_FILLS.get(form_row.alert) if header == "时限情况" and form_row.alert else fact_fill
            put(r, col, value, align=LEFT if header in ("工作任务", "上次进展") else CENTER,
                fill=fill or fact_fill)
        for header in INPUT_HEADERS:
            cell = put(r, HEADERS.index(header) + 1, None, align=CENTER if header in (
                "完成百分比", "申请", "延期至") else LEFT)
            cell.protection = unlocked
            if header == "延期至":
                cell.number_format = DATE_FORMAT
        put(r, len(HEADERS), form_row.key, border=False)
        lines = max([INPUT_MIN_LINES] + [wrapped_lines(v, WIDTHS[h]) for h, v in zip(FACT_HEADERS, form_row.facts)])
        ws.row_dimensions[r].height = round(lines * 15 + 6, 1)
    last = HEADER_ROW + len(form.rows)
    if form.rows:
        _validations(ws, DataValidation, letter, first, last, form)
    ws.protection.sheet = True
    ws.protection.formatRows = False  # a unit may make a row taller or a column wider
    ws.protection.formatColumns = False
    ws.protection.formatCells = False
    _meta_sheet(wb, form)
    with atomic_path(Path(path)) as tmp:
        wb.save(tmp)
    return Path(path)


def _validations(ws, DataValidation, letter: dict, first: int, last: int, form: FeedbackForm) -> None:
    def cells(header: str) -> str:
        return f"{letter[header]}{first}:{letter[header]}{last}"

    request = DataValidation(type="list", formula1='"' + ",".join(REQUESTS) + '"', allow_blank=True,
                             showErrorMessage=True, errorTitle="申请", error="请从列表中选择：无、申请办结、申请延期",
                             promptTitle="申请", prompt="无 / 申请办结 / 申请延期", showInputMessage=True)
    request.add(cells("申请"))
    percent = DataValidation(type="whole", operator="between", formula1="0", formula2="100",
                             allow_blank=True, showErrorMessage=True, errorTitle="完成百分比",
                             error="请填写 0 到 100 之间的整数")
    percent.add(cells("完成百分比"))
    sent = form.sent_on
    later = DataValidation(type="date", operator="greaterThanOrEqual",
                           formula1=f"DATE({sent.year},{sent.month},{sent.day})", allow_blank=True,
                           showErrorMessage=True, errorTitle="延期至", error="请填写今后的日期，如 2016年9月30日",
                           promptTitle="延期至", prompt="申请延期时填写延期后的日期", showInputMessage=True)
    later.add(cells("延期至"))
    for dv in (request, percent, later):
        ws.add_data_validation(dv)


def _text(cell, value: str) -> None:
    cell.value = clean_text(value)
    cell.data_type = "s"


def _meta_sheet(wb, form: FeedbackForm) -> None:
    ws = wb.create_sheet(META_SHEET)
    facts = (("项目", "内容"), ("格式", "WYF1"), ("台账标识", form.ledger_id), ("单位编号", str(form.unit_id)),
             ("单位", form.unit_name), ("周次", form.week.label), ("起始日期", form.week.start.isoformat()),
             ("截止日期", form.week.end.isoformat()), ("下发日期", form.sent_on.isoformat()))
    for r, (name, value) in enumerate(facts, start=1):
        _text(ws.cell(row=r, column=1), name)
        _text(ws.cell(row=r, column=2), value)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 24
    ws.protection.sheet = True
    ws.sheet_state = "hidden"


def write_forms(forms: list[FeedbackForm], folder: Path, progress=None) -> list[Path]:
    """One workbook per form with rows, named after its unit and week, into ``folder``."""
    folder = Path(folder)
    written = []
    with_rows = [f for f in forms if f.rows]
    for n, form in enumerate(with_rows, start=1):
        written.append(write_form(form, folder / form.file_name))
        if progress:
            progress(n, len(with_rows))
    return written
