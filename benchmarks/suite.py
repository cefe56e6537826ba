"""``python -m benchmarks``: every figure beside its baseline, at each ledger size.

Prints one JSON line per figure and size as it is measured, then a Markdown table. The value
and the baseline are medians of ``--repeat`` runs; ratio = value / baseline (for peak_rss:
program RSS / baseline RSS).
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
from pathlib import Path

from . import ledgers
from .figures import FIGURES, window
from .harness import Figure, Probe, Result, median, run_side

SIZES = (1_000, 10_000, 100_000)


def measure(figure: Figure, n: int, repeat: int) -> Result:
    base = dict(name=figure.name, n=n, goal_ratio=figure.goal_ratio, goal_at=figure.goal_at,
                repeat=repeat)
    if figure.max_size and n > figure.max_size:
        return Result(**base, value_s=None, baseline_s=None, ratio=None, peak_rss_mb=None,
                      missing=f"未在此规模运行：{figure.max_size_reason}")
    missing = figure.missing()
    if missing:
        return Result(**base, value_s=None, baseline_s=None, ratio=None, peak_rss_mb=None,
                      missing="尚未实现：" + "、".join(missing))
    source = ledgers.ledger_for(n)
    with tempfile.TemporaryDirectory(prefix=f"bench-{figure.name}-") as tmp:
        work = Path(tmp)
        try:
            if figure.process:
                runner = figure.program or window.run_process_figure  # its own, or the window's
                program, baseline = runner(figure, source, n, work, repeat)
            else:
                program = run_side(figure, "program", _probe(figure, source, n, work, "program"), repeat)
                baseline = run_side(figure, "baseline", _probe(figure, source, n, work, "baseline"),
                                    repeat)
        except Exception as exc:  # one broken figure must not hide the others
            return Result(**base, value_s=None, baseline_s=None, ratio=None, peak_rss_mb=None,
                          missing=f"运行失败：{str(exc).strip().splitlines()[-1][:300]}")
    value, base_value = median(program.times), median(baseline.times)
    if figure.name == "peak_rss":
        ratio = program.rss_mb / baseline.rss_mb
    else:
        ratio = value / base_value if base_value > 0 else None
    return Result(**base, value_s=value, baseline_s=base_value, ratio=ratio,
                  peak_rss_mb=program.rss_mb, baseline_rss_mb=baseline.rss_mb,
                  note=program.note or baseline.note)


def _probe(figure: Figure, source: Path, n: int, work: Path, side: str) -> Probe:
    folder = work / side
    folder.mkdir()
    ledger = ledgers.private_copy(source, folder) if figure.writes else source
    return Probe(n=n, ledger=ledger, workdir=folder)


def markdown(results: list[Result]) -> str:
    lines = ["| figure | n | program (s) | baseline (s) | ratio | goal | meets | peak RSS (MB) | note |",
             "|---|---:|---:|---:|---:|---|---|---:|---|"]
    for r in results:
        goal = f"≤ {r.goal_ratio:g}" + (f" at {r.goal_at // 1000}k" if r.goal_at else "") \
            if r.goal_ratio else "—"
        if r.missing:
            lines.append(f"| {r.name} | {r.n} | — | — | — | {goal} | — | — | {r.missing} |")
            continue
        meets = {True: "yes", False: "**no**", None: "—"}[r.meets]
        if r.goal_at and r.n != r.goal_at:
            meets = f"({meets})"
        rss = f"{r.peak_rss_mb:.0f}" + (f" / {r.baseline_rss_mb:.0f}" if r.baseline_rss_mb else "")
        lines.append(f"| {r.name} | {r.n} | {r.value_s:.4f} | {r.baseline_s:.4f} | {r.ratio:.2f} | "
                     f"{goal} | {meets} | {rss} | {r.note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k tasks only, 3 repetitions")
    parser.add_argument("--sizes", help="comma-separated task counts (default 1000,10000,100000)")
    parser.add_argument("--repeat", type=int, help="repetitions per side (default 5; --quick: 3)")
    parser.add_argument("--only", help="comma-separated figure names")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    sizes = (1_000,) if args.quick else SIZES
    if args.sizes:
        sizes = tuple(int(s.replace("k", "000")) for s in args.sizes.split(","))
    repeat = args.repeat or (3 if args.quick else 5)
    names = set(args.only.split(",")) if args.only else None
    figures = [f for f in FIGURES if names is None or f.name in names]
    if names and len(figures) != len(names):
        parser.error(f"unknown figure: {', '.join(sorted(names - {f.name for f in FIGURES}))}")
    print(f"# {platform.node()} · Python {platform.python_version()} · sizes {sizes} · repeat {repeat}",
          file=sys.stderr)
    results = []
    for n in sizes:
        for figure in figures:
            if figure.fixed_sizes and n != sizes[0]:
                continue
            for size in figure.fixed_sizes or (n,):
                result = measure(figure, size, repeat)
                results.append(result)
                print(result.json_line(), flush=True)
    table = markdown(sorted(results, key=lambda r: ([f.name for f in FIGURES].index(r.name), r.n)))
    print(table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")
    return 0
