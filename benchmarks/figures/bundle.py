"""bundle_start: the built program's start (``wuyang-tasks-cli --version``) against a PyInstaller
hello-world built the same way (one folder, a script importing nothing).

Both are built with the PyInstaller of this environment; the builds are kept in the benchmark
cache, keyed by the spec, pyproject.toml and the program's sources (a build takes minutes).
Each side runs ``repeat`` times, alternating, after one untimed run each (the first start after
a build reads the files from disk). The note gives the bundle's size.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ..harness import REPO, Figure, SideRun, child_env
from ..ledgers import cache_dir

HELLO = 'print("hello")\n'


def run_bundle_figure(figure: Figure, source: Path, n: int, work: Path,
                      repeat: int) -> tuple[SideRun, SideRun]:
    program = _built("wuyang-tasks", [str(REPO / "build_installer.spec")]) / "wuyang-tasks-cli"
    hello_script = cache_dir() / "hello.py"
    hello_script.write_text(HELLO, encoding="utf-8")
    hello = _built("hello", ["--onedir", "--name", "hello", "--specpath", str(cache_dir()),
                             str(hello_script)]) / "hello"
    env = {**child_env(), "WUYANG_TASKS_HOME": str(work / "home")}
    runs = {"program": SideRun(), "baseline": SideRun()}
    commands = {"program": [str(program), "--version"], "baseline": [str(hello)]}
    for i in range(repeat + 1):
        for side, command in commands.items():
            seconds, rss = _run(command, env)
            if i:  # the first round is untimed
                runs[side].times.append(seconds)
                runs[side].rss_mb = max(runs[side].rss_mb or 0, rss)
    runs["program"].note = (f"--version；安装包 {_mb(program.parent):.0f} MB"
                            f"（hello-world {_mb(hello.parent):.0f} MB）")
    return runs["program"], runs["baseline"]


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to exit, and the peak RSS (MB) read from /proc while it runs (the
    child's ru_maxrss would carry the parent's peak over the exec)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    status, rss = Path(f"/proc/{proc.pid}/status"), 0.0
    while proc.poll() is None:
        try:
            rss = max([rss] + [int(line.split()[1]) / 1024 for line in
                               status.read_text(encoding="ascii").splitlines()
                               if line.startswith("VmHWM:")])
        except OSError:
            pass
        time.sleep(0.002)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {proc.stderr.read()[-2000:]}")
    return seconds, rss


def _mb(folder: Path) -> float:
    """Unpacked size; links (PyInstaller puts many in _internal) are not counted again."""
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 2**20


def _built(name: str, args: list[str]) -> Path:
    """The dist folder of a PyInstaller build, from the cache when its inputs are unchanged."""
    digest = hashlib.sha256(" ".join(args).encode())
    if name == "wuyang-tasks":
        for path in sorted([REPO / "build_installer.spec", REPO / "pyproject.toml",
                            *(REPO / "wuyang_tasks").rglob("*.py"),
                            *(REPO / "packaging").glob("*.py")]):
            digest.update(path.read_bytes())
    root = cache_dir() / f"pyinstaller-{name}-{digest.hexdigest()[:16]}"
    dist = root / "dist" / name
    if not dist.exists():
        pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
        shutil.rmtree(root, ignore_errors=True)
        done = subprocess.run([pyinstaller, "--noconfirm", "--distpath", str(root / "dist"),
                               "--workpath", str(root / "work"), *args],
                              cwd=REPO, env=child_env(), capture_output=True, text=True,
                              timeout=1800)
        if done.returncode != 0:
            raise RuntimeError(f"pyinstaller {name} failed: {done.stderr[-2000:]}")
    return dist
