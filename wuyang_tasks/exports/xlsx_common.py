"""What every exported workbook shares: print settings, fonts, safe text cells, column widths.

Import only from inside an export function: openpyxl is loaded lazily (program start-up cost).
Sheets are write-only (streamed) wherever the layout allows, so 10,000-task ledgers stay quick;
the body rows of list sheets go in as sheet XML (xlsx_rows), not as an openpyxl object per cell.

Safety: every text from the ledger is written with data type ``s`` (an inline string) — a title
beginning with = + - @ is text in the file, never a formula — and characters that XML cannot
hold (control characters pasted from other programs) are dropped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"  # Excel/WPS fall back to 宋体 where it is not installed
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
PERCENT_FORMAT = "0.0%"
FOOTER = "第 &P 页 共 &N 页"
MAX_CELL_TEXT = 32767  # Excel's limit (openpyxl's value setter truncates the same way)

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WIDE = re.compile(r"[^\x00-\u2e7f]")  # CJK and everything after it: two width units
_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)

TITLE = Font(name=TITLE_FONT, size=18)
DOCUMENT_TITLE = Font(name=TITLE_FONT, size=16)  # a 通报's own title, under the sheet's
CAPTION = Font(name=BODY_FONT, size=12)
HEADER = Font(name=HEADING_FONT, size=11)
BODY = Font(name=BODY_FONT, size=11)
BOLD_BODY = Font(name=HEADING_FONT, size=11)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center", wrap_text=True, indent=4)  # 落款
RIGHT_EDGE = Alignment(horizontal="right", vertical="center", wrap_text=True, indent=1)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
ALERT_FILLS = {
    "RED": PatternFill("solid", fgColor="FF9999"),
    "YELLOW": PatternFill("solid", fgColor="FFE699"),
    "BLUE": PatternFill("solid", fgColor="9DC3E6"),
    "GREEN": PatternFill("solid", fgColor="A9D08E"),
}


@dataclass(frozen=True)
class Column:
    header: str
    min_width: float = 6
    max_width: float = 40
    wrap: bool = True  # long texts wrap inside the column rather than widen it
    center: bool = False


def clean_text(value: object) -> str:
    return _ILLEGAL.sub("", str(value)) if value is not None else ""


def cell_text(value: object) -> str:
    """The text a cell holds: cleaned, cut at Excel's limit as openpyxl's value setter does."""
    return clean_text(value)[:MAX_CELL_TEXT]


def display_width(text: str) -> float:
    """Excel column width units: a CJK character counts as two, ASCII as a bit more than one."""
    return 1.1 * len(text) + len(_WIDE.findall(text))  # counted in C: 10^5 cells per export


class SheetWriter:
    """Streams the rows of one write-only sheet (styled cells, row count for print settings)."""

    def __init__(self, ws, columns: Sequence[Column], widths: Sequence[float] | None = None,
                 line_height: float = 15.0):
        self.ws = ws
        self.columns = list(columns)
        self.widths = list(widths) if widths else None
        self.line_height = line_height
        self.row_count = 0
        self._styles: dict[tuple, object] = {}

    # -- cells ------------------------------------------------------------------------------
    def text(self, value: object, font: Font = BODY, align: Alignment = LEFT, fill=None,
             border: bool = True) -> Cell:
        cell = Cell(self.ws, 1, 1)  # the value is set directly: type checks cost per cell
        cell._value = cell_text(value)  # type: ignore[attr-defined]  # private slot; stubs omit it
        cell.data_type = "s"  # never a formula, whatever the text begins with
        return self._style(cell, font, align, fill, border)

    def number(self, value, fmt: str | None = None, font: Font = BODY, fill=None) -> Cell:
        cell = WriteOnlyCell(self.ws, value=value)
        if fmt:
            cell.number_format = fmt
        return self._style(cell, font, CENTER, fill, True)

    def day(self, value: date | None) -> Cell:
        if value is None:
            return self.text("", align=CENTER)
        # the stubs omit date from WriteOnlyCell's value; it hands it to Cell, which takes one
        cell = WriteOnlyCell(self.ws, value=value)  # type: ignore[arg-type]
        cell.number_format = DATE_FORMAT
        return self._style(cell, BODY, CENTER, None, True)

    def _style(self, cell, font, align, fill, border):
        """Styling a cell hashes every style object (slow for 100,000 cells): each combination
        is resolved once and its style array shared by the cells that use it (write-only cells
        are written out as they are appended and never restyled)."""
        key = (id(font), id(align), id(fill), border, cell.number_format)
        cached = self._styles.get(key)
        if cached is None:
            cell.font = font
            cell.alignment = align
            if fill is not None:
                cell.fill = fill
            if border:
                cell.border = BORDER
            self._styles[key] = cell._style
        else:
            cell._style = cached
        return cell

    # -- rows ------------------------------------------------------------------------------
    def title_rows(self, title: str, caption: str) -> None:
        """Row 1 the title, row 2 the caption, both merged across the table."""
        last = get_column_letter(len(self.columns))
        self.ws.row_dimensions[1].height = 36  # before the rows: a write-only sheet writes a
        self.ws.row_dimensions[2].height = 22  # row's height as the row is appended
        self.ws.append([self.text(title, TITLE, CENTER, border=False)])
        self.ws.append([self.text(caption, CAPTION, CENTER, border=False)])
        self.ws.merged_cells.add(f"A1:{last}1")
        self.ws.merged_cells.add(f"A2:{last}2")
        self.row_count = 2

    def header_row(self) -> int:
        self.ws.append([self.text(c.header, HEADER, CENTER, HEADER_FILL) for c in self.columns])
        self.row_count += 1
        return self.row_count

    def row_height(self, lines: int) -> float:
        """Points for a row of ``lines`` wrapped lines."""
        return round(lines * self.line_height + 6, 1)

    def append(self, cells: Iterable, lines: int | None = None) -> None:
        """Append a row, tall enough for its wrapped texts (Excel does not grow rows on open);
        ``lines``: the caller has counted them already."""
        cells = list(cells)
        self.row_count += 1
        if self.widths:
            if lines is None:
                lines = max((wrapped_lines(c.value, w) for c, w in zip(cells, self.widths)), default=1)
            self.ws.row_dimensions[self.row_count].height = self.row_height(lines)
        self.ws.append(cells)


def wrapped_lines(value: object, width: float) -> int:
    if not isinstance(value, str) or not value:
        return 1
    usable = max(width - 1, 1) * 1.05
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in value.split("\n"))


def measure_widths(columns: Sequence[Column], rows: Iterable[Sequence[object]]) -> list[float]:
    """Width each column needs for ``rows`` of plain values (for write-only sheets, which need
    their widths before the first row is written)."""
    return _fit(columns, _needs(columns, rows)[0])


def _fit(columns: Sequence[Column], needs: Sequence[float]) -> list[float]:
    return [round(min(max(w, c.min_width), c.max_width), 1) for w, c in zip(needs, columns)]


def _needs(columns: Sequence[Column], rows: Iterable[Sequence[object]]) -> tuple[list[float], list[bool]]:
    """The width each column needs, and whether any of its texts holds a line break."""
    widths = [display_width(c.header) + 2 for c in columns]
    breaks = [False] * len(widths)
    for values in rows:
        for i, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, date):
                need = 16.0
            else:
                text = value if isinstance(value, str) else str(value)
                if "\n" in text:
                    breaks[i] = True
                    need = max(display_width(p) for p in text.split("\n")) + 2
                else:
                    need = display_width(text) + 2
            if need > widths[i]:
                widths[i] = need
    return widths, breaks


def apply_widths(ws, widths: Sequence[float]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def print_setup(ws, *, header_row: int | None, landscape: bool = True) -> None:
    """A4, fit to width, header row repeated on every page, frozen below the header, page
    numbers 第 &P 页 共 &N 页 in the footer. Call before the first row of a write-only sheet
    (the sheet properties and panes are written at its top)."""
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.font = BODY_FONT
    ws.oddFooter.center.size = 10
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.freeze_panes = f"A{header_row + 1}"


def autofilter(ws, *, header_row: int, columns: int, last_row: int) -> None:
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{max(last_row, header_row)}"


def percent_text(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def basis_word(basis_value: str) -> str:
    return "个工作日" if basis_value == "WORKDAY" else "天"


def list_sheet(wb, name: str, title: str, caption: str, columns: Sequence[Column],
               values: Sequence[Sequence[object]], *, fills: Sequence[Mapping[int, PatternFill]] | None = None,
               landscape: bool = True, progress=None) -> None:
    """A write-only list sheet: title, caption, one header row (row 3), then one row per item.
    ints are numbers, dates real dates, floats percentages, everything else text.
    ``fills`` gives per row {column index: PatternFill} (the 亮灯 colours)."""
    from .xlsx_rows import TEXT, BodyRows, CellStyle

    ws = wb.create_sheet(name)
    needs, breaks = _needs(columns, values)
    widths = _fit(columns, needs)
    # only columns whose longest text does not fit on one line can make a row taller
    tall = [i for i, (need, width, brk) in enumerate(zip(needs, widths, breaks))
            if brk or need - 2 > max(width - 1, 1) * 1.05]
    apply_widths(ws, widths)
    print_setup(ws, header_row=3, landscape=landscape)
    body = BodyRows(ws, len(columns))  # the rows below the header go in as sheet XML
    out = SheetWriter(ws, columns, widths)
    out.title_rows(title, caption)
    header = out.header_row()
    styles: dict[tuple, CellStyle] = {}  # (column, value type, fill) → the cells' style
    total = len(values)
    for n, vals in enumerate(values, start=1):
        row_fills = fills[n - 1] if fills else {}
        cells = []
        for i, (column, value) in enumerate(zip(columns, vals)):
            fill = row_fills.get(i)
            key = (i, type(value), id(fill))
            style = styles.get(key)
            if style is None:  # the first such cell: styled by openpyxl, in the order it writes
                style = styles[key] = body.style(_body_cell(out, column, value, fill))
            cells.append((style, cell_text(value) if style.kind == TEXT else value))
        lines = max((wrapped_lines(vals[i], widths[i]) for i in tall), default=1)
        body.append(cells, out.row_height(lines))
        if progress and (n % 500 == 0 or n == total):
            progress(n, total)
    autofilter(ws, header_row=header, columns=len(columns), last_row=body.row)


def _body_cell(out: SheetWriter, column: Column, value: object, fill) -> Cell:
    """The openpyxl cell of a list sheet's body value (its style is shared by the cells like it)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return out.text("" if value is None else value, align=CENTER if column.center else LEFT, fill=fill)
    if isinstance(value, date):
        return out.day(value)
    if isinstance(value, float):
        return out.number(value, PERCENT_FORMAT, fill=fill)
    return out.number(value, fill=fill)
