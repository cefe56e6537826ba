"""The audit chain's fast payload must be byte for byte what canonical_json writes: every
hash already stored was computed from canonical_json."""

from hypothesis import given
from hypothesis import strategies as st

from wuyang_tasks.domain.chain import canonical_json, event_hash, event_payload

texts = st.text() | st.none()
whole = st.integers() | st.none()


@given(st.text(), st.integers(), st.text(), st.text(), st.text(), whole, st.text(), texts, texts)
def test_payload_is_canonical_json(prev, seq, at, actor, entity, entity_id, action, before, after):
    fields = [prev, seq, at, actor, entity, entity_id, action, before, after]
    assert event_payload(*fields) == canonical_json(fields)


def test_other_types_fall_back_to_canonical_json():
    fields = ["0" * 64, 1, "t", "clerk", "task", True, "create", 1.5, None]  # bool, float
    assert event_payload(*fields) == canonical_json(fields)


def test_hash_of_a_known_event_is_unchanged():
    # computed with the original json.dumps implementation
    assert event_hash("0" * 64, 1, "2016-07-13T08:00:00.000000+00:00", "督查室", "task", 7, "create",
                      None, '{"title":"扬尘治理\\n“六个百分之百”"}') == \
        "5b1383ead4d3d673172a6c77355a9f272610954ec12768ecd56dcd063a049340"
