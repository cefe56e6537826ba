"""On SQLite, the database writes the bytes that are hashed: each event's payload (json_array,
for verify_chain) and each row's canonical text (json_object, for the row digests). Those bytes
must be exactly the Python definition's (domain.chain) for every value an event or a row can
hold: every hash and digest already stored was computed from it."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, Column, Date, Integer, MetaData, Table, Text, create_engine, insert

from wuyang_tasks.db import audit, row_state
from wuyang_tasks.db.models import AuditEvent
from wuyang_tasks.domain.chain import GENESIS, event_hash, row_digest

texts = st.text()
optional_texts = st.text() | st.none()
whole = st.integers(min_value=-(2**63), max_value=2**63 - 1)

engine = create_engine("sqlite://")
AuditEvent.__table__.create(engine)
ROWS = Table("sample", MetaData(), Column("id", Integer, primary_key=True), Column("t", Text),
             Column("n", Integer), Column("b", Boolean), Column("d", Date))
ROWS.create(engine)
SHAPE = row_state.RowShape(ROWS, "id", ("b", "d", "id", "n", "t"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(texts, texts, texts, whole | st.none(), texts, optional_texts,
                          optional_texts, optional_texts, optional_texts), min_size=1, max_size=20))
def test_sqlite_writes_the_payload_python_writes(events):
    rows, prev = [], GENESIS
    for seq, (at, actor, entity, entity_id, action, before, after, key, digest) in enumerate(events, 1):
        hashed = event_hash(prev, seq, at, actor, entity, entity_id, action, before, after, key, digest)
        rows.append(dict(id=seq, seq=seq, prev_hash=prev, hash=hashed, at=at, actor=actor,
                         entity=entity, entity_id=entity_id, action=action, before=before,
                         after=after, row_key=key, row_digest=digest))
        prev = hashed
    with engine.begin() as conn:
        conn.execute(AuditEvent.__table__.delete())
        conn.execute(insert(AuditEvent.__table__), rows)
        links = audit._Links(None)
        assert audit._sqlite_chain(conn, links)  # every payload hashed to its stored hash
        assert (links.count, links.prev) == (len(rows), prev)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(optional_texts, whole | st.none(), st.booleans() | st.none(),
                          st.dates(min_value=date(1, 1, 1)) | st.none()), min_size=1, max_size=20))
def test_sqlite_writes_the_row_text_python_writes(values):
    rows = [dict(id=i, t=t, n=n, b=b, d=d) for i, (t, n, b, d) in enumerate(values, 1)]
    with engine.begin() as conn:
        conn.execute(ROWS.delete())
        conn.execute(insert(ROWS), rows)
        by_sqlite = {}
        row_state.visit_digests(conn, SHAPE, by_sqlite.__setitem__)
        read_back = row_state.digests(conn, SHAPE, [row["id"] for row in rows])
        raw = conn.exec_driver_sql(row_state._python_text(conn, SHAPE))  # PostgreSQL's path
        by_python_reading = dict(row_state._python_digests(SHAPE, raw))
    defined = {row["id"]: row_digest(row) for row in rows}
    assert by_sqlite == read_back == by_python_reading == defined
