"""Core commands: demo, tasks, verify."""

from __future__ import annotations

import json
import sys

from wuyang_tasks.db.files import set_aside
from wuyang_tasks.domain.enums import TaskStatus
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import demo, units
from wuyang_tasks.services.evidence import verify_ledger
from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.services.task_list import TaskFilter, TaskRow, list_tasks

from .context import CliContext


def register(sub) -> None:
    p = sub.add_parser("demo", help="写入演示台账（舞阳县环保攻坚，2016年）")
    p.add_argument("--force", action="store_true", help="台账不为空时也写入（追加，不删除原有数据）")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("tasks", help="列出任务")
    p.add_argument("--unit", help="单位名称（牵头、配合或属地）")
    p.add_argument("--leader", help="牵头县领导姓名")
    p.add_argument("--status", help="状态，如 办理中 或 IN_PROGRESS")
    p.add_argument("--overdue", action="store_true", help="只列逾期（红灯）任务")
    p.add_argument("--due-within", type=int, metavar="N", help="只列 N 天（按任务的计日方式）内到期的任务")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_tasks)

    p = sub.add_parser("verify", help="检查台账文件完整性和审计链；被改动时退出码为 1")
    p.set_defaults(func=cmd_verify)


def cmd_demo(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    if args.force and ledger.is_sqlite and not demo.is_empty(ledger):
        path = ledger.path
        ctx.close()
        kept = set_aside(path)
        print(f"原台账已改名保留为：{kept}")
        ledger = ctx.ledger()
    summary = demo.build_demo(ledger)
    print(f"已写入演示台账：{summary}。台账：{ledger.display_name()}")
    return 0


def task_filter_from_args(ctx: CliContext, args) -> TaskFilter:
    ledger = ctx.ledger()
    flt = TaskFilter(overdue=getattr(args, "overdue", False),
                     due_within=getattr(args, "due_within", None))
    with ledger.read() as s:
        if getattr(args, "unit", None):
            unit = units.find_unit(s, args.unit)
            if unit is None:
                raise ValidationError(f"--unit：找不到单位“{args.unit}”。")
            flt.unit_id = unit.id
        if getattr(args, "leader", None):
            person = units.find_person(s, args.leader)
            if person is None:
                raise ValidationError(f"--leader：找不到人员“{args.leader}”。")
            flt.leader_id = person.id
            flt.with_liaisons = True  # and the tasks of the townships the leader liaises with
    if getattr(args, "status", None):
        try:
            flt.statuses = frozenset({TaskStatus.parse(args.status)})
        except ValueError:
            names = "、".join(s.label for s in TaskStatus)
            raise ValidationError(f"--status：无法识别的状态“{args.status}”，可选：{names}。") from None
    return flt


def row_json(row: TaskRow) -> dict:
    return {
        "id": row.id, "code": row.code, "title": row.title, "category": row.category,
        "status": row.status.value, "status_label": row.status.label,
        "alert": row.alert.value if row.alert else None,
        "alert_label": row.alert.label if row.alert else None,
        "deadline": row.effective_deadline.isoformat() if row.effective_deadline else None,
        "original_deadline": row.deadline.isoformat() if row.deadline else None,
        "deadline_basis": row.deadline_basis.value, "deadline_display": row.deadline_display,
        "days_overdue": row.days_overdue, "days_left": row.days_left,
        "lead_leaders": row.lead_leaders, "lead_units": row.lead_units,
        "cooperating_units": row.cooperating_units, "territorial_units": row.territorial_units,
        "responsible_persons": row.responsible_persons, "liaison_leaders": row.liaison_leaders,
        "urging_count": row.urging_count,
        "last_report_date": row.last_report_date.isoformat() if row.last_report_date else None,
        "source": row.source_title,
    }


def cmd_tasks(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    flt = task_filter_from_args(ctx, args)
    with ledger.read() as s:
        rows = sorted(list_tasks(s, today=ledger.today(), cal=(cal := ledger.calendar()), flt=flt),
                      key=lambda r: code_key(r.code))
    if args.json:
        json.dump([row_json(r) for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        caption = ledger.today_caption()
        if caption:
            print(f"（{caption}）")
        for r in rows:
            light = r.alert.label if r.alert else "—"
            overdue = f" 逾期{r.days_overdue}{'个工作日' if r.deadline_basis.value == 'WORKDAY' else '天'}" \
                if r.days_overdue else ""
            via = "\t（分包联系）" if args.leader and args.leader.strip() not in r.lead_leaders else ""
            print(f"{r.code}\t{light}\t{r.status.label}\t{r.deadline_display}{overdue}\t"
                  f"{'、'.join(r.lead_units)}\t{r.title}{via}")
        print(f"共 {len(rows)} 项任务")
    warning = cal.warning()
    if warning:
        print(f"注意：{warning}", file=sys.stderr)
    return 0


def cmd_verify(ctx: CliContext, args) -> int:
    result = verify_ledger(ctx.ledger())
    print(result.message)
    return 0 if result.ok else 1

