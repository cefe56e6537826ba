"""The 督导检查 and 问责台账 pages driven as a clerk would."""

import os


from wuyang_tasks.domain.enums import CheckResult
from wuyang_tasks.services import accountability as acc
from wuyang_tasks.ui.pages.accountability import create_page as accountability_page
from wuyang_tasks.ui.pages.accountability.dialogs import PersonDialog, RecordDialog, VoidDialog
from wuyang_tasks.ui.pages.inspections import create_page as inspections_page
from wuyang_tasks.ui.pages.inspections.record_dialog import RecordInspectionDialog
from wuyang_tasks.ui.pages.inspections.templates_dialog import TemplateEditorDialog

SHOTS = os.environ.get("WUYANG_SCREENSHOTS")


def _shot(widget, name):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name))


def test_record_an_inspection_with_failed_items(ui_ctx, qtbot, dialogs, model_tester):
    page = inspections_page(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    model_tester(page.model)
    assert page.model.rowCount() == 1  # the demo's inspection of 7月15日
    dialog = RecordInspectionDialog(ui_ctx, page)
    qtbot.addWidget(dialog)
    dialog.unit.setCurrentIndex(dialog.unit.findText("舞泉镇"))
    dialog.site.setText("幸福家园二期")
    dialog.inspectors.setText("朱俊峰、刘静")
    dialog.set_result(0, CheckResult.FAIL, "东侧围挡缺失", "补齐围挡")
    dialog.set_result(4, CheckResult.FAIL, "未设冲洗平台", "建设冲洗平台")
    dialog.set_result(2, CheckResult.NOT_APPLICABLE)
    _shot(dialog, "record_inspection.png")
    dialog.accept()
    assert dialogs == [] and dialog.inspection_id is not None
    page.refresh()
    assert page.model.rowCount() == 2
    page.show_item(inspection_id=dialog.inspection_id)
    row = page.model.item_at(0)  # latest first
    assert (row.failed, row.passed, row.not_applicable, row.open_rectifications) == (2, 3, 1, 2)
    html = page.detail.toPlainText()
    assert "不符合" in html and "东侧围挡缺失" in html and "朱俊峰、刘静" in html
    _shot(page, "inspections_page.png")


def test_a_refused_inspection_keeps_the_dialog_open(ui_ctx, qtbot, dialogs):
    dialog = RecordInspectionDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.accept()  # no inspector, no unit
    assert dialog.inspection_id is None and len(dialogs) == 1
    assert "检查" in dialogs[0][1]


def test_template_editor_saves_a_new_version(ui_ctx, qtbot, dialogs):
    dialog = TemplateEditorDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.current().name == "六个百分之百" and dialog.items.rowCount() == 6
    dialog.add_item()
    dialog.items.item(6, 0).setText("公示")
    dialog.items.item(6, 1).setText("公示扬尘治理责任人和举报电话")
    assert dialog.save()
    assert dialog.current().version == 2 and dialog.items.rowCount() == 7
    _shot(dialog, "templates.png")


def test_accountability_records_corrected_voided_never_deleted(ui_ctx, qtbot, dialogs, model_tester):
    page = accountability_page(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    model_tester(page.model)
    dialog = RecordDialog(ui_ctx, page)
    qtbot.addWidget(dialog)
    dialog.person.setCurrentIndex(dialog.person.findText("朱俊峰（副县长）"))
    dialog.rtype.setCurrentIndex(dialog.rtype.findText("重要领导责任"))
    dialog.facts.setPlainText("督导不力，工地扬尘问题逾期未整改")
    dialog.tasks.setText("2016-002")
    dialog.number.setText("舞责追〔2016〕1号")
    dialog.accept()
    assert dialogs == [] and dialog.record_id
    page.refresh()
    assert [v.post_held for v in page.model.items] == ["副县长"]
    page.table.selectRow(0)
    correction = RecordDialog(ui_ctx, page, correcting=page.selected().id)
    qtbot.addWidget(correction)
    assert correction.tasks.text() == "2016-002" and correction.number.text() == "舞责追〔2016〕1号"
    correction.measure.setCurrentIndex(correction.measure.findText("诫勉"))
    correction.accept()
    assert dialogs == []
    page.refresh()
    states = [v.state_label for v in page.model.items]
    assert states[0].startswith("已更正") and states[1].startswith("有效")
    page.table.selectRow(0)
    assert not page.action_correct.isEnabled()
    page.delete()
    assert "不能删除" in dialogs[-1][1] or "不能删除" in dialogs[-1][2]
    page.table.selectRow(1)
    void = VoidDialog(ui_ctx, page.selected().id, page)
    qtbot.addWidget(void)
    void.reason.setPlainText("申诉成立")
    void.accept()
    page.refresh()
    assert len(page.model.items) == 3 and not any(v.in_force for v in page.model.items)
    _shot(page, "accountability_page.png")
    person = PersonDialog(ui_ctx, page.model.items[0].person_id, page)
    qtbot.addWidget(person)
    text = person.text.toPlainText()
    assert "副县长" in text and "2016-002" in text and "第1号" in text
    assert "时任职务" in text and "完成时限" in text  # the task table has a header row
    assert text.endswith("每年问责次数：—")  # all voided or superseded: none counts
    _shot(person, "person.png")


def test_a_new_record_names_no_one_until_the_clerk_chooses(ui_ctx, qtbot, dialogs):
    """QA: the dialog used to open on the first person of the list (the county party secretary);
    a record is never rewritten, so nobody may be preselected."""
    dialog = RecordDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.person.currentIndex() == -1 and dialog.person.currentText() == ""
    dialog.facts.setPlainText("督导不力，工地扬尘问题逾期未整改")
    dialog.accept()
    assert dialog.record_id is None and dialogs[-1][1] == "请填写或选择被问责人。"
    assert dialog.failure_on.text() == "2016年7月29日" and dialog.effective.text() == "2016年7月29日"
    dialog.person.setCurrentIndex(dialog.person.findText("朱俊峰（副县长）"))
    dialog.accept()
    assert dialog.record_id is not None
    with ui_ctx.ledger.read() as s:
        person_id = acc.record_views(s, record_ids=[dialog.record_id])[0].person_id
    person = PersonDialog(ui_ctx, person_id)
    qtbot.addWidget(person)
    assert person.text.toPlainText().endswith("每年问责次数：2016年1次")


def test_inspection_dialog_dates_and_item_numbers(ui_ctx, qtbot):
    dialog = RecordInspectionDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.day.text() == "2016年7月29日" and dialog.deadline.text() == "2016年8月5日"
    assert not dialog.items.verticalHeader().isVisible()  # the 序号 column is the only numbering
    assert dialog.items.item(0, 0).text() == "1"
