"""加减分 dialog: the office's points for a unit, with the reason (an audited record)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from wuyang_tasks.services import assessment as service

from ...changes import Change, ChangeKind
from ...context import UiContext


class AdjustmentDialog(QDialog):
    def __init__(self, ctx: UiContext, unit_id: int, unit_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.unit_id = ctx, unit_id
        self.setWindowTitle(self.tr("Adjust points"))
        self.points = QLineEdit()
        self.points.setPlaceholderText(self.tr("+1 or -0.5"))
        self.reason = QLineEdit()
        self.decided_by = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Unit"), QLabel(unit_name))
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Decided by"), self.decided_by)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        today = self.ctx.today()
        points, reason, by = self.points.text(), self.reason.text(), self.decided_by.text()
        ok, _ = self.ctx.perform(
            lambda s: service.add_adjustment(s, unit_id=self.unit_id, day=today, points=points, reason=reason,
                                             decided_by=by, today=today),
            changed=Change(ChangeKind.ASSESSMENT), parent=self)
        if ok:
            self.accept()
