"""Figures, their results, and running each side of a figure in a process of its own.

Each side (the program, the baseline) of a figure at one size runs in a fresh Python process,
so that its peak RSS is its own and neither side warms the other's caches. In-process figures
time one operation several times inside that process (after an untimed set-up); process
figures (open_ledger, peak_rss) are timed by the parent from process start.
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .rss import peak_rss_mb

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Probe:
    """What a side gets: the size, the ledger (a private copy when the figure writes), a folder."""

    n: int
    ledger: Path
    workdir: Path
    note: str = ""  # filled by the side: what exactly was measured (e.g. "1141230 条审计记录")


@dataclass
class Timed:
    """The operation to time, and what to do (untimed) before each repetition."""

    run: Callable[[], object]
    prepare: Callable[[], object] | None = None


Side = Callable[[Probe], "Timed | Callable[[], object]"]
"""Set-up (untimed, once) returning the operation to time."""


@dataclass(frozen=True)
class Figure:
    name: str
    what: str
    baseline_what: str
    goal_ratio: float | None
    goal_at: int | None  # the size the issue states the goal for (None: every size)
    program: Side | None = None
    baseline: Side | None = None
    requires: tuple[str, ...] = ()  # modules of the program that must exist
    fixed_sizes: tuple[int, ...] | None = None  # e.g. ledger_pdf: always 1,000 tasks
    writes: bool = False  # the program side changes the ledger: give each side a copy
    process: bool = False  # timed from process start by the parent (see figures/window.py)
    max_size: int | None = None  # larger ledgers are not run (``max_size_reason`` says why)
    max_size_reason: str = ""

    def missing(self) -> list[str]:
        return [m for m in self.requires if not _module_exists(m)]


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@dataclass
class Result:
    name: str
    n: int
    value_s: float | None
    baseline_s: float | None
    ratio: float | None
    goal_ratio: float | None
    peak_rss_mb: float | None
    baseline_rss_mb: float | None = None
    repeat: int = 0
    goal_at: int | None = None
    note: str = ""
    missing: str | None = None

    @property
    def meets(self) -> bool | None:
        if self.ratio is None or self.goal_ratio is None:
            return None
        return self.ratio <= self.goal_ratio

    def json_line(self) -> str:
        data = asdict(self)
        data["meets"] = self.meets
        for key in ("value_s", "baseline_s", "ratio", "peak_rss_mb", "baseline_rss_mb"):
            if data[key] is not None:
                data[key] = round(data[key], 4 if key.endswith("_s") else 3 if key == "ratio" else 1)
        return json.dumps(data, ensure_ascii=False)


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass
class SideRun:
    times: list[float] = field(default_factory=list)
    rss_mb: float | None = None
    note: str = ""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Compiled modules as in an installation (pip and the packaged program carry them): with
    # PYTHONDONTWRITEBYTECODE set, every start of the program compiled its ~150 modules from
    # source again (≈ 0.3 s of open_ledger), which the baseline — importing only
    # site-packages, compiled at install — never pays. The untimed first run compiles them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def run_side(figure: Figure, side: str, probe: Probe, repeat: int) -> SideRun:
    """Run one side of an in-process figure in a fresh interpreter (benchmarks.probe)."""
    cmd = [sys.executable, "-m", "benchmarks.probe", figure.name, side, str(probe.n),
           str(probe.ledger), str(probe.workdir), str(repeat)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"{figure.name}/{side} n={probe.n} failed:\n{done.stderr[-3000:]}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return SideRun(times=data["times"], rss_mb=data["rss_mb"], note=data.get("note", ""))


def time_in_process(side: Side, probe: Probe, repeat: int) -> SideRun:
    """Called inside the child: set up and time ``repeat`` runs of the operation."""
    operation = side(probe)
    if not isinstance(operation, Timed):
        operation = Timed(operation)
    times = []
    for _ in range(repeat):
        if operation.prepare is not None:
            operation.prepare()
        started = time.perf_counter()
        operation.run()
        times.append(time.perf_counter() - started)
    return SideRun(times=times, rss_mb=peak_rss_mb(), note=probe.note)
