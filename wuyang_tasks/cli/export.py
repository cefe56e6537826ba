"""``export``: the documents — 工作周报, 任务台账, 督查清单, 责任清单/问责台账, 督办通知单.

openpyxl and reportlab are imported by the export functions themselves, only when a document is
actually written (start-up cost of every other command).
"""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path

from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import document_lists, documents
from wuyang_tasks.services.task_list import week_range

from .args import day
from .context import CliContext
from .core import task_filter_from_args


def register(sub) -> None:
    p = sub.add_parser("export", help="导出文书：工作周报、任务台账、督查清单、责任清单、督办通知单")
    kinds = p.add_subparsers(dest="document", metavar="文书", required=True)

    b = kinds.add_parser("briefing", help="工作周报（.xlsx 或 .pdf）")
    b.add_argument("--week", help="周次，如 2016-W30（默认：本周）")
    b.add_argument("--from", dest="date_from", type=day, help="起始日期 YYYY-MM-DD（与 --to 同用，代替 --week）")
    b.add_argument("--to", dest="date_to", type=day, help="截止日期 YYYY-MM-DD")
    _output(b, (".xlsx", ".pdf"))
    b.set_defaults(func=cmd_briefing)

    ledger = kinds.add_parser("ledger", help="任务台账（.xlsx 或 .pdf），筛选条件同 tasks 命令")
    ledger.add_argument("--unit", help="单位名称（牵头、配合或属地）")
    ledger.add_argument("--leader", help="牵头县领导姓名")
    ledger.add_argument("--status", help="状态，如 办理中 或 IN_PROGRESS")
    ledger.add_argument("--overdue", action="store_true", help="只导出逾期（红灯）任务")
    ledger.add_argument("--due-within", type=int, metavar="N", help="只导出 N 天（按任务的计日方式）内到期的任务")
    _output(ledger, (".xlsx", ".pdf"))
    ledger.set_defaults(func=cmd_ledger)

    c = kinds.add_parser("checklist", help="督查清单（.pdf，A4 横向）")
    who = c.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", help="被检查单位")
    who.add_argument("--leader", help="县领导（其分包联系的全部乡镇）")
    who.add_argument("--site", help="项目、工地或企业名称")
    c.add_argument("--template", help="检查清单模板名称，如 六个百分之百（检查项目时默认使用）")
    _output(c, (".pdf",))
    c.set_defaults(func=cmd_checklist)

    a = kinds.add_parser("accountability", help="责任清单及问责台账（.pdf 或 .xlsx）")
    scope = a.add_mutually_exclusive_group(required=True)
    scope.add_argument("--unit", help="单位名称")
    scope.add_argument("--leader", help="牵头县领导姓名")
    scope.add_argument("--all", action="store_true", help="全县")
    _output(a, (".pdf", ".xlsx"))
    a.set_defaults(func=cmd_accountability)

    n = kinds.add_parser("notice", help="督办通知单（.pdf，A4 纵向一页）")
    n.add_argument("--task", required=True, metavar="编号", help="任务编号，如 2016-002")
    _output(n, (".pdf",))
    n.set_defaults(func=cmd_notice)



def _output(parser, suffixes: tuple[str, ...]) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="文件",
                        help="输出文件（" + " 或 ".join(suffixes) + "）")
    parser.set_defaults(suffixes=suffixes)


def _target(args) -> Path:
    target = Path(args.output)
    if target.suffix.lower() not in args.suffixes:
        raise ValidationError(f"-o：不支持的文件类型“{target.suffix or target.name}”，"
                              f"应为 {' 或 '.join(args.suffixes)}。")
    return target


def parse_week(text: str) -> tuple[date, date]:
    """2016-W30 → Monday 2016-07-25 .. Sunday 2016-07-31 (ISO weeks)."""
    match = re.fullmatch(r"\s*(\d{4})-?[Ww](\d{1,2})\s*", text)
    if not match:
        raise ValidationError(f"--week：“{text}”格式不对，应为 年-W周次，例如 2016-W30。")
    try:
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise ValidationError(f"--week：{match[1]}年没有第{int(match[2])}周。") from None
    return monday, monday + timedelta(days=6)


