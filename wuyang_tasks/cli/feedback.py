"""``feedback send`` / ``feedback collect``: the week's 反馈表 out to the units and back in.

The services (and openpyxl behind them) are imported inside the handlers: the parser is built
at every program start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wuyang_tasks.domain.errors import ValidationError

from .args import day
from .context import CliContext


def register(sub) -> None:
    p = sub.add_parser("feedback", help="反馈表：向各单位下发本周任务进展反馈表，收回填好的反馈表")
    fb = p.add_subparsers(dest="what", metavar="操作")
    fb.required = True

    q = fb.add_parser("send", help="为单位生成反馈表（每个单位一个 .xlsx 文件）")
    q.add_argument("--unit", nargs="+", action="extend", metavar="单位", help="单位名称（可写多个）")
    q.add_argument("--all", action="store_true", help="所有有在办任务的乡镇和部门")
    q.add_argument("--week", help="周次，如 2016-W30（默认：本周）")
    q.add_argument("--as-of", type=day, help="按此日期（YYYY-MM-DD）计算时限和亮灯，周次为此日所在的周")
    q.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="保存反馈表的文件夹")
    q.set_defaults(func=cmd_send)

    q = fb.add_parser("collect", help="收回填好的反馈表（文件或文件夹），记录进展、办结申请和延期申请")
    q.add_argument("paths", type=Path, nargs="+", metavar="PATH", help=".xlsx 文件或存放反馈表的文件夹")
    q.add_argument("--dry-run", action="store_true", help="只列出将要记录的内容和问题，不写入台账")
    q.add_argument("--on-conflict", choices=["record", "skip"],
                   help="任务在下发后有变化（新的进展、催办、延期、调整责任单位）的行：record 照常记录，skip 跳过")
    q.set_defaults(func=cmd_collect)


def cmd_send(ctx: CliContext, args) -> int:
    from wuyang_tasks.exports.feedback_xlsx import write_forms
    from wuyang_tasks.services.feedback_forms import Week, forms_for

    if bool(args.unit) == args.all:
        raise ValidationError("请用 --unit 指定单位，或用 --all 为所有单位生成反馈表（二者选一）。")
    if args.week and args.as_of:
        raise ValidationError("--week 与 --as-of 只能选一种。")
    week = Week.parse(args.week) if args.week else None
    forms = forms_for(ctx.ledger(), unit_names=args.unit, week=week, as_of=args.as_of)
    for form in forms:
        if not form.rows:
            print(f"{form.unit_name}没有在办任务，未生成反馈表。")
    paths = write_forms(forms, args.output)
    for form, path in zip([f for f in forms if f.rows], paths):
        print(f"{path}\t{len(form.rows)} 项任务")
    print(f"共生成 {len(paths)} 份反馈表（{forms[0].week.caption if forms else ''}），保存在 {args.output}")
    return 0


def cmd_collect(ctx: CliContext, args) -> int:
    from wuyang_tasks.imports.feedback_form import read_forms
    from wuyang_tasks.services import feedback_collect as fc

    ledger = ctx.ledger()
    forms = read_forms(args.paths)
    decision = {"record": True, "skip": False}.get(args.on_conflict)
    if args.dry_run:
        plan = fc.preview(ledger, forms, on_conflict=decision)
        print_plan(plan)
        if plan.problems:
            raise fc.CollectRejected(f"有 {len(plan.problems)} 个问题，收回时将被拒绝：", plan.problems)
        return 0
    result = fc.collect(ledger, forms, on_conflict=decision)
    if result.backup_path:
        print(f"已备份台账：{result.backup_path}")
    for note in result.notes:
        print(f"注意：{note}")
    print(f"已收回：进展反馈 {result.reports} 条，转为待审核 {result.to_review} 项，延期申请 {result.extensions} 项；"
          f"无变化 {result.unchanged} 行" + (f"，跳过冲突 {result.skipped_conflicts} 行" if result.skipped_conflicts else "")
          + "。")
    return 0


def print_plan(plan) -> None:
    from wuyang_tasks.services.feedback_collect import CLOSED, CONFLICT, UNCHANGED

    for wb in plan.workbooks:
        rows = wb.rows
        record = sum(r.will_record for r in rows)
        print(f"{wb.path.name}（{wb.unit_name or '—'} {wb.week}）：将记录 {record} 行，"
              f"无变化或不记录 {sum(r.kind in (UNCHANGED, CLOSED) for r in rows)} 行，冲突 {sum(r.kind == CONFLICT for r in rows)} 行，"
              f"未填写 {wb.empty_rows} 行，问题 {len(wb.problems)} 个")
        for r in rows:
            if r.kind in (UNCHANGED, CLOSED):
                print(f"  第{r.row}行 {r.task_code} {'无变化' if r.kind == UNCHANGED else '不记录'}：{r.now}")
            elif r.kind == CONFLICT:
                choice = {True: "记录", False: "跳过", None: "待决定"}[r.record]
                print(f"  第{r.row}行 {r.task_code} 冲突（{choice}）：{r.what()}\n    表中 {r.sent}\n    台账现在：{r.now}")
            else:
                print(f"  第{r.row}行 {r.task_code} 将记录：{r.what()}")
    for problem in plan.problems:
        print(f"问题：{problem.text()}", file=sys.stderr)
