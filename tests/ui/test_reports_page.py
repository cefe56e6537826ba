"""报表 page: choose a document, save it through the file dialog, open it afterwards."""

from __future__ import annotations

import openpyxl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from wuyang_tasks.db.models import Urging
from wuyang_tasks.ui.pages import reports

from ..exports import helpers


def _page(ui_ctx, qtbot):
    page = reports.create_page(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _save_as(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_ledger_workbook_from_the_page(ui_ctx, qtbot, tmp_path, monkeypatch, dialogs):
    page = _page(ui_ctx, qtbot)
    page.kinds.setCurrentRow(reports.LEDGER)
    page.ledger_unit.setCurrentIndex(page.ledger_unit.findText("县环保局"))
    _save_as(monkeypatch, tmp_path / "台账")  # suffix added from the chosen format
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.export_button.click()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    target = tmp_path / "台账.xlsx"
    assert target.exists() and dialogs == []
    assert "已导出" in page.result.text() or str(target) in page.result.text()
    rows = list(openpyxl.load_workbook(target)["任务台账"].iter_rows(min_row=4, values_only=True))
    assert rows and all("县环保局" in "".join(str(v) for v in r if v) for r in rows)
    page.open_button.click()
    assert opened == [str(target)]


def test_notice_from_the_page_records_the_urging_once(ui_ctx, qtbot, tmp_path, monkeypatch, dialogs):
    page = _page(ui_ctx, qtbot)
    page.kinds.setCurrentRow(reports.NOTICE)
    page.notice_task.setText("2016-001")
    _save_as(monkeypatch, tmp_path / "督办单.pdf")
    page.export_button.click()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    assert dialogs == []
    assert "舞督〔2016〕2号" in helpers.squeezed_text(tmp_path / "督办单.pdf")
    page.export_button.click()  # printed again: no second urging
    qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    with ui_ctx.ledger.read() as s:
        assert s.scalar(select(func.count(Urging.id)).where(Urging.task_id == 1)) == 1


def test_checklist_of_a_site_needs_its_name(ui_ctx, qtbot, tmp_path, monkeypatch, dialogs):
    page = _page(ui_ctx, qtbot)
    page.kinds.setCurrentRow(reports.CHECKLIST)
    page.checklist_scope.setCurrentIndex(2)
    _save_as(monkeypatch, tmp_path / "x.pdf")
    page.export_button.click()
    assert len(dialogs) == 1 and not (tmp_path / "x.pdf").exists()
