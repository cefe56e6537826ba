"""Backups of a shared (PostgreSQL) ledger go through the server's own tool, ``pg_dump``.

The program runs it when it is installed (PostgreSQL client tools on PATH) and otherwise shows
the command to run on the server. The password is passed in ``PGPASSWORD``, never on the
command line, and never printed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from wuyang_tasks import paths
from wuyang_tasks.domain.errors import LedgerError
from wuyang_tasks.fileio import atomic_path


def pg_dump_path() -> str | None:
    return shutil.which("pg_dump")


def default_target(url: URL, now: datetime | None = None) -> Path:
    now = now or datetime.now()
    return paths.data_dir() / "backups" / f"{url.database}-{now:%Y%m%d-%H%M%S}.dump"


def pg_dump_args(url: URL, target: Path, program: str = "pg_dump") -> list[str]:
    """Custom format (-Fc): compressed, restorable table by table with pg_restore."""
    args = [program, "--format=custom", "--no-owner", f"--file={target}"]
    if url.host:
        args.append(f"--host={url.host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    args.append(str(url.database))
    return args


def command_text(url: URL, target: Path) -> str:
    return " ".join(shlex.quote(a) for a in pg_dump_args(url, target))


def run_pg_dump(url: URL, target: Path) -> Path:
    program = pg_dump_path()
    if program is None:
        raise LedgerError("未找到 pg_dump（PostgreSQL 客户端工具）。请在本机安装后重试，"
                          f"或在数据库服务器上运行：{command_text(url, target)}")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    with atomic_path(target) as tmp:
        done = subprocess.run(pg_dump_args(url, tmp, program), env=env, capture_output=True,
                              text=True, errors="replace")
        if done.returncode != 0:
            raise LedgerError(f"pg_dump 备份失败（退出码 {done.returncode}）：{done.stderr.strip()[:500]}")
    return target
