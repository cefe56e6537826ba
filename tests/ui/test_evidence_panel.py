"""佐证材料 in the window (both backends): thumbnails in the task editor, 添加佐证材料… and drag
and drop on a report, a PDF on a finding in 督导检查, open a temporary copy, withdraw with a
reason, closing a rectification without evidence asks why, 任务 ▸ 导出档案… writes the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog

from wuyang_tasks.domain.enums import CheckResult, TaskStatus
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import attachments as att
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.services.task_views import task_detail, task_id_by_code
from wuyang_tasks.ui.pages.inspections import create_page as inspections_page
from wuyang_tasks.ui.pages.inspections.record_dialog import RecordInspectionDialog
from wuyang_tasks.ui.pages.tasks.editor import TaskEditor

RECTIFICATION = "2016-030"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


def _editor(ui_ctx, qtbot, code):
    with ui_ctx.ledger.read() as s:
        task_id = task_id_by_code(s, code)
    editor = TaskEditor(ui_ctx, task_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor, task_id


def _choose(monkeypatch, *paths):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def test_task_editor_shows_the_whole_file_with_thumbnails(ui_ctx, qtbot, dialogs, tmp_path, monkeypatch):
    editor, task_id = _editor(ui_ctx, qtbot, RECTIFICATION)
    panel = editor.evidence
    editor.tabs.setCurrentWidget(panel)
    names = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert names == ["检查发现问题-东侧围挡缺失（演示图片）.jpg", "整改后-东侧围挡已补齐（演示图片）.jpg"]
    assert all(not panel.list.item(i).icon().isNull() for i in range(2))
    assert "SHA-256" in panel.list.item(1).toolTip() and "进展反馈" in panel.list.item(1).toolTip()
    scan = tmp_path / "整改报告.pdf"
    scan.write_bytes(PDF)
    _choose(monkeypatch, scan)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert dialogs == [] and panel.list.count() == 3
    with ui_ctx.ledger.read() as s:
        added = att.attachments_of(s, att.Target(task_id=task_id))
    assert [a.name for a in added] == ["整改报告.pdf"]
    assert any("添加佐证材料" in editor.history.item(r, 2).text() for r in range(editor.history.rowCount()))


def _drop(view, path):
    """Drop a file from outside on the list. Offscreen, Qt delivers synthetic drag events only
    to a top-level widget, so the drop event goes to the list's handler as Qt would hand it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(view.viewport().rect().center(), *args)
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    view.dropEvent(QDropEvent(QPointF(view.viewport().rect().center()), *args))


def test_a_photo_dropped_on_a_report_and_opened_withdrawn(ui_ctx, qtbot, dialogs, tmp_path, monkeypatch):
    from PIL import Image

    editor, task_id = _editor(ui_ctx, qtbot, "2016-001")
    editor.tabs.setCurrentIndex(2)  # 进展反馈
    editor.reports.setCurrentCell(1, 0)
    panel = editor.report_evidence
    report_id = panel.target.report_id
    photo = tmp_path / "工地照片.jpg"
    Image.new("RGB", (2000, 1500), (200, 60, 30)).save(photo, "JPEG")
    _drop(panel.list, photo)
    assert dialogs == [] and panel.list.count() == 1
    with ui_ctx.ledger.read() as s:
        [view] = att.attachments_of(s, att.Target(report_id=report_id))
    assert view.name == "工地照片.jpg" and view.report_id == report_id

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    copy = Path(opened[0].toLocalFile())
    assert copy.read_bytes() == photo.read_bytes() and copy.name == "工地照片.jpg"

    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("照片与本次反馈无关", True)))
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert panel.list.item(0).text() == "工地照片.jpg（已撤回）"
    assert not panel.withdraw_button.isEnabled()
    assert verify_ledger(ui_ctx.ledger).ok


def test_a_file_of_the_wrong_kind_is_refused_in_words(ui_ctx, qtbot, dialogs, tmp_path, monkeypatch):
    editor, _ = _editor(ui_ctx, qtbot, "2016-001")
    fake = tmp_path / "照片.jpg"
    fake.write_text("不是照片")
    _choose(monkeypatch, fake)
    qtbot.mouseClick(editor.evidence.add_button, Qt.MouseButton.LeftButton)
    assert len(dialogs) == 1 and "不是可接受的佐证材料类型" in dialogs[0][1]
    assert editor.evidence.list.count() == 0


