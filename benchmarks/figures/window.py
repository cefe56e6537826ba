"""Figures of the window: open_ledger and peak_rss (whole processes, timed by this parent)
and the task ledger's filter and sort (in-process, through the page's own model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from ..harness import REPO, Figure, Probe, SideRun, Timed, child_env
from .db import FILTER_TEXT, FILTER_UNIT

_process_runs: dict[tuple[int, int], dict[str, SideRun]] = {}


def _spawn(args: list[str], home: Path) -> tuple[float, float, int]:
    """Seconds from process start to 'painted', peak RSS (MB), rows shown."""
    env = child_env()
    env["WUYANG_TASKS_HOME"] = str(home)
    env.pop("WUYANG_TASKS_DB", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.window_probe", *args], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    painted = None
    data = None
    for line in proc.stdout:
        if line.strip() == "painted" and painted is None:
            painted = time.perf_counter() - started
        elif line.startswith("{"):
            data = json.loads(line)
    err = proc.stderr.read()
    proc.wait()
    if painted is None or data is None:
        raise RuntimeError(f"window probe {args[0]} failed (exit {proc.returncode}): {err[-2000:]}")
    return painted, data["rss_mb"], data["rows"]


def run_process_figure(figure: Figure, source: Path, n: int, work: Path,
                       repeat: int) -> tuple[SideRun, SideRun]:
    """open_ledger: program vs bare window; peak_rss: program vs bare window + raw rows.
    The three processes alternate, ``repeat`` times; both figures share the runs. One untimed
    run comes first: the first open of a day makes the daily backup (a copy of the whole
    ledger), which is not what opening costs on the other days."""
    from .. import ledgers

    key = (n, repeat)
    if key not in _process_runs:
        ledger = ledgers.private_copy(source, work)
        home = work / "home"
        home.mkdir()
        _spawn(["program", str(ledger)], home)  # untimed: today's automatic backup is made here
        runs = {name: SideRun() for name in ("program", "bare", "rows")}
        for i in range(repeat):
            for name, args in (("program", ["program", str(ledger)]), ("bare", ["bare"]),
                               ("rows", ["rows", str(source)])):
                seconds, rss, rows = _spawn(args, home)
                runs[name].times.append(seconds)
                runs[name].rss_mb = max(runs[name].rss_mb or 0, rss)
                runs[name].note = f"{rows} 行"
        os.remove(ledger)
        _process_runs.clear()
        _process_runs[key] = runs
    runs = _process_runs[key]
    if figure.name == "open_ledger":
        return runs["program"], runs["bare"]
    return runs["program"], runs["rows"]


# --------------------------------------------------------------------------- task page model
def _page(probe: Probe):
    """The real task ledger page on a ledger, loaded, in an offscreen QApplication."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["WUYANG_TASKS_HOME"] = str(probe.workdir / "home")
    from PySide6.QtWidgets import QApplication

    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.ui.context import UiContext
    from wuyang_tasks.ui.pages import tasks as task_page

    app = QApplication.instance() or QApplication([sys.argv[0]])
    ctx = UiContext(open_ledger(probe.ledger, read_only=True))
    page = task_page.create_page(ctx)
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    return app, page


def _loaded_page(probe: Probe):

    app, page = _page(probe)
    page.refresh()
    while not page.store.loaded:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    return app, page


def _filter_side(criteria_of):
    """Through the task ledger page: a change in its filter bar, until the model is reset."""
    def side(probe: Probe):
        from wuyang_tasks.ui.pages.tasks.filters import Criteria

        app, page = _loaded_page(probe)
        criteria = criteria_of(Criteria)

        def prepare():
            page.filters.set_criteria(Criteria())
            app.processEvents()

        def run():
            page.filters.set_criteria(criteria)  # emits changed → apply_filter → model reset
            probe.note = f"{page.model.rowCount()} 行 / {len(page.store.rows)}"
        return Timed(run, prepare)
    return side


filter_text_program = _filter_side(lambda C: C(text=FILTER_TEXT))
filter_unit_program = _filter_side(lambda C: C(unit=FILTER_UNIT))


def sort_deadline_program(probe: Probe):
    """All tasks shown; a click on the 完成时限 header, until the model is reset."""
    from PySide6.QtCore import Qt

    app, page = _loaded_page(probe)
    deadline = page.model.column_index("deadline")

    def prepare():
        page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        app.processEvents()

    def run():
        page.table.sortByColumn(deadline, Qt.SortOrder.AscendingOrder)
        probe.note = f"{page.model.rowCount()} 行"
    return Timed(run, prepare)
