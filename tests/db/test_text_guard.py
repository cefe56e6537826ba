"""NUL in text is refused the same way on both backends, naming the field; nothing is written."""

from datetime import date

import pytest
from sqlalchemy import func, select, text

from wuyang_tasks.db.models import Task, Unit
from wuyang_tasks.domain.enums import UnitKind
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import tasks, units
from wuyang_tasks.services.task_list import TaskFilter, list_tasks


def test_nul_in_a_name_is_refused_and_nothing_written(ledger):
    with pytest.raises(ValidationError, match="控制字符（NUL）"):
        with ledger.write() as s:
            units.add_unit(s, "县\x00环保局", UnitKind.DEPARTMENT)
    with ledger.read() as s:
        assert s.scalar(select(func.count(Unit.id))) == 0


def test_nul_in_an_edit_is_refused(ledger):
    cal = ledger.calendar()
    with ledger.write() as s:
        task = tasks.create_task(s, title="排查", today=date(2016, 7, 13), cal=cal)
    with pytest.raises(ValidationError, match="任务的“内容”"):
        with ledger.write() as s:
            tasks.update_task(s, task.id, expected_version=task.version, cal=cal, content="a\x00b")
    with ledger.read() as s:
        assert s.get(Task, task.id).content == ""


def test_nul_in_the_search_box_finds_as_without_it(demo_ledger):
    cal = demo_ledger.calendar()
    with demo_ledger.read() as s:
        plain = list_tasks(s, today=demo_ledger.today(), cal=cal, flt=TaskFilter(text="三里河"))
        with_nul = list_tasks(s, today=demo_ledger.today(), cal=cal, flt=TaskFilter(text="三里\x00河"))
    assert plain and [r.id for r in with_nul] == [r.id for r in plain]


def test_text_longer_than_its_column_is_refused_on_both_backends(ledger):
    with pytest.raises(ValidationError, match="人员的“名称”太长：51 个字，最多 50 个字"):
        with ledger.write() as s:
            units.add_person(s, "张" * 51)
    with ledger.write() as s:
        assert units.add_person(s, "张" * 50).id


@pytest.mark.sqlite_only
def test_a_value_already_stored_does_not_block_an_edit_of_another_field(ledger):
    """Only what the action sets is checked: a title SQLite kept before the check existed (longer
    than the column) does not make every later change of the task fail."""
    cal = ledger.calendar()
    with ledger.write() as s:
        task = tasks.create_task(s, title="排查", today=date(2016, 7, 13), cal=cal)
    with ledger.engine.begin() as conn:  # behind the program's back
        conn.execute(text("UPDATE task SET title = :t WHERE id = :i"), {"t": "长" * 301, "i": task.id})
    with ledger.write() as s:
        tasks.update_task(s, task.id, expected_version=None, cal=cal, category="大气污染防治")
    with pytest.raises(ValidationError, match="任务的“类别”太长：101 个字"):
        with ledger.write() as s:
            tasks.update_task(s, task.id, expected_version=None, cal=cal, category="长" * 101)
    with ledger.read() as s:
        assert s.get(Task, task.id).category == "大气污染防治"


def test_the_checks_belong_to_the_ledgers_sessions_only(ledger):
    """The flush check and the chain's append are registered on the ledger's writer
    (db.writer), not on every Session of the process as a side effect of an import: a session
    of another engine (a foreign file, a tool) flushes unchecked, a ledger session does not."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.orm import Session

    from wuyang_tasks.db import writer
    from wuyang_tasks.db.models import Base

    assert event.contains(writer.Writer, "before_flush", writer._before_flush)
    assert not event.contains(Session, "before_flush", writer._before_flush)
    assert not event.contains(Session, "before_commit", writer._before_commit)
    other = create_engine("sqlite://")
    Base.metadata.create_all(other, tables=[Unit.__table__])
    with Session(other) as s:  # not the program's ledger: nothing of the program's runs here
        s.add(Unit(name="县\x00环保局", kind=UnitKind.DEPARTMENT, sort_order=1))
        s.commit()
    with pytest.raises(ValidationError, match="控制字符（NUL）"):
        with ledger.write() as s:
            s.add(Unit(name="县\x00环保局", kind=UnitKind.DEPARTMENT, sort_order=1))
