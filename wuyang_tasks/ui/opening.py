"""Opening a ledger off the GUI thread (integrity check and migrations can take a while on a
large file), and creating a new one: empty or with the demonstration data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from wuyang_tasks.db.engine import is_sqlite, resolve_url
from wuyang_tasks.db.ledger import Ledger, open_ledger
from wuyang_tasks.db.postgres import address_for_settings
from wuyang_tasks.paths import default_ledger_path

from .settings import remember_ledger
from .errors import show_error
from .server import PasswordPrompt
from .workers import Job, Progress, start_job



def ledger_exists(location: str | None) -> bool:
    """False only for a SQLite file that is not there yet (first run); a server URL counts as there."""
    url = resolve_url(location)
    if not is_sqlite(url):
        return True
    return Path(url.database).exists()


def fresh_ledger_path() -> Path:
    """The default ledger file, or ledger-2.db, ledger-3.db … if that name is taken."""
    path = default_ledger_path()
    n = 1
    while path.exists():
        n += 1
        path = path.with_name(f"ledger-{n}.db")
    return path


def display_location(location: str | None) -> str:
    url = resolve_url(location)
    return url.database if is_sqlite(url) else url.render_as_string(hide_password=True)


def open_or_create(location: str | None, today: date | None, with_demo: bool,
                   progress: Progress, password_prompt: PasswordPrompt | None = None) -> Ledger:
    """Runs in a worker: open (creating the file if needed), optionally write the demo data."""
    progress.report(0, None, QCoreApplication.translate("Opening", "Opening the ledger…"))
    # the day's backup is taken by the window in the background (pages/backups/daily.py)
    ledger = open_ledger(location, today=today, password_prompt=password_prompt, daily_backup=False)
    try:
        if with_demo:
            from wuyang_tasks.services import demo  # not imported on every start

            if demo.is_empty(ledger):
                progress.report(0, None, QCoreApplication.translate(
                    "Opening", "Writing the demonstration ledger…"))
                demo.build_demo(ledger)
        progress.check()
    except BaseException:
        ledger.dispose()
        raise
    return ledger


def remembered_form(ledger: Ledger) -> str:
    """How the recent list stores a ledger: the file path, or the URL without its password."""
    if ledger.is_sqlite:
        return ledger.display_name()
    return address_for_settings(ledger.url)


def start_opening(location: str | None, today: date | None, *,
                  with_demo: bool = False, on_opened: Callable[[Ledger], None],
                  on_error: Callable[[BaseException], None] | None = None,
                  parent: QWidget | None = None) -> Job:
    """Open ``location`` in a worker; ``on_opened(ledger)`` runs on the GUI thread and the
    location goes to the recent list. A server asking for a password gets it from a dialog."""

    def done(ledger: Ledger) -> None:
        remember_ledger(remembered_form(ledger))
        on_opened(ledger)

    title = QCoreApplication.translate("Opening", "Opening %1").replace("%1", display_location(location))
    prompt = PasswordPrompt(parent)
    return start_job(title, lambda p: open_or_create(location, today, with_demo, p, prompt), done,
                     on_error or (lambda exc: show_error(parent, exc)), parent=parent, delay_ms=300)
