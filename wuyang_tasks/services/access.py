"""What the current user may do, so the window can disable the actions the server would refuse.

On PostgreSQL the answer comes from the grants the server really enforces (see db/roles.py:
查看 wuyang_viewer, 录入 wuyang_clerk, 管理 wuyang_admin). A SQLite ledger has one user, who has
every role.
"""

from __future__ import annotations

from dataclasses import dataclass

from wuyang_tasks.db.ledger import Ledger
from wuyang_tasks.db.roles import AccessRole, access_role_of_current_user


@dataclass(frozen=True)
class Access:
    user: str
    role: AccessRole

    @property
    def can_edit(self) -> bool:
        """录入: tasks, responsibilities, progress, extensions, urgings, inspections, readings."""
        return self.role in (AccessRole.CLERK, AccessRole.ADMIN)

    @property
    def can_administer(self) -> bool:
        """管理: units, posts and tenures, templates, metrics, calendar, accountability records."""
        return self.role is AccessRole.ADMIN

    @property
    def caption(self) -> str:
        return f"{self.user}（{self.role.label}）"


def current_access(ledger: Ledger) -> Access:
    if ledger.is_sqlite:
        role = AccessRole.VIEWER if ledger.read_only else AccessRole.ADMIN
        return Access(user=ledger.actor, role=role)
    with ledger.read_tables() as connection:  # before the window's first paint: no ORM
        role = access_role_of_current_user(connection)
    if ledger.read_only:
        role = AccessRole.VIEWER
    return Access(user=ledger.actor, role=role)
