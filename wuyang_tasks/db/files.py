"""File operations on SQLite ledgers that never lose data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")


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
