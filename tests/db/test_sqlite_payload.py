"""On SQLite, verify lets the database write each event's hashed payload (json_array). Those
bytes must be exactly domain.chain.event_payload's for every value an event can hold: every
hash already stored was computed from it."""

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, insert

from wuyang_tasks.db import audit
from wuyang_tasks.db.models import AuditEvent

texts = st.text()
optional_texts = st.text() | st.none()
whole = st.integers(min_value=-(2**63), max_value=2**63 - 1)

engine = create_engine("sqlite://")
AuditEvent.__table__.create(engine)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(texts, whole, texts, texts, texts, whole | st.none(), texts,
                          optional_texts, optional_texts), min_size=1, max_size=20,
                unique_by=lambda event: event[1]))
def test_sqlite_writes_the_payload_python_writes(events):
    rows = [dict(id=i, seq=seq, prev_hash=prev, hash="h", at=at, actor=actor, entity=entity,
                 entity_id=entity_id, action=action, before=before, after=after)
            for i, (prev, seq, at, actor, entity, entity_id, action, before, after)
            in enumerate(events, start=1)]
    with engine.begin() as conn:
        conn.execute(AuditEvent.__table__.delete())
        conn.execute(insert(AuditEvent.__table__), rows)
        by_sqlite = sorted(row for batch in audit._sqlite_payloads(conn) for row in batch)
        by_python = sorted(row for batch in audit._python_payloads(conn) for row in batch)
    assert by_sqlite == by_python
