"""Writing files so that a crash, a full disk or a denied permission never leaves a half-written
or damaged file: write to a temporary file in the same folder, flush to disk, then rename."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wuyang_tasks.domain.errors import LedgerError


class FileWriteError(LedgerError):
    pass


def describe_os_error(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"磁盘空间不足，无法写入“{path}”。请清理磁盘或换一个位置保存；原有文件未被改动。"
    if exc.errno == errno.EFBIG:
        return (f"文件太大，无法写入“{path}”（该磁盘不允许这么大的文件，如 FAT32 格式的 U 盘单个文件"
                "不能超过 4GB）。请换一个位置保存；原有文件未被改动。")
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"没有权限写入“{path}”（文件可能正被 Excel/WPS 打开，或文件夹只读）。请关闭文件或换一个位置保存。"
    return f"无法写入“{path}”：{exc.strerror or exc}。原有文件未被改动。"


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` in one rename.

    Writers that take a file name (openpyxl, reportlab, sqlite3 backup) write to the yielded path.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".part",
                                   dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise FileWriteError(describe_os_error(target, exc)) from exc
    tmp_path = Path(tmp)
    _give_mode(tmp_path, target)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_path, target)
    except OSError as exc:
        _remove_quietly(tmp_path)
        raise FileWriteError(describe_os_error(target, exc)) from exc
    except BaseException:
        _remove_quietly(tmp_path)
        raise


def _give_mode(tmp_path: Path, target: Path) -> None:
    """mkstemp makes the file private (0600); the finished file gets the permissions of the file
    it replaces, or the ones any new file gets (umask) — a colleague on a shared folder must be
    able to open an exported briefing."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        os.chmod(tmp_path, mode)
    except OSError:
        pass  # the file stays private; writing it must not fail for that


def _umask() -> int:
    """The process umask, read without changing it (os.umask would, for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
