"""PySide6's import hook keeps no module's source (ui/pyside_hook.py): it read each module
imported after PySide6 through linecache, ≈ 12 MB kept for what the window imports after Qt."""

import subprocess
import sys

PROBE = """if True:
    import linecache, sys
    import wuyang_tasks.ui.app  # imports PySide6, then installs the check
    import wuyang_tasks.db.models  # after PySide6, with sqlalchemy.orm: no PySide6 in them
    from wuyang_tasks.ui.pages.tasks.editor import TaskEditor  # noqa: F401  # one that uses PySide6
    feature = sys.modules["shibokensupport.feature"]
    names = ["wuyang_tasks.db.models", "sqlalchemy.orm.session", "wuyang_tasks.ui.pages.tasks.editor"]
    print(sum(sys.modules[n].__file__ in linecache.cache for n in names))
    print(*(feature.pyside_feature_dict.get(n) for n in names))
"""


def test_modules_imported_after_pyside6_are_judged_without_keeping_their_source():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    kept, switches = out.stdout.strip().splitlines()[-2:]
    assert kept == "0"
    assert switches == "-1 -1 0"  # PySide6's own answer: -1 ignores a module, 0 uses PySide6
