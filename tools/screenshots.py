"""Screenshots for docs/使用说明.md, taken from the real window on the demo ledger.

    python tools/screenshots.py [--out docs/screenshots]

Runs offscreen (or on whatever display QT_QPA_PLATFORM names, e.g. xcb under Xvfb), so the
guide always shows the current program. Each page is shown at a typical office-monitor size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {  # navigation key → file name
    "dashboard": "dashboard.png",
    "tasks": "ledger.png",
    "units": "units.png",
    "inspections": "inspections.png",
    "accountability": "accountability.png",
    "metrics": "metrics.png",
    "reports": "reports.png",
}
SIZE = (1366, 768)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WUYANG_TASKS_HOME"] = str(Path(tmp) / "home")
        return _shoot(Path(tmp) / "demo.db", out)


def _shoot(db: Path, out: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.services.demo import build_demo
    from wuyang_tasks.ui.app import make_application
    from wuyang_tasks.ui.context import UiContext
    from wuyang_tasks.ui.i18n import install_translators
    from wuyang_tasks.ui.main_window import MainWindow

    ledger = open_ledger(db)
    build_demo(ledger)
    app = make_application()
    translators = install_translators(app)  # noqa: F841 — alive while the window exists
    ctx = UiContext(ledger)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()

    def settle(seconds: float = 1.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or not ctx.is_idle():
            app.processEvents()
            time.sleep(0.02)

    settle(2.0)
    written = []
    for key, name in PAGES.items():
        window.go_to(key)
        settle()
        window.grab().save(str(out / name))
        written.append(name)

    # The task editor on the overdue demo task, as a clerk opens it from the ledger.
    window.go_to("tasks")
    settle()
    overdue = next(r for r in ctx.task_rows.rows if r.code == "2016-002")

    def grab_editor() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QDialog) and w.isVisible())
        settle(0.5)
        dialog.grab().save(str(out / "editor.png"))
        dialog.reject()

    QTimer.singleShot(800, grab_editor)
    window.pages["tasks"].edit_task(overdue.id)
    written.append("editor.png")
    window.close()
    ledger.dispose()
    print("已生成截图：" + "、".join(written) + f"（{out}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
