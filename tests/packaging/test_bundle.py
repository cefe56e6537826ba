"""The frozen program: build_installer.spec builds, and the built program runs (--version, --smoke).

Slow (a PyInstaller build); CI runs it. The bundle size is reported on the terminal.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZE_GOAL_MB = 150


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


@pytest.mark.slow
def test_spec_builds_a_program_that_runs(tmp_path, request):
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "PyInstaller is a test dependency (pyproject [test])"
    build = subprocess.run(
        [pyinstaller, "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "work"), str(ROOT / "build_installer.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "wuyang-tasks"
    program = bundle / "wuyang-tasks-cli"
    env = {**os.environ, "WUYANG_TASKS_HOME": str(tmp_path / "home")}

    version = subprocess.run([str(program), "--version"], capture_output=True, text=True,
                             env=env, timeout=120)
    assert version.returncode == 0, version.stderr
    assert "舞阳县任务督办" in version.stdout

    smoke = subprocess.run([str(program), "--smoke"], capture_output=True, text=True, env=env,
                           timeout=300)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "自检通过" in smoke.stdout

    assert (bundle / "wuyang-tasks").exists()  # the windowed program beside the console one
    assert (bundle / "_internal" / "docs" / "使用说明.md").exists()
    size = _size_mb(bundle)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    reporter.write_line(f"\nbundle: {size:.0f} MB unpacked (goal ≤ {SIZE_GOAL_MB} MB)")
