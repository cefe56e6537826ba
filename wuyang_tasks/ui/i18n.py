"""Loading translations: Qt's own qtbase_zh_CN (standard buttons read 确定/取消) and ours.

Source strings are English in ``tr()``; the program ships zh_CN and uses it unless the system
locale is English (or WUYANG_TASKS_LANG says otherwise). Every ``*.qm`` in
``resources/i18n`` is loaded, one per area (see CONVENTIONS.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from wuyang_tasks.paths import resource_path

CHINESE = "zh_CN"
ENGLISH = "en"


def i18n_dir() -> Path:
    return resource_path("i18n")


def choose_language() -> str:
    forced = os.environ.get("WUYANG_TASKS_LANG", "").strip()
    if forced:
        return ENGLISH if forced.lower().startswith("en") else CHINESE
    return ENGLISH if QLocale.system().language() == QLocale.Language.English else CHINESE


def install_translators(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Install the translators for ``language``; returns them (the caller keeps them alive)."""
    language = language or choose_language()
    if language != CHINESE:
        return []
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", qt_dir):
        installed.append(qt)
    for qm in sorted(i18n_dir().glob(f"*_{CHINESE}.qm")):
        ours = QTranslator(app)
        if ours.load(str(qm)):
            installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return installed
