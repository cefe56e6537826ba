"""Start-up on a big ledger when the last session left the task table sorted by another
column than 编号 (QA: at 100k tasks the table stayed empty for 4 s).

    python -m benchmarks.startup_sorted LEDGER [--repeat 3]

Times, from process start, the first screenful painted and every row read (the probe's
report, less its settle time), for three starts: the default sort, a saved sort by 完成时限
(descending), and the bare window (PySide6 + SQLAlchemy, no ledger) as the baseline. One
untimed start first makes the day's automatic backup.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from . import ledgers
from .figures.window import _spawn
from .window_probe import SETTLE_MS

DEADLINE_COLUMN = 5  # ui/pages/tasks/model.py: 编号, 任务, 县领导, 牵头单位, 配合单位, 完成时限 …


def saved_sort_settings(home: Path) -> None:
    """settings.ini as a session sorted by 完成时限 (descending) leaves it."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication.instance() or QApplication(["probe"])  # noqa: F841 — needed by the view
    view = QTableView()
    view.setModel(QStandardItemModel(0, 11))
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(DEADLINE_COLUMN, Qt.SortOrder.DescendingOrder)
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("tasks/header", view.horizontalHeader().saveState())
    settings.sync()


def _timed(args: list[str], home: Path) -> tuple[float, float]:
    started = time.perf_counter()
    painted, _rss, _rows = _spawn(args, home)
    return painted, time.perf_counter() - started - SETTLE_MS / 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        ledger = ledgers.private_copy(args.ledger, work)
        homes = {name: work / name for name in ("default", "saved", "bare")}
        for home in homes.values():
            home.mkdir()
        saved_sort_settings(homes["saved"])
        _spawn(["program", str(ledger)], homes["default"])  # untimed: the day's backup
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in homes}
        for _ in range(args.repeat):
            runs["default"].append(_timed(["program", str(ledger)], homes["default"]))
            runs["saved"].append(_timed(["program", str(ledger)], homes["saved"]))
            runs["bare"].append(_timed(["bare"], homes["bare"]))
        for name, times in runs.items():
            first = statistics.median(t[0] for t in times)
            every = statistics.median(t[1] for t in times)
            print(f"{name:8s} first screenful {first:5.2f} s   every row {every:5.2f} s   "
                  f"(median of {len(times)})")


if __name__ == "__main__":
    main()
