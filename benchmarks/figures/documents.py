"""Figures of the documents: the weekly briefing (Excel and Word), the ledger PDF, the ledger import.

The program side is timed on what the writer or reader does; the read model a document is
made from (services.documents) is built once, untimed, and its build time goes to the note.
Baselines get the very same cells (read back from the program's own output) or rows.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

from ..harness import Probe, Timed

# --------------------------------------------------------------------------- weekly briefing


def _briefing(probe: Probe):
    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.services.documents import build_briefing
    from wuyang_tasks.services.task_list import week_range

    ledger = open_ledger(probe.ledger, read_only=True)
    today = ledger.today()
    start, end = week_range(today - timedelta(days=7))
    started = time.perf_counter()
    with ledger.read() as s:
        briefing = build_briefing(s, start=start, end=end, today=today, cal=ledger.calendar(),
                                  keep_issue=False)
    return briefing, time.perf_counter() - started


def _writing(probe: Probe, write, name: str):
    """The program side of a briefing figure: ``write`` of the read model (built untimed)."""
    briefing, built = _briefing(probe)
    probe.note = f"明细 {len(briefing.lines)} 行，读模型 {built:.2f} s（不计入）"
    target = probe.workdir / name
    return lambda: write(briefing, target)


def briefing_program(probe: Probe):
    from wuyang_tasks.exports.briefing_xlsx import write_briefing_xlsx

    return _writing(probe, write_briefing_xlsx, "briefing.xlsx")


def _cells(path: Path) -> list[tuple[str, list[tuple]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    sheets = [(ws.title, [tuple(row) for row in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    wb.close()
    return sheets


def _dump(sheets: list[tuple[str, list[tuple]]], target: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(target)


def briefing_baseline(probe: Probe):
    """openpyxl write_only, the same cells as the program's workbook, no styles."""
    from wuyang_tasks.exports.briefing_xlsx import write_briefing_xlsx

    briefing, _ = _briefing(probe)
    made = write_briefing_xlsx(briefing, probe.workdir / "program.xlsx")
    sheets = _cells(made)
    probe.note = f"明细 {len(briefing.lines)} 行"
    target = probe.workdir / "baseline.xlsx"
    return lambda: _dump(sheets, target)


def briefing_docx_program(probe: Probe):
    from wuyang_tasks.exports.briefing_docx import write_briefing_docx

    return _writing(probe, write_briefing_docx, "briefing.docx")


def briefing_docx_baseline(probe: Probe):
    """python-docx: the program's paragraphs and table cells, plain."""
    import docx

    from wuyang_tasks.exports.briefing_docx import write_briefing_docx

    briefing, _ = _briefing(probe)
    made = docx.Document(str(write_briefing_docx(briefing, probe.workdir / "program.docx").path))
    paragraphs = [p.text for p in made.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in made.tables]
    probe.note = f"{len(paragraphs)} 段，{len(tables)} 个表格，{sum(len(t) for t in tables)} 行"
    target = probe.workdir / "baseline.docx"

    def run():
        doc = docx.Document()
        for text in paragraphs:
            doc.add_paragraph(text)
        for rows in tables:
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for cells, row in zip(table.rows, rows):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
        doc.save(str(target))
    return run


# --------------------------------------------------------------------------- ledger PDF
def _ledger_document(probe: Probe):
    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.services.documents import build_ledger

    ledger = open_ledger(probe.ledger, read_only=True)
    with ledger.read() as s:
        return build_ledger(s, today=ledger.today(), cal=ledger.calendar())


def ledger_pdf_program(probe: Probe):
    from wuyang_tasks.exports.ledger_pdf import write_ledger_pdf
    from wuyang_tasks.exports.pdf_common import load_fonts

    doc = _ledger_document(probe)
    fonts = load_fonts()
    target = probe.workdir / "ledger.pdf"
    state = {}

    def run():
        state["pages"] = write_ledger_pdf(doc, target, fonts).pages
        probe.note = f"{len(doc.rows)} 行，{state['pages']} 页"
    return run


