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


def qt_translation_dirs() -> list[str]:
    """Where Qt's own qtbase_zh_CN.qm may be: Qt's configured folder, then PySide6's (a frozen
    program's Qt may report a folder that the bundle laid out elsewhere)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    found = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
             str(package / "Qt" / "translations"), str(package / "translations")]
    return list(dict.fromkeys(found))


class QtGaps(QTranslator):
    """What Qt's own qtbase_zh_CN lacks: Qt 6 gave the file dialog's labels accelerators
    ("&Look in:"), and the shipped translation still has them without ("Look in:"), so Qt's
    file dialog (used where there is no native one) showed English."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QFileDialog", "File &name:"): "文件名称(&N)：",
    }

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 — Qt's API
        return self.TEXTS.get((context, source))  # None: not ours, the next translator answers

    def isEmpty(self) -> bool:
        return False


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
    qt = QTranslator(app)
    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    if any(qt.load(china, "qtbase", "_", folder) for folder in qt_translation_dirs()):
        installed.append(qt)
    installed.append(QtGaps(app))
    for qm in sorted(i18n_dir().glob(f"*_{CHINESE}.qm")):
        ours = QTranslator(app)
        if ours.load(str(qm)):
            installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return installed
