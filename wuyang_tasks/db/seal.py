"""Seal the audit chain: one event that records the head so far, then every row of every
table written as it stands (``carry_over``, its whole image and — since 0006 — its digest).

The row check (services.evidence_rows) reads the events after the last seal. A migration
calls :func:`seal` when the events written so far cannot vouch for the rows: ledgers written
before every write recorded all it changed (0005), before events carried their row's digest
(0006), or a revision that adds a column whose values existing rows now hold. The chain is
verified first, and the rows too when the migration gives a check; what does not verify is not
sealed over (:class:`ChainBroken`, and the migration — with it the upgrade — is undone).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Column, Connection, MetaData, String, inspect, select
from sqlalchemy.orm import Session

from . import audit
from .models import Base
from .writer import Writer

SEAL_ENTITY, SEAL_ACTION, CARRY_OVER = "ledger", "seal", "carry_over"


def add_row_columns(op) -> None:
    """Add audit_event's row_key and row_digest (revision 0006) if the ledger has none yet.

    Revision 0005 calls it too, before it seals: the sealing code is today's, which writes
    events of 0006's form. A ledger sealed by 0005 before 0006 existed gets them in 0006."""
    present = {c["name"] for c in inspect(op.get_bind()).get_columns("audit_event")}
    for column in (Column("row_key", String(60)), Column("row_digest", String(64))):
        if column.name not in present:
            op.add_column("audit_event", column)


class ChainBroken(Exception):
    """The chain did not verify before sealing; ``message`` says where (in Chinese)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def seal(connection: Connection, reason: str,
         rows_check: Callable[[Session], audit.VerifyResult] | None = None) -> int:
    """Seal the chain on ``connection`` (in its transaction); returns the events appended, 0
    for an empty ledger (nothing to vouch for). ``rows_check`` checks the rows against the
    events so far, after the chain (the row replay, db.row_replay)."""
    session = Writer(bind=connection)
    session.info["actor"] = "结构升级"
    checked = audit.verify_chain(session)
    if checked.ok and rows_check is not None:
        checked = rows_check(session)
    if not checked.ok:
        raise ChainBroken(checked.message)
    seq, digest = audit._head(session)
    if seq == 0:
        return 0
    at = session.at
    reflected = MetaData()
    reflected.reflect(bind=connection, only=[t.name for t in Base.metadata.sorted_tables])

    def events():
        yield at, SEAL_ENTITY, None, SEAL_ACTION, {"head": f"{seq}:{digest}"}, {"reason": reason}
        for mapped in Base.metadata.sorted_tables:
            if mapped.name == "audit_event":
                continue
            table = reflected.tables[mapped.name]
            keys = list(table.primary_key.columns)
            for row in connection.execute(select(table).order_by(*keys)).mappings():
                if mapped.name == "ledger_meta" and row["key"] == audit.HEAD_KEY:
                    continue
                image = audit.snapshot_of_row(dict(row))
                entity_id = row["id"] if "id" in row else None
                yield at, mapped.name, entity_id, CARRY_OVER, None, image

    count = session.events(events())
    session.finish()
    session.close()
    return count
