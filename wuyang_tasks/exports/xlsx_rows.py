"""The body rows of a write-only sheet, written as sheet XML straight into openpyxl's stream.

Why: openpyxl builds, styles, hashes and serialises an object per cell (tens of µs each); a
10,000-task briefing has 10^5 body cells, and they were most of its export time. The body of a
list sheet holds only inline texts, numbers and dates whose styles repeat, so each row is
rendered here as the very XML openpyxl writes for the same cells (the tests compare both byte
for byte). openpyxl still writes everything else: the rows above the body, the sheet's top
(properties, frozen panes, columns) and tail (filter, merged cells, print setup, breaks,
drawing), styles.xml, the workbook and the package.

This relies on openpyxl 3.1's write-only internals: ``WriteOnlyWorksheet._rows`` (the row
stream), ``_writer`` and et_xmlfile's text writer. The package's ``__init__`` keeps openpyxl off
lxml; should openpyxl have been imported before it with lxml on, lxml takes no raw XML: the rows
then go in as openpyxl cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from openpyxl import LXML
from openpyxl.cell import WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

TEXT = "s"  # openpyxl's data types


class CellStyle(NamedTuple):
    kind: str  # openpyxl's data type: "s" inline text, "n" number, "d" date
    array: StyleArray
    attr: str  # the cell's ` s="…"` attribute, empty for an unstyled cell


class BodyRows:
    """Takes over the row stream of a write-only sheet (before its first row is appended, after
    its widths and print settings are set): ``ws.append`` still works for the rows above the
    body; :meth:`append` writes a body row as XML."""

    def __init__(self, ws, columns: int):
        if ws._rows is not None:
            raise ValueError("the sheet's rows have already started")
        ws._get_writer()  # writes the sheet's top: properties, panes, columns
        self.ws = ws
        self.row = 0  # the last row written
        self._letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self._epoch = ws.parent.epoch
        self._write = None  # et_xmlfile's text writer, None under lxml
        ws._rows = self._stream()
        next(ws._rows)

    def _stream(self):
        """openpyxl's ``WriteOnlyWorksheet._write_rows``, which also takes rows already in XML."""
        ws, writer = self.ws, self.ws._writer
        xf = writer.xf.send(True)
        self._write = None if LXML else xf._file
        with xf.element("sheetData"):
            try:
                while True:
                    row = yield
                    self.row += 1
                    if isinstance(row, str):
                        self._write(row)
                    else:
                        writer.write_row(xf, ws._values_to_row(row, self.row), self.row)
            except GeneratorExit:
                pass
        writer.xf.send(None)

    @staticmethod
    def style(cell) -> CellStyle:
        """The style of a styled openpyxl cell, for body cells like it (registers it in the
        workbook now: call it where openpyxl would first have written such a cell)."""
        return CellStyle(cell.data_type, cell._style, f' s="{cell.style_id}"' if cell.has_style else "")

    def append(self, cells: Sequence[tuple[CellStyle, object]], height: float) -> None:
        """A row of (style, value) from column A on, ``height`` points tall. Texts are written
        as given (cleaned and cut to Excel's limit by the caller), always as text."""
        if self._write is None:
            self.append_cells(cells, height)
            return
        n = self.row + 1
        parts = [f'<row r="{n}" ht="{safe_string(height)}" customHeight="1">']
        for letter, (style, value) in zip(self._letters, cells):
            if style.kind == TEXT:
                if not value:
                    parts.append(f'<c r="{letter}{n}"{style.attr} t="inlineStr" />')
                    continue
                stripped = value.strip()  # openpyxl.xml.functions.whitespace
                space = ' xml:space="preserve"' if stripped and stripped != value else ""
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                parts.append(f'<c r="{letter}{n}"{style.attr} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            else:
                number = to_excel(value, self._epoch) if style.kind == "d" else value
                parts.append(f'<c r="{letter}{n}"{style.attr} t="n"><v>{safe_string(number)}</v></c>')
        parts.append("</row>")
        self.ws._rows.send("".join(parts))

    def append_cells(self, cells: Sequence[tuple[CellStyle, object]], height: float) -> None:
        """The same row appended as openpyxl cells (what :meth:`append` does under lxml)."""
        row = []
        for style, value in cells:
            cell = WriteOnlyCell(self.ws)
            # openpyxl's private slots, set directly for speed; its stubs do not declare them
            cell._value = value  # type: ignore[attr-defined]
            cell.data_type = style.kind
            cell._style = style.array  # type: ignore[attr-defined]
            row.append(cell)
        self.ws.row_dimensions[self.row + 1].height = height
        self.ws.append(row)
