"""Commands for a shared ledger on a PostgreSQL server: copy-to, server-setup, whoami."""

from __future__ import annotations

import getpass
import sys

from wuyang_tasks.db.copy import copy_ledger
from wuyang_tasks.db.ledger import open_ledger
from wuyang_tasks.db.roles import PG_ROLES, AccessRole, add_user, setup_roles
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services.access import current_access
from wuyang_tasks.services.evidence import verify_ledger

from .context import CliContext, tty_password_prompt


def register(sub) -> None:
    p = sub.add_parser("copy-to", help="把本机台账（--db 指定，默认本机台账）复制到服务器上一个空的 PostgreSQL 数据库")
    p.add_argument("url", metavar="URL", help="目标，如 postgresql+psycopg://wuyang@192.168.1.10/wuyang")
    p.set_defaults(func=cmd_copy_to)

    p = sub.add_parser("server-setup", help="在服务器上建立台账结构和三个角色（查看/录入/管理）并授权；"
                                            "须以数据库所有者连接，可重复运行")
    p.add_argument("url", metavar="URL", help="数据库地址，如 postgresql+psycopg://postgres@服务器/wuyang")
    p.add_argument("--user", action="append", default=[], metavar="用户名=角色",
                   help="建立（或调整）登录用户并授予角色，角色为 查看、录入 或 管理；可重复")
    p.set_defaults(func=cmd_server_setup)

    p = sub.add_parser("whoami", help="显示当前数据库用户和角色（查看/录入/管理）")
    p.set_defaults(func=cmd_whoami)


def cmd_copy_to(ctx: CliContext, args) -> int:
    source = ctx.ledger(read_only=True)
    summary = copy_ledger(source, args.url, password_prompt=tty_password_prompt)
    print(f"已把台账 {source.display_name()} 复制到 {summary.target}：共 {summary.total} 行，"
          f"审计记录 {summary.events} 条。")
    copy = open_ledger(args.url, password_prompt=tty_password_prompt)
    try:
        result = verify_ledger(copy)
    finally:
        copy.dispose()
    print(f"复制后的台账校验：{result.message}")
    return 0 if result.ok else 1


def _parse_users(specs: list[str]) -> list[tuple[str, AccessRole]]:
    out = []
    for spec in specs:
        name, sep, role = spec.partition("=")
        if not sep or not name.strip():
            raise ValidationError(f"--user“{spec}”格式不对，应为 用户名=角色，例如 zhangsan=录入。")
        try:
            out.append((name.strip(), AccessRole.parse(role)))
        except ValueError:
            raise ValidationError(f"--user“{spec}”：无法识别的角色“{role}”，可选：查看、录入、管理。") from None
    return out


def cmd_server_setup(ctx: CliContext, args) -> int:
    users = _parse_users(args.user)
    ledger = open_ledger(args.url, password_prompt=tty_password_prompt)
    try:
        with ledger.engine.begin() as conn:
            setup_roles(conn, ledger.url.database)
            created = [(name, role, add_user(conn, name, role, _new_password(name)))
                       for name, role in users]
    finally:
        ledger.dispose()
    print(f"台账 {ledger.display_name()} 的结构已是最新，角色和权限已设定：")
    for role in AccessRole:
        print(f"  {role.label}：{PG_ROLES[role]}")
    for name, role, new in created:
        print(f"  用户 {name}：{'已建立，' if new else ''}角色 {role.label}")
    if created and not sys.stdin.isatty():
        print("注意：未设置密码。请在服务器上用 psql 执行 \\password 用户名 设置密码。")
    return 0


def _new_password(name: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"为用户 {name} 设置密码（直接回车则不修改）：")
    if not first:
        return None
    if getpass.getpass("再输入一次：") != first:
        raise ValidationError(f"两次输入的密码不一致，用户 {name} 的密码未设置，未做任何修改。")
    return first


def cmd_whoami(ctx: CliContext, args) -> int:
    access = current_access(ctx.ledger())
    print(f"{access.caption}  台账：{ctx.ledger().display_name()}")
    return 0
