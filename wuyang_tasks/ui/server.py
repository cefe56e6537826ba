"""The window's side of a shared ledger on a PostgreSQL server: the password dialog, what to do
when the server cannot be reached, and moving the open local ledger to a server.

The password is asked only when libpq's usual places (PGPASSWORD, pgpass file) and the keyring
have none, is used for the connection and never written to the settings (the recent list keeps
``db.postgres.address_for_settings``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget
from sqlalchemy.engine import URL

from wuyang_tasks.db.engine import is_sqlite, resolve_url
from wuyang_tasks.db.postgres import server_name
from wuyang_tasks.domain.errors import LedgerOpenError

from .settings import recent_ledgers

if TYPE_CHECKING:  # the copy is written with the ORM: imported when one is made
    from wuyang_tasks.db.copy import CopySummary

SERVER_KINDS = ("unreachable", "auth")


class PasswordPrompt(QObject):
    """``prompt(url, reason) -> password | None`` for ``open_ledger(password_prompt=…)``.
    Callable from a worker thread: the dialog is shown on the GUI thread and the worker waits."""

    _asked = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__()
        self.parent_widget = parent
        self._asked.connect(self._ask_here, Qt.ConnectionType.BlockingQueuedConnection)

    def __call__(self, url: URL, reason: str) -> str | None:
        if QThread.currentThread() == self.thread():
            return self.ask(url, reason)
        question = {"url": url, "reason": reason}
        self._asked.emit(question)
        return question.get("password")

    def _ask_here(self, question: dict) -> None:
        question["password"] = self.ask(question["url"], question["reason"])

    def ask(self, url: URL, reason: str) -> str | None:
        title = QCoreApplication.translate("Server", "Password for %1").replace("%1", server_name(url))
        password, ok = QInputDialog.getText(self.parent_widget, title, reason,
                                            QLineEdit.EchoMode.Password)
        return password if ok else None


def last_local_ledger() -> str | None:
    """The most recently used SQLite ledger file that still exists."""
    for location in recent_ledgers():
        url = resolve_url(location)
        if is_sqlite(url) and url.database and Path(url.database).exists():
            return location
    return None


def offer_after_server_error(parent: QWidget | None, exc: LedgerOpenError) -> tuple[str, str | None]:
    """The server refused or cannot be reached: say so and offer to try again or (unreachable)
    to open the last local ledger. Returns ("retry", None), ("open_local", path) or ("", None)."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Server", "Cannot connect to the ledger server"),
                      exc.message, QMessageBox.StandardButton.NoButton, parent)
    local = last_local_ledger() if exc.kind == "unreachable" else None
    local_button = None
    if local is not None:
        box.setInformativeText(QCoreApplication.translate(
            "Server", "You can work in the local ledger %1 meanwhile.").replace("%1", local))
        local_button = box.addButton(QCoreApplication.translate("Server", "Open the local ledger"),
                                     QMessageBox.ButtonRole.AcceptRole)
    retry = box.addButton(QCoreApplication.translate("Server", "Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if local_button is not None and box.clickedButton() is local_button:
        return "open_local", local
    if box.clickedButton() is retry:
        return "retry", None
    return "", None


def copy_summary_text(summary: CopySummary) -> str:
    text = QCoreApplication.translate(
        "Server", "The ledger was copied to %1: %2 records, %3 audit events; the audit chain "
        "of the copy is intact.")
    return (text.replace("%1", summary.target).replace("%2", str(summary.total))
            .replace("%3", str(summary.events)))


def copy_to_server(ctx, parent: QWidget) -> None:
    """文件 ▸ 迁移到共享服务器…: ask for the address, copy the open local ledger in a worker
    (one transaction on the server, then verified), show the summary, offer to open the copy."""
    url, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("Server", "Move to a shared server"),
        QCoreApplication.translate(
            "Server", "Address of the empty server database (PostgreSQL), e.g. "
            "postgresql+psycopg://postgres@host/wuyang"), QLineEdit.EchoMode.Normal)
    if not ok or not url.strip():
        return
    source, prompt, entered = ctx.ledger, PasswordPrompt(parent), []

    def remembering(url_: URL, reason: str) -> str | None:
        password = prompt(url_, reason)
        entered.append(password)
        return password

    def work(progress):
        from wuyang_tasks.db.copy import copy_ledger
        from wuyang_tasks.db.ledger import open_ledger
        from wuyang_tasks.services.evidence import verify_ledger

        progress.report(0, None, QCoreApplication.translate("Server", "Copying every table…"))
        summary = copy_ledger(source, url.strip(), password_prompt=remembering)
        target = resolve_url(url.strip())
        if entered and entered[-1] is not None:
            target = target.set(password=entered[-1])
        progress.report(0, None, QCoreApplication.translate("Server", "Verifying the copy…"))
        copy = open_ledger(target, daily_backup=False)
        try:
            return summary, verify_ledger(copy), target
        finally:
            copy.dispose()

    def done(result) -> None:
        summary, verified, target = result
        text = copy_summary_text(summary) if verified.ok else verified.message
        box = QMessageBox(QMessageBox.Icon.Information if verified.ok else QMessageBox.Icon.Warning,
                          QCoreApplication.translate("Server", "Move to a shared server"), text,
                          QMessageBox.StandardButton.NoButton, parent)
        box.setInformativeText(QCoreApplication.translate(
            "Server", "The local file stays as it is. Open the copy on the server now?"))
        open_button = box.addButton(QCoreApplication.translate("Server", "Open the copy"),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            parent.open_location(target.render_as_string(hide_password=False))

    ctx.run_in_worker(QCoreApplication.translate("Server", "Moving the ledger to the server"),
                      work, done, cancellable=False, parent=parent)
