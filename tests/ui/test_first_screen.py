"""The task ledger shows a first screenful at once; every task is read after that has painted."""

from __future__ import annotations

from wuyang_tasks.services.task_list import first_task_ids, list_tasks
from wuyang_tasks.ui import task_store
from wuyang_tasks.ui.main_window import MainWindow


def test_first_screen_then_every_task(ui_ctx, qtbot, monkeypatch):
    monkeypatch.setattr(task_store, "FIRST_SCREEN", 5)  # the demo's 30 tasks fit one screen
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()  # opens on the dashboard, which asks for every task
    window.go_to("tasks")  # … before the window has painted, as a user's start would
    page = window.pages["tasks"]
    codes = [r.code for r in page.model.rows]
    assert len(codes) == 5 and codes == sorted(codes)
    assert page.store.busy and not page.store.loaded  # the full load waits for a paint
    assert page.count_label.text() == "正在读取全部任务…"
    assert not page.filters.isEnabled()
    assert not page.table.horizontalHeader().sectionsClickable()  # no sorting of 5 rows

    qtbot.waitUntil(lambda: page.store.loaded and page.model.rowCount() == 30, timeout=30_000)
    every = sorted(r.code for r in page.store.rows)
    assert [r.code for r in page.model.rows] == every and every[:5] == codes
    assert page.filters.isEnabled() and page.table.horizontalHeader().sectionsClickable()
    assert page.count_label.text() == "显示 30 项，共 30 项"


def test_an_action_while_every_task_is_read_is_read_again(ui_ctx, qtbot, monkeypatch):
    store = ui_ctx.task_rows
    loads = []
    load = store.load
    monkeypatch.setattr(store, "load", lambda: (loads.append(1), load()))
    store.load()
    assert store.busy and not store.loaded
    store.reload_ids({1})  # e.g. 交办 on a first-screen row: the load under way may predate it
    qtbot.waitUntil(lambda: store.loaded and ui_ctx.is_idle(), timeout=30_000)
    assert len(loads) == 2  # read again after the change


def test_first_task_ids_follow_the_code_order(demo_ledger):
    with demo_ledger.read() as s:
        rows = list_tasks(s, today=demo_ledger.today(), cal=demo_ledger.calendar())
        by_code = [r.id for r in sorted(rows, key=lambda r: r.code)]
        assert first_task_ids(s, limit=7) == by_code[:7]
        assert first_task_ids(s, limit=3, descending=True) == by_code[::-1][:3]
