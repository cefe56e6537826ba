"""Run a built bundle through what a clerk does, to check that nothing it needs was trimmed away.

    python packaging/check_bundle.py dist/wuyang-tasks

--version, --smoke (window offscreen, 周报 .xlsx, 督查清单 .pdf), then on a demo ledger: 周报 as
.docx and .pdf, 反馈表 for every unit, the task list, photos attached as evidence (a large PNG
and a TIFF, so that Pillow decodes, scales and writes a JPEG preview). Exits 1 on the first
failure, printing the command and its output. tests/packaging/test_bundle.py calls check().
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

WEEK = "2016-W30"  # the demo ledger's reference week


def check(bundle: Path, work: Path) -> list[str]:
    """Run every step; returns the steps' names, raises RuntimeError naming the failed one."""
    program = bundle / ("wuyang-tasks-cli.exe" if os.name == "nt" else "wuyang-tasks-cli")
    env = {**os.environ, "WUYANG_TASKS_HOME": str(work / "home")}
    db = str(work / "demo.db")
    out = work / "out"
    out.mkdir(parents=True, exist_ok=True)
    photos = _photos(work)
    steps = {
        "version": ["--version"],
        "smoke": ["--smoke"],
        "demo": ["--db", db, "demo"],
        "briefing.docx": ["--db", db, "export", "briefing", "--week", WEEK,
                          "-o", str(out / "周报.docx")],
        "briefing.pdf": ["--db", db, "export", "briefing", "--week", WEEK,
                         "-o", str(out / "周报.pdf")],
        "feedback send": ["--db", db, "feedback", "send", "--all", "--week", WEEK,
                          "-o", str(out / "反馈表")],
        "tasks": ["--db", db, "tasks"],
        "evidence add": ["--db", db, "evidence", "add", "--task", "2016-001", *photos],
    }
    for name, args in steps.items():
        run = subprocess.run([str(program), *args], capture_output=True, text=True, env=env,
                             timeout=300)
        if run.returncode != 0:
            raise RuntimeError(f"{name}: exit {run.returncode}\n{run.stdout[-2000:]}"
                               f"\n{run.stderr[-3000:]}")
    for name in ("周报.docx", "周报.pdf"):
        if not (out / name).stat().st_size:
            raise RuntimeError(f"{name} is empty")
    if not list((out / "反馈表").glob("*.xlsx")):
        raise RuntimeError("feedback send wrote no workbook")
    return list(steps)


def _photos(work: Path) -> list[str]:
    from PIL import Image  # a dependency of the program, so in the building environment too

    png, tiff = work / "现场.png", work / "现场.tif"
    Image.new("RGBA", (2400, 1600), (40, 120, 200, 160)).save(png)
    Image.new("RGB", (1200, 900), (200, 60, 40)).save(tiff)
    return [str(png), str(tiff)]


def main() -> int:
    bundle = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="wuyang-bundle-") as tmp:
        try:
            steps = check(bundle, Path(tmp))
        except RuntimeError as exc:
            print(f"bundle check failed: {exc}", file=sys.stderr)
            return 1
    print("bundle check passed: " + ", ".join(steps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
