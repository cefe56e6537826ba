"""Helpers for the intake tests: the state of a ledger, to prove a refused import changed nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from wuyang_tasks.db.models import Base, LedgerMeta


def ledger_state(ledger) -> dict:
    """Row count of every table and the audit head."""
    with ledger.read() as s:
        counts = {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
        head = s.get(LedgerMeta, "audit_head")
        counts["audit_head"] = head.value if head else None
    return counts


@pytest.fixture
def state():
    return ledger_state
