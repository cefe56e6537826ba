"""Figures of the weekly loop's heavy steps (issue 23): 收回反馈表 and the Word 通报.

* ``feedback_collect`` — 22 returned 反馈表 of 50 filled rows each (the forms the program
  sends for the N-task ledger's units with the most open tasks, each cut to its first 50
  rows, 本期进展 written in every row with openpyxl, untimed): the program reads them and plans
  what it would record (``services.feedback_collect.read_forms`` + ``preview``: the row keys,
  the facts sent, the ledger's state of each task) — what the clerk waits for before 收回. The
  baseline reads the very same workbooks' cells with openpyxl ``read_only``, no ledger.
* ``briefing_docx`` — the 工作周报/通报 as Word (``exports.briefing_docx``) from its read model
  (built once, untimed); the baseline writes the same paragraphs and table cells (read back from
  the program's file) with python-docx, no styles or sections.
"""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from ..harness import Probe

UNITS, ROWS = 22, 50


# --------------------------------------------------------------------------- 收回反馈表
def _returned_forms(probe: Probe) -> list[Path]:
    from openpyxl import load_workbook

    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.exports.feedback_xlsx import write_forms
    from wuyang_tasks.services.feedback_forms import INPUT_HEADERS, forms_for

    ledger = open_ledger(probe.ledger, read_only=True)
    forms = sorted(forms_for(ledger, unit_names=None), key=lambda f: -len(f.rows))[:UNITS]
    for form in forms:
        form.rows = form.rows[:ROWS]
    folder = probe.workdir / "returned"
    paths = write_forms(forms, folder)
    ledger.dispose()
    progress = INPUT_HEADERS[0]  # 本期进展
    for path in paths:  # the units fill in 本期进展 in every row
        wb = load_workbook(path)
        for ws in wb.worksheets:
            header = next((r for r in range(1, 12)
                           if progress in [c.value for c in ws[r]]), None)
            if header is None:
                continue
            column = [c.value for c in ws[header]].index(progress) + 1
            for r in range(header + 1, ws.max_row + 1):
                if ws.cell(row=r, column=1).value is not None:
                    ws.cell(row=r, column=column).value = f"本周完成第{r}项工作，已报送相关材料。"
        wb.save(path)
    probe.note = f"{len(paths)} 个工作簿，共 {sum(len(f.rows) for f in forms)} 行"
    return paths


def collect_program(probe: Probe):
    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.services import feedback_collect as fc

    paths = _returned_forms(probe)
    ledger = open_ledger(probe.ledger, read_only=True)
    note = probe.note

    def run():
        plan = fc.preview(ledger, fc.read_forms(paths))
        probe.note = f"{note}；将记录 {len(plan.to_record)} 行，问题 {len(plan.problems)} 个"
    return run


def collect_baseline(probe: Probe):
    from openpyxl import load_workbook

    paths = _returned_forms(probe)

    def run():
        cells = 0
        for path in paths:
            wb = load_workbook(path, read_only=True)
            for ws in wb.worksheets:
                for row in ws.iter_rows(values_only=True):
                    cells += len(row)
            wb.close()
        probe.note += f"；读取 {cells} 个单元格"
    return run


# --------------------------------------------------------------------------- Word 通报
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


def briefing_docx_program(probe: Probe):
    from wuyang_tasks.exports.briefing_docx import write_briefing_docx

    briefing, built = _briefing(probe)
    probe.note = f"明细 {len(briefing.lines)} 行，读模型 {built:.2f} s（不计入）"
    target = probe.workdir / "briefing.docx"
    return lambda: write_briefing_docx(briefing, target)


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
