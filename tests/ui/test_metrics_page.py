"""The 指标 page driven as a clerk would: the list, entering readings, raising a task."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from wuyang_tasks.db.models import Task
from wuyang_tasks.services.metrics import metrics_report
from wuyang_tasks.ui.pages.metrics import create_page
from wuyang_tasks.ui.pages.metrics.charts import MetricChart


def _page(ui_ctx, qtbot):
    page = create_page(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def _cell(model, row, column):
    return model.data(model.index(row, column))


def _good_days(ledger):
    with ledger.read() as s:
        return metrics_report(s, ledger.today()).metrics[0].good_days.good_days


def test_list_statuses_and_chart(ui_ctx, qtbot, model_tester):
    page = _page(ui_ctx, qtbot)
    model_tester(page.metrics_model)
    model_tester(page.readings)
    model = page.metrics_model
    assert model.rowCount() == 4
    assert [_cell(model, r, 3) for r in range(4)] == ["黄灯", "绿灯", "黄灯", "黄灯"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "指标"
    assert "演示数据" in page.caption.text()
    assert page.chart.view.name == "优良天数" and page.raise_button.isEnabled()
    assert page.month_box.currentText() == "2016年7月"
    assert page.readings.rowCount() == 29  # 1 to 29 July: no rows after the day
    page.metrics_view.selectRow(1)  # PM10 is green: nothing to raise
    assert page.chart.view.name == "PM10年均浓度" and not page.raise_button.isEnabled()
    assert page.month_box.currentText() == "2016年（按月）"
    assert page.readings.columnCount() == 4  # 日期, 本县, 全省平均值, 备注
    assert page.readings.headerData(2, Qt.Orientation.Horizontal) == "全省平均值"


def test_enter_a_reading_and_save(ui_ctx, qtbot, dialogs):
    page = _page(ui_ctx, qtbot)
    before = _good_days(ui_ctx.ledger)
    grid = page.readings
    row = next(r for r in range(grid.rowCount()) if _cell(grid, r, 1).startswith(("1", "2")))
    messages = []
    ui_ctx.status_message.connect(messages.append)
    assert not grid.setData(grid.index(row, 1), "很好")
    assert messages == ["“很好”不是有效的空气质量级别。"]
    assert grid.setData(grid.index(row, 1), "重度污染")
    assert page.save_button.isEnabled() and page.save_button.text() == "保存读数（1）"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert dialogs == []
    assert _good_days(ui_ctx.ledger) == before - 1
    assert "新增0条、修改1条" in messages[-1]
    assert not page.save_button.isEnabled()
    assert _cell(page.metrics_model, 0, 2).startswith(f"优良{before - 1}天")


def test_unsaved_reading_is_kept_saved_or_dropped_when_leaving(ui_ctx, qtbot, dialogs):
    page = _page(ui_ctx, qtbot)
    page.metrics_view.selectRow(0)
    assert page.readings.setData(page.readings.index(0, 1), "6")
    page.month_box.setCurrentIndex(1)  # June; the dialog is closed without a choice: stay
    assert dialogs[-1][1] == "有1个读数已修改但未保存。"
    assert page.month_box.currentText() == "2016年7月" and page.readings.pending
    dialogs.answer = "不保存"
    page.month_box.setCurrentIndex(1)
    assert page.month_box.currentText() == "2016年6月" and not page.readings.pending
    page.metrics_view.selectRow(3)  # the water section, by month
    grid = page.readings
    assert grid.setData(grid.index(2, 1), "Ⅳ")  # March Ⅴ → Ⅳ
    dialogs.answer = "保存"
    page.metrics_view.selectRow(0)
    assert len(dialogs) == 3 and page.chart.view.name == "优良天数"
    with ui_ctx.ledger.read() as s:
        water = metrics_report(s, ui_ctx.today()).metrics[3]
    assert water.water.months_missed == () and water.status.label == "绿灯"


def test_raise_task_in_one_action(ui_ctx, qtbot, dialogs):
    page = _page(ui_ctx, qtbot)
    qtbot.mouseClick(page.raise_button, Qt.MouseButton.LeftButton)
    assert dialogs == []
    with ui_ctx.ledger.read() as s:
        task = s.scalars(select(Task).where(Task.content.contains("【关联指标】优良天数"))).one()
        assert task.status.label == "待交办"
        code = task.code
    assert "已生成督办任务" in _cell(page.metrics_model, 0, 4) and code in _cell(page.metrics_model, 0, 4)


def test_chart_paints_every_kind(ui_ctx, qtbot):
    with ui_ctx.ledger.read() as s:
        views = metrics_report(s, ui_ctx.today()).metrics
    chart = MetricChart()
    qtbot.addWidget(chart)
    chart.resize(600, 320)
    for view, colour in zip(views, ("#2f5597", "#ed7d31", "#ed7d31", "#c00000")):
        chart.set_view(view)
        image = chart.grab().toImage()
        found = sum(1 for x in range(0, 600, 3) for y in range(0, 320, 3)
                    if image.pixelColor(x, y).name() == colour)
        assert found > 20, view.name


def test_dashboard_shows_every_metric_chart_and_opens_the_page(ui_ctx, qtbot):
    from wuyang_tasks.ui.pages.dashboard import create_page as dashboard_page

    page = dashboard_page(ui_ctx)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)
    qtbot.waitUntil(lambda: bool(page.findChildren(MetricChart)), timeout=5_000)  # after its first paint
    charts = [c for c in page.findChildren(MetricChart) if c.view is not None]
    assert sorted(c.view.name for c in charts) == sorted(
        ["优良天数", "PM10年均浓度", "PM2.5年均浓度", "三里河省控断面水质类别"])
    water = next(c for c in charts if c.view.name.startswith("三里河"))
    with qtbot.waitSignal(ui_ctx.navigate_requested) as signal:
        qtbot.mouseClick(water, Qt.MouseButton.LeftButton)
    assert signal.args == ["metrics", {"metric_id": water.view.id}]
