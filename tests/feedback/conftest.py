"""The feedback tests run on the demo ledger (as of 2016-07-29: week 2016-W30)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from wuyang_tasks.db.models import Task
from wuyang_tasks.services import units

WEEK = (date(2016, 7, 25), date(2016, 7, 31))


class Demo:
    def __init__(self, ledger):
        self.ledger = ledger
        self.cal = ledger.calendar()
        self.today = ledger.today()

    def unit(self, name: str) -> int:
        with self.ledger.read() as s:
            return units.find_unit(s, name).id

    def task(self, code: str) -> SimpleNamespace:
        """The task's columns as they are now (a plain copy: no session behind it)."""
        with self.ledger.read() as s:
            task = s.scalar(select(Task).where(Task.code == code))
            return SimpleNamespace(**{c.key: getattr(task, c.key) for c in Task.__table__.c})


@pytest.fixture
def demo(demo_ledger):
    return Demo(demo_ledger)
