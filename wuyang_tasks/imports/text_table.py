"""Task tables inside a text: a 任务分解表 copied out of a Word file or a web page.

Two shapes are read. A header line whose cells are separated by tabs or blanks
("序号	重点任务	牵头单位	配合单位	完成时限") and the rows under it with as many cells; or the header
cells on lines of their own (a web page's table) and the rows after it, one cell a line, as long as
each row's 序号 is a number. A header is at least three cells that all name a column the ledger
reader knows (``ledger_table.header_field``), one of them the task. What the table says is given
back per row as the column's field and the cell's text; the lines it took are blanked out of the
text so that the running-text reader does not read them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .ledger_table import Field, header_field

_ROLES = (Field.LEAD_UNIT, Field.COOP_UNIT, Field.TERRITORIAL, Field.LEADER, Field.DEADLINE)


@dataclass
class TextRow:
    cells: list[tuple[Field | None, str]]  # (column, text) in the order written
    line: str  # the row as written, for the draft's source sentence

    def first(self, field: Field) -> str | None:
        return next((text for f, text in self.cells if f is field and text), None)


def _cells(line: str) -> list[str]:
    parts = line.split("\t") if "\t" in line else re.split(r"\s+", line.strip())
    return [p.strip() for p in parts]


def _header(cells: list[str]) -> list[Field | None] | None:
    fields = [_column(c) for c in cells]
    return fields if _is_header(fields) else None


def _column(cell: str) -> Field | None:
    """The column a header cell names; '牵头单位：县住建局' is a labelled line, not a header."""
    return None if re.search(r"[：:，。；]", cell) or len(cell) > 12 else header_field(cell)


def _is_header(fields: list[Field | None]) -> bool:
    return len(fields) >= 3 and all(fields) and Field.TITLE in fields and any(f in _ROLES for f in fields)


def read_tables(text: str) -> tuple[list[TextRow], str]:
    """The rows of the task tables in ``text`` and the text without their lines."""
    lines = text.split("\n")
    rows: list[TextRow] = []
    taken: set[int] = set()
    i = 0
    while i < len(lines):
        fields = _header(_cells(lines[i])) if lines[i].strip() else None
        if fields:
            j = i + 1
            while j < len(lines) and lines[j].strip() and len(_cells(lines[j])) == len(fields):
                rows.append(TextRow(list(zip(fields, _cells(lines[j]), strict=True)), lines[j].strip()))
                j += 1
            if j > i + 1:
                taken.update(range(i, j))
            i = j
            continue
        vertical = _vertical(lines, i)
        if vertical:
            found, end = vertical
            rows.extend(found)
            taken.update(range(i, end))
            i = end
            continue
        i += 1
    rest = "\n".join("" if n in taken else line for n, line in enumerate(lines))
    return rows, rest


def _vertical(lines: list[str], start: int) -> tuple[list[TextRow], int] | None:
    """A header of one cell a line ('序号' / '重点任务' / '牵头单位' / …) and its rows, one cell a line."""
    fields: list[Field | None] = []
    i = start
    while i < len(lines) and _column(lines[i].strip()):
        fields.append(_column(lines[i].strip()))
        i += 1
    if not _is_header(fields) or Field.SEQ not in fields:
        return None
    seq = fields.index(Field.SEQ)
    rows: list[TextRow] = []
    while i + len(fields) <= len(lines):
        chunk = [line.strip() for line in lines[i:i + len(fields)]]
        if not re.fullmatch(r"\d{1,3}", chunk[seq]):
            break
        rows.append(TextRow(list(zip(fields, chunk, strict=True)), "　".join(chunk)))
        i += len(fields)
    return (rows, i) if rows else None
