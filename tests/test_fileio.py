"""fileio.atomic_path: the finished file has ordinary permissions, not mkstemp's private 0600."""

import os
import stat
import sys

import pytest

from wuyang_tasks.fileio import atomic_path


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_new_file_gets_the_umask_permissions(tmp_path, umask_022):
    target = tmp_path / "周报.xlsx"
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_permissions(tmp_path, umask_022):
    target = tmp_path / "台账.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640
