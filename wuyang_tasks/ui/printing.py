"""Handing a written document to the system: open it, or print it.

Windows prints through the file's print verb (the PDF reader's print, to the default printer);
elsewhere the viewer opens, to print from it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_document(path: str | Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_document(path: str | Path) -> None:
    if sys.platform == "win32":
        os.startfile(str(path), "print")  # noqa: S606 - the user's own document
    else:
        open_document(path)
