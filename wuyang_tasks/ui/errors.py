"""Showing errors to a clerk: a dialog in Chinese, never a traceback.

A :class:`LedgerError` already carries a message fit for the user. Anything else is a bug: the
traceback goes to ``errors.log`` in the data folder and the dialog says where it is.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from wuyang_tasks import paths
from wuyang_tasks.domain.errors import ConflictError, LedgerError

_log = logging.getLogger("wuyang_tasks.ui")



def log_file():
    return paths.data_dir() / "errors.log"


def log_unexpected(exc: BaseException) -> None:
    if not _log.handlers:
        from logging.handlers import RotatingFileHandler  # only once there is something to log

        handler = RotatingFileHandler(log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        _log.addHandler(handler)
        _log.propagate = False
    _log.error("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def describe(exc: BaseException) -> str:
    """The text shown for ``exc``: the LedgerError message, else a short sentence."""
    if isinstance(exc, LedgerError):
        return exc.message
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = QCoreApplication.translate(
        "Errors", "An unexpected error occurred: %1\nNothing was saved by the failed action. "
        "The details were written to %2.")
    return text.replace("%1", detail).replace("%2", str(log_file()))


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if not isinstance(exc, LedgerError):
        log_unexpected(exc)
    title = title or QCoreApplication.translate("Errors", "Cannot continue")
    box = QMessageBox(QMessageBox.Icon.Warning, title, describe(exc), QMessageBox.StandardButton.Ok,
                      parent)
    box.exec()


def ask_reload_after_conflict(parent: QWidget | None, exc: ConflictError) -> bool:
    """Someone else saved the same record first: say so and offer to reload. True = reload."""
    title = QCoreApplication.translate("Errors", "Changed by someone else")
    box = QMessageBox(QMessageBox.Icon.Warning, title, exc.message,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(QCoreApplication.translate(
        "Errors", "Your change was not saved. Reload to see the current version, "
        "then make your change again."))
    reload_button = box.addButton(QCoreApplication.translate("Errors", "Reload"),
                                  QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is reload_button


def ask_reconnect(parent: QWidget | None, exc: LedgerError) -> bool:
    """The connection to the server broke during the action (nothing was saved). True = connect
    again and repeat the action; the dialog the user typed in stays open either way."""
    title = QCoreApplication.translate("Errors", "Connection lost")
    box = QMessageBox(QMessageBox.Icon.Warning, title, exc.message,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(QCoreApplication.translate(
        "Errors", "Reconnect to save it again now, or cancel and try later."))
    retry = box.addButton(QCoreApplication.translate("Errors", "Reconnect"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is retry
