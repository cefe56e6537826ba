"""Every exported workbook opens in LibreOffice (headless conversion to PDF succeeds)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from wuyang_tasks.exports.accountability import write_accountability_xlsx
from wuyang_tasks.exports.briefing_xlsx import write_briefing_xlsx
from wuyang_tasks.exports.ledger_xlsx import write_ledger_xlsx
from wuyang_tasks.services import document_lists, documents

from . import helpers
from .conftest import REFERENCE_DAY, WEEK_30

pytestmark = pytest.mark.slow


@pytest.mark.sqlite_only  # the workbook is the same from either backend; LibreOffice is slow
def test_workbooks_open_in_libreoffice(demo_ledger, cal, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is part of the test profile (tools/setup_system.sh)"
    with demo_ledger.write() as s:
        briefing = documents.build_briefing(s, start=WEEK_30[0], end=WEEK_30[1], today=REFERENCE_DAY, cal=cal)
        ledger_doc = documents.build_ledger(s, today=REFERENCE_DAY, cal=cal)
        sheet = document_lists.build_accountability(s, today=REFERENCE_DAY, cal=cal, whole_county=True)
    books = [write_briefing_xlsx(briefing, tmp_path / "briefing.xlsx"),
             write_ledger_xlsx(ledger_doc, tmp_path / "ledger.xlsx"),
             write_accountability_xlsx(sheet, tmp_path / "accountability.xlsx")]
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *map(str, books)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for book in books:
        pdf = tmp_path / "pdf" / f"{book.stem}.pdf"
        assert pdf.exists(), result.stdout + result.stderr
        assert helpers.pages(pdf) >= 1
    assert "县住建委" in helpers.squeezed_text(tmp_path / "pdf" / "ledger.pdf")
    assert helpers.is_a4(helpers.page_size(tmp_path / "pdf" / "ledger.pdf"), landscape=True)
