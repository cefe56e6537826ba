"""Who acts on a SQLite ledger: the operating system's user name (a PostgreSQL ledger's actor is
the database account). Apart from ``db.audit`` so that opening a ledger does not import the
audit chain and, through it, the mapped classes."""

from __future__ import annotations

import getpass


def os_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some locked-down PCs
        return "unknown"
