"""The task ledger shows a first screenful at once; every task is read after that has painted."""

from __future__ import annotations

from sqlalchemy import func, select

from wuyang_tasks.db.models import Task
from wuyang_tasks.domain.codes import code_key
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
        by_code = [r.id for r in sorted(rows, key=lambda r: code_key(r.code))]
        assert first_task_ids(s, limit=7) == by_code[:7]
        assert first_task_ids(s, limit=3, descending=True) == by_code[::-1][:3]


def _renumber(ledger, codes: dict[str, str]) -> None:
    from wuyang_tasks.services import tasks as task_service

    with ledger.write() as s:
        for old, new in codes.items():
            task_id = s.scalar(select(Task.id).where(Task.code == old))
            task_service.update_task(s, task_id, expected_version=None, cal=ledger.calendar(), code=new)


def test_codes_in_natural_order_first_screen_and_list(demo_ledger):
    _renumber(demo_ledger, {"2016-003": "2016-1001", "2016-004": "2016-105", "2016-005": "2016-089"})
    with demo_ledger.read() as s:
        rows = {r.id: r.code for r in list_tasks(s, today=demo_ledger.today(), cal=demo_ledger.calendar())}
        first = first_task_ids(s, limit=len(rows))
        last = first_task_ids(s, limit=3, descending=True)
    codes = [rows[i] for i in first]
    assert codes[-3:] == ["2016-089", "2016-105", "2016-1001"] and codes == sorted(codes, key=code_key)
    assert [rows[i] for i in last] == ["2016-1001", "2016-105", "2016-089"]


def test_a_saved_sort_shows_a_first_screen_then_sorts(ui_ctx, qtbot, monkeypatch):
    """QA: at 100k tasks a session left sorted by another column showed an empty table for 4 s."""
    from PySide6.QtCore import Qt

    monkeypatch.setattr(task_store, "FIRST_SCREEN", 5)
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.go_to("tasks")
    page = window.pages["tasks"]
    qtbot.waitUntil(lambda: page.store.loaded and ui_ctx.is_idle(), timeout=30_000)
    deadline = page.model.column_index("deadline")
    page.table.horizontalHeader().setSortIndicator(deadline, Qt.SortOrder.DescendingOrder)
    window.close()  # the layout is saved

    ui_ctx.task_rows.invalidate()
    ui_ctx.task_rows.loaded, ui_ctx.task_rows.rows = False, []  # the next start: nothing read yet
    again = MainWindow(ui_ctx)
    qtbot.addWidget(again)
    again.show()
    again.go_to("tasks")
    page = again.pages["tasks"]
    assert page.model.rowCount() == 5  # at once, in code order
    assert page.count_label.text() == "正在读取全部任务… 读完后按“完成时限”排序。"
    with ui_ctx.ledger.read() as s:
        total = s.scalar(select(func.count()).select_from(Task))
    qtbot.waitUntil(lambda: page.store.loaded and page.model.rowCount() == total, timeout=30_000)
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (deadline, Qt.SortOrder.DescendingOrder)
    dated = [r.effective_deadline for r in page.model.rows if r.effective_deadline]
    assert dated == sorted(dated, reverse=True)


def test_the_dashboard_reads_its_year_targets_once_it_has_painted(ui_ctx, qtbot, monkeypatch):
    """Their read was the start's first ORM statement (every mapper set up, ≈ 20 ms) before the
    window's first paint; a window that goes on to 任务台账 at once does not wait for them."""
    from wuyang_tasks.services import metrics as metric_service

    reads = []
    report = metric_service.metrics_report
    monkeypatch.setattr(metric_service, "metrics_report", lambda *a: (reads.append(1), report(*a))[1])
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()  # on the dashboard
    window.go_to("tasks")  # before anything has painted
    qtbot.waitUntil(lambda: ui_ctx.task_rows.loaded and ui_ctx.is_idle(), timeout=30_000)
    qtbot.wait(50)
    assert reads == []
    window.go_to("dashboard")
    assert reads == []  # shown, not painted yet
    qtbot.waitUntil(lambda: reads == [1], timeout=5_000)


def test_the_start_sets_up_the_orm_after_its_first_paint(_demo_template, tmp_path):
    """The reads before the window's first paint (the status bar's day and calendar, the live
    view's counter, the first screenful) go through the tables; the mappers are set up a moment
    after the window shows (ui/app.py), before the clerk's first action would need them."""
    import os
    import shutil
    import subprocess
    import sys

    ledger = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, ledger)
    script = """if True:
        import sys
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication
        from wuyang_tasks.cli.main import main
        from wuyang_tasks.db.models import Task
        from wuyang_tasks.ui import app as ui_app

        class FirstPaint(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and obj.isWindow():
                    obj.removeEventFilter(self)
                    print("at first paint", Task.__mapper__.configured, flush=True)
                    QTimer.singleShot(2000, later)
                return False

        def later():
            print("later", Task.__mapper__.configured, flush=True)
            for window in QApplication.topLevelWidgets():
                window.close()
            QApplication.quit()

        shown = ui_app.Launcher._show

        def show(self, opened):
            self.first_paint = FirstPaint()
            shown(self, opened)
            self.window.installEventFilter(self.first_paint)

        ui_app.Launcher._show = show
        sys.exit(main(["--db", sys.argv[1]]))
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WUYANG_TASKS_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", script, str(ledger)], capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["at first paint False", "later True"], done.stdout


def test_the_start_imports_no_orm_before_the_task_table_has_painted(_demo_template, tmp_path):
    """The start's reads go through db.tables (Core): neither sqlalchemy.orm nor the mapped
    classes (≈ 80 ms and 9.5 MB of every start) are imported until the task table — the page the
    start benchmark goes to at once — has painted its first rows; the mapper set-up imports them
    a moment later."""
    import os
    import shutil
    import subprocess
    import sys

    ledger = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, ledger)
    script = """if True:
        import sys
        from wuyang_tasks.ui import app as ui_app
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QAbstractItemView, QApplication
        from wuyang_tasks.cli.main import main

        ORM = ("sqlalchemy.orm", "wuyang_tasks.db.models")

        def loaded():
            return " ".join(str(name in sys.modules) for name in ORM)

        class TablePainted(QObject):
            def __init__(self, page):
                super().__init__()
                self.page = page

            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and any(
                        view.viewport() is obj and view.model().rowCount() > 0
                        for view in self.page.findChildren(QAbstractItemView)):
                    QApplication.instance().removeEventFilter(self)
                    print("at the painted table", loaded(), flush=True)
                    QTimer.singleShot(2000, later)
                return False

        def later():
            print("later", loaded(), flush=True)
            for window in QApplication.topLevelWidgets():
                window.close()
            QApplication.quit()

        shown = ui_app.Launcher._show

        def show(self, opened):
            shown(self, opened)
            self.watch = TablePainted(self.window.pages["tasks"])
            QApplication.instance().installEventFilter(self.watch)
            self.window.go_to("tasks")  # at once, as the start benchmark does

        ui_app.Launcher._show = show
        sys.exit(main(["--db", sys.argv[1]]))
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WUYANG_TASKS_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", script, str(ledger)], capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.split("\n")
    assert lines[:2] == ["at the painted table False False", "later True True"], done.stdout
