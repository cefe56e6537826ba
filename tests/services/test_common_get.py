"""services.common.get: the row loaded as session.get loads it, with its prebuilt statement."""

import pytest
from sqlalchemy import event

from wuyang_tasks.db.models import Unit
from wuyang_tasks.domain.enums import UnitKind
from wuyang_tasks.domain.errors import NotFound
from wuyang_tasks.services import units
from wuyang_tasks.services.common import get


@pytest.fixture
def statements(ledger):
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_):
        seen.append(statement.split()[0].upper())

    event.listen(ledger.engine, "before_cursor_execute", note)
    yield seen
    event.remove(ledger.engine, "before_cursor_execute", note)


def test_get_loads_once_flushes_first_and_names_what_is_missing(ledger, statements):
    with ledger.write() as s:
        a = units.add_unit(s, "县环保局", UnitKind.DEPARTMENT)
        b = units.add_unit(s, "舞泉镇", UnitKind.TOWNSHIP)
    with ledger.write() as s:
        first = get(s, Unit, a.id, "单位")
        first.short_name = "环保局"  # not flushed yet: the look-up of b writes it first
        statements.clear()
        second = get(s, Unit, b.id, "单位")
        assert (second.id, second.name) == (b.id, "舞泉镇")
        assert statements == ["UPDATE", "SELECT"]
        statements.clear()
        assert get(s, Unit, a.id, "单位") is first and get(s, Unit, b.id, "单位") is second
        assert statements == []  # already in the session: no statement
        with pytest.raises(NotFound, match=r"找不到单位（编号 999999）"):
            get(s, Unit, 999999, "单位")
    with ledger.read() as s:
        assert get(s, Unit, a.id, "单位").short_name == "环保局"