def ledger_pdf_baseline(probe: Probe):
    """A plain reportlab table: the same rows and font, wrapping cells, A4 landscape."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle
    from xml.sax.saxutils import escape

    from wuyang_tasks.exports.ledger_pdf import WIDTHS
    from wuyang_tasks.exports.ledger_xlsx import HEADERS, JOIN
    from wuyang_tasks.exports.pdf_common import load_fonts
    doc = _ledger_document(probe)
    font = load_fonts().body
    style = ParagraphStyle("cell", fontName=font, fontSize=10.5, leading=14, wordWrap="CJK")
    rows = [[str(i), r.code, r.title, JOIN.join(r.lead_leaders), JOIN.join(r.lead_units),
             JOIN.join(r.cooperating_units), JOIN.join(r.responsible_persons),
             r.deadline_display,
             r.last_report_text or "", r.status.label] for i, r in enumerate(doc.rows, start=1)]
    page = landscape(A4)
    total = page[0] - 40 * mm
    widths = [w * total / sum(WIDTHS) for w in WIDTHS]
    target = probe.workdir / "plain.pdf"

    def run():
        data = [[Paragraph(escape(c), style) for c in row] for row in [list(HEADERS), *rows]]
        table = LongTable(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        pdf = SimpleDocTemplate(str(target), pagesize=page, leftMargin=20 * mm, rightMargin=20 * mm)
        pdf.build([table])
        probe.note = f"{len(rows)} 行，{pdf.page} 页"
    return run


# --------------------------------------------------------------------------- ledger import
def _import_file(probe: Probe) -> Path:
    """The 任务台账 workbook of the N-task ledger, as the program exports it (made once)."""
    from .. import ledgers

    from wuyang_tasks.exports.ledger_xlsx import HEADERS, write_ledger_xlsx

    layout = zlib.crc32("|".join(HEADERS).encode()) & 0xFFFF  # a new export layout, a new file
    path = ledgers.cache_dir() / f"import-{probe.ledger.stem}-{layout:04x}.xlsx"
    if not path.exists():

        source = ledgers.ledger_for(probe.n)
        doc = _ledger_document(Probe(probe.n, source, probe.workdir))
        write_ledger_xlsx(doc, path)
    return path


def _empty_ledger(probe: Probe) -> Path:
    """A ledger with the 30 units, chiefs and county leaders, and no tasks yet."""
    from wuyang_tasks.db.ledger import open_ledger

    from .. import ledgers
    from ..generate import build_structure

    path = probe.workdir / "empty.db"
    ledger = open_ledger(path)
    build_structure(ledger, date.today() - timedelta(days=ledgers.generate.span_for(probe.n)))
    ledger.dispose()
    return path


def import_program(probe: Probe):
    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.services import intake

    source = _import_file(probe)
    state = {}

    def prepare():
        for old in probe.workdir.glob("empty.db*"):
            old.unlink()
        state["ledger"] = open_ledger(_empty_ledger(probe))

    def run():
        ledger = state["ledger"]
        reading = intake.read_table(source, ledger=ledger)
        result = intake.import_ledger(ledger, reading)
        probe.note = f"导入 {len(result.created)} 项任务"
        ledger.dispose()
    return Timed(run, prepare)


def import_baseline(probe: Probe):
    """openpyxl read_only over the same file, then the very rows the program's import writes
    (tasks, responsibilities, reports, the source, the chained audit events, the chain head)
    inserted with sqlite3 executemany in one transaction, foreign keys on as in the program.

    Until 2026-12 this side inserted 10^4 bare task rows alone — a tenth of the rows, and no
    audit chain — so its ratio weighed what the import must write, not how it writes it
    (benchmarks/README.md gives both readings)."""
    source = _import_file(probe)
    tables = _rows_an_import_writes(probe, source)
    state = {}

    def prepare():
        for old in probe.workdir.glob("empty.db*"):
            old.unlink()
        state["path"] = _empty_ledger(probe)

    def run():
        from openpyxl import load_workbook

        wb = load_workbook(source, read_only=True)
        cells = [values for values in wb.worksheets[0].iter_rows(min_row=4, values_only=True)
                 if values and values[1]]
        wb.close()
        conn = sqlite3.connect(state["path"])
        conn.execute("PRAGMA foreign_keys = ON")
        with conn:
            for table, columns, rows in tables:
                names = ", ".join(f'"{c}"' for c in columns)
                conn.executemany(f'INSERT OR REPLACE INTO "{table}" ({names}) VALUES '
                                 f'({", ".join("?" * len(columns))})', rows)
        conn.close()
        written = sum(len(rows) for _, _, rows in tables)
        probe.note = f"导入 {len(cells)} 行；基线写入同样的 {written} 行"
    return Timed(run, prepare)


def _rows_an_import_writes(probe: Probe, source: Path) -> list[tuple[str, list[str], list[tuple]]]:
    """Every row the program's import adds to or changes in the empty ledger, table by table in
    the order of the foreign keys (made once, untimed: the program imports into a scratch copy)."""
    import shutil

    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.db.models import Base
    from wuyang_tasks.services import intake

    scratch = probe.workdir / "reference"
    scratch.mkdir()
    empty = _empty_ledger(Probe(probe.n, probe.ledger, scratch))
    imported = scratch / "imported.db"
    shutil.copyfile(empty, imported)
    ledger = open_ledger(imported, daily_backup=False)
    intake.import_ledger(ledger, intake.read_table(source, ledger=ledger))
    ledger.dispose()
    conn = sqlite3.connect(imported)
    conn.execute("ATTACH DATABASE ? AS empty", (str(empty),))
    out = []
    for table in (t.name for t in Base.metadata.sorted_tables):
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
        rows = conn.execute(f'SELECT * FROM main."{table}" EXCEPT SELECT * FROM empty."{table}"').fetchall()
        if rows:
            out.append((table, columns, rows))
    conn.close()
    return out
