"""``wuyang-tasks --smoke``: a self-test usable on the built bundle.

Opens the window offscreen on a temporary demo ledger, waits until the task table is filled,
exports one weekly briefing and one supervision checklist to a temporary folder, and exits 0 —
or prints what failed and exits 1. Nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

SMOKE_WEEK = "2016-W30"  # the demo ledger's reference week
SMOKE_LEADER = "朱俊峰"


def run_smoke() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="wuyang-smoke-") as tmp:
        folder = Path(tmp)
        os.environ["WUYANG_TASKS_HOME"] = str(folder / "home")
        try:
            rows = _open_window(folder / "demo.db")
            outputs = _export(folder / "demo.db", folder)
        except Exception as exc:  # the point of a smoke test is to say what broke
            print(f"自检失败：{exc.__class__.__name__}: {exc}", file=sys.stderr)
            return 1
        print(f"自检通过：窗口显示 {rows} 行任务；已导出 " + "、".join(p.name for p in outputs))
        return 0


def _open_window(db: Path) -> int:
    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.services.demo import build_demo
    from wuyang_tasks.ui.app import make_application
    from wuyang_tasks.ui.context import UiContext
    from wuyang_tasks.ui.i18n import install_translators
    from wuyang_tasks.ui.main_window import MainWindow

    ledger = open_ledger(db)
    build_demo(ledger)
    app = make_application()
    translators = install_translators(app)  # noqa: F841 — kept alive while the window exists
    ctx = UiContext(ledger)
    window = MainWindow(ctx)
    window.show()
    deadline = time.monotonic() + 60
    rows = 0
    while time.monotonic() < deadline:
        app.processEvents()
        rows = len(ctx.task_rows.rows) if ctx.is_idle() else 0
        if rows:
            break
        time.sleep(0.05)
    window.grab()  # paints every visible widget once
    window.close()
    ledger.dispose()
    if not rows:
        raise RuntimeError("任务台账在60秒内没有显示出任务")
    return rows


def _export(db: Path, folder: Path) -> list[Path]:
    from .main import main

    outputs = [folder / "工作周报.xlsx", folder / "督查清单.pdf"]
    commands = [
        ["export", "briefing", "--week", SMOKE_WEEK, "-o", str(outputs[0])],
        ["export", "checklist", "--leader", SMOKE_LEADER, "-o", str(outputs[1])],
    ]
    for command, output in zip(commands, outputs, strict=True):
        code = main(["--db", str(db), *command])
        if code != 0 or not output.exists() or output.stat().st_size == 0:
            raise RuntimeError(f"导出失败（退出码 {code}）：{' '.join(command)}")
    return outputs
