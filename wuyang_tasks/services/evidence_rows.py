"""Every row of the ledger against the audit chain, by digest.

The chain proves that its own events were not changed; this check proves that the tables
still say what the events say. Each event names the row it leaves behind and records the
digest of that row's stored state (db.row_state, ``domain.chain.row_digest``; covered by the
event's hash), so a row is checked by hashing it once and comparing with the digest of its
last event after the last seal — no event is parsed. A row without an event, a row whose last
event deleted it, a row gone that its last event left, or a digest that differs is then named
by the replay of that row's events (db.row_replay: table, row, column, the event), the rare
path. Rules that are not the row's state: file contents (``blob_chunk``) are checked by their
hash (services.attachment_check), ledger_meta's chain head by the chain itself, and a mapper's
``version_id_col`` is not part of a row's state (it counts flushes, not facts).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from wuyang_tasks.db import row_state
from wuyang_tasks.db.audit import HEAD_KEY, VerifyResult
from wuyang_tasks.db.row_replay import CHECKED_ELSEWHERE, MAX_PROBLEMS, name_rows, outcome


def verify_rows(session: Session, last_rows: dict[str, dict]) -> VerifyResult:
    """Each row against ``last_rows`` (entity → {row key → digest} of the last event of each
    row after the last seal: ``db.audit.verify_chain(rows_after=db.row_replay.last_seal(…))``
    notes them while it checks the chain, in the same pass over the events)."""
    connection = session.connection()
    problems: list[str] = []
    checked = 0
    for name, shape in row_state.shapes().items():
        if name in CHECKED_ELSEWHERE:
            continue
        expected = dict(last_rows.get(name, ()))
        rows = _Rows(expected, HEAD_KEY if name == "ledger_meta" else None)
        row_state.visit_digests(connection, shape, rows.visit)
        checked += rows.checked
        differing = rows.differing + [key for key, digest in expected.items() if digest is not None]
        if differing:  # changed, added; gone
            name_rows(connection, name, differing[:MAX_PROBLEMS], problems)
            if len(problems) >= MAX_PROBLEMS:
                break
    return outcome(problems, checked)


class _Rows:
    """One table's rows against ``expected`` (row key → digest): what is left in it after the
    visit are the rows its events leave that were not found."""

    def __init__(self, expected: dict, skipped):
        self.pop = expected.pop
        self.skipped = skipped  # ledger_meta's chain head: the chain checks it
        self.checked = 0
        self.differing: list = []

    def visit(self, key, digest: str) -> None:
        if key == self.skipped:
            return
        self.checked += 1
        if self.pop(key, None) != digest:
            self.differing.append(key)
