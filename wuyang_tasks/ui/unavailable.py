"""The page shown for a navigation entry whose module is not part of this build."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from .context import UiContext
from .page import Page


class UnavailablePage(Page):
    def __init__(self, ctx: UiContext, title: str, failure: str | None = None):
        super().__init__(ctx)
        self.title = title
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("pageHeading")
        text = (self.tr("The module “%1” could not be loaded.").replace("%1", title) + "\n" + failure
                if failure else
                self.tr("The module “%1” is not available in this version of the program.")
                .replace("%1", title))
        body = QLabel(text)
        body.setWordWrap(True)
        body.setObjectName("unavailableText")
        for label in (heading, body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(2)
