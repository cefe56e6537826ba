"""Small tools for the reliability tests: file fingerprints, demo copies, damaged files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from wuyang_tasks.db.files import JOURNAL_FILES


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return [s for s in JOURNAL_FILES if Path(str(path) + s).exists()]


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (recursively) with its hash: proves nothing appeared or changed."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def copy_demo(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


def damage(path: Path, page: int = 10) -> None:
    """Overwrite the header of one b-tree page: the SQLite header stays valid, quick_check fails."""
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xff" * 100)


def set_revision(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
