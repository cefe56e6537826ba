"""Shared fixtures. Every test runs with its own data folder; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402

import pytest  # noqa: E402

from tests import pg_server  # noqa: E402
from wuyang_tasks.db.ledger import open_ledger  # noqa: E402
from wuyang_tasks.services import demo  # noqa: E402

BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """Every test that uses ``ledger`` or ``demo_ledger`` runs on SQLite and on PostgreSQL;
    ``@pytest.mark.sqlite_only`` keeps a test that is about the SQLite file on SQLite alone."""
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", ["sqlite"] if only else list(BACKENDS))


_exit_status: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave the test process without the interpreter's final garbage collection once Qt was
    used. After the whole window suite (about 700 windows and dialogs in one process)
    shiboken's teardown at finalization drops one reference too many on None and the process
    aborts (exit 134) after every test has passed and been reported; no single test file does
    it, and the program itself exits cleanly (tests/ui/test_program_exit.py runs it in its own
    process). The results are printed and the PostgreSQL server stopped before this hook."""
    import sys

    if "PySide6" in sys.modules and _exit_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server for the whole run (see tests/pg_server.py). In CI a server that cannot
    be started fails the tests; elsewhere they are skipped with the reason."""
    try:
        cluster = pg_server.start_cluster()
    except pg_server.ServerUnavailable as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL test server could not be started (CI needs it): {exc}",
                        pytrace=False)
        pytest.skip(f"PostgreSQL test server not available: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_databases(pg_cluster):
    dbs = pg_server.Databases(pg_cluster)
    yield dbs
    dbs.close()


def _pg_template(pg_databases, kind: str) -> str:
    def build(url):
        led = open_ledger(url)
        if kind == "demo":
            demo.build_demo(led)
        led.dispose()

    return pg_databases.template(kind, build)


@pytest.fixture
def pg_ledger_url(pg_databases):
    """A fresh empty (migrated) PostgreSQL ledger database for one test."""
    name = pg_databases.create(_pg_template(pg_databases, "empty"))
    yield pg_databases.url(name)
    pg_databases.drop(name)


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
def ledger(backend, request):
    if backend == "sqlite":
        led = open_ledger(request.getfixturevalue("ledger_path"))
    else:
        led = open_ledger(request.getfixturevalue("pg_ledger_url"))
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
def demo_ledger(backend, request, tmp_path):
    import shutil

    if backend == "sqlite":
        path = tmp_path / "demo.db"
        shutil.copyfile(request.getfixturevalue("_demo_template"), path)
        led = open_ledger(path)
        yield led
        led.dispose()
        return
    dbs = request.getfixturevalue("pg_databases")
    name = dbs.create(_pg_template(dbs, "demo"))
    led = open_ledger(dbs.url(name))
    yield led
    led.dispose()
    dbs.drop(name)


REFERENCE_DAY = date(2016, 7, 29)
