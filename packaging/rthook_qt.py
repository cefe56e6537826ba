"""Run-time hook of the frozen build, in place of PyInstaller's ``pyi_rth_pyside6``.

That hook imports PySide6.QtCore at every start (loading Qt, ICU and the PySide6 bindings) to
register a qt.conf for Qt's prefix; PySide6's wheels register the same qt.conf themselves when
QtCore is first imported, so the import only cost time, also for ``--version`` and every command
that never shows a window. This hook keeps the rest of what it did: Qt's plugin folder, and on
Windows the bundle's folder on PATH for the DLLs Qt loads by name.
"""


def _qt_paths():
    import os
    import sys

    bundle = sys._MEIPASS  # the bundle's _internal folder, set by PyInstaller's bootloader
    qt = os.path.join(bundle, "PySide6") if sys.platform == "win32" else os.path.join(
        bundle, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if sys.platform == "win32":
        os.environ["PATH"] = bundle + os.pathsep + os.environ.get("PATH", "")


_qt_paths()
del _qt_paths
