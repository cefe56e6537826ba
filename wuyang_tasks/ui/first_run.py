"""The dialog shown when there is no ledger yet (or the last one could not be opened)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks import APP_TITLE

from .navigation import module_available

IMPORT_MODULE = "wuyang_tasks.ui.pages.imports"  # provides open_import_dialog(ctx, parent) -> bool


class StartChoice(Enum):
    DEMO = "demo"
    EMPTY = "empty"
    IMPORT = "import"
    OPEN_FILE = "open_file"
    SERVER = "server"


@dataclass(frozen=True)
class StartDecision:
    choice: StartChoice
    location: str | None = None  # file path or server URL for OPEN_FILE / SERVER


class FirstRunDialog(QDialog):
    def __init__(self, default_location: str, problem: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to %1").replace("%1", APP_TITLE))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        if problem:
            warn = QLabel(problem)
            warn.setWordWrap(True)
            warn.setObjectName("problem")
            warn.setStyleSheet("color: #a61b1b;")
            layout.addWidget(warn)
        intro = QLabel(self.tr("There is no ledger at %1 yet. How do you want to start?")
                       .replace("%1", default_location) if not problem else
                       self.tr("Choose how to continue:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.group = QButtonGroup(self)
        self.buttons: dict[StartChoice, QRadioButton] = {}
        texts = {
            StartChoice.DEMO: self.tr("Start with the demonstration ledger "
                                      "(the county's environmental campaign of July 2016)"),
            StartChoice.EMPTY: self.tr("Start with an empty ledger"),
            StartChoice.IMPORT: self.tr("Import an existing Excel ledger"),
            StartChoice.OPEN_FILE: self.tr("Open another ledger file"),
            StartChoice.SERVER: self.tr("Connect to a shared server"),
        }
        for choice, text in texts.items():
            button = QRadioButton(text)
            self.group.addButton(button)
            self.buttons[choice] = button
            layout.addWidget(button)
            if choice is StartChoice.OPEN_FILE:
                row = QHBoxLayout()
                self.file_edit = QLineEdit()
                self.file_edit.setPlaceholderText(self.tr("Ledger file (*.db)"))
                browse = QPushButton(self.tr("Browse…"))
                browse.clicked.connect(self._browse)
                row.addSpacing(24)
                row.addWidget(self.file_edit, 1)
                row.addWidget(browse)
                layout.addLayout(row)
                self.file_edit.textEdited.connect(lambda: self.buttons[StartChoice.OPEN_FILE].setChecked(True))
            if choice is StartChoice.SERVER:
                row = QHBoxLayout()
                self.url_edit = QLineEdit()
                self.url_edit.setPlaceholderText("postgresql+psycopg://user@host/wuyang")
                row.addSpacing(24)
                row.addWidget(self.url_edit, 1)
                layout.addLayout(row)
                self.url_edit.textEdited.connect(lambda: self.buttons[StartChoice.SERVER].setChecked(True))
        if not module_available(IMPORT_MODULE):
            self.buttons[StartChoice.IMPORT].setEnabled(False)
            self.buttons[StartChoice.IMPORT].setToolTip(
                self.tr("Excel import is not available in this version of the program."))
        self.buttons[StartChoice.DEMO].setChecked(True)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                           | QDialogButtonBox.StandardButton.Cancel)
        self.button_box.accepted.connect(self._accept)
        self.button_box.rejected.connect(self.reject)
        self.message = QLabel()
        self.message.setStyleSheet("color: #a61b1b;")
        layout.addWidget(self.message)
        layout.addWidget(self.button_box)
        self.decision: StartDecision | None = None

    def choose(self, choice: StartChoice, location: str | None = None) -> None:
        self.buttons[choice].setChecked(True)
        if choice is StartChoice.SERVER and location:
            self.url_edit.setText(location)
        if choice is StartChoice.OPEN_FILE and location:
            self.file_edit.setText(location)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open ledger"), "",
                                              self.tr("Ledger files (*.db);;All files (*)"))
        if path:
            self.file_edit.setText(path)
            self.buttons[StartChoice.OPEN_FILE].setChecked(True)

    def _accept(self) -> None:
        choice = next(c for c, b in self.buttons.items() if b.isChecked())
        location = None
        if choice is StartChoice.SERVER:
            location = self.url_edit.text().strip()
            if "://" not in location:
                self.message.setText(self.tr("Enter the server address, for example "
                                             "postgresql+psycopg://user@host/wuyang"))
                return
        if choice is StartChoice.OPEN_FILE:
            location = self.file_edit.text().strip()
            if not location:
                self.message.setText(self.tr("Choose the ledger file to open."))
                return
        self.decision = StartDecision(choice, location)
        self.accept()
