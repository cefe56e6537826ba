"""``liaison add|end|list``: a county leader's 分包联系 townships, kept over time (audited)."""

from __future__ import annotations

from wuyang_tasks.services import units
from wuyang_tasks.services.task_list import chinese_date

from .args import day
from .context import CliContext
from .supervision import _person, _unit


def register(sub) -> None:
    p = sub.add_parser("liaison", help="分包联系：县领导联系的乡镇（新增、结束、列出）")
    li = p.add_subparsers(dest="liaison_command", required=True, metavar="操作")
    q = li.add_parser("list", help="列出分包联系（省略 --on：全部，含已结束的）")
    q.add_argument("--leader", metavar="姓名")
    q.add_argument("--on", type=day, metavar="日期", help="只列这一天在联系的")
    q.set_defaults(func=cmd_list)
    q = li.add_parser("add", help="县领导自某日起分包联系某乡镇")
    q.add_argument("--leader", required=True, metavar="姓名")
    q.add_argument("--unit", required=True, metavar="单位")
    q.add_argument("--from", dest="start", type=day, required=True, metavar="日期")
    q.set_defaults(func=cmd_add)
    q = li.add_parser("end", help="县领导分包联系某乡镇到某日为止（记录保留）")
    q.add_argument("--leader", required=True, metavar="姓名")
    q.add_argument("--unit", required=True, metavar="单位")
    q.add_argument("--last-day", dest="last_day", type=day, required=True, metavar="日期")
    q.set_defaults(func=cmd_end)


def cmd_list(ctx: CliContext, args) -> int:
    with ctx.ledger().read() as s:
        leader = _person(s, args.leader, "--leader") if args.leader else None
        rows = units.liaisons(s, leader_id=leader, day=args.on)
    for r in rows:
        print(f"{r.leader}\t{r.unit}\t{chinese_date(r.start)}—{chinese_date(r.end) or '今'}")
    print(f"共 {len(rows)} 条分包联系")
    return 0


def cmd_add(ctx: CliContext, args) -> int:
    with ctx.ledger().write() as s:
        units.start_liaison(s, _person(s, args.leader, "--leader"), _unit(s, args.unit, "--unit"),
                            args.start)
    print(f"{args.leader}自{chinese_date(args.start)}起分包联系{args.unit}。")
    return 0


def cmd_end(ctx: CliContext, args) -> int:
    with ctx.ledger().write() as s:
        units.end_liaison(s, _person(s, args.leader, "--leader"), _unit(s, args.unit, "--unit"),
                          args.last_day)
    print(f"{args.leader}分包联系{args.unit}至{chinese_date(args.last_day)}止。")
    return 0
