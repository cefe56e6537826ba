"""The 考核 page driven as a clerk would: pick a unit, see its points, 加减分, export, the
briefing's score column setting."""

import os

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from wuyang_tasks.services import assessment
from wuyang_tasks.ui.pages.assessment import create_page
from wuyang_tasks.ui.pages.assessment.dialogs import AdjustmentDialog

SHOTS = os.environ.get("WUYANG_SCREENSHOTS")


def _click_row(qtbot, view, row):
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def _row_of(model, name):
    return next(i for i, u in enumerate(model.items) if u.name == name)


def test_scores_points_adjustment_export_and_briefing_setting(ui_ctx, qtbot, dialogs, monkeypatch, tmp_path,
                                                             model_tester):
    page = create_page(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitUntil(lambda: page.units_model.rowCount() > 0)
    model_tester(page.units_model)
    model_tester(page.points_model)
    assert page.year.value() == 2016 and "计至2016年7月29日" in page.caption.text()
    names = [page.units_model.data(page.units_model.index(r, 0)) for r in range(page.units_model.rowCount())]
    assert names[0] == "县环境保护工作委员会办公室" and names[-1] == "姜店乡"
    row = _row_of(page.units_model, "县住建委")
    _click_row(qtbot, page.units, row)
    assert page.units_model.data(page.units_model.index(row, 1)) == "95.4"
    records = [page.points_model.data(page.points_model.index(r, 6)) for r in range(page.points_model.rowCount())]
    assert "督办单〔2016〕第1号" in records
    assert not page.action_void.isEnabled()

    def fill_and_ok(dialog):
        qtbot.keyClicks(dialog.points, "-1.5")
        dialog.reason.setText("上报材料失实")  # QTest types ASCII only
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AdjustmentDialog, "exec", fill_and_ok)
    page.action_adjust.trigger()
    qtbot.waitUntil(lambda: page.units_model.data(page.units_model.index(row, 1)) == "93.9")
    assert dialogs == []
    last = page.points_model.rowCount() - 1
    assert page.points_model.data(page.points_model.index(last, 3)) == "办公室减分：上报材料失实"
    _click_row(qtbot, page.points, last)
    assert page.action_void.isEnabled()
    if SHOTS:
        page.grab().save(os.path.join(SHOTS, "assessment_page.png"))

    target = tmp_path / "考核.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "*.xlsx"))
    page.action_xlsx.trigger()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    assert "县住建委" in load_workbook(target).sheetnames

    page.action_briefing.trigger()
    with ui_ctx.ledger.read() as s:
        assert assessment.briefing_score_enabled(s)
    assert page.action_briefing.isChecked()
