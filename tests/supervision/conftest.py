"""Shared helpers for the supervision tests: the demo ledger's names."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from wuyang_tasks.db.models import Task
from wuyang_tasks.services import checklists, units


class Demo:
    def __init__(self, ledger):
        self.ledger = ledger
        self.cal = ledger.calendar()

    def unit(self, name):
        with self.ledger.read() as s:
            return units.find_unit(s, name).id

    def person(self, name):
        with self.ledger.read() as s:
            return units.find_person(s, name).id

    def template(self, name):
        with self.ledger.read() as s:
            return checklists.template_view(s, checklists.find_template(s, name).id)

    def task_id(self, title_part):
        with self.ledger.read() as s:
            return s.scalar(select(Task.id).where(Task.title.contains(title_part)).order_by(Task.id))


@pytest.fixture
def demo(demo_ledger):
    return Demo(demo_ledger)