def briefing_period(args, today: date) -> tuple[date, date]:
    if args.date_from or args.date_to:
        if args.week:
            raise ValidationError("--week 与 --from/--to 只能选一种。")
        if not (args.date_from and args.date_to):
            raise ValidationError("--from 与 --to 须同时给出。")
        if args.date_to < args.date_from:
            raise ValidationError("--to 不能早于 --from。")
        return args.date_from, args.date_to
    return parse_week(args.week) if args.week else week_range(today)


def _done(result_path: Path, pages: int | None = None, warnings=()) -> int:
    for warning in warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已导出：{result_path}" + (f"（{pages}页）" if pages else ""))
    return 0


def cmd_briefing(ctx: CliContext, args) -> int:
    target = _target(args)
    ledger = ctx.ledger()
    start, end = briefing_period(args, ledger.today())
    cal = ledger.calendar()
    if ledger.read_only:
        with ledger.read() as s:
            briefing = documents.build_briefing(s, start=start, end=end, today=ledger.today(), cal=cal,
                                                keep_issue=False)
    else:
        with ledger.write() as s:
            briefing = documents.build_briefing(s, start=start, end=end, today=ledger.today(), cal=cal)
    if target.suffix.lower() == ".xlsx":
        from wuyang_tasks.exports.briefing_xlsx import write_briefing_xlsx

        return _done(write_briefing_xlsx(briefing, target))
    from wuyang_tasks.exports.briefing_pdf import write_briefing_pdf

    result = write_briefing_pdf(briefing, target)
    return _done(result.path, result.pages, result.warnings)


def cmd_ledger(ctx: CliContext, args) -> int:
    target = _target(args)
    ledger = ctx.ledger()
    flt = task_filter_from_args(ctx, args)
    scope = "、".join(v for v in (args.unit, args.leader, args.status) if v)
    with ledger.read() as s:
        doc = documents.build_ledger(s, today=ledger.today(), cal=ledger.calendar(), flt=flt, scope=scope)
    if target.suffix.lower() == ".xlsx":
        from wuyang_tasks.exports.ledger_xlsx import write_ledger_xlsx

        return _done(write_ledger_xlsx(doc, target))
    from wuyang_tasks.exports.ledger_pdf import write_ledger_pdf

    result = write_ledger_pdf(doc, target)
    return _done(result.path, result.pages, result.warnings)


def cmd_checklist(ctx: CliContext, args) -> int:
    target = _target(args)
    ledger = ctx.ledger()
    with ledger.read() as s:
        doc = document_lists.build_checklist(s, today=ledger.today(), cal=ledger.calendar(), unit=args.unit,
                                             leader=args.leader, site=args.site, template=args.template)
    from wuyang_tasks.exports.checklist_pdf import write_checklist_pdf

    result = write_checklist_pdf(doc, target)
    return _done(result.path, result.pages, result.warnings)


def cmd_accountability(ctx: CliContext, args) -> int:
    target = _target(args)
    ledger = ctx.ledger()
    with ledger.read() as s:
        sheet = document_lists.build_accountability(s, today=ledger.today(), cal=ledger.calendar(),
                                                    unit=args.unit, leader=args.leader,
                                                    whole_county=args.all)
    from wuyang_tasks.exports.accountability import write_accountability_pdf, write_accountability_xlsx

    if target.suffix.lower() == ".xlsx":
        return _done(write_accountability_xlsx(sheet, target))
    result = write_accountability_pdf(sheet, target)
    return _done(result.path, result.pages, result.warnings)


def cmd_notice(ctx: CliContext, args) -> int:
    """Prints the task's latest numbered written urging; a task without one gets a new written
    urging recorded (one transaction, audited, numbered by the supervision service)."""
    target = _target(args)
    ledger = ctx.ledger()
    today, cal = ledger.today(), ledger.calendar()
    with ledger.read() as s:
        exists = documents.existing_notice(s, args.task) is not None
    if exists:
        with ledger.read() as s:
            doc = documents.build_notice(s, args.task, today=today, cal=cal, create=False)
    else:
        with ledger.write() as s:
            doc = documents.build_notice(s, args.task, today=today, cal=cal, create=True)
        print(f"已为任务 {args.task} 登记书面督办，编号 {doc.notice.number_label}。")
    from wuyang_tasks.exports.notice_pdf import write_notice_pdf

    result = write_notice_pdf(doc, target)
    return _done(result.path, result.pages, result.warnings)
