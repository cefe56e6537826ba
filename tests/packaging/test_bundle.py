"""The frozen program: build_installer.spec builds, the built program does what a clerk does
(packaging/check_bundle.py: --version, --smoke, Word and PDF 周报, 反馈表, photos as evidence),
the folder stays within the size bound of issue 23, and --version starts without Qt.

Slow (a PyInstaller build); CI runs it. The bundle size is reported on the terminal.
"""

import importlib.util
import os
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


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The bundle folder, built once for this module's tests."""
    tmp_path = tmp_path_factory.mktemp("bundle")
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "PyInstaller is a test dependency (pyproject [test])"
    build = subprocess.run(
        [pyinstaller, "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "work"), str(ROOT / "build_installer.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert build.returncode == 0, build.stderr[-3000:]
    return tmp_path / "dist" / "wuyang-tasks"


@pytest.mark.slow
def test_spec_builds_a_program_that_runs(built, tmp_path, request):
    bundle = built
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


@pytest.mark.slow
def test_version_loads_neither_qt_nor_the_multiprocessing_hook(built):
    """Issue 23: PyInstaller's PySide6 run-time hook loaded Qt at every start, and its
    multiprocessing hook socket, pickle and subprocess; glibc's loader names what is loaded."""
    version = subprocess.run([str(built / "wuyang-tasks-cli"), "--version"], capture_output=True,
                             text=True, timeout=120, env={**os.environ, "LD_DEBUG": "files"})
    assert version.returncode == 0 and "舞阳县任务督办" in version.stdout
    loaded = {line.rsplit("/", 1)[-1] for line in version.stderr.splitlines()
              if "calling init:" in line}
    assert any(name.startswith("libpython3") for name in loaded)  # the trace is there
    assert not {name for name in loaded
                if name.startswith(("libQt6", "QtCore.", "libshiboken6", "_socket.", "_pickle."))}


def test_the_qt_hook_sets_the_plugin_folder_without_importing_qt(tmp_path):
    """packaging/rthook_qt.py, run as the bootloader runs it (sys._MEIPASS set, a fresh
    interpreter): Qt's plugin folder in the environment, PySide6 not imported."""
    hook = ROOT / "packaging" / "rthook_qt.py"
    code = (f"import os, runpy, sys; sys._MEIPASS = {str(tmp_path)!r}; runpy.run_path({str(hook)!r});"
            " print(os.environ['QT_PLUGIN_PATH']); print('PySide6' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    qt = tmp_path / "PySide6" if os.name == "nt" else tmp_path / "PySide6" / "Qt"
    assert run.stdout.splitlines() == [str(qt / "plugins"), "False"]


def test_size_counts_every_file_once(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 2**20)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"x" * 2**19)
    (tmp_path / "link").symlink_to("a")
    assert _size_mb(tmp_path) == 1.5
