"""Commands: calendar (a year's holidays, 调休 and manual overrides), calendar set, calendar remove."""

from __future__ import annotations


from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import calendar_overrides as overrides
from wuyang_tasks.services.task_list import chinese_date

from .args import day
from .context import CliContext



def register(sub) -> None:
    p = sub.add_parser("calendar", help="工作日历：列出某年的法定节假日、调休和手工补录的日期；"
                                        "set / remove 补录或删除某一天的安排")
    p.add_argument("--year", type=int, help="年份，默认为今天所在的年份")
    p.set_defaults(func=cmd_calendar)
    actions = p.add_subparsers(dest="calendar_action", metavar="操作")
    s = actions.add_parser("set", help="把某一天定为上班或休息（优先于程序内置的安排）")
    s.add_argument("day", type=day, metavar="YYYY-MM-DD", help="日期")
    s.add_argument("kind", metavar="上班|休息", help="上班 或 休息")
    s.add_argument("--note", help="说明，例如 春节调休上班")
    s.set_defaults(func=cmd_set)
    r = actions.add_parser("remove", help="删除某一天手工补录的安排（恢复按程序内置的安排计算）")
    r.add_argument("day", type=day, metavar="YYYY-MM-DD", help="日期")
    r.set_defaults(func=cmd_remove)


def cmd_calendar(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    year = args.year or ledger.today().year
    if not 1900 <= year <= 2999:
        raise ValidationError(f"--year：年份“{year}”不对。")
    with ledger.read() as s:
        view = overrides.year_view(s, year)
    print(f"{year}年工作日历：{view.caption}")
    if not view.days:
        print("（没有节假日、调休或手工补录的日期）")
    for d in view.days:
        source = "手工补录" if d.overridden else "程序内置"
        print(f"{chinese_date(d.day):<12}{d.weekday}  {'上班' if d.is_workday else '休息'}  "
              f"{source}  {d.description}".rstrip())
    return 0


def cmd_set(ctx: CliContext, args) -> int:
    is_workday = overrides.parse_kind(args.kind)
    with ctx.ledger().write() as s:
        overrides.set_override(s, args.day, is_workday, args.note)
    print(f"已将{chinese_date(args.day)}定为{'上班' if is_workday else '休息'}"
          f"{'（' + args.note.strip() + '）' if args.note and args.note.strip() else ''}。")
    return 0


def cmd_remove(ctx: CliContext, args) -> int:
    with ctx.ledger().write() as s:
        overrides.remove_override(s, args.day)
    print(f"已删除{chinese_date(args.day)}手工补录的安排。")
    return 0
