"""The window shell: navigation, placeholder pages, errors, workers, starting up."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.ui import navigation
from wuyang_tasks.ui.app import Launcher
from wuyang_tasks.ui.first_run import FirstRunDialog, StartChoice, StartDecision
from wuyang_tasks.ui.settings import recent_ledgers


def test_navigation_is_in_chinese_and_in_order(main_window):
    titles = [main_window.nav.item(i).text().split("  (")[0] for i in range(main_window.nav.count())]
    assert titles == ["工作台", "任务台账", "单位与人员", "督导检查", "问责台账", "指标", "考核", "报表"]


def test_missing_module_gets_an_honest_placeholder(ui_ctx, qtbot):
    page = navigation.create_page(navigation.NavEntry("no_such_page", "Reports"), ui_ctx)
    qtbot.addWidget(page)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "本版本程序尚未提供“报表”模块。" in texts


def test_status_bar_shows_the_demo_day(main_window):
    assert main_window.caption_label.text() == "演示数据 · 按2016年7月29日计算"
    ledger = main_window.ctx.ledger
    who = "" if ledger.is_sqlite else f"  {main_window.ctx.access.caption}"  # server: user（角色）
    assert main_window.location_label.text() == ledger.display_name() + who


def test_ledger_error_becomes_a_chinese_dialog_and_nothing_is_saved(ui_ctx, dialogs):
    from wuyang_tasks.services import tasks as task_service

    before = _task_count(ui_ctx)

    def action(session):
        task_service.create_task(session, title="要回滚的任务", today=ui_ctx.today(), cal=ui_ctx.calendar())
        raise ValidationError("完成时限不对。")

    ok, _ = ui_ctx.perform(action)
    assert not ok
    assert dialogs == [("无法完成操作", "完成时限不对。", "")]
    assert _task_count(ui_ctx) == before


def test_unexpected_error_shows_no_traceback(ui_ctx, dialogs):
    ui_ctx.perform(lambda s: {}["missing"])
    title, text, _ = dialogs[0]
    assert text.startswith("发生意外错误：")
    assert "Traceback" not in text and "errors.log" in text


def test_worker_result_arrives_on_the_gui_thread(ui_ctx, qtbot):
    results = []
    ui_ctx.run_in_worker("计算", lambda p: (p.report(1, 2), 42)[1], results.append)
    qtbot.waitUntil(lambda: results == [42])
    assert ui_ctx.is_idle()


def test_cancelled_worker_result_is_dropped(ui_ctx, qtbot):
    import threading

    gate = threading.Event()
    results = []

    def slow(progress):
        gate.wait(5)
        progress.check()
        return "late"

    job = ui_ctx.run_in_worker("计算", slow, results.append)
    job.cancel()
    gate.set()
    qtbot.waitUntil(ui_ctx.is_idle)
    assert results == []


def test_first_run_demo_writes_the_demo_without_asking(tmp_path, qtbot):
    path = tmp_path / "new.db"
    launcher = Launcher(str(path), None, "demo")
    launcher.start()
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=60_000)
    qtbot.addWidget(launcher.window)
    assert launcher.window.ctx.ledger.is_demo
    assert str(path) in recent_ledgers()


def test_first_run_choice_empty_ledger(tmp_path, qtbot):
    path = tmp_path / "empty.db"
    launcher = Launcher(str(path), None, "ask")
    launcher.decide(StartDecision(StartChoice.EMPTY))
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=60_000)
    qtbot.addWidget(launcher.window)
    assert path.exists() and not launcher.window.ctx.ledger.is_demo


def test_first_run_dialog_offers_the_four_ways(qtbot):
    dialog = FirstRunDialog("/tmp/ledger.db")
    qtbot.addWidget(dialog)
    assert dialog.buttons[StartChoice.DEMO].isChecked()
    from wuyang_tasks.ui.first_run import IMPORT_MODULE

    assert dialog.buttons[StartChoice.IMPORT].isEnabled() == navigation.module_available(IMPORT_MODULE)
    dialog.choose(StartChoice.SERVER, "postgresql+psycopg://clerk@server/wuyang")
    dialog._accept()
    assert dialog.decision == StartDecision(StartChoice.SERVER, "postgresql+psycopg://clerk@server/wuyang")


def test_command_line_passes_first_run_and_qt_options():
    from wuyang_tasks.cli.main import build_parser

    args, rest = build_parser().parse_known_args(["--first-run", "demo", "-style=fusion"])
    assert args.command is None and args.first_run == "demo" and rest == ["-style=fusion"]


def _task_count(ctx) -> int:
    from wuyang_tasks.services.tasks import count_tasks

    with ctx.ledger.read() as s:
        return count_tasks(s)


def test_damaged_file_offers_a_way_on(tmp_path, qtbot, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    problems = []
    monkeypatch.setattr(Launcher, "ask", lambda self, problem=None: problems.append(problem))
    launcher = Launcher(str(bad), None, "ask")
    launcher.start()
    qtbot.waitUntil(lambda: bool(problems), timeout=30_000)
    assert "不是本程序的台账文件" in problems[0]
    assert bad.read_bytes() == b"not a database at all" * 10


def test_reminder_badge_counts_new_red_and_blue_tasks_until_looked_at(main_window, qtbot):
    from wuyang_tasks.domain.enums import AlertLevel

    store = main_window.ctx.task_rows
    qtbot.waitUntil(lambda: store.loaded, timeout=30_000)
    watched = [r for r in store.rows if r.alert in (AlertLevel.RED, AlertLevel.BLUE)]
    assert len(watched) >= 2
    reminders = main_window.reminders
    assert len(reminders.new) == len(watched)
    assert main_window.nav.item(1).text() == f"任务台账  ({len(watched)})"
    assert "2016-002" in reminders.last_message  # the overdue survey
    main_window.go_to("tasks")
    assert main_window.nav.item(1).text() == "任务台账"
    reminders.check(notify=True)
    assert reminders.new == set()


def test_dialogs_fixture_also_catches_static_message_boxes(dialogs):
    from PySide6.QtWidgets import QMessageBox

    assert QMessageBox.information(None, "导入完成", "已导入 3 项任务。") == QMessageBox.StandardButton.Ok
    dialogs.answer = "否(N)"
    answer = QMessageBox.question(None, "确认", "继续吗？",
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert answer == QMessageBox.StandardButton.No
    assert [d[:2] for d in dialogs] == [("导入完成", "已导入 3 项任务。"), ("确认", "继续吗？")]


def test_pages_are_built_when_first_shown(main_window, qtbot):
    assert list(main_window.stack.built) == ["dashboard"]  # the page the window opens on
    main_window.go_to("units")
    units = main_window.stack.built["units"]
    assert main_window.stack.currentWidget() is units and units.isVisible()
    assert main_window.current_key() == "units"
    assert main_window.pages["reports"] is main_window.pages["reports"]  # built once, on asking
    assert list(main_window.stack.built) == ["dashboard", "units", "reports"]


def test_a_page_built_late_has_its_remembered_layout(ui_ctx, qtbot):
    from wuyang_tasks.ui.main_window import MainWindow

    first = MainWindow(ui_ctx)
    qtbot.addWidget(first)
    first.go_to("tasks")
    first.pages["tasks"].table.horizontalHeader().resizeSection(1, 432)
    first.save_layout()
    first.close()
    qtbot.waitUntil(ui_ctx.is_idle, timeout=30_000)

    second = MainWindow(ui_ctx)
    qtbot.addWidget(second)
    assert "tasks" not in second.stack.built
    second.go_to("tasks")
    assert second.pages["tasks"].table.horizontalHeader().sectionSize(1) == 432


def test_a_long_job_shows_its_progress_after_the_delay_and_a_quick_one_none(ui_ctx, qtbot):
    import threading

    from PySide6.QtWidgets import QApplication, QProgressDialog

    def dialogs():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]

    results = []
    ui_ctx.run_in_worker("快", lambda p: 1, results.append, delay_ms=200)
    qtbot.waitUntil(lambda: results == [1])
    qtbot.wait(300)
    assert dialogs() == []

    gate = threading.Event()

    def slow(progress):
        progress.report(3, 10, "正在核对…")
        gate.wait(10)
        return 2

    ui_ctx.run_in_worker("慢", slow, results.append, delay_ms=200)
    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=5_000)
    dialog = dialogs()[0]
    assert (dialog.labelText(), dialog.value(), dialog.maximum()) == ("正在核对…", 3, 10)
    gate.set()
    qtbot.waitUntil(lambda: results == [1, 2] and dialogs() == [])


def test_reopening_the_ledger_of_last_time_rewrites_no_settings(monkeypatch):
    from PySide6.QtCore import QSettings

    from wuyang_tasks.ui.settings import remember_ledger

    remember_ledger("/a.db")
    remember_ledger("/b.db")
    synced = []
    sync = QSettings.sync
    monkeypatch.setattr(QSettings, "sync", lambda self: (synced.append(1), sync(self)))
    remember_ledger("/b.db")
    assert synced == [] and recent_ledgers()[:2] == ["/b.db", "/a.db"]
    remember_ledger("/a.db")
    assert synced == [1] and recent_ledgers()[:2] == ["/a.db", "/b.db"]


def test_the_window_lets_go_of_the_module_sources_read_at_import(demo_ledger, qtbot):
    """PySide6's import hook reads every module imported after PySide6 into linecache (≈ 4 MB
    held for the whole session); they are let go as each page is built: the window's first
    page when the launcher shows it, a page opened later after its modules were imported."""
    import linecache

    from wuyang_tasks.ui import main_window
    from wuyang_tasks.ui.pages import units as units_page

    linecache.getlines(main_window.__file__)  # as the hook leaves them, whatever ran before
    assert main_window.__file__ in linecache.cache
    launcher = Launcher(None, None, "ask")
    launcher._show(demo_ledger)
    window = launcher.window
    qtbot.addWidget(window)
    assert window.isVisible()
    assert main_window.__file__ not in linecache.cache
    linecache.getlines(units_page.__file__)
    window.go_to("units")
    assert units_page.__file__ not in linecache.cache
    qtbot.waitUntil(window.ctx.is_idle, timeout=30_000)
    window.ctx.wait_for_workers()
