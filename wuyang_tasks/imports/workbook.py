"""Open a workbook the clerk chose, safely, and read its sheets as grids.

Refused with a clear message (never a crash): a missing file, a file that is not an .xlsx
workbook (text renamed .xlsx, CSV, Word documents), old .xls / WPS .et files (OLE compound
files: "save as .xlsx"), password-protected workbooks (also OLE compound files, holding an
``EncryptionInfo`` stream), damaged archives, files over :data:`MAX_BYTES`, archives that would
unpack to more than :data:`MAX_UNPACKED` (zip bombs), sheets over :data:`MAX_ROWS` rows.
A damaged archive can fail anywhere inside zipfile/zlib/openpyxl/the XML parser, with whatever
exception those raise (zlib.error, EOFError, BadZipFile, KeyError, UnicodeDecodeError, lxml
errors…); :func:`reading_guard` turns every one of them into :class:`WorkbookRefused` naming
the file, at this file-reading boundary only.

Sheets are read with openpyxl's read-only reader (streaming, a fraction of the memory of a full
load). Read-only mode does not expose merged cells, so the merge ranges are read from the sheet
XML directly and applied here: a range spanning several rows is filled downwards (牵头县领导
written once for three tasks), ranges in header rows also sideways (责任单位 over 牵头/配合).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.etree import ElementTree as ET

from wuyang_tasks.domain.errors import LedgerError, ValidationError

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 300 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLS = 40

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


class WorkbookRefused(ValidationError):
    """The file cannot be read as a workbook; nothing was imported."""


@contextmanager
def reading_guard(path: Path) -> Iterator[None]:
    """Any failure while unpacking or parsing ``path`` → :class:`WorkbookRefused` naming it.

    Deliberately broad: the body only reads the clerk's file through zipfile/zlib/openpyxl/XML
    parsers, and a flipped byte surfaces as almost any exception type from them. Our own
    messages (:class:`LedgerError`) pass through unchanged."""
    try:
        yield
    except LedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 — see the docstring
        raise WorkbookRefused(
            f"“{Path(path).name}”已损坏或不完整，无法读取（{type(exc).__name__}）。"
            "请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。") from None


@dataclass
class Sheet:
    name: str
    cells: dict[int, list] = field(default_factory=dict)  # Excel row number → values (col 1 at [0])
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_col,min_row,max_col,max_row
    width: int = 0

    def row_numbers(self) -> list[int]:
        return sorted(self.cells)

    def raw(self, row: int, col: int):
        values = self.cells.get(row)
        return values[col - 1] if values and col <= len(values) else None

    def filled(self, row: int, col: int, *, sideways: bool = False):
        """The cell's value, or the value of the merge range anchor covering it (ranges that span
        several rows always; single-row ranges only with ``sideways``)."""
        value = self.raw(row, col)
        if value is not None:
            return value
        for min_col, min_row, max_col, max_row in self.merges:
            if min_row <= row <= max_row and min_col <= col <= max_col:
                if (row, col) == (min_row, min_col):
                    return None
                if max_row > min_row or sideways:
                    return self.raw(min_row, min_col)
        return None

    def merged_across(self, row: int) -> bool:
        """Does one merge range cover most of this row (a title or section row)?"""
        return any(min_row <= row <= max_row and max_col - min_col + 1 >= max(2, self.width // 2)
                   for min_col, min_row, max_col, max_row in self.merges)


def check_file(path: Path) -> None:
    """Refuse what is not a readable .xlsx workbook (reads at most a few bytes and the archive
    directory)."""
    name = path.name
    if not path.is_file():
        raise WorkbookRefused(f"找不到文件：{path}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise WorkbookRefused(
            f"“{name}”文件过大（{size / 1048576:.1f} MB），超过导入上限 {MAX_BYTES // 1048576} MB。"
            "请删除无关的工作表、图片，或按工作表拆分后分别导入。")
    with path.open("rb") as fh:
        head = fh.read(8)
        if head == OLE_MAGIC:
            fh.seek(0)
            body = fh.read(min(size, 4 * 1024 * 1024))
            if "EncryptionInfo".encode("utf-16-le") in body:
                raise WorkbookRefused(
                    f"“{name}”设有打开密码（文件已加密），无法读取。请在 Excel 或 WPS 中打开，"
                    "取消密码后另存为 .xlsx，再导入。")
            raise WorkbookRefused(
                f"“{name}”是旧版 Excel 97-2003（.xls）或 WPS 表格（.et）格式，本程序只读取 .xlsx。"
                "请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（*.xlsx）后再导入。")
    if head[:4] != ZIP_MAGIC:
        raise WorkbookRefused(
            f"“{name}”不是 Excel 工作簿（.xlsx），可能是改了扩展名的文本、CSV 或其他文件。"
            "请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。")
    with reading_guard(path), zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    if "xl/workbook.xml" not in names:
        hint = "（看起来是 Word 文档）" if "word/document.xml" in names else ""
        raise WorkbookRefused(f"“{name}”不是 Excel 工作簿{hint}。请选择 .xlsx 格式的台账文件。")
    if unpacked > MAX_UNPACKED:
        raise WorkbookRefused(
            f"“{name}”解压后超过 {MAX_UNPACKED // 1048576} MB，超过导入上限。请拆分后分别导入。")


def read_workbook(path: Path, sheet: str | None = None) -> list[Sheet]:
    """The sheets of the workbook (only ``sheet`` when given), values as Python objects
    (dates as datetime). Raises :class:`WorkbookRefused`."""
    path = Path(path)
    check_file(path)
    with reading_guard(path):
        merges = _merge_ranges(path)
        reader, parts = _open(path)
        try:
            names = list(parts)
            if sheet is not None and sheet not in names:
                raise WorkbookRefused(
                    f"“{path.name}”中没有名为“{sheet}”的工作表。现有工作表：{'、'.join(names)}。")
            return [_read_sheet(path, reader, parts[name], name, merges.get(name, []))
                    for name in ([sheet] if sheet else names) if "chartsheet" not in parts[name].Type]
        finally:
            reader.archive.close()


def _open(path: Path):
    """openpyxl's read-only loading (load_workbook(read_only=True, data_only=True)) up to the
    sheets: strings, workbook, number formats — and sheet name → its part's relationship, in
    workbook order. load_workbook itself would also read each sheet's whole XML once to size
    it (the sheets the program exports carry no <dimension>), before the read of the cells:
    a third of the time. Uses openpyxl 3.1's reader classes (the version is pinned)."""
    from openpyxl.reader.excel import ExcelReader  # here, not at import: openpyxl costs ~0.3 s
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = ExcelReader(path, read_only=True, data_only=True)
    reader.read_manifest()
    reader.read_strings()
    reader.read_workbook()
    apply_stylesheet(reader.archive, reader.wb)
    parts = {s.name: rel for s, rel in reader.parser.find_sheets() if rel.target in reader.valid_files}
    return reader, parts


