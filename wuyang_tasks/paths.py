"""Where the program keeps its data.

Normally the per-user data folder (platformdirs: ``%LOCALAPPDATA%\\wuyang-tasks`` on Windows,
``~/.local/share/wuyang-tasks`` on Linux). In portable mode — a file named ``portable.txt``
next to the executable — data and settings stay beside the program (the USB-stick habit).
``WUYANG_TASKS_HOME`` overrides both (tests, several ledgers side by side).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from wuyang_tasks import APP_NAME

PORTABLE_MARKER = "portable.txt"


def program_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    override = os.environ.get("WUYANG_TASKS_HOME")
    if override:
        path = Path(override)
    elif is_portable():
        path = program_dir() / "data"
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_ledger_path() -> Path:
    return data_dir() / "ledger.db"


def backups_dir_for(ledger_path: Path) -> Path:
    return ledger_path.parent / "backups"


def resource_path(*parts: str) -> Path:
    """A bundled resource, frozen (PyInstaller) or from the source tree."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("wuyang_tasks", "resources", *parts)
