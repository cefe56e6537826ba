"""Intake dialogs: import an Excel ledger (preview, confirm, import in a worker) and review the
draft tasks proposed from minutes or a plan before they are saved."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ...context import UiContext


def open_import_dialog(ctx: UiContext, parent: QWidget | None = None) -> bool:
    """The Excel ledger import (hook used by the first-run dialog). True when tasks were imported."""
    from .ledger_dialog import LedgerImportDialog

    dialog = LedgerImportDialog(ctx, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def open_minutes_dialog(ctx: UiContext, parent: QWidget | None = None) -> bool:
    """Drafts from minutes or a plan, reviewed and edited before saving. True when saved."""
    from .minutes_dialog import MinutesDialog

    dialog = MinutesDialog(ctx, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
