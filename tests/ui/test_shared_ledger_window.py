"""The window's side of a shared ledger (issue 7): password dialog, the server down at start,
roles reflected in the actions, the live view, a connection lost while saving."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QInputDialog, QLineEdit
from sqlalchemy import select, text

from tests.pg_server import PASSWORD, PASSWORD_USER
from wuyang_tasks.cli.main import main
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.models import Responsibility, Task
from wuyang_tasks.db.roles import AccessRole, add_user, setup_roles
from wuyang_tasks.domain.enums import TaskStatus
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.ui.app import Launcher
from wuyang_tasks.ui.changes import EVERYTHING
from wuyang_tasks.ui.context import UiContext
from wuyang_tasks.ui.main_window import MainWindow
from wuyang_tasks.ui.opening import start_opening
from wuyang_tasks.ui.pages.tasks import editor as editor_module
from wuyang_tasks.ui.pages.tasks.editor import TaskEditor
from wuyang_tasks.ui.settings import app_settings, recent_ledgers, remember_ledger

from tests.postgres.helpers import TODAY, make_task


@pytest.fixture
def asked(monkeypatch):
    """QInputDialog.getText answered with PASSWORD; records (title, label, echo mode)."""
    seen = []

    def get_text(parent, title, label, echo=QLineEdit.EchoMode.Normal, *args, **kwargs):
        seen.append((title, label, echo))
        return PASSWORD, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return seen


def test_the_server_password_is_asked_in_a_password_field_and_never_saved(
        pg_ledger_url, pg_cluster, asked, monkeypatch, tmp_path, qtbot):
    owner = open_ledger(pg_ledger_url)
    with owner.engine.begin() as conn:
        setup_roles(conn, pg_ledger_url.database)
        add_user(conn, PASSWORD_USER, AccessRole.VIEWER)
    owner.dispose()
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    location = pg_ledger_url.set(username=PASSWORD_USER).render_as_string(hide_password=False)
    opened = []
    start_opening(location, None, on_opened=opened.append)  # in a worker thread, as the window does
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    try:
        assert opened[0].actor == PASSWORD_USER
        title, label, echo = asked[0]
        assert echo is QLineEdit.EchoMode.Password
        assert title.startswith("输入密码") and "需要用户" in label
        assert recent_ledgers()[0].endswith(f"{PASSWORD_USER}@{pg_ledger_url.host}:{pg_ledger_url.port}"
                                            f"/{pg_ledger_url.database}")
        app_settings().sync()
        settings_file = app_settings().fileName()
        assert PASSWORD not in open(settings_file, encoding="utf-8").read()
    finally:
        opened[0].dispose()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_server_unreachable_at_start_offers_the_last_local_ledger(tmp_path, dialogs, qtbot):
    local = tmp_path / "本机台账.db"
    open_ledger(local).dispose()
    remember_ledger(str(local))
    url = f"postgresql+psycopg://clerk@127.0.0.1:{_closed_port()}/wuyang"
    dialogs.answer = "打开本机台账"
    launcher = Launcher(url, TODAY, "ask")
    launcher.start()
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=30_000)
    qtbot.addWidget(launcher.window)
    title, message, informative = dialogs[0]
    assert title == "无法连接台账服务器" and "无法连接台账服务器" in message
    assert str(local) in informative
    assert launcher.window.ctx.ledger.is_sqlite
    assert launcher.window.ctx.ledger.display_name() == str(local)
    launcher.window.ctx.wait_for_workers()


# -- roles ----------------------------------------------------------------------------------

def _window(ctx, qtbot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(ctx.is_idle, timeout=30_000)
    return window


def test_a_viewer_sees_every_write_action_disabled_with_the_reason(pg_ledger_url, capsys, qtbot):
    owner = open_ledger(pg_ledger_url)
    make_task(owner)
    owner.dispose()
    url = pg_ledger_url.render_as_string(hide_password=False)
    assert main(["server-setup", url, "--user", "wy_ui_viewer=查看"]) == 0
    capsys.readouterr()
    ctx = UiContext(open_ledger(pg_ledger_url.set(username="wy_ui_viewer"), today=TODAY))
    window = _window(ctx, qtbot)
    try:
        window.go_to("tasks")
        tasks = window.pages["tasks"]
        qtbot.waitUntil(lambda: ctx.is_idle() and bool(tasks.model.rows), timeout=30_000)
        tasks.table.selectRow(0)  # the viewer reads the ledger; the page would enable 签收 …
        for action in [tasks.action_new, tasks.action_urge, *tasks.workflow.values(),
                       window.action_import, window.action_minutes,
                       window.pages["inspections"].action_record,
                       window.pages["accountability"].action_new]:
            assert not action.isEnabled(), action.text()
            assert "wy_ui_viewer（查看）" in action.toolTip()
        assert "只能查看" in tasks.action_new.toolTip()
        assert not window.pages["units"].appoint_button.isEnabled()
        assert tasks.action_edit.isEnabled() and tasks.action_export.isEnabled()  # reading is fine
        assert window.location_label.text().endswith("wy_ui_viewer（查看）")
        assert window.action_calendar.isEnabled()  # the calendar is shown read-only
    finally:
        ctx.wait_for_workers()
        ctx.ledger.dispose()


def test_a_clerk_enters_tasks_but_not_administration(pg_ledger_url, capsys, qtbot):
    owner = open_ledger(pg_ledger_url)
    make_task(owner)
    owner.dispose()
    url = pg_ledger_url.render_as_string(hide_password=False)
    assert main(["server-setup", url, "--user", "wy_ui_clerk=录入"]) == 0
    capsys.readouterr()
    ctx = UiContext(open_ledger(pg_ledger_url.set(username="wy_ui_clerk"), today=TODAY))
    window = _window(ctx, qtbot)
    try:
        assert window.pages["tasks"].action_new.isEnabled()
        assert window.pages["inspections"].action_record.isEnabled()
        for action in (window.pages["inspections"].action_templates,
                       window.pages["accountability"].action_new):
            assert not action.isEnabled()
            assert "只有“管理”角色" in action.toolTip()
    finally:
        ctx.wait_for_workers()
        ctx.ledger.dispose()


def test_the_ledger_owner_may_do_everything(main_window, qtbot):
    assert main_window.ctx.access.can_administer
    main_window.go_to("tasks")
    tasks = main_window.pages["tasks"]
    qtbot.waitUntil(lambda: main_window.ctx.is_idle() and bool(tasks.model.rows), timeout=30_000)
    for action in (tasks.action_new, main_window.action_import, main_window.action_calendar,
                   main_window.pages["inspections"].action_templates,
                   main_window.pages["accountability"].action_new):
        assert action.isEnabled(), action.text()
    tasks.table.selectRow(0)
    assert any(a.isEnabled() for a in tasks.workflow.values())  # the page's own logic still rules


# -- live view -------------------------------------------------------------------------------

def test_another_clerks_progress_report_appears_without_restarting(main_window, qtbot):
    ctx = main_window.ctx
    window = main_window
    window.go_to("tasks")
    page = window.pages["tasks"]
    qtbot.waitUntil(lambda: ctx.is_idle() and page.store.loaded, timeout=30_000)
    other = open_ledger(ctx.ledger.url if not ctx.ledger.is_sqlite else ctx.ledger.path,
                        today=TODAY, daily_backup=False)
    try:
        with other.write() as s:
            task = s.scalars(select(Task).where(Task.status == TaskStatus.IN_PROGRESS)
                             .order_by(Task.id)).first()
            unit_id = s.scalar(select(Responsibility.unit_id).where(
                Responsibility.task_id == task.id, Responsibility.unit_id.is_not(None)))
            task_id = task.id
            ts.report_progress(s, task_id, report_date=TODAY, text="另一台电脑录入的反馈",
                               unit_id=unit_id, percent=77, today=TODAY, cal=other.calendar())
    finally:
        other.dispose()

    def shown() -> bool:
        row = next(r for r in page.model.rows if r.id == task_id)
        return row.last_percent == 77

    window.live_view.timer.setInterval(100)  # the real interval is 3 s
    qtbot.waitUntil(shown, timeout=30_000)
    assert window.statusBar().currentMessage() == "其他用户更新了台账"


def test_own_changes_are_not_announced_as_someone_elses(main_window, qtbot):
    ctx = main_window.ctx
    main_window.live_view.timer.stop()
    with ctx.ledger.read() as s:
        task_id, unit_id = s.execute(select(Responsibility.task_id, Responsibility.unit_id).join(Task)
                                     .where(Task.status == TaskStatus.IN_PROGRESS,
                                            Responsibility.unit_id.is_not(None))).first()
    ok, _ = ctx.perform(lambda s: ts.report_progress(
        s, task_id, report_date=TODAY, text="本窗口录入的反馈", unit_id=unit_id, percent=10,
        today=TODAY, cal=ctx.calendar()), changed=EVERYTHING)
    assert ok
    main_window.statusBar().clearMessage()
    main_window.live_view.poll()
    assert main_window.statusBar().currentMessage() == ""


# -- connection lost -------------------------------------------------------------------------

def test_connection_lost_while_saving_keeps_the_editor_and_reconnects(
        pg_ledger_url, pg_cluster, dialogs, monkeypatch, qtbot):
    ledger = open_ledger(pg_ledger_url, today=TODAY)
    task_id, _ = make_task(ledger)
    ctx = UiContext(ledger)
    editor = TaskEditor(ctx, task_id, None)
    qtbot.addWidget(editor)
    editor.show()
    editor.title.setText("排查在建工地扬尘（网络断开时修改）")
    real_update, drops = ts.update_task, []

    def update_then_drop(session, *args, **kwargs):
        result = real_update(session, *args, **kwargs)
        if len(drops) < 2:  # the network drops twice before the commit
            pid = session.scalar(text("SELECT pg_backend_pid()"))
            with pg_cluster.admin_engine().connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            drops.append(pid)
        return result

    monkeypatch.setattr(editor_module.task_service, "update_task", update_then_drop)
    editor.save()  # the first drop: the clerk closes the message
    assert dialogs[0][0] == "连接中断" and "没有保存任何内容" in dialogs[0][1]
    assert editor.isVisible() and not editor.saved
    assert editor.title.text() == "排查在建工地扬尘（网络断开时修改）"
    with ledger.read() as s:
        assert s.get(Task, task_id).title == "排查在建工地扬尘"
    dialogs.answer = "重新连接"
    editor.save()  # the second drop: 重新连接 repeats the same action, which now goes through
    assert len(dialogs) == 2 and len(drops) == 2  # one message per drop, the retry saved
    assert editor.saved
    with ledger.read() as s:
        assert s.get(Task, task_id).title == "排查在建工地扬尘（网络断开时修改）"
    ledger.dispose()


# -- 文件 ▸ 迁移到共享服务器… ------------------------------------------------------------------

@pytest.mark.sqlite_only
def test_move_to_a_shared_server_copies_verifies_and_opens_the_copy(
        main_window, pg_ledger_url, dialogs, monkeypatch, qtbot):
    ctx = main_window.ctx
    with ctx.ledger.read() as s:
        titles = sorted(s.scalars(select(Task.title)))
    target = pg_ledger_url.render_as_string(hide_password=False)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (target, True)))
    dialogs.answer = "打开服务器上的台账"
    assert main_window.action_copy_to_server.isEnabled()
    main_window.action_copy_to_server.trigger()
    qtbot.waitUntil(lambda: not ctx.ledger.is_sqlite, timeout=60_000)
    title, message, informative = dialogs[0]
    assert title == "迁移到共享服务器"
    assert message.startswith("台账已复制到") and "审计链校验完整" in message
    assert "本机台账文件保持不变" in informative
    with ctx.ledger.read() as s:
        assert sorted(s.scalars(select(Task.title))) == titles
    assert not main_window.action_copy_to_server.isEnabled()  # only from a local ledger
    qtbot.waitUntil(ctx.is_idle, timeout=30_000)


def test_a_server_gone_away_is_said_once_and_polled_less_often(main_window, monkeypatch):
    from wuyang_tasks.domain.errors import ConnectionLost
    from wuyang_tasks.ui.live_view import LOST_INTERVAL_MS

    live = main_window.live_view
    live.timer.stop()
    real_poll = live.watcher.poll

    def gone():
        raise ConnectionLost("与台账服务器的连接中断了。")

    monkeypatch.setattr(live.watcher, "poll", gone)
    live.poll()
    assert main_window.statusBar().currentMessage() == "与台账服务器的连接中断了。"
    assert live.timer.interval() == LOST_INTERVAL_MS
    main_window.statusBar().clearMessage()
    live.poll()
    assert main_window.statusBar().currentMessage() == ""  # not repeated
    monkeypatch.setattr(live.watcher, "poll", real_poll)
    live.poll()
    assert live.timer.interval() == live.interval_ms == 3000
