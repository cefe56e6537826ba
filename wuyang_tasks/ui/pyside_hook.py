"""PySide6's import hook, without the source it keeps.

From the first ``import PySide6`` on, PySide6 asks of every module imported after it whether it
uses PySide6 (for its ``__feature__`` switches) by ``inspect.getsource(module)``, which reads
the file through ``linecache`` — and linecache keeps every line. For what the window imports
after Qt (its own modules, then the ORM, the mapped classes and the services after the first
paint: some 320 files) that was ≈ 12 MB held for the life of the program, all of it at the
peak the start benchmark reads (benchmarks/README.md "Start-up, fourth round"). ``install``
gives the hook the same answer ("PySide6" in the module's source) from the file itself; a
module without a ``.py`` file still goes to PySide6's own check.
"""

from __future__ import annotations

import sys


def install() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "reads_the_file", False):
        return  # another PySide6 than the one this was written for (6.12), or installed already

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not (isinstance(path, str) and path.endswith(".py")):
            return check(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return check(module)

    uses_pyside.reads_the_file = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
