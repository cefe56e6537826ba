"""The minutes review: add and split rows, set 牵头县领导 and 责任人, merge a metric into the
ledger's own, and a meeting imported before recognised as the same source."""

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from wuyang_tasks.db.models import Metric, Person, Responsibility, Source, Task
from wuyang_tasks.domain.enums import Role
from wuyang_tasks.ui.pages.imports.minutes_dialog import MinutesDialog

MEETING = Path(__file__).resolve().parents[1] / "imports" / "data" / "meeting_2016-07-13.txt"


def _open(ui_ctx, qtbot) -> MinutesDialog:
    dialog = MinutesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.use_date.setChecked(True)
    dialog.day.setDate(dialog.day.date().fromString("2016-07-13", "yyyy-MM-dd"))
    dialog.load_file(MEETING)
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    return dialog


def _row(table, words) -> int:
    return next(r for r in range(table.rowCount()) if words in table.item(r, MinutesDialog.TITLE).text())


def test_rows_added_split_and_leaders_set_then_saved_once(ui_ctx, qtbot, dialogs):
    dialog = _open(ui_ctx, qtbot)
    table = dialog.drafts
    clean = _row(table, "清理整顿环保违法违规建设项目")
    assert table.item(clean, MinutesDialog.LEADER).text() == "李亦博"
    propaganda = _row(table, "加大环境保护宣传教育力度")
    table.setCurrentCell(propaganda, MinutesDialog.TITLE)
    dialog.split_row_button.click()
    assert table.item(propaganda, MinutesDialog.TITLE).text() == "加大环境保护宣传教育力度"
    assert table.item(propaganda + 1, MinutesDialog.TITLE).text() == "引导企业规范生产行为"
    assert table.item(propaganda + 1, MinutesDialog.LEADER).text() == "李亦博"
    dialog.add_row_button.click()
    new = table.rowCount() - 1
    table.item(new, MinutesDialog.TITLE).setText("金大地化工有限责任公司废气治理设施运行检查")
    table.item(new, MinutesDialog.LEADER).setText("朱俊峰")
    table.item(new, MinutesDialog.LEAD).setText("县环保局")
    table.item(new, MinutesDialog.DEADLINE).setText("2016年8月15日前")
    table.item(clean, MinutesDialog.LEADER).setText("朱俊峰")
    river = next(r for r in range(dialog.metrics.rowCount()) if dialog.metrics.item(r, 0).text() == "三里河水质类别")
    assert dialog.metrics.cellWidget(river, 2).currentText() == "并入“三里河省控断面水质类别”"
    with ui_ctx.ledger.read() as s:
        metrics_before = s.scalar(select(func.count(Metric.id)))
    dialog.save_button.click()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=60_000)
    assert dialogs[-1][0] == "草稿已保存"
    with ui_ctx.ledger.read() as s:
        assert s.scalar(select(func.count(Metric.id))) == metrics_before  # every target merged
        tasks = {t.title: t for t in s.scalars(select(Task).where(Task.source_id == dialog.result.source_id))}
        assert "引导企业规范生产行为" in tasks

        def leader(title):
            return s.scalar(select(Person.name).join(Responsibility, Responsibility.person_id == Person.id)
                            .where(Responsibility.task_id == tasks[title].id,
                                   Responsibility.role == Role.LEAD_LEADER))

        assert leader("金大地化工有限责任公司废气治理设施运行检查") == "朱俊峰"
        assert leader("清理整顿环保违法违规建设项目") == "朱俊峰"
        assert str(tasks["金大地化工有限责任公司废气治理设施运行检查"].deadline) == "2016-08-15"
    again = _open(ui_ctx, qtbot)
    assert "已经导入过" in again.summary.text() and not again.save_button.isEnabled()
    with ui_ctx.ledger.read() as s:
        assert s.scalar(select(func.count(Source.id)).where(Source.title == "环保攻坚突破工作会议")) == 1


def test_split_needs_a_comma(ui_ctx, qtbot, dialogs):
    dialog = _open(ui_ctx, qtbot)
    row = _row(dialog.drafts, "清理整顿环保违法违规建设项目")
    dialog.drafts.setCurrentCell(row, MinutesDialog.TITLE)
    count = dialog.drafts.rowCount()
    dialog.split_row_button.click()
    assert dialog.drafts.rowCount() == count
    assert dialog.drafts.item(row, MinutesDialog.KEEP).checkState() == Qt.CheckState.Checked
