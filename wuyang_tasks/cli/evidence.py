"""佐证材料 commands: evidence add / list / get / withdraw."""

from __future__ import annotations

from pathlib import Path

from wuyang_tasks.domain.file_types import LIMITS_TEXT
from wuyang_tasks.services import attachments as att
from wuyang_tasks.services.task_views import task_id_by_code

from .context import CliContext


def register(sub) -> None:
    ev = sub.add_parser("evidence", help="佐证材料：添加、列出、取出、撤回附件").add_subparsers(
        dest="evidence_command", required=True, metavar="操作")
    p = ev.add_parser("add", help=f"添加佐证材料（{LIMITS_TEXT}）")
    p.add_argument("--task", required=True, metavar="编号")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--report", type=int, metavar="ID", help="附在该任务的这份进展反馈上")
    group.add_argument("--finding", type=int, metavar="ID", help="附在该任务所整改的检查问题上")
    group.add_argument("--record", type=int, metavar="ID", help="附在涉及该任务的问责记录上")
    group.add_argument("--extension", type=int, metavar="ID", help="附在该任务的延期申请上")
    group.add_argument("--closing", action="store_true", help="作为整改销号的佐证材料")
    p.add_argument("--note", help="说明")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_add)

    p = ev.add_parser("list", help="列出一项任务的全部佐证材料（含撤回的）")
    p.add_argument("--task", required=True, metavar="编号")
    p.set_defaults(func=cmd_list)

    p = ev.add_parser("get", help="取出佐证材料的原文件")
    p.add_argument("id", type=int, help="佐证材料编号（evidence list 中的编号）")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="保存为（或保存到的文件夹）")
    p.set_defaults(func=cmd_get)

    p = ev.add_parser("withdraw", help="撤回佐证材料（不删除，记录理由）")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_withdraw)


def cmd_add(ctx: CliContext, args) -> int:
    with ctx.ledger().write() as s:
        target = att.Target(task_id=task_id_by_code(s, args.task), report_id=args.report,
                            finding_id=args.finding, extension_id=args.extension,
                            record_id=args.record, closing=args.closing)
        ids = att.attach(s, target, [att.IncomingFile.from_path(f) for f in args.files], args.note)
        added = [att.view(s, i) for i in ids]
    for v in added:
        print(f"已添加 {v.id}\t{v.name}\t{v.label}\t{v.size_text}\tSHA-256 {v.sha256}")
    return 0


def cmd_list(ctx: CliContext, args) -> int:
    with ctx.ledger().read() as s:
        views = att.attachments_of_task(s, task_id_by_code(s, args.task))
    for v in views:
        state = f"已撤回（{v.withdrawn_at[:10]}：{v.withdrawn_reason}）" if v.withdrawn_at else "有效"
        print(f"{v.id}\t{v.name}\t{v.label}\t{v.size_text}\t{v.where}\t{v.attached_at[:16]}\t"
              f"{v.attached_by}\t{state}\tSHA-256 {v.sha256}")
    print(f"共 {len(views)} 份佐证材料")
    return 0


def cmd_get(ctx: CliContext, args) -> int:
    with ctx.ledger().read() as s:
        path = att.save_to(s, args.id, Path(args.output))
    print(f"已保存：{path}")
    return 0


def cmd_withdraw(ctx: CliContext, args) -> int:
    with ctx.ledger().write() as s:
        att.withdraw(s, args.id, args.reason)
        v = att.view(s, args.id)
    print(f"已撤回佐证材料 {v.id}“{v.name}”，理由：{v.withdrawn_reason}")
    return 0
