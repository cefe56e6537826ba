"""Child process of open_ledger / peak_rss. Prints ``painted`` when the table is on screen
(the parent times process start → that line), then one JSON line with the peak RSS.

    python -m benchmarks.window_probe program LEDGER   # wuyang-tasks --db LEDGER, 任务台账 page
    python -m benchmarks.window_probe bare             # empty window: PySide6 + SQLAlchemy
    python -m benchmarks.window_probe rows LEDGER      # empty window + the raw rows shown

``program`` starts the real program through its command-line entry (``wuyang-tasks --db``)
and, once the window is up, goes to the task ledger as a user would; it closes the window once
every task is read and the day's backup (made in the background when due) is done.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys

from benchmarks.rss import peak_rss_mb

TIMEOUT_MS = 600_000
SETTLE_MS = 500  # after painting: let pending work finish before reading the peak RSS


def _report_later(app, rows, loaded=lambda: True) -> None:
    """``rows``: the row count to report (int or callable); ``loaded``: the program shows a
    first screenful before reading every task — the peak RSS is taken once all are read."""
    from PySide6.QtCore import QTimer

    print("painted", flush=True)

    def finish():
        if not loaded():
            QTimer.singleShot(100, finish)
            return
        rss = peak_rss_mb()
        rows_now = rows() if callable(rows) else rows
        print(json.dumps({"rss_mb": rss, "rows": rows_now}), flush=True)
        # close as a user would (the ledger then closes cleanly and the next open does not
        # take it for a crashed session); a hard exit if that does not end the process
        QTimer.singleShot(30_000, lambda: os._exit(4))
        for window in app.topLevelWidgets():
            window.close()
        app.quit()
    QTimer.singleShot(SETTLE_MS, finish)


def _watchdog() -> None:
    from PySide6.QtCore import QTimer

    def give_up():
        print("timeout: the task table was never painted", file=sys.stderr, flush=True)
        os._exit(3)
    QTimer.singleShot(TIMEOUT_MS, give_up)


def program(ledger: str) -> int:
    # the program's modules first, in its own order (ui.app loads the database stack before
    # Qt: PySide6's import hook inspects every module imported after PySide6, so importing Qt
    # here first would charge the program for the probe's import order, not its own)
    from wuyang_tasks.ui import app as ui_app

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    class PaintWatch(QObject):
        def __init__(self, page):
            super().__init__()
            self.page = page
            self.done = False

        def eventFilter(self, obj, event):
            if not self.done and event.type() == QEvent.Type.Paint:
                for view in self.page.findChildren(QAbstractItemView):
                    model = view.model()
                    if view.viewport() is obj and model is not None and model.rowCount() > 0:
                        self.done = True
                        store = self.page.store
                        backup = self.page.window().daily_backup  # the day's, in the background
                        QTimer.singleShot(0, lambda: _report_later(
                            QApplication.instance(), lambda: len(store.rows),
                            lambda: store.loaded and not store.busy and not backup.pending()))
            return False

    shown = ui_app.Launcher._show

    def show_and_watch(self, opened):
        shown(self, opened)
        window = self.window
        window.go_to("tasks")
        page = window.pages["tasks"]
        watch = PaintWatch(page)
        window._bench_watch = watch  # kept alive with the window
        for view in page.findChildren(QAbstractItemView):
            view.viewport().installEventFilter(watch)
        _watchdog()

    ui_app.Launcher._show = show_and_watch
    from wuyang_tasks.cli.main import main

    return main(["--db", ledger])


def bare(ledger: str | None) -> int:
    import sqlalchemy  # noqa: F401 — the baseline pays for the same two imports
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    rows = []
    if ledger:
        from benchmarks.list_sql import LIST_SQL

        conn = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
        rows = conn.execute(LIST_SQL.format(where="", order="t.id")).fetchall()

    class PaintWatch(QObject):
        done = False

        def eventFilter(self, obj, event):
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, lambda: _report_later(app, len(rows)))
            return False

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 800)
    watch = PaintWatch()
    window.installEventFilter(watch)
    window.show()
    _watchdog()
    return app.exec()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "program":
        sys.exit(program(sys.argv[2]))
    sys.exit(bare(sys.argv[2] if mode == "rows" else None))
