"""File operations on SQLite ledgers that never lose data."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")
JOURNAL_FILES = (*SIDE_FILES, "-journal")


def connect_read_only(path: Path, *, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection that never writes the file nor creates files beside it.

    A plain ``mode=ro`` connection to a WAL ledger still creates ``-wal`` and ``-shm`` (and
    cannot remove them). When no journal file exists nobody is using the ledger and the file
    holds everything committed, so it is opened ``immutable``: no locks, no side files. When a
    journal file exists (another program has it open, or it crashed) the journal must be read
    too, so ``mode=ro`` is used — the side files are there already.
    """
    path = Path(path).resolve()
    in_use = any(Path(str(path) + suffix).exists() for suffix in JOURNAL_FILES)
    uri = path.as_uri() + ("?mode=ro" if in_use else "?mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)


def set_aside(path: Path) -> Path:
    """Rename a ledger (with its WAL files) to ``name.YYYYmmdd-HHMMSS.bak``; returns the new name.
    The engine must be disposed first so that the WAL is checkpointed and closed."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{stamp}-{n}.bak")
    for suffix in SIDE_FILES:
        side = Path(str(path) + suffix)
        if side.exists():
            side.rename(Path(str(target) + suffix))
    path.rename(target)
    return target
