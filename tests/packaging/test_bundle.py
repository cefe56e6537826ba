"""The frozen program: build_installer.spec builds, the built program does what a clerk does
(packaging/check_bundle.py: --version, --smoke, Word and PDF 周报, 反馈表, photos as evidence),
and the folder stays within the size bound of issue 23.

Slow (a PyInstaller build); CI runs it. The bundle size is reported on the terminal.
"""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZE_GOAL_MB = 150


def _check_module():
    """packaging/check_bundle.py, loaded by path: ``packaging`` is also the name of a library."""
    spec = importlib.util.spec_from_file_location("check_bundle",
                                                  ROOT / "packaging" / "check_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 2**20


@pytest.mark.slow
def test_spec_builds_a_program_that_runs(tmp_path, request):
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "PyInstaller is a test dependency (pyproject [test])"
    build = subprocess.run(
        [pyinstaller, "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "work"), str(ROOT / "build_installer.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "wuyang-tasks"

    steps = _check_module().check(bundle, tmp_path / "check")
    assert "smoke" in steps and "briefing.docx" in steps

    version = subprocess.run([str(bundle / "wuyang-tasks-cli"), "--version"],
                             capture_output=True, text=True, timeout=120)
    assert "舞阳县任务督办" in version.stdout
    assert (bundle / "wuyang-tasks").exists()  # the windowed program beside the console one
    assert (bundle / "_internal" / "docs" / "使用说明.md").exists()
    size = _size_mb(bundle)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    reporter.write_line(f"\nbundle: {size:.0f} MB unpacked (goal ≤ {SIZE_GOAL_MB} MB)")
    assert size <= SIZE_GOAL_MB, f"bundle {size:.0f} MB > {SIZE_GOAL_MB} MB"


def test_size_counts_every_file_once(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 2**20)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"x" * 2**19)
    (tmp_path / "link").symlink_to("a")
    assert _size_mb(tmp_path) == 1.5
