"""Generated ledgers, kept between runs: generating 100k tasks takes about a minute.

A cached ledger is keyed by its size, the seed, the schema revision and the generator's own
source, so a change of either gives a fresh ledger. Figures that write get a private copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from wuyang_tasks.db import migrate

from . import generate

SEED = 1


def cache_dir() -> Path:
    path = Path(os.environ.get("WUYANG_BENCH_CACHE", "/tmp/wuyang-bench"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _fingerprint() -> str:
    here = Path(generate.__file__).resolve().parent
    digest = hashlib.sha256(migrate.head_revision().encode())
    for name in ("generate.py", "texts.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:10]


def ledger_for(tasks: int) -> Path:
    """The generated ledger of ``tasks`` tasks (generated on first use). Never write to it."""
    path = cache_dir() / f"ledger-{tasks}-s{SEED}-{_fingerprint()}.db"
    if not path.exists():
        for old in cache_dir().glob(f"ledger-{tasks}-s{SEED}-*.db"):
            old.unlink()
        part = path.with_name(path.name + ".part")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{part}{suffix}").unlink(missing_ok=True)
        generate.generate(part, tasks, seed=SEED)
        os.replace(part, path)
    return path


def private_copy(source: Path, target_dir: Path) -> Path:
    target = target_dir / source.name
    shutil.copyfile(source, target)
    return target
