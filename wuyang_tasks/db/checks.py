"""What to tell the user about where a ledger lives and what to offer when it cannot be opened.

Plain functions without Qt: the window turns :func:`open_offers` into buttons, the command line
prints the message and exits 2.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING

from .backup import BackupInfo, latest_good_backup

if TYPE_CHECKING:
    from .ledger import LedgerOpenError

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ncpfs", "9p", "fuse.sshfs",
              "davfs", "fuse.davfs2", "glusterfs", "ceph"}
DRIVE_REMOTE = 4  # GetDriveTypeW


# -- network shares ----------------------------------------------------------------------------
def network_share_warning(path: Path, *, platform: str | None = None,
                          mounts_text: str | None = None) -> str | None:
    """A warning when a SQLite ledger lives on a network share, where file locking is unreliable
    and two PCs writing at once can damage the file; None on a local disk."""
    platform = platform or sys.platform
    where = _network_location(Path(path), platform, mounts_text)
    if where is None:
        return None
    return (f"台账文件位于网络共享位置（{where}）。多台电脑同时通过网络共享使用同一个台账文件时，"
            "文件锁不可靠，可能损坏台账。多人共用请改用共享服务器模式（PostgreSQL，见使用说明“共享服务器”）；"
            "只一台电脑使用时，建议把台账放在本机磁盘上。")


def _network_location(path: Path, platform: str, mounts_text: str | None) -> str | None:
    if platform.startswith("win"):
        text = str(path)
        if text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\")):
            return text
        if text.upper().startswith("\\\\?\\UNC\\"):
            return text
        drive = PureWindowsPath(text).drive
        if drive and _windows_drive_type(drive + "\\") == DRIVE_REMOTE:
            return f"网络驱动器 {drive}"
        return None
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    resolved = str(Path(os.path.abspath(path)))
    best = ("", "")
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if _under(resolved, point) and len(point) > len(best[0]):
            best = (point, fields[2])
    if best[1] in NETWORK_FS:
        return f"{best[0]}，{best[1]}"
    return None


def _under(path: str, mount_point: str) -> bool:
    return mount_point == "/" or path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _windows_drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]


# -- offers when a ledger cannot be opened ----------------------------------------------------
@dataclass(frozen=True)
class Offer:
    kind: str  # restore_backup, open_read_only, retry, choose_file
    label: str
    backup: BackupInfo | None = None


OFFERS_BY_KIND = {
    "damaged": ("restore_backup", "choose_file"),
    "not_sqlite": ("choose_file", "restore_backup"),
    "missing": ("restore_backup", "choose_file"),
    "newer": ("choose_file",),
    "read_only": ("open_read_only", "choose_file"),
    "compressed_backup": ("open_read_only", "choose_file"),
    "locked": ("retry", "open_read_only", "choose_file"),
    "unreachable": ("retry", "choose_file"),
}


def open_offers(error: LedgerOpenError, ledger_path: Path | None) -> list[Offer]:
    """What the user can do about ``error``. ``restore_backup`` appears only when a backup that
    passes every check exists (its BackupInfo is attached); restore with
    ``backup.restore_ledger(ledger_path, offer.backup.path)`` then open again.
    ``open_read_only``: ``open_ledger(path, read_only=True)``."""
    offers = []
    for kind in OFFERS_BY_KIND.get(error.kind, ("choose_file",)):
        if kind == "restore_backup":
            good = latest_good_backup(ledger_path) if ledger_path is not None else None
            if good is not None:
                offers.append(Offer(kind, f"从最近的完好备份恢复（{good.describe()}）", good))
        elif kind == "open_read_only":
            if ledger_path is not None:
                offers.append(Offer(kind, "以只读方式打开（只能查看，不能修改）"))
        elif kind == "retry":
            offers.append(Offer(kind, "重试"))
        else:
            offers.append(Offer(kind, "选择其他台账文件"))
    return offers
