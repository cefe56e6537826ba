"""Program settings (window layout, recent ledgers, saved filters).

Kept in an INI file in the data folder rather than the Windows registry, so that portable
installs carry their settings along and tests (WUYANG_TASKS_HOME) never see the user's.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from wuyang_tasks import paths

MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def recent_ledgers() -> list[str]:
    value = app_settings().value("ledger/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def remember_ledger(location: str) -> None:
    """Put ``location`` first in the recent list; written only when that changes the list (the
    usual start reopens the ledger of last time, and a sync rewrites the whole file)."""
    recent = recent_ledgers()
    items = [location] + [r for r in recent if r != location]
    if items[:MAX_RECENT] == recent[:MAX_RECENT]:
        return
    settings = app_settings()
    settings.setValue("ledger/recent", items[:MAX_RECENT])
    settings.sync()
