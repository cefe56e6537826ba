"""The program run as a clerk runs it — `wuyang-tasks` through cli.main, run_gui and
app.exec — in a process of its own: every page visited, the window closed, and the process
ends with 0 and nothing on stderr but Qt's offscreen notes (no abort at interpreter exit)."""

from __future__ import annotations

import os
import subprocess
import sys

SESSION = """
import sys
from PySide6.QtCore import QTimer
from wuyang_tasks.cli.main import main
from wuyang_tasks.ui import app as app_module

shown = app_module.Launcher._show
visited = []

def show_then_walk(self, ledger):
    shown(self, ledger)
    window = self.window

    def visit(row=0):
        if row < window.nav.count():
            window.nav.setCurrentRow(row)
            visited.append(window.current_key())
            QTimer.singleShot(200, lambda: visit(row + 1))
        else:
            print("visited", len(visited), flush=True)
            window.close()

    QTimer.singleShot(300, visit)

app_module.Launcher._show = show_then_walk
sys.exit(main(sys.argv[1:]))
"""


def test_a_session_over_every_page_ends_with_exit_code_0(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WUYANG_TASKS_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-c", SESSION, "--db", str(tmp_path / "ledger.db"),
                           "--first-run", "demo"], env=env, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("visited ") and int(done.stdout.split()[1]) >= 8
    assert "Fatal Python error" not in done.stderr and "Traceback" not in done.stderr
