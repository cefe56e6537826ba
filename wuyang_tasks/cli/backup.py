"""Commands: backup, restore, backups (listing).

These work on the ledger file itself and do not open it as a ledger first, so that a damaged
ledger can still be restored. A PostgreSQL ledger is backed up with pg_dump.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wuyang_tasks.db import backup, pgdump
from wuyang_tasks.db.checks import network_share_warning, open_offers
from wuyang_tasks.db.engine import is_sqlite, resolve_url
from wuyang_tasks.db.ledger import LedgerOpenError, check_sqlite_file
from wuyang_tasks.domain.errors import LedgerError

from .context import CliContext


def register(sub) -> None:
    p = sub.add_parser("backup", help="备份台账（默认存入台账旁的 backups 文件夹；共享服务器用 pg_dump）")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="备份到指定文件（如 U 盘上）；以 .zst 结尾则压缩，否则为可直接打开的台账文件")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="从备份文件恢复台账（先检查备份，并先备份当前台账）")
    p.add_argument("file", type=Path, metavar="FILE", help="备份文件（压缩的 .db.zst 或台账文件 .db）")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("backups", help="列出台账的备份（日期、类型、大小）")
    p.set_defaults(func=cmd_backups)


def _sqlite_path(ctx: CliContext) -> Path | None:
    url = resolve_url(ctx.db)
    return Path(url.database) if is_sqlite(url) else None


def cmd_backup(ctx: CliContext, args) -> int:
    path = _sqlite_path(ctx)
    if path is None:
        url = resolve_url(ctx.db)
        target = args.output or pgdump.default_target(url)
        print(f"共享服务器台账用 pg_dump 备份：{pgdump.command_text(url, target)}")
        pgdump.run_pg_dump(url, target)
        print(f"已备份到：{target}（{backup.human_size(target.stat().st_size)}）")
        return 0
    if not path.exists():
        raise LedgerError(f"台账文件不存在：{path}")
    _warn_network(path)
    check_sqlite_file(path)
    result = backup.backup_file(path, "manual", target=args.output)
    print(f"已备份到：{result.path}（{backup.human_size(result.size)}，台账 "
          f"{backup.human_size(result.ledger_size)}，用时 {result.seconds:.2f} 秒）")
    return 0


def cmd_restore(ctx: CliContext, args) -> int:
    path = _sqlite_path(ctx)
    if path is None:
        raise LedgerError("共享服务器（PostgreSQL）台账请由数据库管理员用 pg_restore 恢复，见使用说明。")
    ctx.close()
    result = backup.restore_ledger(path, args.file)
    print(f"已从“{result.restored_from}”恢复台账：{path}")
    if result.previous_kept_at:
        how = "原台账已损坏或不是本程序的台账，已改名保留为" if result.previous_was_damaged \
            else "恢复前的台账已备份为"
        print(f"{how}：{result.previous_kept_at}")
    return 0


def cmd_backups(ctx: CliContext, args) -> int:
    path = _sqlite_path(ctx)
    if path is None:
        raise LedgerError("共享服务器（PostgreSQL）台账的备份由 pg_dump 生成，不在本机列出。")
    infos = backup.list_backups(path)
    print(f"台账：{path}")
    print(f"备份文件夹：{backup.backups_dir(path)}")
    for info in infos:
        t = info.taken_at
        print(f"{t.year}年{t.month}月{t.day}日 {t:%H:%M:%S}\t{info.reason_label}\t"
              f"{backup.human_size(info.size)}\t{info.path.name}")
    print(f"共 {len(infos)} 个备份")
    return 0


def _warn_network(path: Path) -> None:
    warning = network_share_warning(path)
    if warning:
        print(f"注意：{warning}", file=sys.stderr)


def with_hints(error: LedgerOpenError, db: str | None) -> LedgerOpenError:
    """The open error with what can be done about it from the command line."""
    path = _sqlite_path(CliContext(db=db))
    hints = []
    for offer in open_offers(error, path):
        if offer.kind == "restore_backup":
            hints.append(f"{offer.label}：wuyang-tasks --db \"{path}\" restore \"{offer.backup.path}\"")
        elif offer.kind == "open_read_only":
            hints.append("可在程序窗口中选择“以只读方式打开”查看。")
        elif offer.kind == "retry":
            hints.append("请稍后重试。")
    if not hints:
        return error
    return LedgerOpenError(error.message + "\n" + "\n".join(hints), kind=error.kind)
