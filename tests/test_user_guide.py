"""The user guide's pictures exist, and the script that takes them still works on the real window."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "使用说明.md"


def _images() -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))


def test_every_picture_in_the_guide_exists():
    images = _images()
    assert len(images) >= 6
    missing = [i for i in images if not (GUIDE.parent / i).is_file()]
    assert missing == []


@pytest.mark.slow
def test_screenshot_script_takes_every_picture_of_the_guide(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    taken = {p.name for p in tmp_path.glob("*.png") if p.stat().st_size > 10_000}
    assert {Path(i).name for i in _images()} <= taken
