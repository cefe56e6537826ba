"""A clerk at the keyboard, for the window tests: every modal boundary answers as a user would.

``User`` patches, for the length of a test, what would block or leave the window — message
boxes, Qt's file and input dialogs, every ``QDialog.exec``, context menus, opening a file in
another program — so that an action can be triggered as the user triggers it and each dialog
it opens is answered: in ``"accept"`` mode with sensible input (a file in the test's folder, a
name, the fields a dialog needs, then its OK button), in ``"cancel"`` mode with 取消/Esc.
What reached the error handler (``ui/errors.py``) is kept in ``user.errors``; an unexpected
exception there (one that is not a LedgerError, i.e. a bug) in ``user.bugs``.

Dialogs that need more than their defaults to be accepted have a filler in ``FILLERS`` (by
class name); any other dialog gets ``fill_generic``: empty text fields get text, then OK. A
new dialog is answered without writing anything for it.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.ui import errors

MEETING = Path(__file__).parents[1] / "imports" / "data" / "meeting_2016-07-13.txt"
ACCEPT_ROLES = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole,
                QMessageBox.ButtonRole.ApplyRole, QMessageBox.ButtonRole.ActionRole)
REJECT_ROLES = (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)
UNREACHABLE_SERVER = "postgresql+psycopg://clerk@127.0.0.1:9/wuyang"  # port 9: refused at once
DIALOG_TIMEOUT_S = 60


class User:
    def __init__(self, monkeypatch, folder: Path, *, ledger_file: Path | None = None,
                 xlsx_file: Callable[[], Path] | None = None, screenshots: Path | None = None):
        self.mode = "accept"
        self.folder = folder
        self.ledger_file = ledger_file  # what 打开台账 picks (a copy is opened)
        self.xlsx_file = xlsx_file  # makes the workbook 导入 picks
        self.screenshots = screenshots
        self.seen: list[str] = []  # every dialog and message box, in order
        self.messages: list[tuple[str, str, str]] = []
        self.saved: list[Path] = []  # files the program was told to write
        self.opened_urls: list[str] = []
        self.menus: list[QMenu] = []
        self.sizes: list[tuple[str, QSize, QSize, QSize]] = []  # each dialog: size, hint, least
        self.errors: list[BaseException] = []
        self.bugs: list[BaseException] = []
        self.answers: dict[str, str] = {}  # message-box text fragment → button text to press
        self.fillers: dict[str, Callable[[QDialog, User], None]] = dict(FILLERS)
        self._count = 0
        self.ctx = None  # set by the test: dialogs working in a worker are waited for
        real_show_error = errors.show_error

        def show_error(parent, exc, title=None):
            self.errors.append(exc)
            if not isinstance(exc, LedgerError):
                self.bugs.append(exc)
            real_show_error(parent, exc, title)

        monkeypatch.setattr(errors, "show_error", show_error)
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._message_box(box))
        monkeypatch.setattr(QDialog, "exec", lambda dialog: self._dialog(dialog))
        for name, icon in (("information", QMessageBox.Icon.Information),
                           ("warning", QMessageBox.Icon.Warning),
                           ("critical", QMessageBox.Icon.Critical),
                           ("question", QMessageBox.Icon.Question)):
            monkeypatch.setattr(QMessageBox, name, staticmethod(self._static_box(icon)))
        monkeypatch.setattr(QMessageBox, "about", staticmethod(
            lambda parent, title, text: self.messages.append((title, text, ""))))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save_name))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._open_name))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(self._open_names))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(
            lambda *a, **k: "" if self.mode == "cancel" else str(self._new_dir())))
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(self._text))
        monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(
            lambda parent, title, label, *a, **k: self._answer_text(title, label, "已核实，按要求办理。")))
        monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
            lambda parent, title, label, items, *a, **k:
            ("", False) if self.mode == "cancel" else (items[0], True)))
        monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(
            lambda url: self.opened_urls.append(url.toString()) or True))
        monkeypatch.setattr(QMenu, "popup", lambda menu, *a, **k: self.menus.append(menu))
        monkeypatch.setattr(QMenu, "exec", lambda menu, *a, **k: self.menus.append(menu))

    # -- message boxes -------------------------------------------------------------------------
    def _message_box(self, box: QMessageBox) -> int:
        self.seen.append(f"message: {box.windowTitle()}")
        self.messages.append((box.windowTitle(), box.text(), box.informativeText()))
        button = self._choose_button(box)
        if button is None:
            return int(QMessageBox.StandardButton.Ok.value)
        button.click()
        standard = box.standardButton(button)
        return int(standard.value) if standard != QMessageBox.StandardButton.NoButton else 0

    def _choose_button(self, box: QMessageBox) -> QAbstractButton | None:
        buttons = box.buttons()
        for fragment, text in self.answers.items():
            if fragment in box.text() + box.informativeText():
                for b in buttons:
                    if b.text().replace("&", "") == text:
                        return b
        roles = ACCEPT_ROLES if self.mode == "accept" else REJECT_ROLES
        for role in roles:
            for b in buttons:
                if box.buttonRole(b) == role:
                    return b
        return box.escapeButton() or (buttons[0] if buttons else None)

    def _static_box(self, icon):
        def show(parent, title, text, buttons=QMessageBox.StandardButton.Ok, *args, **kwargs):
            box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
            box.setStandardButtons(buttons)
            return QMessageBox.StandardButton(self._message_box(box))
        return show

    # -- dialogs -------------------------------------------------------------------------------
    def _dialog(self, dialog: QDialog) -> int:
        name = type(dialog).__name__
        self.seen.append(f"dialog: {name} {dialog.windowTitle()}")
        dialog.show()
        QApplication.processEvents()
        self.sizes.append((name, dialog.size(), dialog.sizeHint(), dialog.minimumSizeHint()))
        self.shoot(dialog, name)
        if self.mode == "accept":  # as it is; if refused, with the fields filled; else 取消
            filler = self.fillers.get(name)
            if filler is not None:
                filler(dialog, self)
            for fill in (None, fill_generic):
                if not dialog.isVisible():
                    break
                if fill is not None:
                    fill(dialog, self)
                press_ok(dialog)
                self._wait(lambda: not dialog.isVisible() or self._idle())
        if dialog.isVisible():
            dialog.reject()
        return QDialog.result(dialog)  # some dialogs keep their own .result

    def shoot(self, widget: QWidget, name: str) -> None:
        if self.screenshots is not None:
            self._count += 1
            self.screenshots.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(self.screenshots / f"{self._count:03d}_{name}.png"))

    def _idle(self) -> bool:
        return self.ctx is None or self.ctx.is_idle()

    def _wait(self, done: Callable[[], bool], timeout_s: float = DIALOG_TIMEOUT_S) -> None:
        """A dialog may work in a worker before it closes (an import): let events run."""
        end = time.monotonic() + timeout_s
        while not done() and time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.01)

    # -- Qt's own dialogs ----------------------------------------------------------------------
    def _save_name(self, parent=None, caption="", directory="", filter="", *a, **k):
        self.seen.append(f"save file: {caption}")
        if self.mode == "cancel":
            return "", ""
        suffix = _first_suffix(filter) or Path(directory).suffix or ".out"
        stem = Path(directory).stem if directory else "文件"
        path = self._new_dir() / (stem + suffix)
        self.saved.append(path)
        return str(path), filter

    def _open_name(self, parent=None, caption="", directory="", filter="", *a, **k):
        self.seen.append(f"open file: {caption}")
        if self.mode == "cancel":
            return "", ""
        suffix = _first_suffix(filter)
        if suffix == ".db" and self.ledger_file is not None:
            copy = self._new_dir() / self.ledger_file.name
            shutil.copyfile(self.ledger_file, copy)
            return str(copy), filter
        if suffix == ".xlsx" and self.xlsx_file is not None:
            return str(self.xlsx_file()), filter
        return str(MEETING), filter

    def _open_names(self, parent=None, caption="", directory="", filter="", *a, **k):
        """Files to attach (佐证材料): a photo made in the test's folder."""
        self.seen.append(f"open files: {caption}")
        if self.mode == "cancel":
            return [], ""
        from PIL import Image

        photo = self._new_dir() / "现场照片.jpg"
        Image.new("RGB", (320, 240), (40, 120, 200)).save(photo, "JPEG")
        return [str(photo)], filter

    def _text(self, parent, title, label, *a, **k):
        default = "测试"
        if "postgresql" in label.lower() or "服务器" in title:
            default = UNREACHABLE_SERVER
        return self._answer_text(title, label, default)

    def _answer_text(self, title: str, label: str, text: str):
        self.seen.append(f"input: {title}")
        return ("", False) if self.mode == "cancel" else (text, True)

    def _new_dir(self) -> Path:
        self._count += 1
        folder = self.folder / f"{self._count:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def settle_qt_objects() -> None:
    """After a test: the dialogs and windows it made die now, while the application lives
    (left to the interpreter's exit, some were freed after Qt and crashed it)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _first_suffix(filter_text: str) -> str:
    match = re.search(r"\*(\.\w+)", filter_text or "")
    return match.group(1) if match else ""


# -- answering a dialog ---------------------------------------------------------------------------
def press_ok(dialog: QDialog) -> None:
    """What a user presses to accept: the box's accept button, else the default button."""
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in (QDialogButtonBox.ButtonRole.AcceptRole,
                                          QDialogButtonBox.ButtonRole.YesRole) \
                    and button.isVisible() and button.isEnabled():
                button.click()
                return
    for button in dialog.findChildren(QPushButton):
        if button.isDefault() and button.isVisible() and button.isEnabled():
            button.click()
            return
    dialog.accept()


