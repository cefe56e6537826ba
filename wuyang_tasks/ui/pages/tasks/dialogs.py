"""Small dialogs of the task ledger: the urging (催办) form."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from wuyang_tasks.domain.enums import UrgingLevel, UrgingMethod
from wuyang_tasks.services.urgings import Escalation


class UrgeDialog(QDialog):
    """With a ``suggestion`` (urgings.suggestion_for_task, for one task) the method and level
    start at the suggested ones and its reason is shown; ``requirement`` pre-fills 督办要求."""

    def __init__(self, count: int, parent: QWidget | None = None,
                 suggestion: Escalation | None = None, requirement: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Urge"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Record an urging for %1 task(s).").replace("%1", str(count))))
        self.method = QComboBox()
        for method in UrgingMethod:
            self.method.addItem(method.label, method.value)
        self.level = QComboBox()
        for level in UrgingLevel:
            self.level.addItem(level.label, level.value)
        self.requirement = QPlainTextEdit()
        self.requirement.setPlaceholderText(self.tr("What the unit must do, and by when"))
        self.requirement.setMaximumHeight(90)
        self.requirement.setPlainText(requirement)
        self.suggestion = None
        if suggestion is not None:
            self.method.setCurrentIndex(self.method.findData(suggestion.method.value))
            self.level.setCurrentIndex(self.level.findData(suggestion.level.value))
            self.suggestion = QLabel(suggestion.reason)
            self.suggestion.setWordWrap(True)
            self.suggestion.setStyleSheet("color: #1f5fa8;")
            form.addRow(self.tr("Suggestion"), self.suggestion)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Requirement"), self.requirement)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[UrgingMethod, UrgingLevel, str]:
        return (UrgingMethod(self.method.currentData()), UrgingLevel(self.level.currentData()),
                self.requirement.toPlainText().strip())
