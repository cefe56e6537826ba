"""佐证材料 benchmark: what attached files cost the ledger, and what verify costs with them.

    python -m benchmarks.attachments                  # 1 GB of attachments (40 files of 25.6 MB)
    python -m benchmarks.attachments --mb 256         # a quicker run
    python -m benchmarks.attachments --db postgresql+psycopg://user@host/empty_db   # on a server

Figures (one JSON line each):

* ``growth_per_mb`` — growth of the ledger (SQLite: the file with its WAL checkpointed;
  PostgreSQL: ``pg_database_size``) per MB attached, against 1.0 (the bytes themselves).
* ``verify_attachments`` — ``services.attachment_check.verify_attachments`` over the ledger
  (reading every chunk back from the database and hashing it), against the baseline: SHA-256
  of the same bytes already in memory, in 1 MiB blocks (hashlib, the plain library).
* ``verify_ledger`` — the whole ``wuyang-tasks verify`` (file check, chain, rows, attachments)
  against the same baseline.

The files are random bytes behind a PDF header (incompressible, like photos); each is written
to a temporary file and attached through ``services.attachments`` as the CLI does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from wuyang_tasks.db import blobs
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.services import attachments as att
from wuyang_tasks.services import tasks as task_service
from wuyang_tasks.services.attachment_check import verify_attachments
from wuyang_tasks.services.evidence import verify_ledger

MB = 1024 * 1024
FILE_MB = 25.6  # a large phone photo or a scan: 40 of them make 1 GB


def _size(ledger) -> int:
    if ledger.is_sqlite:
        with ledger.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(p.stat().st_size for p in ledger.path.parent.glob(ledger.path.name + "*"))
    with ledger.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar()


def _file(folder: Path, n: int, size: int) -> Path:
    path = folder / f"扫描件{n:03d}.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(size - 9))
    return path


def run(total_mb: float, db: str | None) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ledger = open_ledger(db or folder / "ledger.db")
        before = _size(ledger)
        size = int(FILE_MB * MB)
        count = max(1, round(total_mb / FILE_MB))
        start = time.perf_counter()
        for n in range(count):
            path = _file(folder, n, size)
            with ledger.write() as s:  # a task each: within the 200 MB per record
                task_id = task_service.create_task(s, title=f"城区建筑工地扬尘整治{n + 1}",
                                                   today=ledger.today(), cal=ledger.calendar()).id
                att.attach(s, att.Target(task_id=task_id), [att.IncomingFile.from_path(path)])
            path.unlink()
        attach_s = time.perf_counter() - start
        attached = count * size
        growth = (_size(ledger) - before) / attached

        with ledger.read() as s:
            t0 = time.perf_counter()
            result = verify_attachments(s)
            verify_s = time.perf_counter() - t0
        assert result.ok, result.message
        t0 = time.perf_counter()
        full = verify_ledger(ledger)
        full_s = time.perf_counter() - t0
        assert full.ok, full.message

        # baseline: SHA-256 of the same bytes, in memory, block by block (as they are read back)
        with ledger.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(text("SELECT id FROM blob ORDER BY id"))]
            sample = b"".join(blobs.read_chunks(conn, ids[0]))
        t0 = time.perf_counter()
        for _ in ids:
            h = hashlib.sha256()
            for i in range(0, len(sample), blobs.CHUNK):
                h.update(sample[i:i + blobs.CHUNK])
            h.hexdigest()
        base_s = time.perf_counter() - t0
        ledger.dispose()
    note = f"{count} files × {size / MB:.1f} MB = {attached / MB:.0f} MB, {'SQLite' if db is None else 'PostgreSQL'}"
    return [
        {"name": "growth_per_mb", "value": round(growth, 4), "baseline": 1.0, "ratio": round(growth, 4),
         "note": note + f"; attaching took {attach_s:.1f} s ({attached / MB / attach_s:.0f} MB/s)"},
        {"name": "verify_attachments", "value_s": round(verify_s, 3), "baseline_s": round(base_s, 3),
         "ratio": round(verify_s / base_s, 2), "note": note},
        {"name": "verify_ledger", "value_s": round(full_s, 3), "baseline_s": round(base_s, 3),
         "ratio": round(full_s / base_s, 2), "note": note + "; chain, rows and attachments"},
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.attachments")
    parser.add_argument("--mb", type=float, default=1024, help="MB of attachments (default 1024)")
    parser.add_argument("--db", help="an empty PostgreSQL database URL (default: a SQLite file)")
    args = parser.parse_args(argv)
    for figure in run(args.mb, args.db):
        print(json.dumps(figure, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
