"""Appending to the chain in user actions: events are inserted in seq order (ids follow seq), the
head is stored as the action commits, and an action that fails appends nothing."""

from datetime import date

import pytest
from sqlalchemy import func, select, text

from wuyang_tasks.db import audit
from wuyang_tasks.db.models import AuditEvent, LedgerMeta, Task
from wuyang_tasks.domain.chain import canonical_json
from wuyang_tasks.domain.enums import TaskStatus
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.workflow import Action
from wuyang_tasks.services import tasks as ts
from wuyang_tasks.services.evidence import verify_ledger


def _events_after(ledger, seq: int) -> list:
    with ledger.read() as s:
        return s.execute(select(AuditEvent.id, AuditEvent.seq, AuditEvent.entity, AuditEvent.action)
                         .where(AuditEvent.seq > seq).order_by(AuditEvent.seq)).all()


def _head(ledger) -> tuple[int, str]:
    with ledger.read() as s:
        seq, digest = s.get(LedgerMeta, audit.HEAD_KEY).value.split(":")
        return int(seq), digest


def _task_in(ledger, status: TaskStatus) -> int:
    with ledger.read() as s:
        return s.scalar(select(func.min(Task.id)).where(Task.status == status))


def test_events_of_user_actions_follow_seq_and_the_head(demo_ledger):
    cal, today = demo_ledger.calendar(), demo_ledger.today()
    start, _ = _head(demo_ledger)
    assigned = _task_in(demo_ledger, TaskStatus.ASSIGNED)
    in_progress = _task_in(demo_ledger, TaskStatus.IN_PROGRESS)
    with demo_ledger.write() as s:  # 签收, 开始办理 and the report: three events in one action
        ts.report_progress(s, assigned, report_date=today, text="已签收并开始排查。", today=today, cal=cal)
    with demo_ledger.write() as s:
        ts.transition(s, in_progress, Action.SUSPEND, today=today, cal=cal)
    with demo_ledger.write() as s:
        ts.transition(s, in_progress, Action.RESUME, today=today, cal=cal)
    events = _events_after(demo_ledger, start)
    assert [(e.entity, e.action) for e in events] == [
        ("task", "accept"), ("task", "start"), ("progress_report", "create"),
        ("task", "suspend"), ("task", "resume")]
    assert [e.seq for e in events] == list(range(start + 1, start + 6))
    ids = [e.id for e in events]
    assert ids == sorted(ids) and len(set(ids)) == 5
    seq, digest = _head(demo_ledger)
    with demo_ledger.read() as s:
        last = s.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq))
        assert (seq, digest) == (start + 5, last)
        assert s.get(Task, assigned).status is TaskStatus.IN_PROGRESS
    assert verify_ledger(demo_ledger).ok


def test_an_action_refused_at_commit_appends_nothing(ledger):
    """The event is inserted as it is appended, the task's own row at commit: a value refused
    there rolls the event back with it."""
    cal = ledger.calendar()
    with ledger.write() as s:
        task = ts.create_task(s, title="排查", today=date(2016, 7, 13), cal=cal)
    start = _head(ledger)
    with pytest.raises(ValidationError, match="任务的“备注”"):
        with ledger.write() as s:
            loaded = s.get(Task, task.id)
            loaded.note = "a\x00b"
            ts.transition(s, task.id, Action.CANCEL, today=date(2016, 7, 13), cal=cal)
    assert _head(ledger) == start and _events_after(ledger, start[0]) == []
    with ledger.read() as s:
        assert s.get(Task, task.id).status is TaskStatus.DRAFT
    assert verify_ledger(ledger).ok


def test_a_session_that_appends_nothing_leaves_the_head_alone(ledger):
    cal = ledger.calendar()
    with ledger.write() as s:
        ts.create_task(s, title="排查", today=date(2016, 7, 13), cal=cal)
    start = _head(ledger)
    with ledger.write() as s:  # commits, with no event: the hook must not store a head
        s.execute(text("SELECT 1"))
    assert _head(ledger) == start


@pytest.mark.parametrize("images", [
    [{"status": "DRAFT"}, {"status": "DRAFT"}, {"status": "ASSIGNED", "move_note": "按导入台账的状态"}],
    [{"percent": 1}, {"percent": True}, {"percent": 1}, {"percent": None}],  # equal keys, other texts
    [{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}, {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}],  # large
    [{"days": [1, 2]}, {"days": [1, 2]}, {"x": 0.0}, {"x": -0.0}],  # not keys, reals
])
def test_an_append_writes_each_image_as_canonical_json(images):
    """The events' before/after texts of one append: the moves' small images repeat and are
    written once (audit._Texts), each the text canonical_json writes of that very image."""
    texts = audit._Texts()
    assert [texts.of(image) for image in images] == [canonical_json(image) for image in images]
    assert texts.of(None) is None


def test_a_repeated_small_image_is_written_once(monkeypatch):
    written = []
    monkeypatch.setattr(audit, "canonical_json", lambda value: written.append(value) or "{}")
    texts = audit._Texts()
    for _ in range(3):
        texts.of({"status": "DRAFT"})
        texts.of({"id": 1, "title": "a", "code": "b", "note": None, "status": "DRAFT"})
    assert written.count({"status": "DRAFT"}) == 1 and len(written) == 4
