"""文件 ▸ 导入Excel台账… and 文件 ▸ 从会议纪要/实施方案生成任务… open the intake dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from wuyang_tasks.ui.pages.imports.ledger_dialog import LedgerImportDialog
from wuyang_tasks.ui.pages.imports.minutes_dialog import MinutesDialog


def test_the_file_menu_opens_both_intake_dialogs(main_window, monkeypatch):
    file_menu = main_window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert "导入Excel台账(&I)…" in texts and "从会议纪要/实施方案生成任务(&M)…" in texts
    opened = []
    for cls in (LedgerImportDialog, MinutesDialog):
        monkeypatch.setattr(cls, "exec", lambda self: opened.append(
            (self.windowTitle(), self.parent() is main_window)) or QDialog.DialogCode.Rejected)
    main_window.action_import.trigger()
    main_window.action_minutes.trigger()
    assert [parent for _, parent in opened] == [True, True]
    assert "导入" in opened[0][0] and "纪要" in opened[1][0]