def test_a_pdf_on_a_finding_in_the_inspections_page(ui_ctx, qtbot, dialogs, tmp_path, monkeypatch):
    page = inspections_page(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    dialog = RecordInspectionDialog(ui_ctx, page)
    qtbot.addWidget(dialog)
    dialog.unit.setCurrentIndex(dialog.unit.findText("吴城镇"))
    dialog.site.setText("吴城新区工地")
    dialog.inspectors.setText("朱俊峰")
    dialog.set_result(0, CheckResult.FAIL, "北侧围挡破损", "修复围挡")
    dialog.accept()
    page.show_item(inspection_id=dialog.inspection_id)
    assert page.finding_choice.currentText() == "北侧围挡破损"
    scan = tmp_path / "检查记录表.pdf"
    scan.write_bytes(PDF)
    _choose(monkeypatch, scan)
    qtbot.mouseClick(page.evidence.add_button, Qt.MouseButton.LeftButton)
    assert dialogs == [] and page.evidence.list.count() == 1
    finding_id = page.finding_choice.currentData()
    with ui_ctx.ledger.read() as s:
        [view] = att.attachments_of(s, att.Target(finding_id=finding_id))
    assert view.kind == "pdf" and view.task_id is not None  # filed with its rectification task
    assert verify_ledger(ui_ctx.ledger).ok


def test_closing_a_rectification_without_evidence_asks_why(main_window, ui_ctx, qtbot, dialogs, monkeypatch):
    with ui_ctx.ledger.write() as s:
        inspection_task = _reported_rectification(s, ui_ctx)
    page = main_window.pages["tasks"]
    main_window.go_to("tasks")
    page.action_refresh.trigger()  # written behind the window's back: 刷新
    qtbot.waitUntil(lambda: inspection_task in {r.id for r in page.model.rows}, timeout=10_000)
    main_window.go_to("tasks", {"task_id": inspection_task})
    qtbot.waitUntil(lambda: [r.id for r in page.selected_rows()] == [inspection_task], timeout=10_000)
    asked = []
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda parent, title, label, *a: asked.append(label) or ("", False)))
    page.workflow[Action.APPROVE].trigger()
    assert "还没有佐证材料" in asked[0]
    with ui_ctx.ledger.read() as s:
        assert task_detail(s, inspection_task).status is TaskStatus.REPORTED
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a: ("复查照片由市局检查组留存", True)))
    page.workflow[Action.APPROVE].trigger()
    with ui_ctx.ledger.read() as s:
        assert task_detail(s, inspection_task).status is TaskStatus.DONE
    assert dialogs == []


def _reported_rectification(s, ctx) -> int:
    from wuyang_tasks.services import checklists, inspections, units

    day = date(2016, 7, 29)
    template = checklists.template_view(s, checklists.find_template(s, "六个百分之百").id)
    results = [inspections.ItemResult(i.id, CheckResult.FAIL if i.seq == 1 else CheckResult.PASS)
               for i in template.items]
    inspection = inspections.record_inspection(
        s, inspected_on=day, today=day, cal=ctx.calendar(), inspectors=[inspections.Inspector(name="刘静")],
        unit_id=units.find_unit(s, "莲花镇").id, template_id=template.id, results=results,
        findings=[inspections.FindingSpec("围挡缺失", requirement="补齐", deadline=date(2016, 8, 5),
                                          item_id=template.items[0].id)])
    task_id = inspections.inspection_detail(s, inspection.id).findings[0].task_id
    task_service.report_progress(s, task_id, report_date=day, text="已补齐", request_close=True,
                                 today=day, cal=ctx.calendar())
    return task_id


def test_task_menu_exports_the_case_file(main_window, ui_ctx, qtbot, dialogs, tmp_path, monkeypatch):
    with ui_ctx.ledger.read() as s:
        task_id = task_id_by_code(s, RECTIFICATION)
    page = main_window.pages["tasks"]
    main_window.go_to("tasks", {"task_id": task_id})
    qtbot.waitUntil(lambda: [r.id for r in page.selected_rows()] == [task_id], timeout=10_000)
    target = tmp_path / "档案.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    main_window.action_export_case.trigger()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    assert dialogs == [] and target.read_bytes().startswith(b"%PDF")
