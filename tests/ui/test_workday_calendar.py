"""工作日历 dialog: the year's arrangement as the clerk sees it; a change re-evaluates the tasks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from wuyang_tasks.services import calendar_overrides as co
from wuyang_tasks.ui.pages.workday_calendar import WorkdayCalendarDialog


def _row(ctx, code):
    return next(r for r in ctx.task_rows.rows if r.code == code)


def test_the_year_shows_packaged_holidays_and_coverage(ui_ctx, qtbot):
    dialog = WorkdayCalendarDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "工作日历"
    assert dialog.year.value() == 2016
    assert "程序已收录2016年" in dialog.caption.text()
    assert ("2016年2月6日", "星期六", "上班", "程序内置", "春节调休上班") in dialog.rows()
    assert ("2016年10月3日", "星期一", "休息", "程序内置", "国庆节") in dialog.rows()
    dialog.year.setValue(2099)
    assert dialog.rows() == [] and "暂按周一至周五" in dialog.caption.text()
    assert not dialog.remove_button.isEnabled()


def test_a_rest_day_entered_re_evaluates_the_overdue_tasks(main_window, ui_ctx, qtbot, dialogs):
    main_window.go_to("tasks")
    qtbot.waitUntil(lambda: ui_ctx.task_rows.loaded and ui_ctx.is_idle(), timeout=30_000)
    assert _row(ui_ctx, "2016-002").days_overdue == 2  # deadline 7月27日, today 7月29日
    dialog = WorkdayCalendarDialog(ui_ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(2016, 7, 28))
    dialog.kind.setCurrentIndex(dialog.kind.findData(False))
    dialog.note.setText("防汛抢险停止办公")
    assert dialog.save_day()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    assert ("2016年7月28日", "星期四", "休息", "手工补录", "防汛抢险停止办公") in dialog.rows()
    assert not ui_ctx.calendar().is_workday(date(2016, 7, 28))
    assert _row(ui_ctx, "2016-002").days_overdue == 1
    assert dialog.remove_button.isEnabled()  # the new entry is selected
    assert dialog.remove_day()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    assert _row(ui_ctx, "2016-002").days_overdue == 2
    with ui_ctx.ledger.read() as s:
        assert co.list_overrides(s) == []
    assert dialogs == []


def test_an_uncovered_year_in_the_status_bar_leads_to_the_dialog(main_window, ui_ctx, qtbot,
                                                                monkeypatch):
    ui_ctx.calendar().is_workday(date(2099, 3, 2))  # a deadline in a year the package lacks
    main_window.update_status()
    assert "2099年" in main_window.warning_label.text()
    assert not main_window.calendar_link.isHidden()
    opened = []
    monkeypatch.setattr(WorkdayCalendarDialog, "exec",
                        lambda self: opened.append((self.year.value(), self.caption.text())) or 0)
    main_window.calendar_link.linkActivated.emit("calendar")
    assert opened[0][0] == 2099 and "未收录2099年" in opened[0][1]
    main_window.action_calendar.trigger()
    assert len(opened) == 2
    menus = [a.text() for a in main_window.menuBar().actions()]
    assert "工具(&T)" in menus and menus[-1] == "帮助(&H)"


def test_read_only_ledger_shows_the_calendar_but_no_editing(ui_ctx, qtbot, monkeypatch):
    monkeypatch.setattr(ui_ctx.ledger, "read_only", True)
    dialog = WorkdayCalendarDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and dialog.rows()


def test_the_form_follows_the_chosen_day_and_browsing_adds_no_warning(ui_ctx, qtbot):
    dialog = WorkdayCalendarDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(2016, 2, 6))  # 春节调休上班 (a Saturday)
    assert dialog.kind.currentText() == "上班" and dialog.note.text() == ""
    dialog.day.setDate(QDate(2016, 2, 8))
    assert dialog.kind.currentText() == "休息"
    dialog.year.setValue(2098)
    assert dialog.day.date() == QDate(2098, 1, 1) and dialog.kind.currentText() == "上班"  # a Wednesday
    assert ui_ctx.calendar().warning() is None


def test_a_clerk_without_the_admin_role_sees_the_calendar_but_cannot_change_it(ui_ctx, qtbot):
    from wuyang_tasks.db.roles import AccessRole
    from wuyang_tasks.services.access import Access

    ui_ctx._access = Access(user="录入员", role=AccessRole.CLERK)
    dialog = WorkdayCalendarDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and dialog.rows()
    assert dialog.save_button.parentWidget().toolTip() == "只有“管理”角色的用户可以修改工作日历。"
