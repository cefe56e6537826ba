"""Shared fixtures. Every test runs with its own data folder; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402

import pytest  # noqa: E402

from wuyang_tasks.db.ledger import open_ledger  # noqa: E402
from wuyang_tasks.services import demo  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WUYANG_TASKS_HOME", str(home))
    monkeypatch.delenv("WUYANG_TASKS_DB", raising=False)
    return home


@pytest.fixture
def ledger_path(tmp_path):
    return tmp_path / "ledger.db"


@pytest.fixture
def ledger(ledger_path):
    led = open_ledger(ledger_path)
    yield led
    led.dispose()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    """The demo ledger is built once per test run and copied for each test that wants it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    led = open_ledger(path)
    demo.build_demo(led)
    led.dispose()
    return path


@pytest.fixture
def demo_ledger(_demo_template, tmp_path):
    import shutil

    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, path)
    led = open_ledger(path)
    yield led
    led.dispose()


REFERENCE_DAY = date(2016, 7, 29)
