"""Filling, altering and re-saving returned 反馈表 as a unit would, and the ledger's state."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import func, select

from wuyang_tasks.db.models import AuditEvent, Extension, ProgressReport, Task

HEADER_ROW = 4


def db_arg(ledger) -> str:
    return str(ledger.path) if ledger.is_sqlite else ledger.url.render_as_string(hide_password=False)


def form_path(folder: Path, unit: str) -> Path:
    return Path(folder) / f"{unit}_反馈表_2016年第30周.xlsx"


def edit(path: Path, rows: dict[str, dict[str, object]], *, sheet: str = "反馈表") -> None:
    """Write ``{编号: {header: value}}`` into the rows of those tasks (openpyxl, as a unit's Excel)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb[sheet]
    head = {c.value: c.column for c in ws[HEADER_ROW]}
    by_code = {ws.cell(row=r, column=head["编号"]).value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    for code, values in rows.items():
        for header, value in values.items():
            ws.cell(row=by_code[code], column=head[header]).value = value
    wb.save(path)


def row_of(path: Path, code: str) -> int:
    from openpyxl import load_workbook

    ws = load_workbook(path)["反馈表"]
    return next(r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(row=r, column=2).value == code)


def key_of(path: Path, code: str) -> str:
    from openpyxl import load_workbook

    ws = load_workbook(path)["反馈表"]
    head = {c.value: c.column for c in ws[HEADER_ROW]}
    return ws.cell(row=row_of(path, code), column=head["行标识"]).value


def libreoffice_resave(src: Path, out_dir: Path, profile: Path) -> Path:
    """The workbook as LibreOffice Calc writes it back (headless, a private profile)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: tools/setup_system.sh installs it"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir), str(src)],
                   check=True, capture_output=True, timeout=180)
    result = out_dir / src.name
    assert result.is_file()
    return result


def ledger_state(ledger) -> str:
    """A hash of the task list, reports, extensions and the audit chain's length."""
    with ledger.read() as s:
        tasks = s.execute(select(Task.id, Task.status, Task.version, Task.deadline).order_by(Task.id)).all()
        reports = s.execute(select(ProgressReport.id, ProgressReport.text).order_by(ProgressReport.id)).all()
        exts = s.execute(select(Extension.id, Extension.status).order_by(Extension.id)).all()
        events = s.scalar(select(func.count(AuditEvent.id)))
    return hashlib.sha256(repr((tasks, reports, exts, events)).encode()).hexdigest()


def count(ledger, model, *where) -> int:
    with ledger.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))
