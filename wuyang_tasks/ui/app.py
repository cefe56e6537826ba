"""Starting the window: translations, choosing and opening the ledger, error handling.

``run_gui(args, rest)`` is called by ``wuyang-tasks`` without a subcommand. ``--first-run demo``
(used by ``make run``) writes the demonstration ledger without asking when the ledger file does
not exist yet; otherwise the first-run dialog asks.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from datetime import date
from typing import TYPE_CHECKING

from wuyang_tasks import collector  # isort: skip

collector.off_for_good()  # the GUI thread's timer collects (ui/gc_policy.py, wuyang_tasks/collector.py)

# The ledger's database stack (SQLAlchemy Core and the tables) before Qt: PySide6's import
# hook reads the source of every module imported after PySide6 (looking for its __feature__
# switches; ui/pyside_hook.py makes it keep none of it).
from wuyang_tasks.db.ledger import Ledger, open_ledger  # isort: skip

# So are the rest of what every start loads before its first paint, imported anyway a moment
# later (after Qt they cost a third more): SQLite's dialect (create_engine loads it), the
# services the task rows and the live view read with (Core). The ORM, the mapped classes and
# the services written with them come after the first paint (set_up_mappers).
import sqlalchemy.dialects.sqlite  # noqa: F401  # isort: skip
from wuyang_tasks.services import changes, task_list  # noqa: F401  # isort: skip

from PySide6.QtCore import QCoreApplication, QObject, QTimer  # isort: skip
from wuyang_tasks.ui import pyside_hook  # isort: skip

pyside_hook.install()  # before the window's own modules: the first imported after PySide6

from PySide6.QtWidgets import QApplication, QDialog

from wuyang_tasks import APP_NAME, APP_TITLE

from . import errors, gc_policy
from .context import UiContext
from .i18n import install_translators
from .main_window import MainWindow
from .opening import display_location, fresh_ledger_path, ledger_exists, start_opening
from .settings import recent_ledgers
from .server import SERVER_KINDS, offer_after_server_error

if TYPE_CHECKING:  # the first-run dialog is loaded only when it is shown
    from .first_run import StartChoice, StartDecision

MAPPER_SETUP_DELAY_MS = 300  # after the window shows: its first page paints first


def set_up_mappers() -> None:
    """The ORM, the mapped classes and their mappers (≈ 100 ms with the imports), a moment
    after the window shows: before the clerk's first action needs them, after the first paint."""
    from wuyang_tasks.db.models import set_up_mappers

    set_up_mappers()


def make_application(qt_args: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME,
                                                    *(qt_args or [])])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setOrganizationName(APP_NAME)
    gc_policy.install(app)
    return app


def _excepthook(exc_type, exc, tb) -> None:
    """An exception escaping a slot becomes a dialog (and a log entry), never a traceback."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    errors.show_error(QApplication.activeWindow(), exc.with_traceback(tb))


class Launcher(QObject):
    """Opens the ledger to start with, asking first if there is none, then shows the window."""

    def __init__(self, location: str | None, today: date | None, first_run: str):
        super().__init__()
        self.location = location
        self.today = today
        self.first_run = first_run
        self.window: MainWindow | None = None
        self.after_open: StartChoice | None = None
        self.finished_without_window = False

    def start(self) -> None:
        if ledger_exists(self.location):
            self._open(self.location, with_demo=False)
        elif self.first_run == "demo":
            self._open(self.location, with_demo=True)
        else:
            self.ask()

    def ask(self, problem: str | None = None) -> None:
        from .first_run import FirstRunDialog

        dialog = FirstRunDialog(display_location(self.location), problem)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.decision is None:
            self.finished_without_window = True
            QCoreApplication.quit()
            return
        self.decide(dialog.decision)

    def decide(self, decision: StartDecision) -> None:
        from .first_run import StartChoice

        self.after_open = decision.choice
        if decision.choice in (StartChoice.SERVER, StartChoice.OPEN_FILE):
            self.location = decision.location
        elif ledger_exists(self.location):  # the existing one failed: start a new file beside it
            self.location = str(fresh_ledger_path())
        self._open(self.location, with_demo=decision.choice is StartChoice.DEMO)

    def _open(self, location: str | None, *, with_demo: bool) -> None:
        start_opening(location, self.today, with_demo=with_demo, on_opened=self._show,
                      on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        """The ledger chosen at start cannot be opened (damaged, not a ledger, newer, read-only,
        locked …): offer what fits — restore the latest good backup, open read-only, retry —
        before the first-run dialog (选择其他台账文件, or closing the offers)."""
        from wuyang_tasks.db.ledger import LedgerOpenError

        from .pages.backups import offer_after_open_error

        if not isinstance(exc, LedgerOpenError):
            self.ask(problem=errors.describe(exc))
            return
        if exc.kind in SERVER_KINDS:  # the server is down or refused: retry, or work locally
            taken, local = offer_after_server_error(None, exc)
            if taken:
                self.location = local if taken == "open_local" else self.location
                self._open(self.location, with_demo=False)
            else:
                self.ask(problem=errors.describe(exc))
            return
        try:
            taken = offer_after_open_error(None, exc, self.location, choose_other=True)
            if taken in ("restore_backup", "retry"):
                self._open(self.location, with_demo=False)
                return
            if taken == "open_read_only":
                self._show(open_ledger(self.location, today=self.today, read_only=True))
                return
        except Exception as again:  # noqa: BLE001 — the restore or read-only open failed too
            self.ask(problem=errors.describe(again))
            return
        self.ask(problem=errors.describe(exc))

    def _show(self, ledger: Ledger) -> None:
        ctx = UiContext(ledger)
        self.window = MainWindow(ctx)
        self.window.show()
        QTimer.singleShot(MAPPER_SETUP_DELAY_MS, set_up_mappers)  # not at the clerk's first click
        if self.after_open is not None:  # chosen in the first-run dialog
            from .first_run import IMPORT_MODULE, StartChoice

            if self.after_open is StartChoice.IMPORT:
                importlib.import_module(IMPORT_MODULE).open_import_dialog(ctx, self.window)


def starting_location(db: str | None) -> str | None:
    """--db, else the ledger used last time if it is still there, else the default file."""
    if db:
        return db
    for location in recent_ledgers()[:1]:
        if ledger_exists(location):
            return location
    return None


def run_gui(args: argparse.Namespace, rest: list[str]) -> int:
    app = make_application(rest)  # what argparse did not know is for Qt (-style=fusion …)
    translators = install_translators(app)  # noqa: F841 — kept alive for the app's lifetime
    sys.excepthook = _excepthook
    first_run = getattr(args, "first_run", None) or "ask"
    launcher = Launcher(starting_location(args.db), args.today, first_run)
    launcher.start()
    if launcher.finished_without_window:
        return 0
    return app.exec()
