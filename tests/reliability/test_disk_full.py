"""A full disk or a denied permission while writing a backup or an export: a clear message, the
previous file untouched, no partial file left, the ledger unharmed.

The full disk is real: a child process runs with ``RLIMIT_FSIZE`` (writes beyond it fail with
EFBIG, as on a FAT32 stick at 4 GB). Permission errors are mocked, because root — as in the
development container — may write anywhere.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wuyang_tasks import fileio
from wuyang_tasks.db import backup
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.fileio import FileWriteError, atomic_path
from wuyang_tasks.services.evidence import verify_ledger

from .helpers import copy_demo, digest, folder_state

pytestmark = pytest.mark.sqlite_only

LIMITED = """
import json, resource, signal, sys
from pathlib import Path
from wuyang_tasks.db import backup
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.exports.ledger_xlsx import write_ledger_xlsx
from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services.documents import build_ledger
import openpyxl  # imported before the limit

what, ledger_path, target, limit = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
doc = None
if what.startswith("export"):
    from datetime import date
    from wuyang_tasks.exports.accountability import write_accountability_xlsx
    from wuyang_tasks.exports.briefing_xlsx import write_briefing_xlsx
    from wuyang_tasks.services.document_lists import build_accountability
    from wuyang_tasks.services.documents import build_briefing
    led = open_ledger(ledger_path, read_only=True)
    with led.read() as s:
        today, cal = led.today(), led.calendar()
        doc = {"export": lambda: build_ledger(s, today=today, cal=cal),
               "export-briefing": lambda: build_briefing(s, start=date(2016, 7, 23), end=today,
                                                         today=today, cal=cal, keep_issue=False),
               "export-accountability": lambda: build_accountability(s, today=today, cal=cal,
                                                                     whole_county=True)}[what]()
    led.dispose()
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
try:
    if what == "atomic":
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"x" * (limit * 4))
    elif what == "backup":
        backup.backup_file(ledger_path)
    elif what == "backup-o":
        backup.backup_file(ledger_path, target=target)
    elif what == "export":
        write_ledger_xlsx(doc, target)
    elif what == "export-briefing":
        write_briefing_xlsx(doc, target)
    elif what == "export-accountability":
        write_accountability_xlsx(doc, target)
    print(json.dumps({"error": None}))
except LedgerError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": exc.message}, ensure_ascii=False))
"""


@pytest.fixture
def office(tmp_path, _demo_template):
    folder = tmp_path / "office"
    folder.mkdir()
    copy_demo(_demo_template, folder / "ledger.db")
    (folder / "previous.xlsx").write_bytes(b"the previous export, must survive")
    return folder


def run_limited(what: str, ledger_path: Path, target: Path, limit: int) -> dict:
    done = subprocess.run([sys.executable, "-c", LIMITED, what, str(ledger_path), str(target), str(limit)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("what, target_name, limit, words", [
    ("atomic", "previous.xlsx", 64 * 1024, "文件太大"),
    ("backup", "unused", 64 * 1024, "磁盘空间不足、文件过大或磁盘出错"),
    ("backup-o", "previous.xlsx", 64 * 1024, "磁盘空间不足、文件过大或磁盘出错"),
    ("export", "previous.xlsx", 4 * 1024, "文件太大"),
    ("export-briefing", "previous.xlsx", 4 * 1024, "文件太大"),
    ("export-accountability", "previous.xlsx", 4 * 1024, "文件太大"),
])
def test_a_real_size_limit_leaves_nothing_behind(office, what, target_name, limit, words):
    ledger_path = office / "ledger.db"
    before = folder_state(office)
    result = run_limited(what, ledger_path, office / target_name, limit=limit)
    assert result["error"] in ("FileWriteError", "BackupError"), result
    assert words in result["message"] and "Traceback" not in result["message"]
    after = folder_state(office)
    after.pop("backups/.ledger.backup.lock", None)  # the (empty) lock file of backup_lock
    assert after == before, set(after) ^ set(before)  # no partial file, old file untouched
    led = open_ledger(ledger_path, daily_backup=False)
    try:
        assert verify_ledger(led).ok
    finally:
        led.dispose()


def test_the_same_backup_succeeds_without_the_limit(office):
    """The limited runs above fail because of the limit, not because of the command."""
    result = run_limited("backup", office / "ledger.db", office / "unused", limit=1 << 40)
    assert result == {"error": None}
    assert len(backup.list_backups(office / "ledger.db")) == 1


def test_permission_denied_on_the_final_rename_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "周报.xlsx"
    target.write_bytes(b"old")

    def denied(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(fileio.os, "replace", denied)
    with pytest.raises(FileWriteError, match="没有权限写入.*Excel/WPS"):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["周报.xlsx"]


def test_a_folder_that_cannot_be_written_gives_a_message(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fileio.tempfile, "mkstemp", denied)
    ledger_path = tmp_path / "ledger.db"
    open_ledger(ledger_path).dispose()
    before = digest(ledger_path)
    with pytest.raises(FileWriteError, match="没有权限写入"):
        backup.backup_file(ledger_path, target=tmp_path / "u盘" / "备份.db")
    assert digest(ledger_path) == before


def test_disk_full_during_the_sqlite_copy_removes_the_partial_backup(tmp_path, monkeypatch):
    """SQLite reports a full disk as its own error, not OSError: it must still become a message
    and leave no partial file (nor its journal) behind."""
    import sqlite3

    ledger_path = tmp_path / "ledger.db"
    open_ledger(ledger_path).dispose()
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, conn):
            self.conn = conn

        def backup(self, *args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        def close(self):
            self.conn.close()

    monkeypatch.setattr(backup, "connect_read_only", lambda p: FullDisk(real_connect(p)))
    with pytest.raises(backup.BackupError, match="磁盘空间不足"):
        backup.backup_file(ledger_path)
    folder = backup.backups_dir(ledger_path)
    assert not folder.exists() or [p.name for p in folder.iterdir()] == [".ledger.backup.lock"]
    assert os.listdir(tmp_path) == ["ledger.db"] or set(os.listdir(tmp_path)) == {"ledger.db", "backups"}
