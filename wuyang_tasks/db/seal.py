"""Seal the audit chain: one event that records the head so far, then every row of every
table written as it stands (``carry_over``, its whole image).

The row check (services.evidence_rows) replays the events after the last seal. A migration
calls :func:`seal` when the events written so far cannot be replayed into the rows: ledgers
written before every write recorded all it changed (0003), or a revision that adds a column
whose values existing rows now hold. The chain is verified first; a broken chain is not
sealed over (:class:`ChainBroken`, and the migration — with it the upgrade — is undone).
"""

from __future__ import annotations

from sqlalchemy import Connection, MetaData, select

from . import audit
from .models import Base
from .writer import Writer

SEAL_ENTITY, SEAL_ACTION, CARRY_OVER = "ledger", "seal", "carry_over"


class ChainBroken(Exception):
    """The chain did not verify before sealing; ``message`` says where (in Chinese)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def seal(connection: Connection, reason: str) -> int:
    """Seal the chain on ``connection`` (in its transaction); returns the events appended, 0
    for an empty ledger (nothing to vouch for)."""
    session = Writer(bind=connection)
    session.info["actor"] = "结构升级"
    checked = audit.verify_chain(session)
    if not checked.ok:
        raise ChainBroken(checked.message)
    if checked.events == 0:
        return 0
    seq, digest = audit._head(session)
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
