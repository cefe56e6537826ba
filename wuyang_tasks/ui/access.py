"""The user's role in the window: actions the server would refuse are disabled, with a tooltip
saying why (the PostgreSQL grants stay the real guard; see services/access.py).

Pages keep enabling their actions by selection as before; a restricted action or button stays
disabled whatever the page sets, and gets the page's wish back when a ledger with more rights
is opened. The table below names what needs 录入 (edit) and what needs 管理 (administer).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from wuyang_tasks.services.access import Access

EDIT = "edit"
ADMINISTER = "administer"

# page key → {need: attribute names of QActions / buttons on the page}
PAGE_ACTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "tasks": {EDIT: ("action_new", "action_urge", "action_request_extension",
                     "action_decide_extension")},
    "units": {ADMINISTER: ("appoint_button",)},
    "inspections": {EDIT: ("action_record",), ADMINISTER: ("action_templates",)},
    "accountability": {ADMINISTER: ("action_new", "action_correct", "action_void")},
    "assessment": {EDIT: ("action_briefing",), ADMINISTER: ("action_adjust", "action_void", "action_rules")},
}
WINDOW_ACTIONS: dict[str, tuple[str, ...]] = {  # 工作日历 opens for everyone, read-only below 管理
    EDIT: ("action_import", "action_minutes"),
}


def allowed(access: Access, need: str) -> bool:
    return access.can_administer if need == ADMINISTER else access.can_edit


def refusal(access: Access, need: str) -> str:
    if need == ADMINISTER:
        text = QCoreApplication.translate(
            "Access", "Only a user with the 管理 role may do this; you are %1.")
    else:
        text = QCoreApplication.translate(
            "Access", "Your role may only read the ledger; you are %1.")
    return text.replace("%1", access.caption)


class RoleGuard(QObject):
    """Keeps the restricted targets disabled while the current access lacks their need."""

    def __init__(self, ctx):
        super().__init__(ctx)
        self.ctx = ctx
        self.targets: list[tuple[QObject, str]] = []
        self._wanted: dict[int, bool] = {}
        self._tips: dict[int, str] = {}
        self._enforcing = False
        ctx.ledger_replaced.connect(self.enforce_all)

    def restrict(self, target: QAction | QWidget, need: str) -> None:
        self.targets.append((target, need))
        self._wanted[id(target)] = target.isEnabled()
        self._tips[id(target)] = target.toolTip()
        if isinstance(target, QAction):
            target.changed.connect(lambda: self._changed(target, need))
        else:
            target.installEventFilter(self)
        self._enforce(target, need)

    def enforce_all(self) -> None:
        for target, need in self.targets:
            self._enforce(target, need)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange:
            for target, need in self.targets:
                if target is obj:
                    self._changed(target, need)
        return False

    def _changed(self, target, need: str) -> None:
        if self._enforcing:
            return
        self._wanted[id(target)] = target.isEnabled()
        self._enforce(target, need)

    def _enforce(self, target, need: str) -> None:
        access = self.ctx.access
        self._enforcing = True
        try:
            if allowed(access, need):
                target.setEnabled(self._wanted[id(target)])
                target.setToolTip(self._tips[id(target)])
            else:
                target.setEnabled(False)
                target.setToolTip(refusal(access, need))
        finally:
            self._enforcing = False


def restrict_page(guard: RoleGuard, key: str, page) -> None:
    """Apply PAGE_ACTIONS (and, on the task ledger, the workflow actions 交办, 签收, 办结 …) to
    a page of the main window; the window calls it as each page is built."""
    for need, names in PAGE_ACTIONS.get(key, {}).items():
        for name in names:
            target = getattr(page, name, None)
            if target is not None:
                guard.restrict(target, need)
    if key == "tasks":
        for qaction in getattr(page, "workflow", {}).values():
            guard.restrict(qaction, EDIT)


def restrict_window(window) -> None:
    """Apply WINDOW_ACTIONS to the main window's own actions."""
    guard = window.ctx.role_guard
    for need, names in WINDOW_ACTIONS.items():
        for name in names:
            guard.restrict(getattr(window, name), need)
