"""What any verify that reads the ledger from SQLite must spend, against the verify figure's
baseline (SHA-256 of every event's payload, the bytes already in memory) — issue 16's ≤ 1.5 ×.

    python -m benchmarks.verify_floor --sizes 10k,100k

Each part is what the database or hashlib needs with no program code around it, on the
benchmark's generated ledger (benchmarks.ledgers), best of ``--repeat``:

* ``baseline`` — the verify figure's baseline (benchmarks.figures.db.verify_baseline).
* ``rows: every column read`` — SQLite decoding every column of every row of the tables the row
  check covers (``max(length(col))`` per column, in C; nothing reaches Python). Any check of the
  rows against the events must at least read them.
* ``rows: canonical text`` — SQLite writing each row's canonical text (``json_object``, the form
  the row digests are taken of), in C, nothing fetched.
* ``events: stored bytes to Python`` — the cheapest way found to hand the events' bytes to
  Python: the payloads stored as one BLOB column (materialised beforehand, untimed; the ledger
  keeps the fields instead), concatenated by SQLite in parts of 10^4 (``group_concat``): a
  handful of Python objects instead of one per event.
* ``events: stored bytes, hashed as one stream`` — the same, fed to one SHA-256 (a chain of
  blocks instead of events would be about this).
* ``rows: canonical text, each hashed`` — the same texts fetched and hashed one by one: what a
  row's digest costs (the events record one per row).
* ``events: each row's last digest`` — (table, key, digest) of every event fetched into a dict:
  what the row check compares against, in the cheapest form found (a GROUP BY in SQL is slower).
* ``verify`` — the program's chain and row check (the verify figure's program side).

Two floors for a single-threaded verify follow: ``floor, a chain of events`` (the chain as
defined: every event hashed on its own, as the baseline does) is the baseline plus the rows'
reading plus the events' delivery; ``floor, a chain of blocks`` (were the chain redefined to
hash many events at once) is the streamed hashing plus each row's digest plus the last digests.
Neither counts the comparison itself.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import time
from pathlib import Path

from wuyang_tasks.db import row_state
from wuyang_tasks.db.row_replay import CHECKED_ELSEWHERE

from .figures import db as db_figures
from .harness import Probe
from .ledgers import ledger_for

_NINE = "prev_hash, seq, at, actor, entity, entity_id, action, before, after"
_PAYLOAD = (f"CAST(CASE WHEN row_key IS NULL AND row_digest IS NULL THEN json_array({_NINE}) "
            f"ELSE json_array({_NINE}, row_key, row_digest) END AS BLOB)")
PART = 10_000


def _best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _q(name: str) -> str:
    return f'"{name}"'


def _tables() -> list[row_state.RowShape]:
    return [shape for name, shape in row_state.shapes().items() if name not in CHECKED_ELSEWHERE]


def measure(n: int, path: Path, repeat: int) -> dict[str, float]:
    baseline = db_figures.verify_baseline(Probe(n, path, path.parent))
    program = db_figures.verify_program(Probe(n, path, path.parent))
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    columns = [(s.name, s.columns) for s in _tables()]

    every_column = [f'SELECT {", ".join(f"max(length({_q(c)}))" for c in cols)} FROM {_q(table)}'
                    for table, cols in columns]

    def read_columns():
        for sql in every_column:
            conn.execute(sql).fetchone()

    def canonical_text():
        for table, cols in columns:
            pairs = ", ".join(f"'{c}', \"{c}\"" for c in cols)
            conn.execute(f'SELECT sum(length(json_object({pairs}))) FROM "{table}"').fetchone()

    conn.execute("CREATE TEMP TABLE payload (id INTEGER PRIMARY KEY, bytes BLOB)")
    conn.execute(f"INSERT INTO temp.payload SELECT id, {_PAYLOAD} FROM audit_event")
    last = conn.execute("SELECT max(id) FROM temp.payload").fetchone()[0] or 0

    def parts():
        for first in range(0, last, PART):
            yield conn.execute("SELECT CAST(group_concat(bytes, x'') AS BLOB) FROM temp.payload "
                               "WHERE id > ? AND id <= ?", (first, first + PART)).fetchone()[0]

    def hashed_rows():
        for table, cols in columns:
            pairs = ", ".join(f"'{c}', \"{c}\"" for c in cols)
            for (text,) in conn.execute(f'SELECT CAST(json_object({pairs}) AS BLOB) FROM "{table}"'):
                hashlib.sha256(text).hexdigest()

    def last_digests():
        return {(entity, key if key is not None else ident): digest for entity, ident, key, digest in
                conn.execute("SELECT entity, entity_id, row_key, row_digest FROM audit_event")}

    def delivered():
        for _ in parts():
            pass

    def streamed():
        digest = hashlib.sha256()
        for part in parts():
            digest.update(part)

    figures = {"baseline": _best(repeat, baseline),
               "rows: every column read": _best(repeat, read_columns),
               "rows: canonical text": _best(repeat, canonical_text),
               "rows: canonical text, each hashed": _best(repeat, hashed_rows),
               "events: each row's last digest": _best(repeat, last_digests),
               "events: stored bytes to Python": _best(repeat, delivered),
               "events: stored bytes, hashed as one stream": _best(repeat, streamed),
               "verify": _best(repeat, program)}
    figures["floor, a chain of events"] = (figures["baseline"] + figures["rows: every column read"]
                                           + figures["events: stored bytes to Python"])
    figures["floor, a chain of blocks"] = (figures["events: stored bytes, hashed as one stream"]
                                           + figures["rows: canonical text, each hashed"]
                                           + figures["events: each row's last digest"])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.verify_floor",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k", help="comma-separated task counts (10k,100k)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    for size in args.sizes.split(","):
        n = int(size.lower().replace("k", "000"))
        figures = measure(n, ledger_for(n), args.repeat)
        base = figures["baseline"]
        print(f"## {n} tasks")
        print("| part | s | × baseline |\n|---|---:|---:|")
        for name, seconds in figures.items():
            print(f"| {name} | {seconds:.4f} | {seconds / base:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
