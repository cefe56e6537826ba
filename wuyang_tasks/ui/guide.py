"""Help ▸ 使用说明: the user guide (docs/使用说明.md, bundled beside the program) in a viewer."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from wuyang_tasks import paths

from .sizing import fit_to_screen

GUIDE = "使用说明.md"


def docs_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "docs" if base else paths.program_dir() / "docs"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        fit_to_screen(self, 900, 700)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        guide = docs_dir() / GUIDE
        if guide.exists():
            self.browser.setSearchPaths([str(guide.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(guide)))
        else:
            self.browser.setPlainText(self.tr("The user guide was not found at %1.")
                                      .replace("%1", str(guide)))
        QVBoxLayout(self).addWidget(self.browser)
