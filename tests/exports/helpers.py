"""Reading exported files back: poppler's pdfinfo / pdftotext / pdffonts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pages(path: Path) -> int:
    return int(pdfinfo(path)["Pages"])


def page_size(path: Path, page: int = 1) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(path)],
                         capture_output=True, text=True, check=True).stdout
    match = re.search(rf"Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", out)
    assert match, out
    return float(match[1]), float(match[2])


def is_a4(size: tuple[float, float], landscape: bool) -> bool:
    w, h = size
    if landscape:
        w, h = h, w
    return abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5


def text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def squeezed_text(path: Path) -> str:
    """Text without whitespace: table cells wrap, so words are compared without line breaks."""
    return re.sub(r"\s+", "", text(path))


def fonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the last 5 columns are fixed
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows
