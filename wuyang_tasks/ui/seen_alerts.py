"""Which BLUE/RED alerts the clerk has seen, per ledger — outside settings.ini.

At 10^5 tasks the seen ids ran to 154 KB of settings.ini, and every look at the task ledger
rewrote that file with them. They live instead in one small file per ledger in the data
folder's ``reminders`` folder: the ids sorted, as differences, compressed (a few KB at 10^5).
Only the files of the KEPT_LEDGERS ledgers used last are kept; older ones are removed, and
the keys that earlier versions left in settings.ini are dropped on first use.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from wuyang_tasks import paths
from wuyang_tasks.fileio import atomic_path

KEPT_LEDGERS = 10
LEGACY_GROUP = "reminders"  # settings.ini group of earlier versions
LEVELS = ("BLUE", "RED")


def folder() -> Path:
    return paths.data_dir() / "reminders"


def _encode(seen: set[str]) -> bytes:
    numbers = sorted(int(key.split(":")[0]) * 2 + LEVELS.index(key.split(":")[1]) for key in seen)
    deltas = [b - a for a, b in zip([0] + numbers, numbers)]
    return zlib.compress(",".join(map(str, deltas)).encode("ascii"), 9)


def _decode(data: bytes) -> set[str]:
    text = zlib.decompress(data).decode("ascii")
    total, seen = 0, set()
    for delta in filter(None, text.split(",")):
        total += int(delta)
        seen.add(f"{total // 2}:{LEVELS[total % 2]}")
    return seen


def load(ledger_key: str) -> set[str]:
    path = folder() / f"{ledger_key}.seen"
    try:
        return _decode(path.read_bytes())
    except (OSError, ValueError, zlib.error, IndexError):
        return set()  # never seen (or an unreadable file): every alert counts as new


def save(ledger_key: str, seen: set[str]) -> None:
    folder().mkdir(parents=True, exist_ok=True)
    with atomic_path(folder() / f"{ledger_key}.seen") as tmp:
        tmp.write_bytes(_encode({k for k in seen if k.split(":")[-1] in LEVELS}))
    _prune()


def _prune() -> None:
    files = sorted(folder().glob("*.seen"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEPT_LEDGERS:]:
        old.unlink(missing_ok=True)


def drop_legacy(settings) -> None:
    if settings.childGroups().count(LEGACY_GROUP):
        settings.remove(LEGACY_GROUP)
        settings.sync()
