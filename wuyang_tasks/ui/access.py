"""The user's role in the window: actions the server would refuse are disabled, with a tooltip
saying why (the PostgreSQL grants stay the real guard; see services/access.py).

Each action or button that writes declares what it needs where it is created::

    self.action_new = ctx.role_guard.restrict(QAction(self.tr("New task"), self), Need.EDIT)

so the restriction goes wherever the object goes (a rename cannot lose it), and
``tests/ui/test_every_action.py`` fails on an action that wrote without declaring a need.
Pages keep enabling their actions by selection as before; a restricted action or button stays
disabled whatever the page sets, and gets the page's wish back when a ledger with more rights
is opened. An action whose dialog shows read-only below its need (工作日历) or skips its write
(报表's document number) is declared with ``open_below`` and stays enabled.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QWidget

from wuyang_tasks.services.access import Access

Target = TypeVar("Target", QAction, QWidget)


class Need(Enum):
    EDIT = "edit"  # 录入
    ADMINISTER = "administer"  # 管理

    def allowed(self, access: Access) -> bool:
        return access.can_administer if self is Need.ADMINISTER else access.can_edit

    def refusal(self, access: Access) -> str:
        if self is Need.ADMINISTER:
            text = QCoreApplication.translate(
                "Access", "Only a user with the 管理 role may do this; you are %1.")
        else:
            text = QCoreApplication.translate(
                "Access", "Your role may only read the ledger; you are %1.")
        return text.replace("%1", access.caption)


class RoleGuard(QObject):
    """The registry of declared needs, keyed by the object; keeps the restricted targets
    disabled while the current access lacks their need.

    A restricted QAction is in its need's QActionGroup: the group is disabled below the need,
    and Qt gives every action the page's own last setEnabled back when the group is enabled
    again. A button remembers what the page set from its EnabledChange events."""

    def __init__(self, ctx):
        super().__init__(ctx)
        self.ctx = ctx
        self._needs: dict[int, tuple[QObject, Need, bool]] = {}  # id → target, need, disabled below
        self._groups: dict[Need, QActionGroup] = {}
        for need in Need:
            self._groups[need] = QActionGroup(self)
            self._groups[need].setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self._wanted: dict[int, bool] = {}  # buttons: enabled as the page last set it
        self._tips: dict[int, str] = {}  # the tooltip a refusal covers
        self._enforcing = False
        ctx.ledger_replaced.connect(self.enforce_all)

    def restrict(self, target: Target, need: Need) -> Target:
        """``target`` writes what ``need`` allows: disabled (with the reason) for roles below."""
        self._declare(target, need, disabled=True)
        if isinstance(target, QAction):
            self._groups[need].addAction(target)
            target.changed.connect(lambda: self._tip_changed(target))
        else:
            self._wanted[id(target)] = target.isEnabled()
            target.installEventFilter(self)
        self._enforce(target)
        return target

    def open_below(self, target: Target, need: Need) -> Target:
        """``target`` writes what ``need`` allows, but stays enabled for every role: what it
        opens checks ``ctx.access`` itself (shown read-only, or the write left out)."""
        self._declare(target, need, disabled=False)
        return target

    def need_of(self, target: QObject) -> Need | None:
        entry = self._needs.get(id(target))
        return entry[1] if entry is not None and entry[0] is target else None

    def restricted(self) -> list[QObject]:
        """The targets disabled for roles below their need."""
        return [target for target, _need, disabled in self._needs.values() if disabled]

    def enforce_all(self) -> None:
        for target in self.restricted():
            self._enforce(target)

    def _declare(self, target: QObject, need: Need, disabled: bool) -> None:
        key = id(target)
        self._needs[key] = (target, need, disabled)
        target.destroyed.connect(lambda _obj=None, k=key: self._forget(k))  # a dialog's buttons

    def _forget(self, key: int) -> None:
        for table in (self._needs, self._wanted, self._tips):
            table.pop(key, None)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange and not self._enforcing and id(obj) in self._wanted:
            self._wanted[id(obj)] = obj.isEnabled()
            self._enforce(obj)
        elif event.type() == QEvent.Type.ToolTipChange and id(obj) in self._wanted:
            self._tip_changed(obj)
        return False

    def _tip_changed(self, target) -> None:
        """A tooltip the page set while the refusal shows is kept for later; the refusal stays."""
        if self._enforcing or id(target) not in self._needs:
            return
        access, need = self.ctx.access, self._needs[id(target)][1]
        if not need.allowed(access) and target.toolTip() != need.refusal(access):
            self._tips[id(target)] = target.toolTip()
            self._enforce(target)

    def _enforce(self, target) -> None:
        access, need = self.ctx.access, self._needs[id(target)][1]
        key, allowed = id(target), need.allowed(access)
        self._enforcing = True
        try:
            if isinstance(target, QAction):
                self._groups[need].setEnabled(allowed)
            else:
                target.setEnabled(self._wanted[key] and allowed)
            if not allowed:
                if target.toolTip() != need.refusal(access):
                    self._tips[key] = target.toolTip()
                target.setToolTip(need.refusal(access))
            elif key in self._tips:
                target.setToolTip(self._tips.pop(key))
        finally:
            self._enforcing = False
