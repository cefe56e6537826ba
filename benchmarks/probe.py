"""One side of one in-process figure, run in its own interpreter by the suite:

    python -m benchmarks.probe FIGURE program|baseline N LEDGER WORKDIR REPEAT

prints one JSON line: {"times": [...], "rss_mb": ..., "note": ...}.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .figures import by_name
from .harness import Probe, time_in_process


def main(argv: list[str]) -> int:
    name, side, n, ledger, workdir, repeat = argv
    figure = by_name(name)
    probe = Probe(n=int(n), ledger=Path(ledger), workdir=Path(workdir))
    run = time_in_process(getattr(figure, side), probe, int(repeat))
    print(json.dumps({"times": run.times, "rss_mb": run.rss_mb, "note": run.note}, ensure_ascii=False),
          flush=True)
    # Measured: leave without interpreter finalization. The task page set up on its own here
    # (no main window owning it) makes shiboken abort while finalizing at 10^5 rows
    # ("none_dealloc"); the program itself, closed through its window, exits cleanly.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
