"""Read a returned 反馈表 (services.feedback_forms, exports.feedback_xlsx): its identity, and per
row the key, the fact cells as they now read and the unit's entries, typed.

Columns are found by their header words, not by position, and the identity sheet by its name, so
a workbook re-saved by WPS or LibreOffice (styles, hidden columns rewritten) reads the same.
What cannot be read (a percent that is not a number, a date that is not a date) is a problem
naming file, sheet, row and column; whether the row fits the ledger is decided by the service.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

from wuyang_tasks.domain.enums import FeedbackRequest
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services.feedback_forms import FACT_HEADERS, INPUT_HEADERS, KEY_HEADER, normal_text
from wuyang_tasks.services.returned_forms import ReturnedForm, ReturnedRow

from .workbook import Sheet, WorkbookRefused, column_letter, read_workbook

META_SHEET = "反馈表信息"
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_PERCENT = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*[%％]?$")
_LIST_SPLIT = re.compile(r"[、,，;；\n]+")
_REQUESTS = {"": FeedbackRequest.NONE, "无": FeedbackRequest.NONE, "申请办结": FeedbackRequest.CLOSE,
             "办结": FeedbackRequest.CLOSE, "申请延期": FeedbackRequest.EXTEND, "延期": FeedbackRequest.EXTEND}
_EXCEL_EPOCH = date(1899, 12, 30)


def read_returned(path: Path) -> ReturnedForm:
    """Read one workbook. A file that is not a readable .xlsx raises WorkbookRefused."""
    path = Path(path)
    form = ReturnedForm(path)
    sheets = read_workbook(path)
    meta = next((s for s in sheets if s.name == META_SHEET), None)
    if meta is not None:
        for r in meta.row_numbers():
            name, value = normal_text(meta.raw(r, 1)), normal_text(meta.raw(r, 2))
            if name:
                form.meta[name] = value
    found = next(((s, r) for s in sheets if s.name != META_SHEET for r in [_header_row(s)] if r), None)
    if found is None:
        form.problem("找不到反馈表的表头（编号、本期进展、行标识等列）；请报回督查室下发的原表")
        return form
    sheet, header_row = found
    form.sheet = sheet.name
    columns = {normal_text(sheet.raw(header_row, c)): c for c in range(1, sheet.width + 1)}
    missing = [h for h in (*FACT_HEADERS, *INPUT_HEADERS, KEY_HEADER) if h not in columns]
    if missing:
        form.problem("缺少以下列：" + "、".join(missing) + "；请勿删除反馈表的列", sheet=sheet.name,
                     row=header_row)
        return form
    letters = {h: column_letter(c) for h, c in columns.items()}
    for r in sheet.row_numbers():
        if r > header_row:
            row = _row(form, sheet, r, columns, letters)
            if row is not None:
                form.rows.append(row)
    return form


def workbook_paths(paths: list[Path]) -> list[Path]:
    """Files as given, folders as the .xlsx files in them (not Excel's ~$ lock files)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".xlsx"
                                and not p.name.startswith(("~$", ".")) and p.is_file()))
        else:
            found.append(path)
    if not found:
        raise ValidationError("没有找到要收回的反馈表（.xlsx 文件）。")
    return found


def read_forms(paths: list[Path]) -> list[ReturnedForm]:
    """Every workbook read; one that cannot be read is a problem of its own, not the end."""
    forms = []
    for path in workbook_paths(paths):
        try:
            forms.append(read_returned(path))
        except WorkbookRefused as refused:
            form = ReturnedForm(path)
            form.problem(refused.message)
            forms.append(form)
    return forms


def _header_row(sheet: Sheet) -> int | None:
    for r in sheet.row_numbers()[:20]:
        texts = {normal_text(v) for v in sheet.cells[r]}
        if {"编号", "本期进展", KEY_HEADER} <= texts:
            return r
    return None


def _row(form: ReturnedForm, sheet: Sheet, r: int, columns: dict[str, int],
         letters: dict[str, str]) -> ReturnedRow | None:
    def raw(header):
        return sheet.raw(r, columns[header])

    def text(header) -> str:
        value = raw(header)
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 13800000000 typed as a number
        return normal_text(value)

    row = ReturnedRow(sheet.name, r, text(KEY_HEADER), tuple(text(h) for h in FACT_HEADERS),
                      text=text("本期进展"), reason=text("延期理由"), problems_text=text("存在问题"),
                      reporter=text("报送人"), phone=text("联系电话"),
                      evidence=tuple(p.strip() for p in _LIST_SPLIT.split(text("佐证材料")) if p.strip()),
                      letters=letters)
    if not (row.key or any(row.facts) or row.evidence or row.reporter or row.phone
            or any(raw(h) is not None for h in INPUT_HEADERS)):
        return None

    def bad(header: str, message: str) -> None:
        row.unreadable = True
        form.problem(message, sheet=sheet.name, row=r, column=letters[header], field=header,
                     value=text(header))

    row.percent = parse_percent(raw("完成百分比"), lambda m: bad("完成百分比", m))
    request = text("申请")
    if request in _REQUESTS:
        row.request = _REQUESTS[request]
    else:
        bad("申请", "应为“无”“申请办结”或“申请延期”")
    row.extend_to = parse_day(raw("延期至"), lambda m: bad("延期至", m))
    return row


def parse_percent(value, bad) -> int | None:
    """完成百分比 as typed (60, "60", "60%", 0.6 from a cell formatted as a percentage); ``bad(message)``
    is told why not."""
    if value is None:
        return None
    if isinstance(value, bool):
        bad("不是数字")
        return None
    if isinstance(value, int | float):
        number = float(value)
        if 0 < number < 1 and not number.is_integer():
            number *= 100  # 60% typed into the cell: Excel stores 0.6
    else:
        match = _PERCENT.match(normal_text(value))
        if not match:
            bad("应为 0 到 100 之间的整数")
            return None
        number = float(match[1])
    if not number.is_integer():
        bad("应为整数")
        return None
    return int(number)  # 0..100 is the service's check, so that 130 is named as such


def parse_day(value, bad) -> date | None:
    """A date as typed or stored (a date cell, 2016-09-30, 2016年9月30日, an Excel day number)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 < value < 80000:
        return _EXCEL_EPOCH + timedelta(days=int(value))
    match = _DATE.match(normal_text(value))
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    bad("不是日期（应写作 2016年9月30日 或 2016-09-30）")
    return None