def _read_sheet(path: Path, reader, rel, name: str, merges) -> Sheet:
    """The cells' values as openpyxl's read-only worksheet gives them (its own parser, with the
    workbook's shared strings, date epoch and number formats), without a cell object each."""
    wb = reader.wb
    sheet = Sheet(name=name, merges=merges)
    with reader.archive.open(rel.target) as src:
        parser = _parser_class()(src, reader.shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for number, cells in parser.parse():
            if number > MAX_ROWS:
                raise WorkbookRefused(
                    f"“{path.name}”的工作表“{name}”超过 {MAX_ROWS} 行，超过导入上限。请拆分后分别导入。")
            values = [None] * min(MAX_COLS, max((c["column"] for c in cells), default=0))
            for c in cells:
                if c["column"] <= MAX_COLS:
                    values[c["column"] - 1] = _value(c["value"])
            while values and values[-1] is None:
                values.pop()
            if values:
                sheet.cells[number] = values
                sheet.width = max(sheet.width, len(values))
    return sheet


@cache
def _parser_class():
    """openpyxl's sheet parser (the class made once), reading an inline string of one plain text
    (``<is><t>…</t></is>``: every text cell of a workbook written by openpyxl, the program's
    exports among them) as that text. openpyxl builds a rich-text object for each, its
    descriptors checking every attribute: half the time of reading the sheet. Any other cell
    goes to openpyxl."""
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import INLINE_STRING, WorkSheetParser

    text_tag = f"{{{_MAIN_NS}}}t"

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            inline = element.find(INLINE_STRING) if self.data_only and element.get("t") == "inlineStr" else None
            if inline is None or len(inline) != 1 or inline[0].tag != text_tag:
                return super().parse_cell(element)
            coordinate = element.get("r")  # where the cell is, as openpyxl's parse_cell finds it
            if coordinate:
                row, column = coordinate_to_tuple(coordinate)
                self.col_counter = column
            else:
                self.col_counter += 1
                row, column = self.row_counter, self.col_counter
            style_id = element.get("s", 0)
            return {"row": row, "column": column, "value": inline[0].text or "", "data_type": "s",
                    "style_id": int(style_id) if style_id else 0}

    return Parser


def _value(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _merge_ranges(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """sheet name → merge ranges, from each sheet's <mergeCell ref=…/> (found by scanning the
    part's bytes: the ranges follow all the cell data, and parsing the XML only to reach them
    took as long as reading the cells)."""
    from openpyxl.utils.cell import range_boundaries

    out: dict[str, list] = {}
    with zipfile.ZipFile(path) as archive:
        for name, target in _sheet_targets(archive).items():
            if target not in archive.NameToInfo:
                continue
            with archive.open(target) as fh:
                out[name] = [tuple(range_boundaries(ref)) for ref in _merge_refs(fh)]
    return out


_MERGE_CELL = re.compile(rb'<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"')


def _merge_refs(fh, chunk: int = 1 << 20) -> list[str]:
    refs: list[str] = []
    tail = b""
    while data := fh.read(chunk):
        buffer = tail + data
        end = 0
        for m in _MERGE_CELL.finditer(buffer):
            refs.append(m.group(1).decode("ascii"))
            end = m.end()
        tail = buffer[max(end, len(buffer) - 512):]  # a tag cut at the chunk's end
    return refs


def _sheet_targets(archive: zipfile.ZipFile) -> dict[str, str]:
    wb = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    by_id = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{_PKG_REL_NS}}}Relationship")}
    out = {}
    for sheet in wb.iter(f"{{{_MAIN_NS}}}sheet"):
        target = by_id.get(sheet.get(f"{{{_REL_NS}}}id"))
        if not target:
            continue
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        out[sheet.get("name")] = target
    return out


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheet names in order (after :func:`check_file`)."""
    path = Path(path)
    check_file(path)
    with reading_guard(path), zipfile.ZipFile(path) as archive:
        return list(_sheet_targets(archive))


def column_letter(index: int) -> str:
    """Excel column letters of a 1-based column index (1 → A, 27 → AA); openpyxl's
    get_column_letter without loading openpyxl."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def clean_text(value) -> str:
    """A cell as one line of text (line breaks and repeated blanks collapsed)."""
    if value is None:
        return ""
    text = str(value)
    return (_BLANKS_AROUND_BREAK.sub("\n", text) if "\n" in text else text).strip()


_BLANKS_AROUND_BREAK = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")
