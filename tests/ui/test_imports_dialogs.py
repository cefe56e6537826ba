"""The intake dialogs: Excel ledger import with preview, minutes review and save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from tests.imports.builders import REAL_ROWS, real_ledger
from wuyang_tasks.db.models import Source, Task
from wuyang_tasks.domain.enums import TaskStatus
from wuyang_tasks.ui.pages.imports.ledger_dialog import ERROR_BRUSH, LedgerImportDialog, PreviewModel
from wuyang_tasks.ui.pages.imports.minutes_dialog import MinutesDialog

MEETING = Path(__file__).resolve().parents[1] / "imports" / "data" / "meeting_2016-07-13.txt"


def _count_tasks(ctx) -> int:
    with ctx.ledger.read() as s:
        return s.scalar(select(func.count(Task.id)))


def _open_ledger_dialog(ui_ctx, qtbot, model_tester, path) -> LedgerImportDialog:
    dialog = LedgerImportDialog(ui_ctx)
    qtbot.addWidget(dialog)
    model_tester(dialog.model)
    dialog.set_file(path)
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    return dialog


def test_preview_then_import(ui_ctx, qtbot, tmp_path, dialogs, model_tester):
    dialog = _open_ledger_dialog(ui_ctx, qtbot, model_tester, real_ledger(tmp_path / "分解表.xlsx"))
    model = dialog.model
    assert model.rowCount() == 9
    assert model.headers[:5] == ["行号", "结果", "工作任务", "牵头县领导", "牵头单位"]
    assert model.data(model.index(2, PreviewModel.TERRITORIAL)) == "各乡镇（14个）"
    assert model.data(model.index(0, PreviewModel.RESULT)) == "新建"
    assert "新建 9 项" in dialog.summary.text() and dialog.import_button.isEnabled()
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())][1:] == ["任务分解表"]
    before = _count_tasks(ui_ctx)
    dialog.import_button.click()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    assert _count_tasks(ui_ctx) == before + 9
    assert dialogs[-1][0] == "导入完成" and "已导入 9 项任务" in dialogs[-1][1]
    assert dialog.result is not None and len(dialog.result.created) == 9


def test_problems_are_highlighted_and_block_the_import(ui_ctx, qtbot, tmp_path, model_tester):
    rows = list(REAL_ROWS)
    rows[2] = (2, "渠道扬尘整治", None, "住建委", "县林业局", "下月中旬", None)
    dialog = _open_ledger_dialog(ui_ctx, qtbot, model_tester, real_ledger(tmp_path / "坏表.xlsx", rows))
    model = dialog.model
    bad = next(r for r in range(model.rowCount()) if model.data(model.index(r, PreviewModel.ROW)) == "7")
    assert model.data(model.index(bad, PreviewModel.RESULT)) == "有问题"
    assert model.data(model.index(bad, PreviewModel.TITLE), Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert "“下月中旬” 无法识别" in model.data(model.index(bad, PreviewModel.PROBLEMS))
    assert "第7行 E列 配合单位 “县林业局” 不在单位名录中" in dialog.problem_box.toPlainText()
    assert not dialog.import_button.isEnabled()


def test_create_missing_is_confirmed(ui_ctx, qtbot, tmp_path, dialogs, model_tester):
    rows = [(1, "国土绿化", "宋耀生", "县林业局", None, "年底前", None)]
    path = real_ledger(tmp_path / "林业.xlsx", rows, merge_leader=False)
    dialog = _open_ledger_dialog(ui_ctx, qtbot, model_tester, path)
    assert not dialog.import_button.isEnabled()
    dialog.create_missing.setChecked(True)
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    assert "将新建：县林业局" in dialog.summary.text() and dialog.import_button.isEnabled()
    before = _count_tasks(ui_ctx)
    dialogs.answer = "否(N)"
    dialog.import_button.click()
    assert dialogs[-1][0] == "新建单位和人员" and "县林业局" in dialogs[-1][1]
    assert _count_tasks(ui_ctx) == before
    dialogs.answer = "是(Y)"
    dialog.import_button.click()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    assert _count_tasks(ui_ctx) == before + 1


def test_a_text_file_renamed_xlsx_is_refused_in_the_dialog(ui_ctx, qtbot, tmp_path, model_tester):
    path = tmp_path / "台账.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    dialog = _open_ledger_dialog(ui_ctx, qtbot, model_tester, path)
    assert dialog.model.rowCount() == 0
    assert "不是 Excel 工作簿" in dialog.problem_box.toPlainText()
    assert dialog.summary.text() == "该文件不能导入。" and not dialog.import_button.isEnabled()


def test_minutes_review_edit_and_save(ui_ctx, qtbot, dialogs):
    dialog = MinutesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.use_date.setChecked(True)
    dialog.day.setDate(dialog.day.date().fromString("2016-07-13", "yyyy-MM-dd"))
    dialog.load_file(MEETING)
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    table = dialog.drafts
    assert table.rowCount() >= 5 and "重点时段：2016年7月1日至2016年9月30日" in dialog.summary.text()
    rows = {table.item(r, MinutesDialog.TITLE).text(): r for r in range(table.rowCount())}
    dept = next(r for t, r in rows.items() if "严格履行法定职责" in t)
    assert table.item(dept, MinutesDialog.LEAD).text() == "县环保局"
    assert table.item(dept, MinutesDialog.COOP).text().startswith("县发改委、县交通运输局、县公安局、县水利局、县畜牧局")
    assert table.item(rows["落实属地责任"], MinutesDialog.TERRITORIAL).text() == "各乡镇"
    assert "环保攻坚" in dialog.cleaned.toPlainText() and "(huán)" not in dialog.cleaned.toPlainText()
    table.item(dept, MinutesDialog.TITLE).setText("各职能部门严格履行环境保护法定职责")
    table.item(dept, MinutesDialog.DEADLINE).setText("2016年8月31日前")
    keep = [r for r in range(table.rowCount()) if r in (dept, rows["落实属地责任"])]
    for r in range(table.rowCount()):
        if r not in keep:
            table.item(r, MinutesDialog.KEEP).setCheckState(Qt.CheckState.Unchecked)
    dialog.save_button.click()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    assert dialogs[-1][0] == "草稿已保存" and "已保存 2 项任务草稿" in dialogs[-1][1]
    with ui_ctx.ledger.read() as s:
        source_id = dialog.result.source_id
        tasks = {t.title: t for t in s.scalars(select(Task).where(Task.source_id == source_id))}
        assert set(tasks) == {"各职能部门严格履行环境保护法定职责", "落实属地责任"}
        edited = tasks["各职能部门严格履行环境保护法定职责"]
        assert edited.status is TaskStatus.DRAFT and str(edited.deadline) == "2016-08-31"
        assert s.get(Source, source_id).issued_on.isoformat() == "2016-07-13"


def test_minutes_bad_deadline_edit_is_refused(ui_ctx, qtbot, dialogs):
    dialog = MinutesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("关于秸秆禁烧的通知\n各乡镇要于9月30日前签订禁烧责任状。")
    dialog.analyse()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    assert dialog.drafts.rowCount() == 1
    dialog.drafts.item(0, MinutesDialog.DEADLINE).setText("下月中旬")
    before = _count_tasks(ui_ctx)
    dialog.save_button.click()
    assert "第1行：完成时限“下月中旬”无法识别" in dialogs[-1][1]
    assert _count_tasks(ui_ctx) == before
