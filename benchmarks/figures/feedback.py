"""Figure of the weekly loop's heavy step (issue 23): 收回反馈表.

``feedback_collect`` — 22 returned 反馈表 of 50 filled rows each (the forms the program sends
for the N-task ledger's units with the most open tasks, each cut to its first 50 rows, 本期进展
written in every row with openpyxl, untimed): the program reads them and plans what it would
record (``imports.feedback_form.read_forms`` + ``preview``: the row keys, the facts sent, the
ledger's state of each task) — what the clerk waits for before 收回. The baseline reads the very
same workbooks' cells with openpyxl ``read_only``, no ledger.
"""

from __future__ import annotations

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
    from wuyang_tasks.imports.feedback_form import read_forms
    from wuyang_tasks.services import feedback_collect as fc

    paths = _returned_forms(probe)
    ledger = open_ledger(probe.ledger, read_only=True)
    note = probe.note

    def run():
        plan = fc.preview(ledger, read_forms(paths))
        probe.note = f"{note}；将记录 {len(plan.to_record)} 行，问题 {len(plan.problems)} 个"
    return run


def collect_baseline(probe: Probe):
    from openpyxl import load_workbook

    paths = _returned_forms(probe)
    note = probe.note

    def run():
        cells = 0
        for path in paths:
            wb = load_workbook(path, read_only=True)
            for ws in wb.worksheets:
                for row in ws.iter_rows(values_only=True):
                    cells += len(row)
            wb.close()
        probe.note = f"{note}；读取 {cells} 个单元格"
    return run
