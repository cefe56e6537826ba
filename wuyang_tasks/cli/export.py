"""``export``: the documents — 工作周报, 任务台账, 督查清单, 责任清单/问责台账, 督办通知单, 任务档案.

Each command only gathers its parameters: building, writing and the format by suffix are the
document registry's (exports.registry), shared with the window's 报表 page. openpyxl, reportlab
and python-docx load only when a document is actually written (start-up cost of every other
command).
"""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path

from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.exports import registry
from wuyang_tasks.services.task_list import week_range

from .args import day
from .context import CliContext
from .core import task_filter_from_args


def register(sub) -> None:
    p = sub.add_parser("export", help="导出文书：工作周报、任务台账、督查清单、责任清单、督办通知单")
    kinds = p.add_subparsers(dest="document", metavar="文书", required=True)

    b = kinds.add_parser("briefing", help="工作周报（.xlsx、.pdf 或 .docx）")
    b.add_argument("--week", help="周次，如 2016-W30（默认：本周）")
    b.add_argument("--from", dest="date_from", type=day, help="起始日期 YYYY-MM-DD（与 --to 同用，代替 --week）")
    b.add_argument("--to", dest="date_to", type=day, help="截止日期 YYYY-MM-DD")
    _output(b, "briefing")
    b.set_defaults(func=cmd_briefing)

    ledger = kinds.add_parser("ledger", help="任务台账（.xlsx 或 .pdf），筛选条件同 tasks 命令")
    ledger.add_argument("--unit", help="单位名称（牵头、配合或属地）")
    ledger.add_argument("--leader", help="牵头县领导姓名")
    ledger.add_argument("--status", help="状态，如 办理中 或 IN_PROGRESS")
    ledger.add_argument("--overdue", action="store_true", help="只导出逾期（红灯）任务")
    ledger.add_argument("--due-within", type=int, metavar="N", help="只导出 N 天（按任务的计日方式）内到期的任务")
    _output(ledger, "ledger")
    ledger.set_defaults(func=cmd_ledger)

    c = kinds.add_parser("checklist", help="督查清单（.pdf，A4 横向）")
    who = c.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", help="被检查单位")
    who.add_argument("--leader", help="县领导（其分包联系的全部乡镇）")
    who.add_argument("--site", help="项目、工地或企业名称")
    c.add_argument("--template", help="检查清单模板名称，如 六个百分之百（检查项目时默认使用）")
    _output(c, "checklist")
    c.set_defaults(func=cmd_checklist)

    a = kinds.add_parser("accountability", help="责任清单及问责台账（.pdf 或 .xlsx）")
    scope = a.add_mutually_exclusive_group(required=True)
    scope.add_argument("--unit", help="单位名称")
    scope.add_argument("--leader", help="牵头县领导姓名")
    scope.add_argument("--all", action="store_true", help="全县")
    _output(a, "accountability")
    a.set_defaults(func=cmd_accountability)

    n = kinds.add_parser("notice", help="督办通知单（.pdf 或 .docx，A4 纵向一页）")
    n.add_argument("--task", required=True, metavar="编号", help="任务编号，如 2016-002")
    _output(n, "notice")
    n.set_defaults(func=cmd_notice)

    k = kinds.add_parser("case", help="任务档案（一案一档）：.pdf，或 .zip（PDF、佐证材料原件和 SHA256SUMS 校验清单）")
    k.add_argument("--task", required=True, metavar="编号", help="任务编号，如 2016-030")
    k.add_argument("-o", "--output", required=True, metavar="文件", help="输出文件（.pdf 或 .zip）")
    k.set_defaults(func=cmd_case)



def _output(parser, key: str) -> None:
    suffixes = registry.DOCUMENTS[key].suffixes
    parser.add_argument("-o", "--output", required=True, metavar="文件",
                        help="输出文件（" + " 或 ".join(suffixes) + "）")


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


def _produce(ctx: CliContext, key: str, args, params: dict) -> int:
    ledger = ctx.ledger()
    written = registry.produce(ledger, registry.DOCUMENTS[key], params, Path(args.output))
    if written.note:
        print(written.note)
    for warning in written.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已导出：{written.path}" + (f"（{written.pages}页）" if written.pages else ""))
    return 0


def cmd_briefing(ctx: CliContext, args) -> int:
    start, end = briefing_period(args, ctx.ledger().today())
    return _produce(ctx, "briefing", args, {"start": start, "end": end})


def cmd_ledger(ctx: CliContext, args) -> int:
    flt = task_filter_from_args(ctx, args)
    scope = "、".join(v for v in (args.unit, args.leader, args.status) if v)
    return _produce(ctx, "ledger", args, {"flt": flt, "scope": scope})


def cmd_checklist(ctx: CliContext, args) -> int:
    return _produce(ctx, "checklist", args, {"unit": args.unit, "leader": args.leader, "site": args.site,
                                             "template": args.template})


def cmd_accountability(ctx: CliContext, args) -> int:
    return _produce(ctx, "accountability", args, {"unit": args.unit, "leader": args.leader,
                                                  "whole_county": args.all})


def cmd_notice(ctx: CliContext, args) -> int:
    """Prints the task's latest numbered written urging; a task without one gets a new written
    urging recorded (one transaction, audited, numbered by the supervision service)."""
    return _produce(ctx, "notice", args, {"task": args.task})


def cmd_case(ctx: CliContext, args) -> int:
    """一案一档: the PDF, or a zip with the PDF, the original files and SHA256SUMS. Not in the
    registry: the zip's writer reads the originals from the ledger while it writes."""
    target = Path(args.output)
    if target.suffix.lower() not in (".pdf", ".zip"):
        raise ValidationError(f"-o：任务档案不支持的文件类型“{target.suffix or target.name}”，应为 .pdf 或 .zip。")
    ledger = ctx.ledger()
    from wuyang_tasks.exports.case_pdf import write_case_pdf
    from wuyang_tasks.exports.case_zip import write_case_zip
    from wuyang_tasks.services import attachments, case_file
    from wuyang_tasks.services.task_views import task_id_by_code

    with ledger.read() as s:
        case = case_file.build_case_file(s, task_id_by_code(s, args.task), today=ledger.today(),
                                         cal=ledger.calendar())
        if target.suffix.lower() == ".zip":
            result = write_case_zip(case, target, lambda ident: attachments.content(s, ident))
        else:
            result = write_case_pdf(case, target)
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已导出：{target}（档案 {result.pages} 页，佐证材料 {len(case.attachments)} 份）")
    return 0
