"""A throw-away PostgreSQL cluster for the test suite.

The database tests run on SQLite and on a real PostgreSQL server. Unless ``WUYANG_TEST_PG_URL``
names a server to use, the suite starts its own cluster from the Debian ``postgresql`` package:
``initdb`` into a temporary folder, a free port on 127.0.0.1, a Unix socket inside the data
folder, and settings that trade durability for speed (``fsync=off``) since the cluster is
deleted at the end. ``initdb`` refuses to run as root, so as root (CI) the cluster is run by the
``postgres`` system user.

Every test gets a database of its own, created from a template (``CREATE DATABASE … TEMPLATE``):
an empty migrated ledger or the demo ledger, each built once per run.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

SUPERUSER = "postgres"
PASSWORD_USER = "wuyang_pw_test"  # the one role that must give a password (scram) in tests
PASSWORD = "口令-test-1"
FAST_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "60",
    "shared_buffers": "32MB",
    "listen_addresses": "'127.0.0.1'",
    "log_min_messages": "fatal",
}


class ServerUnavailable(RuntimeError):
    """The cluster could not be started; the message says why."""


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ServerUnavailable("PostgreSQL is not installed (no initdb): run `sh tools/setup_system.sh test` "
                            "(Debian package postgresql) or set WUYANG_TEST_PG_URL")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    """A running test cluster; ``url`` connects as the superuser over TCP."""

    url: URL
    data_dir: Path | None = None
    _run_as: list[str] = field(default_factory=list)
    _bin: Path | None = None

    def admin_engine(self):
        return create_engine(self.url.set(database="postgres"), isolation_level="AUTOCOMMIT")

    def stop(self) -> None:
        if self.data_dir is None:
            return
        subprocess.run([*self._run_as, str(self._bin / "pg_ctl"), "stop", "-D", str(self.data_dir),
                        "-m", "immediate", "-w"], capture_output=True, timeout=60)
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)
        self.data_dir = None


def start_cluster() -> Cluster:
    """Start a fresh cluster (or use WUYANG_TEST_PG_URL). Raises ServerUnavailable with the reason."""
    given = os.environ.get("WUYANG_TEST_PG_URL")
    if given:
        url = make_url(given)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        _wait_ready(url, timeout=10)
        return Cluster(url=url)
    bindir = _bin_dir()
    run_as: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="wuyang-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        run_as = ["runuser", "-u", "postgres", "--"]
        os.chmod(base, 0o755)
        shutil.chown(base, "postgres", "postgres")
    _run([*run_as, "sh", "-c", f"umask 077; mkdir -p '{data}'"])
    _run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
          "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], "initdb")
    port = _free_port()
    settings = dict(FAST_SETTINGS, port=str(port), unix_socket_directories=f"'{data}'")
    conf = "".join(f"{k} = {v}\n" for k, v in settings.items())
    hba = (f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n"
           "local all all trust\nhost all all 127.0.0.1/32 trust\n")
    _run([*run_as, "sh", "-c", f"cat >> '{data}/postgresql.conf' <<'EOF'\n{conf}EOF\n"
                               f"cat > '{data}/pg_hba.conf' <<'EOF'\n{hba}EOF\n"])
    _run([*run_as, str(bindir / "pg_ctl"), "start", "-D", str(data), "-w", "-t", "60",
          "-l", str(base / "server.log")], "pg_ctl start", log=base / "server.log")
    url = URL.create("postgresql+psycopg", username=SUPERUSER, host="127.0.0.1", port=port,
                     database="postgres")
    cluster = Cluster(url=url, data_dir=data, _run_as=run_as, _bin=bindir)
    _watchdog(run_as, bindir, data, base)
    try:
        _wait_ready(url, timeout=30)
        with cluster.admin_engine().connect() as conn:
            conn.execute(text(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'"))
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _watchdog(run_as: list[str], bindir: Path, data: Path, base: Path) -> None:
    """Stop and delete the cluster when the test process dies without cleaning up (killed by a
    timeout, Ctrl-C twice), so that no orphaned server is left running."""
    script = (f"while [ -d /proc/{os.getpid()} ]; do sleep 2; done; "
              f"if [ -d '{data}' ]; then '{bindir / 'pg_ctl'}' stop -D '{data}' -m immediate -w; "
              f"rm -rf '{base}'; fi")
    subprocess.Popen([*run_as, "sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True, cwd="/")


def _run(cmd: list[str], what: str | None = None, log: Path | None = None) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServerUnavailable(f"{what or cmd[0]} failed: {exc}") from None
    if done.returncode != 0:
        extra = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        raise ServerUnavailable(f"{what or ' '.join(cmd)} failed ({done.returncode}): "
                                f"{done.stderr.strip() or done.stdout.strip()}\n{extra}")


def _wait_ready(url: URL, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        while True:
            try:
                with engine.connect() as conn:
                    conn.execute(text("SELECT 1"))
                return
            except Exception as exc:
                if time.monotonic() > deadline:
                    raise ServerUnavailable(f"PostgreSQL at {url.render_as_string()} "
                                            f"does not answer: {exc}") from None
                time.sleep(0.2)
    finally:
        engine.dispose()


class Databases:
    """Per-test databases cloned from templates built once per run.

    ``CREATE DATABASE … TEMPLATE`` costs 0.1–0.4 s on a busy machine, so the next database of
    each template is made in a background thread while the current test runs."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        self.admin = cluster.admin_engine()
        self._templates: dict[str, str] = {}
        self._numbers = itertools.count(1)
        self._prefix = f"wyt{os.getpid()}"
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-template")
        self._spare: dict[str | None, Future] = {}

    def url(self, name: str) -> URL:
        return self.cluster.url.set(database=name)

    def template(self, kind: str, build) -> str:
        """Name of the template database ``kind``; ``build(url)`` fills it the first time."""
        if kind not in self._templates:
            name = f"{self._prefix}_tpl_{kind}"
            self._exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._exec(f'CREATE DATABASE "{name}"')
            build(self.url(name))
            self._templates[kind] = name
        return self._templates[kind]

    def create(self, template: str | None = None) -> str:
        spare = self._spare.pop(template, None)
        name = spare.result() if spare else self._create(template)
        self._spare[template] = self._worker.submit(self._create, template)
        return name

    def _create(self, template: str | None) -> str:
        name = f"{self._prefix}_t{next(self._numbers)}"
        clause = f' TEMPLATE "{template}"' if template else ""
        self._exec(f'CREATE DATABASE "{name}"{clause}')
        return name

    def drop(self, name: str) -> None:
        self._exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _exec(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def close(self) -> None:
        for spare in self._spare.values():
            self.drop(spare.result())
        self._worker.shutdown()
        for name in self._templates.values():
            self.drop(name)
        self.admin.dispose()
