"""Import metric readings (指标读数) from Excel (.xlsx) or CSV — all or nothing.

Layout: on each sheet, a header row (within the first 10 rows) with a date column (日期, or
月份 for monthly values) and at least one value column. Value columns: 数值 / 本县 / 读数 /
级别 / 空气质量级别 / AQI / 浓度 / 类别 / 水质类别 for the county series, and the metric's
reference name (e.g. 全省平均值) or 参照值 for the reference series. The metric is named by a
指标 column, else by the sheet's name, else by ``default_metric`` (CLI ``--metric``).
Optional 备注 column. Empty value cells are skipped (an import never clears readings).

Values: AQI levels as 优/良/轻度污染/…/严重污染 or 1–6, or an AQI index under an "AQI"
header (converted to the level); water classes as Ⅰ…Ⅴ, 劣Ⅴ, I…V or 1–6; concentrations as
non-negative numbers. Dates: Excel dates, 2016-07-01, 2016/7/1, 2016.7.1, 2016年7月1日; months:
2016-07, 2016年7月.

Every problem is reported with sheet, row, column and value; if there is any, nothing is
written. Existing readings of the same day are replaced (audited).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from wuyang_tasks.db.ledger import Ledger
from wuyang_tasks.domain import metrics as rules
from wuyang_tasks.domain.enums import MetricKind
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import metrics as metric_service
from wuyang_tasks.services.metrics import DAY, MONTH, MetricCatalogue, ReadingEntry
from wuyang_tasks.services.readings_import import ImportSummary, ParsedReadings, save_readings

from .workbook import check_file, column_letter, reading_guard

DATE_HEADERS = ("日期", "监测日期", "时间")
MONTH_HEADERS = ("月份", "月")
VALUE_HEADERS = ("数值", "本县", "读数", "级别", "空气质量级别", "AQI级别", "AQI", "浓度", "类别",
                 "水质类别", "本县数值", "监测值")
REFERENCE_HEADERS = ("参照值", "参照", "全省平均值", "全省平均", "全省均值")
METRIC_HEADERS = ("指标", "指标名称")
NOTE_HEADERS = ("备注", "说明")
HEADER_SCAN_ROWS = 10

_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int
    column: int
    header: str
    value: object

    @property
    def where(self) -> str:
        return (f"工作表“{self.sheet}”第{self.row}行“{self.header}”列"
                f"（{column_letter(self.column)}{self.row}）")

    def problem(self, text: str) -> str:
        return f"{self.where}，值“{_show(self.value)}”：{text}"


# ----------------------------------------------------------------------------- entry point
def import_readings(ledger: Ledger, path: str | Path, *, dry_run: bool = False,
                    default_metric: str | None = None) -> ImportSummary:
    """Read ``path`` against the ledger's metrics, then check and save it
    (services.readings_import: all or nothing, after a backup)."""
    path = Path(path)
    sheets = read_table_file(path)
    with ledger.read() as s:
        catalogue = metric_service.metric_catalogue(s)
    return save_readings(ledger, path, parse_sheets(catalogue, sheets, default_metric), dry_run=dry_run)


# ----------------------------------------------------------------------------- reading files
def read_table_file(path: Path) -> list[tuple[str, list[list[object]]]]:
    """[(sheet name, rows of cell values)] from .xlsx/.xlsm or .csv."""
    if not path.exists():
        raise ValidationError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [(path.stem, _read_csv(path))]
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise ValidationError(f"“{path.name}”不是 Excel（.xlsx）或 CSV 文件。请另存为 .xlsx 或 .csv 后再导入。")


def _read_csv(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK by default
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(f"无法识别“{path.name}”的文字编码，请用 UTF-8 或 GBK 保存。")
    return [list(row) for row in csv.reader(text.splitlines())]


def _read_xlsx(path: Path) -> list[tuple[str, list[list[object]]]]:
    from openpyxl import load_workbook  # here, not at import: openpyxl costs ~0.3 s to load

    check_file(path)
    with reading_guard(path):
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            return [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)])
                    for ws in wb.worksheets]
        finally:
            wb.close()


# ----------------------------------------------------------------------------- parsing
@dataclass(frozen=True)
class _Layout:
    header_row: int
    date_col: int
    monthly: bool
    value_col: int | None
    reference_col: int | None
    metric_col: int | None
    note_col: int | None
    headers: dict[int, str]
    aqi_index: bool  # the value column holds AQI index values, not levels


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _norm(value) -> str:
    """Cell text without white space and control characters (a database refuses NUL)."""
    return _CONTROL.sub("", re.sub(r"\s+", "", str(value))) if value is not None else ""


def find_layout(rows: list[list[object]]) -> _Layout | None:
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        headers = {c: _norm(v) for c, v in enumerate(row) if _norm(v)}
        by_text = {text: c for c, text in headers.items()}
        date_col = next((by_text[h] for h in DATE_HEADERS if h in by_text), None)
        monthly = date_col is None
        if date_col is None:
            date_col = next((by_text[h] for h in MONTH_HEADERS if h in by_text), None)
        if date_col is None:
            continue
        value_col = next((by_text[h] for h in VALUE_HEADERS if h in by_text), None)
        reference_col = next((by_text[h] for h in REFERENCE_HEADERS if h in by_text), None)
        if value_col is None and reference_col is None:
            continue
        return _Layout(
            header_row=r, date_col=date_col, monthly=monthly, value_col=value_col,
            reference_col=reference_col,
            metric_col=next((by_text[h] for h in METRIC_HEADERS if h in by_text), None),
            note_col=next((by_text[h] for h in NOTE_HEADERS if h in by_text), None),
            headers=headers, aqi_index=value_col is not None and headers[value_col].upper() == "AQI")
    return None


def parse_sheets(catalogue: MetricCatalogue, sheets, default_metric: str | None) -> ParsedReadings:
    out = ParsedReadings()
    known = set(catalogue.names())
    for sheet, rows in sheets:
        layout = find_layout(rows)
        if layout is None:
            continue
        out.sheets.append(sheet)
        sheet_metric = sheet if sheet in known else default_metric
        for r in range(layout.header_row + 1, len(rows)):
            row = rows[r]
            if not any(_norm(v) for v in row):
                continue
            out.rows += 1
            _parse_row(catalogue, out, sheet, r + 1, row, layout, sheet_metric)
    if not out.sheets:
        out.problems.append("没有找到表头：前10行中需要有“日期”（或“月份”）列和“数值”（或“本县”、"
                            "“级别”、“类别”、“全省平均值”等）列")
    return out


def _cell(sheet: str, row_no: int, row: list, col: int, layout: _Layout) -> Cell:
    return Cell(sheet, row_no, col + 1, layout.headers.get(col, ""), row[col] if col < len(row) else None)


def _parse_row(catalogue: MetricCatalogue, out: ParsedReadings, sheet: str, row_no: int, row: list,
               layout: _Layout, sheet_metric: str | None) -> None:
    name = sheet_metric
    if layout.metric_col is not None:
        name = _norm(_cell(sheet, row_no, row, layout.metric_col, layout).value) or sheet_metric
    if not name:
        out.problems.append(f"工作表“{sheet}”第{row_no}行：没有指明指标（请加“指标”列，"
                            "或把工作表命名为指标名称）")
        return
    date_cell = _cell(sheet, row_no, row, layout.date_col, layout)
    try:
        day, period = parse_reading_date(date_cell.value, monthly=layout.monthly)
    except ValueError:
        out.problems.append(date_cell.problem("不是有效日期（应如 2016-07-01，按月填 2016-07）"))
        return
    metric = catalogue.find(name, day.year)
    if metric is None:
        where = f"工作表“{sheet}”第{row_no}行"
        names = "、".join(catalogue.names(day.year)) or "无"
        out.problems.append(f"{where}：台账中没有{day.year}年的指标“{name}”（{day.year}年的指标：{names}）")
        return
    note = None
    if layout.note_col is not None:
        raw_note = _cell(sheet, row_no, row, layout.note_col, layout).value
        note = _CONTROL.sub("", str(raw_note)).strip() or None if raw_note is not None else None
    for col, is_reference in ((layout.value_col, False), (layout.reference_col, True)):
        if col is None:
            continue
        cell = _cell(sheet, row_no, row, col, layout)
        if not _norm(cell.value):
            continue
        try:
            value = parse_value(metric.kind, cell.value, aqi_index=layout.aqi_index and not is_reference)
        except ValueError as exc:
            out.problems.append(cell.problem(str(exc)))
            continue
        out.by_metric.setdefault((metric.name, metric.year), []).append(
            ReadingEntry(day, value, is_reference=is_reference, period=period, note=note,
                         where=cell.where))


def parse_reading_date(value, *, monthly: bool) -> tuple[date, str]:
    """A cell → (day, DAY|MONTH). A month-only text or a 月份 column gives MONTH (1st of month)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return (value.replace(day=1), MONTH) if monthly else (value, DAY)
    text = _norm(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        from openpyxl.utils.datetime import from_excel

        day = from_excel(value).date()
        return (day.replace(day=1), MONTH) if monthly else (day, DAY)
    if m := _FULL_DATE.match(text):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return (day.replace(day=1), MONTH) if monthly else (day, DAY)
    if m := _YEAR_MONTH.match(text):
        return date(int(m[1]), int(m[2]), 1), MONTH
    raise ValueError(text)


def parse_value(kind: MetricKind, value, *, aqi_index: bool = False) -> float:
    """A cell → the stored number for ``kind``; ValueError(Chinese reason) when it cannot be."""
    text = _norm(value)
    if kind is MetricKind.WATER_CLASS:
        try:
            return float(rules.parse_water_class(text))
        except ValueError:
            raise ValueError("不是有效的水质类别（应为Ⅰ、Ⅱ、Ⅲ、Ⅳ、Ⅴ、劣Ⅴ）") from None
    if kind is MetricKind.GOOD_DAYS:
        if aqi_index:
            number = _number(text)
            if number < 0:
                raise ValueError("AQI不能为负数")
            return float(rules.aqi_level_of_index(number))
        try:
            return float(rules.parse_aqi_level(text))
        except ValueError:
            raise ValueError("不是有效的空气质量级别（应为优、良、轻度污染、中度污染、重度污染、"
                             "严重污染，或1—6）") from None
    number = _number(text)
    if number < 0:
        raise ValueError("数值不能为负数")
    return number


def _number(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise ValueError("不是数字") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("不是数字")
    return number


def _show(value) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)
