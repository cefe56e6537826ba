"""``wuyang-tasks`` entry point.

Without a subcommand it opens the window. Subcommands live in small modules listed in
``COMMAND_MODULES``; each has ``register(subparsers)`` and sets ``func(ctx, args) -> int``.
Exit codes: 0 ok, 1 verification failed, 2 bad input (message on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from wuyang_tasks import APP_TITLE, __version__
from wuyang_tasks.domain.errors import LedgerError

from . import argparse_zh
from .args import day

COMMAND_MODULES = [
    "wuyang_tasks.cli.core",
    "wuyang_tasks.cli.server",
    "wuyang_tasks.cli.backup",
    "wuyang_tasks.cli.metrics",
    "wuyang_tasks.cli.imports",
    "wuyang_tasks.cli.export",
    "wuyang_tasks.cli.supervision",
    "wuyang_tasks.cli.feedback",
    "wuyang_tasks.cli.calendar",
    "wuyang_tasks.cli.assessment",
    "wuyang_tasks.cli.evidence",
    "wuyang_tasks.cli.liaison",
    "wuyang_tasks.cli.office",
]



# Commands that only read the ledger: on a path where no ledger exists they stop with
# "台账文件不存在" instead of creating an empty one.
READING_COMMANDS = frozenset({"tasks", "verify", "export", "person", "urgings", "backups", "whoami",
                              "assessment"})


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The program's parser; without ``commands`` only the global options (enough to open the
    window): the command modules, and the services they import, are then not loaded at all."""
    argparse_zh.install()
    parser = argparse.ArgumentParser(
        prog="wuyang-tasks", description=f"{APP_TITLE}：任务台账、时限预警、督导检查与问责。"
        "不带子命令时打开程序窗口。", add_help=commands)
    parser.add_argument("--version", action="version", version=f"{APP_TITLE} {__version__}",
                        help="显示程序版本并退出")
    parser.add_argument("--db", default=os.environ.get("WUYANG_TASKS_DB"),
                        help="台账：SQLite 文件路径或数据库 URL（postgresql+psycopg://用户@主机/库）；"
                             "也可用环境变量 WUYANG_TASKS_DB。默认为用户数据目录下的 ledger.db")
    parser.add_argument("--today", type=day, help="按指定日期（YYYY-MM-DD）计算时限和亮灯")
    parser.add_argument("--first-run", choices=["demo"],
                        help="打开窗口时若台账文件还不存在，直接写入演示台账（不询问）")
    parser.add_argument("--smoke", action="store_true",
                        help="自检：在临时演示台账上打开窗口（不显示），导出一份周报和一份督查清单后退出")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser(commands=False)  # start-up cost: the window needs no command module
    args, rest = parser.parse_known_args(argv)
    if any(not a.startswith("-") for a in rest) or {"-h", "--help"} & set(rest):
        parser = build_parser()
        args, rest = parser.parse_known_args(argv)
    if args.smoke:
        from .smoke import run_smoke

        return run_smoke()
    if args.command is None:
        from wuyang_tasks.ui.app import run_gui

        return run_gui(args, rest)
    if rest:
        parser.error(f"无法识别的参数：{' '.join(rest)}")
    from .context import CliContext  # the database stack: not loaded for --version and --help

    ctx = CliContext(db=args.db, today=args.today, create=args.command not in READING_COMMANDS)
    try:
        return args.func(ctx, args)
    except LedgerError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return exc.exit_code
    finally:
        ctx.close()


def gui_main() -> int:
    return main([])


def _utf8_streams() -> None:
    """Windows consoles may default to a legacy code page; Chinese output must not crash."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass
