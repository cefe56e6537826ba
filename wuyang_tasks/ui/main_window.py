"""The main window: navigation on the left, one page at a time, menus and status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
)

from wuyang_tasks import APP_TITLE, __version__, paths
from wuyang_tasks.db.ledger import Ledger

from . import navigation
from .access import Need
from .context import UiContext
from .live_view import LiveView
from .opening import start_opening
from .page import Page
from .page_stack import Pages, PageStack
from .reminders import Reminders
from .settings import recent_ledgers
from .sizing import free_size
from .server import SERVER_KINDS, offer_after_server_error

DEFAULT_SIZE = QSize(1280, 800)
NAV_STYLE = """
QListWidget#navigation { background: #f2f4f7; border: none; font-size: 15px; outline: 0; }
QListWidget#navigation::item { padding: 10px 14px; }
QListWidget#navigation::item:selected { background: #1f5fa8; color: white; }
QLabel#pageHeading { font-size: 18px; font-weight: bold; }
"""


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext):
        super().__init__()
        self.ctx = ctx
        ctx.window = self
        self.setWindowTitle(APP_TITLE)
        self.setStyleSheet(NAV_STYLE)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(120)
        self.stack = PageStack(ctx)  # each page is built when first shown or asked for
        self.pages = Pages(self.stack)
        self.stack.page_created.connect(self._page_created)
        for nav in navigation.NAVIGATION:
            item = QListWidgetItem(nav.title())
            item.setData(Qt.ItemDataRole.UserRole, nav.key)
            item.setSizeHint(QSize(140, 42))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(
            lambda row: self.stack.show_page(navigation.NAVIGATION[row].key))
        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1130])
        self.splitter.setCollapsible(0, False)
        self.setCentralWidget(self.splitter)
        self._build_menus()
        self._build_status_bar()
        from .pages.backups.daily import DailyBackup  # the day's backup, in the background

        self.daily_backup = DailyBackup(ctx, self)
        ctx.navigate_requested.connect(self.go_to)
        ctx.ledger_replaced.connect(self.update_status)
        ctx.data_changed.connect(lambda _change: self.update_status())
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.reminders = Reminders(ctx)
        self.reminders.badge_changed.connect(lambda n: self.set_badge("tasks", n))
        ctx.task_rows.reset.connect(self._seen_if_on_tasks)
        ctx.task_rows.reset.connect(self.update_status)  # the calendar knows its gaps only now
        self.stack.currentChanged.connect(self._page_shown)
        self.restore_layout()
        self.live_view = LiveView(ctx)
        ctx.ledger_replaced.connect(self._ledger_kind_changed)
        self._ledger_kind_changed()
        self.update_status()
        self.nav.setCurrentRow(0)
        ctx.task_rows.ensure_loaded()  # reminders on start, whichever page is shown

    # -- navigation -------------------------------------------------------------------------
    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return navigation.NAVIGATION[row].key if row >= 0 else None

    def go_to(self, key: str, kwargs: dict | None = None) -> None:
        index = [n.key for n in navigation.NAVIGATION].index(key)
        self.nav.setCurrentRow(index)
        if kwargs:
            self.pages[key].show_item(**kwargs)

    def _page_created(self, key: str, page: Page) -> None:
        page.badge_changed.connect(lambda n: self.set_badge(key, n))
        page.restore_state(self.ctx.settings())

    def _page_shown(self, _index: int) -> None:
        if self.current_key() == "tasks":
            self.reminders.mark_seen()

    def _seen_if_on_tasks(self) -> None:
        if self.current_key() == "tasks":
            self.reminders.mark_seen()

    def set_badge(self, key: str, count: int) -> None:
        index = [n.key for n in navigation.NAVIGATION].index(key)
        title = navigation.NAVIGATION[index].title()
        item = self.nav.item(index)
        item.setText(f"{title}  ({count})" if count else title)
        item.setToolTip(self.tr("%1 new alerts since you last looked").replace("%1", str(count))
                        if count else "")

    # -- menus --------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        guard = self.ctx.role_guard  # the needs of the actions that write, declared as they are made
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_open = QAction(self.tr("&Open ledger…"), self)
        self.action_open.setShortcut(QKeySequence.StandardKey.Open)
        self.action_open.triggered.connect(self.open_ledger_file)
        self.action_new = QAction(self.tr("&New empty ledger…"), self)
        self.action_new.triggered.connect(self.new_ledger_file)
        self.action_connect = QAction(self.tr("&Connect to server…"), self)
        self.action_connect.triggered.connect(self.connect_to_server)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent ledgers"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.insertAction(self.recent_menu.menuAction(), self.action_open)
        file_menu.insertAction(self.recent_menu.menuAction(), self.action_new)
        file_menu.insertAction(self.recent_menu.menuAction(), self.action_connect)
        self.action_copy_to_server = QAction(self.tr("&Move to a shared server…"), self)
        self.action_copy_to_server.triggered.connect(self.copy_to_server)
        file_menu.insertAction(self.recent_menu.menuAction(), self.action_copy_to_server)
        file_menu.addSeparator()
        self.action_import = guard.restrict(file_menu.addAction(self.tr("&Import Excel ledger…")), Need.EDIT)
        self.action_import.triggered.connect(self.import_ledger)
        self.action_minutes = guard.restrict(file_menu.addAction(self.tr("Tasks from &minutes or a plan…")),
                                             Need.EDIT)
        self.action_minutes.triggered.connect(self.tasks_from_minutes)
        file_menu.addSeparator()
        self.action_backups = file_menu.addAction(self.tr("&Backups and restore…"))
        self.action_backups.triggered.connect(self.show_backups)
        file_menu.addSeparator()
        self.action_quit = file_menu.addAction(self.tr("E&xit"))
        self.action_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.close)
        task_menu = self.menuBar().addMenu(self.tr("Tas&k"))
        self.action_export_case = task_menu.addAction(self.tr("Export case &file…"))
        self.action_export_case.triggered.connect(self.export_case)
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        # 工作日历 opens for everyone, read-only below 管理 (pages/workday_calendar.py)
        self.action_calendar = guard.open_below(tools_menu.addAction(self.tr("Working-day &calendar…")),
                                                Need.ADMINISTER)
        self.action_calendar.triggered.connect(self.show_calendar)
        documents_menu = self.menuBar().addMenu(self.tr("&Documents"))
        self.action_office = guard.restrict(documents_menu.addAction(self.tr("&Office profile…")), Need.EDIT)
        self.action_office.triggered.connect(self.show_office_profile)
        self.action_fonts = documents_menu.addAction(self.tr("&Fonts…"))
        self.action_fonts.triggered.connect(self.show_fonts)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = help_menu.addAction(self.tr("&User guide"))
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.show_guide)
        about = help_menu.addAction(self.tr("&About"))
        about.triggered.connect(self.show_about)

    def show_guide(self) -> None:
        from .guide import GuideDialog  # loaded when first asked for, not at start

        GuideDialog(self).exec()

    def export_case(self) -> None:
        """任务 ▸ 导出档案…: the task selected in 任务台账 (the page is shown to pick one)."""
        self.go_to("tasks")
        page = self.pages["tasks"]
        if page.action_export_case.isEnabled():
            page.action_export_case.trigger()
        else:
            self.statusBar().showMessage(self.tr("Select one task in the task ledger first."), 8000)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = recent_ledgers()
        if not items:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for location in items:
            self.recent_menu.addAction(location).triggered.connect(
                lambda _=False, loc=location: self.open_location(loc))

    def open_ledger_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open ledger"), "",
                                              self.tr("Ledger files (*.db);;All files (*)"))
        if path:
            self.open_location(path)

    def new_ledger_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New empty ledger"), "",
                                              self.tr("Ledger files (*.db)"))
        if path:
            if not path.endswith(".db"):
                path += ".db"
            self.open_location(path)

    def connect_to_server(self) -> None:
        url, ok = QInputDialog.getText(
            self, self.tr("Connect to server"),
            self.tr("Address of the shared ledger (PostgreSQL), e.g. "
                    "postgresql+psycopg://user@host/wuyang"), QLineEdit.EchoMode.Normal)
        if ok and url.strip():
            self.open_location(url.strip())

    def open_location(self, location: str) -> None:
        start_opening(location, self.ctx.ledger.today_override, on_opened=self._opened,
                      on_error=lambda exc: self._open_failed(location, exc), parent=self)

    def _open_failed(self, location: str, exc: BaseException) -> None:
        """A damaged, foreign, read-only or locked ledger: say why and offer what fits."""
        from wuyang_tasks.db.ledger import LedgerOpenError, open_ledger

        from .pages.backups import offer_after_open_error

        if not isinstance(exc, LedgerOpenError):
            self.ctx.show_error(exc, self)
            return
        if exc.kind in SERVER_KINDS:
            taken, local = offer_after_server_error(self, exc)
            if taken:
                self.open_location(local if taken == "open_local" else location)
            return
        try:
            taken = offer_after_open_error(self, exc, location)
            if taken == "open_read_only":
                self._opened(open_ledger(location, today=self.ctx.ledger.today_override, read_only=True))
            elif taken in ("restore_backup", "retry"):
                self.open_location(location)
        except Exception as again:  # noqa: BLE001 — shown as a dialog, never a traceback
            self.ctx.show_error(again, self)

    def _ledger_kind_changed(self) -> None:
        self.action_copy_to_server.setEnabled(self.ctx.ledger.is_sqlite)

    def copy_to_server(self) -> None:
        from .server import copy_to_server

        copy_to_server(self.ctx, self)

    def show_backups(self) -> None:
        from .pages.backups import BackupsDialog

        BackupsDialog(self.ctx, self).exec()

    def import_ledger(self) -> bool:
        from .pages.imports import open_import_dialog

        return open_import_dialog(self.ctx, self)

    def tasks_from_minutes(self) -> bool:
        from .pages.imports import open_minutes_dialog

        return open_minutes_dialog(self.ctx, self)

    def show_calendar(self) -> None:
        """Opens on the first year the calendar lacks, if any (the status bar names it)."""
        from .pages.workday_calendar import open_calendar_dialog

        open_calendar_dialog(self.ctx, self, min(self.ctx.calendar().uncovered_years, default=None))

    def show_office_profile(self) -> None:
        from .pages.document_settings import open_office_dialog

        open_office_dialog(self.ctx, self)

    def show_fonts(self) -> None:
        from .pages.document_settings import open_fonts_dialog

        open_fonts_dialog(self)

    def _opened(self, ledger: Ledger) -> None:
        self.ctx.replace_ledger(ledger)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About %1").replace("%1", APP_TITLE), self.about_text())

    def about_text(self) -> str:
        ledger = self.ctx.ledger
        kind = self.tr("SQLite file") if ledger.is_sqlite else self.tr("shared server")
        return "<br>".join([
            f"<b>{APP_TITLE}</b> {__version__}",
            self.tr("Ledger (%1): %2").replace("%1", kind).replace("%2", ledger.display_name()),
            self.tr("Data folder: %1").replace("%1", str(paths.data_dir())),
        ])

    # -- status bar ---------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.caption_label = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet("color: #a61b1b;")
        self.warning_label.setWordWrap(False)
        link_text = self.tr("Working-day calendar…")
        self.calendar_link = QLabel('<a href="calendar">' + link_text + "</a>")
        self.calendar_link.linkActivated.connect(lambda _link: self.show_calendar())
        self.location_label = QLabel()
        self.location_label.setStyleSheet("color: #555;")
        bar = self.statusBar()
        bar.addWidget(self.caption_label)
        bar.addWidget(self.warning_label, 1)
        bar.addWidget(self.calendar_link)
        bar.addPermanentWidget(self.location_label)

    def update_status(self) -> None:
        ledger = self.ctx.ledger
        day = ledger.today()
        caption = ledger.today_caption() or self.tr("Today: %1").replace(
            "%1", f"{day.year}年{day.month}月{day.day}日")
        self.caption_label.setText(caption)
        calendar_warning = self.ctx.calendar().warning()
        warnings = [w for w in [calendar_warning, *ledger.notices] if w]
        self.calendar_link.setVisible(calendar_warning is not None)
        self.warning_label.setText("；".join(warnings))
        self.warning_label.setToolTip("\n".join(warnings))
        self.location_label.setText(ledger.display_name() if ledger.is_sqlite else
                                    f"{ledger.display_name()}  {self.ctx.access.caption}")
        self.setWindowTitle(f"{APP_TITLE} — {ledger.display_name()}")

    # -- layout memory ------------------------------------------------------------------------
    def restore_layout(self) -> None:
        settings = self.ctx.settings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(self.default_size())
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        # each page restores its own layout as it is built (_page_created)

    def default_size(self) -> QSize:
        """1280×800, or less: the whole window with its title bar and frame on the screen's
        free area (a 1366×768 office screen minus the taskbar), the status bar visible."""
        room = free_size(self)
        return QSize(min(DEFAULT_SIZE.width(), room.width()), min(DEFAULT_SIZE.height(), room.height()))

    def save_layout(self) -> None:
        settings = self.ctx.settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        for page in self.stack.built.values():  # a page never built keeps what it saved last
            page.save_state(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.live_view.timer.stop()
        self.save_layout()
        self.ctx.wait_for_workers(10_000)
        super().closeEvent(event)