def fill_generic(dialog: QDialog, user: User) -> None:
    """Empty text fields get text; everything else keeps what the dialog offers."""
    for edit in dialog.findChildren(QLineEdit):
        if edit.isVisible() and edit.isEnabled() and not edit.isReadOnly() and not edit.text() \
                and not isinstance(edit.parent(), (QComboBox, QDateEdit)):
            edit.setText("测试")
    for edit in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
        if edit.isVisible() and edit.isEnabled() and not edit.isReadOnly() \
                and not edit.toPlainText():
            edit.setPlainText("现场核实，情况属实。")
    for combo in dialog.findChildren(QComboBox):
        if combo.isVisible() and combo.isEnabled() and combo.currentIndex() < 0 and combo.count():
            combo.setCurrentIndex(0)


def _click(dialog: QDialog, text: str) -> None:
    for button in dialog.findChildren(QAbstractButton):
        if button.text().replace("&", "").startswith(text) and button.isEnabled():
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {type(dialog).__name__}")


def fill_minutes(dialog: QDialog, user: User) -> None:
    """从会议纪要生成任务: open the meeting's text (it is analysed at once), then save."""
    _click(dialog, "打开")
    user._wait(lambda: dialog.save_button.isEnabled())


def fill_accountability(dialog: QDialog, user: User) -> None:
    """问责: the first person offered, the facts; no task codes (those must exist)."""
    if dialog.person.currentIndex() < 0:
        dialog.person.setCurrentIndex(0)
    if not dialog.facts.toPlainText():
        dialog.facts.setPlainText("未按期完成整改，造成不良影响。")


FILLERS: dict[str, Callable[[QDialog, User], None]] = {
    "MinutesDialog": fill_minutes,
    "RecordDialog": fill_accountability,
}
