"""Read a task breakdown table (任务分解表 / 台账) from a sheet: find the header row(s) by their
words, the title and 填报 date above them, section rows (categories) and task rows. No database
here: names stay as written; :mod:`.ledger_plan` resolves them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path


from wuyang_tasks.domain.enums import TaskStatus

from .deadlines import DeadlineError, deadline_in_text, parse_deadline
from .names import split_names, split_unit_names
from .workbook import Sheet, WorkbookRefused, clean_text, column_letter, read_workbook


class Field(StrEnum):
    SEQ = "序号"
    CODE = "编号"
    TITLE = "工作任务"
    CONTENT = "具体内容"
    CATEGORY = "类别"
    LEADER = "牵头县领导"
    LEAD_UNIT = "牵头单位"
    COOP_UNIT = "配合单位"
    TERRITORIAL = "属地单位"
    PERSON = "责任人"
    DEADLINE = "完成时限"
    DEADLINE_NOTE = "时限说明"
    TARGET = "量化目标"
    PROGRESS = "进展情况"
    STATUS = "状态"
    NOTE = "备注"


# Exact header texts (blanks and brackets removed) — checked first.
EXACT = {
    Field.SEQ: ("序号", "序", "No", "NO"),
    Field.CODE: ("编号", "任务编号", "督办编号", "事项编号"),
    Field.TITLE: ("工作任务", "任务内容", "重点任务", "主要任务", "任务名称", "工作内容", "具体任务",
                  "任务事项", "督办事项", "工作事项", "目标任务", "重点工作", "工作任务及目标", "任务"),
    Field.CONTENT: ("具体措施", "工作措施", "主要措施", "推进措施", "具体内容", "工作要求", "措施"),
    Field.CATEGORY: ("类别", "分类", "任务类别", "领域"),
    Field.LEADER: ("牵头县领导", "责任领导", "分管领导", "牵头领导", "县级领导", "分包县领导", "包抓领导",
                   "联系县领导", "责任县领导", "分管县领导", "牵头县级领导"),
    Field.LEAD_UNIT: ("牵头单位", "责任单位", "牵头责任单位", "主办单位", "承办单位", "牵头部门",
                      "责任部门", "责任主体", "牵头"),
    Field.COOP_UNIT: ("配合单位", "协办单位", "配合协同单位", "协同单位", "配合部门", "参与单位", "配合"),
    Field.TERRITORIAL: ("属地单位", "责任乡镇", "属地乡镇", "属地", "主体责任单位"),
    Field.PERSON: ("责任人", "具体责任人", "直接责任人", "经办人", "承办人"),
    Field.DEADLINE: ("完成时限", "时限", "完成时间", "时间节点", "办结时限", "时间要求", "完成期限",
                     "截止时间", "时限要求", "办理时限"),
    Field.DEADLINE_NOTE: ("时限说明", "时限备注"),
    Field.TARGET: ("量化目标", "目标要求", "工作目标", "预期目标"),
    Field.PROGRESS: ("进展情况", "完成情况", "推进情况", "本周进展", "工作进展", "进展"),
    Field.STATUS: ("状态", "完成状态", "办理状态", "任务状态"),
    Field.NOTE: ("备注",),
}
# Then words the header contains, most specific first.
CONTAINS = [
    (("编号",), Field.CODE),
    (("属地",), Field.TERRITORIAL),
    (("配合", "协办", "协同", "参与"), Field.COOP_UNIT),
    (("领导",), Field.LEADER),
    (("时限", "时间", "期限", "节点"), Field.DEADLINE),
    (("责任人", "经办人"), Field.PERSON),
    (("单位", "部门"), Field.LEAD_UNIT),
    (("进展", "完成情况", "推进情况"), Field.PROGRESS),
    (("状态",), Field.STATUS),
    (("备注",), Field.NOTE),
    (("序号",), Field.SEQ),
    (("目标",), Field.TARGET),
    (("措施",), Field.CONTENT),
    (("任务", "事项"), Field.TITLE),
]
UNIT_FIELDS = (Field.LEAD_UNIT, Field.COOP_UNIT, Field.TERRITORIAL)
_SECTION = re.compile(r"^\s*(?:第?[一二三四五六七八九十]{1,3}[、.．部分]|[（(][一二三四五六七八九十]{1,3}[)）])\s*")
_CN_NUMERAL = re.compile(r"^[（(]?[一二三四五六七八九十]{1,3}[)）]?[、.．]?$")
_FOOTER = re.compile(r"^(注[:：]|注\s|说明[:：]|填表人|填报人|审核人|制表|联系人|联系电话|主要负责人|负责人签字)")
_TOTALS = ("合计", "小计", "总计")
_DATE_IN_TEXT = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
# 时限说明 as the program's own ledger export writes it: "会后10个工作日内（自2016年7月13日起算）"
_COUNTED_FROM = re.compile(r"[（(]\s*自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起算\s*[)）]")

STATUS_WORDS = {
    "已完成": TaskStatus.DONE, "完成": TaskStatus.DONE, "办结": TaskStatus.DONE, "已销号": TaskStatus.DONE,
    "销号": TaskStatus.DONE, "推进中": TaskStatus.IN_PROGRESS, "正在推进": TaskStatus.IN_PROGRESS,
    "进行中": TaskStatus.IN_PROGRESS, "正在办理": TaskStatus.IN_PROGRESS, "持续推进": TaskStatus.IN_PROGRESS,
    "未启动": TaskStatus.ASSIGNED, "未开始": TaskStatus.ASSIGNED, "待审核": TaskStatus.REPORTED,
    "暂停": TaskStatus.SUSPENDED, "取消": TaskStatus.CANCELLED, "草稿": TaskStatus.DRAFT,
}


@dataclass
class Problem:
    """One thing wrong with the file, located as the clerk will look for it."""

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None  # Excel column letter
    field: str | None = None  # header as understood (完成时限 …)
    value: str | None = None
    is_error: bool = True

    def text(self) -> str:
        where = []
        if self.sheet:
            where.append(f"工作表“{self.sheet}”")
        if self.row:
            where.append(f"第{self.row}行")
        if self.column:
            where.append(f"{self.column}列")
        if self.field:
            where.append(self.field)
        if self.value is not None:
            where.append(f"“{self.value}”")
        return " ".join(where + [self.message])


@dataclass
class TableRow:
    """One task row as written. Names are lists of the names written in the cell."""

    sheet: str
    row: int
    title: str
    code: str | None = None
    content: str = ""
    category: str | None = None
    leaders: list[str] = field(default_factory=list)
    lead_units: list[str] = field(default_factory=list)
    coop_units: list[str] = field(default_factory=list)
    territorial: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    deadline: object = None  # DeadlineSpec | None
    deadline_raw: str | None = None
    # a 时限说明 counting working/calendar days from a stated day; the plan keeps it when it
    # gives the same date as 完成时限 (else 完成时限 wins: e.g. an approved extension)
    counted_deadline: object = None  # DeadlineSpec | None
    target: str | None = None
    progress: str | None = None
    status: TaskStatus | None = None
    note: str | None = None
    columns: dict[Field, str] = field(default_factory=dict)  # where each field was read

    def column(self, f: Field) -> str | None:
        return self.columns.get(f)


@dataclass
class TableReading:
    path: Path
    sheet: str
    title: str | None
    doc_date: date | None
    year: int | None
    header_rows: tuple[int, ...]
    columns: dict[Field, int]
    rows: list[TableRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sections: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def header_field(text) -> Field | None:
    if text is None or isinstance(text, (int, float, datetime, date)):
        return None
    raw = re.sub(r"\s+", "", str(text))
    if not raw or len(raw) > 20:
        return None
    variants = {raw, re.sub(r"[（(][^）)]*[）)]", "", raw), re.sub(r"[（()）]", "", raw)}
    for f, words in EXACT.items():
        if variants & set(words):
            return f
    for words, f in CONTAINS:
        if any(w in raw for w in words):
            return f
    return None


def read_ledger_table(path: Path, *, sheet: str | None = None,
                      fallback_year: int | None = None) -> TableReading:
    """Read the first sheet that has a header row (or ``sheet``). Raises WorkbookRefused when
    no sheet has one."""
    sheets = read_workbook(Path(path), sheet)
    found = [(s, h) for s in sheets if (h := _find_header(s)) is not None]
    if not found:
        names = "、".join(s.name for s in sheets) or "（无）"
        raise WorkbookRefused(
            f"“{Path(path).name}”中没有找到表头（应有“序号”“工作任务/任务内容”“牵头单位/责任单位”"
            f"“完成时限”等列）。已查看的工作表：{names}。")
    chosen, header = found[0]
    reading = _read(Path(path), chosen, header, fallback_year)
    if sheet is None and len(found) > 1:
        others = "、".join(s.name for s, _ in found[1:])
        reading.problems.append(Problem(
            f"只导入了工作表“{chosen.name}”；工作表 {others} 也像任务表，如需导入请用 --sheet 指定",
            is_error=False))
    return reading


def _find_header(sheet: Sheet) -> tuple[int, ...] | None:
    rows = sheet.row_numbers()[:30]
    for r in rows:
        fields = {header_field(sheet.filled(r, c, sideways=True)) for c in range(1, sheet.width + 1)}
        fields.discard(None)
        if Field.TITLE in fields and len(fields) >= 2:
            below = r + 1
            cells = [sheet.raw(below, c) for c in range(1, sheet.width + 1)]
            written = [v for v in cells if v is not None]
            section = len({str(v) for v in written}) == 1 and _SECTION.match(str(written[0]))
            if written and not section and all(header_field(v) is not None for v in written):
                return (r, below)  # 责任单位 over 牵头/配合; not a category row "一、空气质量目标"
            return (r,)
    return None


def _columns(sheet: Sheet, header: tuple[int, ...], problems: list[Problem]) -> dict[Field, int]:
    columns: dict[Field, int] = {}
    texts = {c: re.sub(r"\s+", "", str(sheet.raw(header[-1], c) or sheet.filled(header[0], c, sideways=True) or ""))
             for c in range(1, sheet.width + 1)}
    has_lead = any(re.search(r"牵头", v) for v in texts.values())
    for c in range(1, sheet.width + 1):
        upper = header_field(sheet.filled(header[0], c, sideways=True))
        lower = header_field(sheet.raw(header[1], c)) if len(header) > 1 else None
        f = lower or upper
        if f is Field.LEAD_UNIT and has_lead and re.match(r"^主责(单位|部门)?$", texts[c]):
            f = Field.TERRITORIAL  # 牵头部门 + 主责单位 + 协办单位: 主责 carries the duty where it is done
        if f is None:
            continue
        if f in columns:
            if f is Field.TITLE and Field.CONTENT not in columns:
                f = Field.CONTENT
            elif f is Field.LEAD_UNIT and Field.COOP_UNIT not in columns:
                f = Field.COOP_UNIT
            else:
                problems.append(Problem(f"与{column_letter(columns[f])}列重复，本列未导入",
                                        sheet=sheet.name, row=header[-1],
                                        column=column_letter(c), field=f.value, is_error=False))
                continue
        columns[f] = c
    return columns


def _read(path: Path, sheet: Sheet, header: tuple[int, ...], fallback_year: int | None) -> TableReading:
    problems: list[Problem] = []
    columns = _columns(sheet, header, problems)
    title, doc_date = _document_facts(sheet, header[0])
    year = doc_date.year if doc_date else _year_in(title) or _year_in(path.stem)
    if year is None:
        year = fallback_year
        if fallback_year is not None:
            problems.append(Problem(f"文件中没有填报日期或年份，未写年份的时限按{fallback_year}年计",
                                    sheet=sheet.name, is_error=False))
    reading = TableReading(path=path, sheet=sheet.name, title=title, doc_date=doc_date, year=year,
                           header_rows=header, columns=columns, problems=problems)
    letters = {f: column_letter(c) for f, c in columns.items()}  # one dict for every row
    category = None
    for r in sheet.row_numbers():
        if r <= header[-1]:
            continue
        kind, text = _classify(sheet, r, columns)
        if kind == "footer":
            break
        if kind == "section":
            category = text
            reading.sections += 1
        elif kind == "task":
            reading.rows.append(_task_row(sheet, r, columns, letters, category, reading))
    if not reading.rows and not reading.errors:
        problems.append(Problem("表头下面没有任务行", sheet=sheet.name, row=header[-1]))
    return reading


def _document_facts(sheet: Sheet, header_row: int) -> tuple[str | None, date | None]:
    title = None
    doc_date = None
    for r in sheet.row_numbers():
        if r >= header_row:
            break
        texts = [clean_text(v) for v in sheet.cells[r] if v is not None]
        joined = " ".join(t for t in texts if t)
        if not joined:
            continue
        for v in sheet.cells[r]:
            if isinstance(v, (datetime, date)) and doc_date is None:
                doc_date = v.date() if isinstance(v, datetime) else v
        m = _DATE_IN_TEXT.search(joined)
        if m and doc_date is None and re.search(r"日期|时间|截至|截止|填报|制表|\d日", joined):
            try:
                doc_date = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
        if title is None and not re.search(r"填报|日期|截至|截止|制表|单位[:：]", joined):
            title = re.sub(r"\s+", "", joined)[:200]
    return title, doc_date


def _year_in(text: str | None) -> int | None:
    m = _YEAR.search(text or "")
    return int(m.group(1)) if m else None


def _classify(sheet: Sheet, r: int, columns: dict[Field, int]) -> tuple[str, str | None]:
    raw = [clean_text(v) if not isinstance(v, (datetime, date, int, float)) else v
           for v in sheet.cells.get(r, [])]
    written = [v for v in raw if v not in (None, "")]
    if not written:
        return "empty", None
    first = written[0]
    if isinstance(first, str) and _FOOTER.match(first):
        return "footer", None
    texts = {str(v) for v in written}
    if texts & set(_TOTALS) or any(str(v).replace(" ", "") in _TOTALS for v in written):
        return "empty", None
    seq = sheet.raw(r, columns[Field.SEQ]) if Field.SEQ in columns else None
    title = sheet.raw(r, columns[Field.TITLE]) if Field.TITLE in columns else None
    others = [sheet.raw(r, columns[f]) for f in (Field.LEADER, *UNIT_FIELDS, Field.DEADLINE, Field.PERSON)
              if f in columns]
    no_details = all(v is None for v in others)
    if len(texts) == 1 and isinstance(first, str) and (sheet.merged_across(r) or _SECTION.match(first)) \
            and no_details:
        return "section", _section_title(first)
    if isinstance(seq, str) and _CN_NUMERAL.match(seq.strip()) and no_details and title:
        return "section", _section_title(str(title))
    return "task", None


def _section_title(text: str) -> str:
    text = _SECTION.sub("", re.sub(r"\s+", "", text))
    text = re.sub(r"[（(]\d+项[）)]$", "", text)
    return text.rstrip("：:")[:100] or text


def _task_row(sheet: Sheet, r: int, columns: dict[Field, int], letters: dict[Field, str],
              category: str | None, reading: TableReading) -> TableRow:
    values = sheet.cells.get(r) or []

    def cell(f: Field):  # sheet.filled(r, column), the row's values looked up once
        c = columns.get(f)
        if c is None:
            return None
        value = values[c - 1] if c <= len(values) else None
        return value if value is not None or not sheet.merges else sheet.filled(r, c)

    def text(f: Field) -> str:
        v = cell(f)
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return clean_text(v)

    row = TableRow(sheet=sheet.name, row=r, title="", category=category, columns=letters)

    def problem(f: Field, message: str, value=None) -> None:
        reading.problems.append(Problem(message, sheet=sheet.name, row=r, column=row.column(f),
                                        field=f.value, value=value))

    title = text(Field.TITLE).replace("\n", "")
    content = text(Field.CONTENT)
    if not title and content:
        title, content = content.replace("\n", ""), ""
    if not title:
        problem(Field.TITLE, "为空：每个任务行都要写明工作任务")
    if len(title) > 300:
        content = (title + ("\n" + content if content else "")).strip()
        title = title[:299] + "…"
    row.title, row.content = title, content
    category_cell = text(Field.CATEGORY)
    if category_cell:
        row.category = category_cell[:100]
    row.code = text(Field.CODE) or None
    row.leaders = list(_names(cell(Field.LEADER), False))
    row.lead_units = list(_names(cell(Field.LEAD_UNIT), True))
    row.coop_units = list(_names(cell(Field.COOP_UNIT), True))
    row.territorial = list(_names(cell(Field.TERRITORIAL), True))
    row.persons = list(_names(cell(Field.PERSON), False))
    row.target = text(Field.TARGET) or None
    row.progress = text(Field.PROGRESS) or None
    row.note = text(Field.NOTE) or None
    deadline = cell(Field.DEADLINE)
    if deadline is not None:
        row.deadline_raw = clean_text(deadline) if not isinstance(deadline, (datetime, date)) \
            else f"{deadline:%Y-%m-%d}"
        try:
            row.deadline = parse_deadline(deadline, reading.year, doc_date=reading.doc_date)
        except DeadlineError as exc:
            problem(Field.DEADLINE, f"无法识别（{exc}）" if str(exc) != "无法识别" else "无法识别",
                    row.deadline_raw)
    note = text(Field.DEADLINE_NOTE).replace("\n", "")
    if note:
        _read_deadline_note(row, note, reading, problem)
    status = text(Field.STATUS)
    if status:
        parsed = parse_status(status)
        if parsed is None:
            names = "、".join(s.label for s in TaskStatus)
            problem(Field.STATUS, f"无法识别，可写：{names}", status)
        row.status = parsed
    return row


def _read_deadline_note(row: TableRow, note: str, reading: TableReading, problem) -> None:
    """时限说明 next to 完成时限. With a date in 完成时限 the note is its wording (kept as the
    task's 时限原文), and a note counting days "（自…起算）" is kept as :attr:`TableRow.counted_deadline`.
    Without anything in 完成时限 the note is read as the deadline itself."""
    start = None
    m = _COUNTED_FROM.search(note)
    if m:
        try:
            start = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            problem(Field.DEADLINE_NOTE, "起算日期不存在", note)
            return
    phrase = _COUNTED_FROM.sub("", note).strip() or note
    if row.deadline is None and row.deadline_raw is None:
        try:
            spec = parse_deadline(phrase, reading.year, doc_date=start or reading.doc_date)
        except DeadlineError as exc:
            problem(Field.DEADLINE_NOTE, f"无法识别（{exc}）" if str(exc) != "无法识别" else "无法识别", note)
            return
        row.deadline = replace(spec, start=spec.start or (start if spec.days is not None else None))
        row.deadline_raw = note
        return
    if row.deadline is None or row.deadline.day is None or row.deadline.days is not None:
        return  # 完成时限 states its own wording (长期坚持, 每月25日前 …)
    row.deadline = replace(row.deadline, text=phrase[:100])
    if start is not None:
        try:
            counted = deadline_in_text(phrase, reading.year, doc_date=start)
        except DeadlineError:
            counted = None
        if counted is not None and counted.days is not None:
            row.counted_deadline = replace(counted, start=start)


@lru_cache(maxsize=4096)
def _names(cell, units: bool) -> tuple[str, ...]:
    """The names in a cell, split once per distinct cell (a table repeats a few dozen)."""
    return tuple(split_unit_names(cell) if units else split_names(cell))


@lru_cache(maxsize=256)
def parse_status(text: str) -> TaskStatus | None:
    text = re.sub(r"\s+", "", text)
    try:
        return TaskStatus.parse(text)
    except ValueError:
        return STATUS_WORDS.get(text)


__all__ = ["Field", "Problem", "TableReading", "TableRow", "WorkbookRefused", "header_field",
           "parse_status", "read_ledger_table"]
