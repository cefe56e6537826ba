"""Figures on the ledger itself: the audit chain (verify, edits) and the task list read model.

Baselines use the sqlite3 module directly: the limit is what SQLite (and hashlib) can do with
the same rows, without SQLAlchemy, services or Python objects.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date

from wuyang_tasks.db import row_state
from wuyang_tasks.domain.chain import canonical_json, event_payload

from ..harness import Probe
from ..list_sql import LIST_SQL

# --------------------------------------------------------------------------- verify


def verify_program(probe: Probe):
    """What ``verify`` checks but SQLite's own integrity_check: the chain, then every row of
    every table against its events."""
    from wuyang_tasks.db.audit import verify_chain
    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.db.row_replay import last_seal
    from wuyang_tasks.services.evidence_rows import verify_rows

    ledger = open_ledger(probe.ledger, read_only=True)

    def run():
        with ledger.read() as s:
            result = verify_chain(s, rows_after=last_seal(s.connection()))
            rows = verify_rows(s, result.last_rows)
        if not (result.ok and rows.ok):
            raise AssertionError(result.message + rows.message)
        probe.note = f"{result.events} 条审计记录，{rows.events} 行"
    return run


def verify_baseline(probe: Probe):
    """SHA-256 of the very bytes verify hashes, already in memory."""
    conn = _ro(probe)
    payloads = [event_payload(*row).encode("utf-8") for row in conn.execute(
        "SELECT prev_hash, seq, at, actor, entity, entity_id, action, before, after, row_key, "
        "row_digest FROM audit_event ORDER BY seq")]
    probe.note = f"{len(payloads)} 条审计记录"

    def run():
        sha = hashlib.sha256
        for payload in payloads:
            sha(payload).hexdigest()
    return run


def _ro(probe: Probe) -> sqlite3.Connection:
    return sqlite3.connect(probe.ledger.resolve().as_uri() + "?mode=ro", uri=True)


# --------------------------------------------------------------------------- edits
EDIT_TASKS = 40  # per repetition; three actions each


def _in_progress_ids(conn: sqlite3.Connection, count: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT id FROM task WHERE status = 'IN_PROGRESS' ORDER BY id DESC LIMIT ?", (count,))]


def edits_program(probe: Probe):
    """进展反馈, 中止, 恢复办理 on 40 tasks: 120 user actions, one transaction each.

    Both sides flush their set-up to disk before timing (``os.sync``): each works on a fresh
    copy of the ledger (740 MB at 100k), and the program's open also makes the day's first
    backup — another full copy. Left in the page cache, that writeback lands in the timed
    commits' fsyncs, and the figure measured the disk, not the edits."""
    from wuyang_tasks.db.ledger import open_ledger
    from wuyang_tasks.domain.workflow import Action
    from wuyang_tasks.services import tasks as task_service

    ledger = open_ledger(probe.ledger)
    cal, today = ledger.calendar(), ledger.today()
    with ledger.read() as s:
        ids = _in_progress_ids(s.connection().connection.driver_connection, EDIT_TASKS)
    probe.note = f"{3 * len(ids)} 次操作，每次一个事务"
    os.sync()  # see the docstring

    def run():
        for task_id in ids:
            with ledger.write() as s:
                task_service.report_progress(s, task_id, report_date=today, text="本周完成排查整改12处。",
                                             percent=50, today=today, cal=cal)
            with ledger.write() as s:
                task_service.transition(s, task_id, Action.SUSPEND, today=today, cal=cal)
            with ledger.write() as s:
                task_service.transition(s, task_id, Action.RESUME, today=today, cal=cal)
    return run


def edits_baseline(probe: Probe):
    """The same rows written with sqlite3: same journal, same durability, same transactions; each
    event with the digest of the row it leaves, read back as the program does."""
    conn = sqlite3.connect(probe.ledger, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    ids = _in_progress_ids(conn, EDIT_TASKS)
    seq = conn.execute("SELECT max(seq) FROM audit_event").fetchone()[0]
    today = date.today().isoformat()
    digest = "0" * 64
    probe.note = f"{3 * len(ids)} 次操作，每次一个事务"
    os.sync()

    state = {}
    for name in ("task", "progress_report"):
        pairs = ", ".join(f"'{c}', {c}" for c in row_state.shapes()[name].columns)
        state[name] = f"SELECT CAST(json_object({pairs}) AS BLOB) FROM {name} WHERE id = ?"

    def event(task_id, entity, entity_id, action, before, after):
        nonlocal seq
        seq += 1
        row = hashlib.sha256(conn.execute(state[entity], (entity_id,)).fetchone()[0]).hexdigest()
        conn.execute("INSERT INTO audit_event (seq, at, actor, entity, entity_id, action, before, "
                     "after, prev_hash, hash, row_digest) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     (seq, "2026-01-01T00:00:00.000000+00:00", "clerk", entity, entity_id, action,
                      before, after, digest, digest, row))
        conn.execute("UPDATE ledger_meta SET value = ? WHERE key = 'audit_head'", (f"{seq}:{digest}",))

    def status(task_id, old, new, action):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE task SET status = ?, version = version + 1 WHERE id = ?", (new, task_id))
        event(task_id, "task", task_id, action, canonical_json({"status": old}),
              canonical_json({"status": new}))
        conn.execute("COMMIT")

    def run():
        for task_id in ids:
            conn.execute("BEGIN IMMEDIATE")
            row = {"task_id": task_id, "unit_id": None, "report_date": today,
                   "text": "本周完成排查整改12处。", "percent": 50, "created_at": today}
            cur = conn.execute("INSERT INTO progress_report (task_id, unit_id, report_date, text, "
                               "percent, created_at) VALUES (?,?,?,?,?,?)", tuple(row.values()))
            event(task_id, "progress_report", cur.lastrowid, "create", None,
                  canonical_json({"id": cur.lastrowid, **row}))
            conn.execute("COMMIT")
            status(task_id, "IN_PROGRESS", "SUSPENDED", "suspend")
            status(task_id, "SUSPENDED", "IN_PROGRESS", "resume")
    return run


# --------------------------------------------------------------------------- task list
FILTER_TEXT = "扬尘"
FILTER_UNIT = "县环保局"

TEXT_WHERE = ("WHERE t.title LIKE ?1 ESCAPE '\\' OR t.content LIKE ?1 ESCAPE '\\' "
              "OR t.code LIKE ?1 ESCAPE '\\'")
UNIT_WHERE = ("WHERE t.id IN (SELECT r.task_id FROM responsibility r JOIN unit u ON u.id = r.unit_id "
              "WHERE u.name = ?1 AND r.role IN ('LEAD_UNIT', 'COOPERATING_UNIT', 'TERRITORIAL_UNIT'))")


def _sql_side(where: str, params: tuple, order: str = "t.id"):
    def side(probe: Probe):
        conn = _ro(probe)
        sql = LIST_SQL.format(where=where, order=order)

        def run():
            rows = conn.execute(sql, params).fetchall()
            probe.note = f"{len(rows)} 行"
        return run
    return side


filter_text_baseline = _sql_side(TEXT_WHERE, (f"%{FILTER_TEXT}%",))
filter_unit_baseline = _sql_side(UNIT_WHERE, (FILTER_UNIT,))
sort_deadline_baseline = _sql_side("", (), order="t.deadline, t.id")
