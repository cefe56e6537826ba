"""What every command needs: the ledger (opened once, lazily) and the day to evaluate on."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date

from wuyang_tasks.db.ledger import Ledger, LedgerOpenError, open_ledger


def tty_password_prompt(url, reason: str) -> str | None:
    """Ask for a server password on the terminal; None (no prompt) without one."""
    if not sys.stdin or not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(f"{reason}\n密码：") or None


@dataclass
class CliContext:
    db: str | None
    today: date | None = None
    # False for commands that only read (tasks, verify, export …): a mistyped --db path must be
    # "台账文件不存在", not a new empty ledger that lists 0 tasks or verifies as intact.
    create: bool = True
    _ledger: Ledger | None = field(default=None, init=False)

    def ledger(self, *, read_only: bool = False) -> Ledger:
        if self._ledger is None:
            try:
                self._ledger = open_ledger(self.db, today=self.today, read_only=read_only,
                                           create=self.create, password_prompt=tty_password_prompt)
            except LedgerOpenError as exc:
                from .backup import with_hints

                raise with_hints(exc, self.db) from None
            for notice in self._ledger.notices:
                print(f"注意：{notice}", file=sys.stderr)
        return self._ledger

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.dispose()
            self._ledger = None
