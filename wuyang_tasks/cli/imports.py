"""Intake commands: ``import ledger``, ``import minutes`` and ``alias`` (the unit alias table).

The parser is built at every program start, the window's included, so the intake machinery
(services.intake, the minutes reader, openpyxl behind the table reader) is imported inside the
handlers only.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wuyang_tasks.domain.enums import Role
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.imports.names import ALL_TOWNSHIPS
from wuyang_tasks.services.task_list import chinese_date

from .args import day
from .context import CliContext

if TYPE_CHECKING:
    from wuyang_tasks.imports.ledger_plan import LedgerPlan, PlannedTask
    from wuyang_tasks.imports.minutes import DraftTask, MinutesProposal



def register(sub) -> None:
    p = sub.add_parser("import", help="导入 Excel 任务台账，或从会议纪要/实施方案提出任务草稿")
    imp = p.add_subparsers(dest="what", metavar="类型")
    imp.required = True

    q = imp.add_parser("ledger", help="导入 Excel 任务分解表/台账（.xlsx）；有任何错误则一项也不导入")
    q.add_argument("file", type=Path, help=".xlsx 文件")
    q.add_argument("--sheet", help="工作表名称（默认：第一个有表头的工作表）")
    q.add_argument("--dry-run", action="store_true", help="只检查并列出将要新建的任务，不写入台账")
    q.add_argument("--json", action="store_true", help="与 --dry-run 同用：以 JSON 输出草稿、指标和问题")
    q.add_argument("--create-missing", action="store_true", help="新建台账中没有的单位和人员（先用 --dry-run 核对）")
    q.add_argument("--source", metavar="TITLE", help="任务来源名称（默认：表格标题）")
    q.add_argument("--update-deadlines", action="store_true",
                   help="台账中已有的任务：按表中的完成时限修改（默认只提示不同，延期请走延期审批）")
    q.set_defaults(func=cmd_import_ledger)

    q = imp.add_parser("minutes", help="从会议纪要、讲话或实施方案文本提出任务草稿（待交办）和量化指标")
    q.add_argument("file", type=Path, help="Word 文件（.docx）或文本文件（UTF-8 或 GB18030）")
    q.add_argument("--dry-run", action="store_true", help="只列出草稿，不写入台账")
    q.add_argument("--json", action="store_true", help="与 --dry-run 同用：以 JSON 输出草稿、指标和问题")
    q.add_argument("--source", metavar="TITLE", help="任务来源名称（默认：从文中识别的会议或文件名称）")
    q.add_argument("--date", type=day, help="会议或发文日期 YYYY-MM-DD（文中未写年份时用于推断时限）")
    q.add_argument("--create-missing", action="store_true", help="新建台账中没有的单位")
    q.set_defaults(func=cmd_import_minutes)

    p = sub.add_parser("alias", help="单位别名表：导入时把“县环境保护局”等写法对应到台账中的单位")
    al = p.add_subparsers(dest="what", metavar="操作")
    al.required = True
    q = al.add_parser("list", help="列出别名")
    q.set_defaults(func=cmd_alias_list)
    q = al.add_parser("add", help="添加别名")
    q.add_argument("alias", help="别名，如 县环境保护局")
    q.add_argument("unit", help="台账中的单位名称")
    q.set_defaults(func=cmd_alias_add)
    q = al.add_parser("remove", help="删除别名")
    q.add_argument("alias")
    q.set_defaults(func=cmd_alias_remove)


# --------------------------------------------------------------------------- import ledger
def cmd_import_ledger(ctx: CliContext, args) -> int:
    from wuyang_tasks.services import intake

    _json_needs_dry_run(args)
    ledger = ctx.ledger()
    reading = intake.read_table(args.file, sheet=args.sheet, ledger=ledger)
    if args.dry_run:
        plan = intake.preview_ledger(ledger, reading, create_missing=args.create_missing,
                                     source_title=args.source, update_deadlines=args.update_deadlines)
        if args.json:
            from wuyang_tasks.imports.dry_run_json import ledger_json

            _print_json(ledger_json(plan))
            return 2 if plan.errors else 0
        _print_plan(plan)
        if plan.errors:
            raise intake.ImportRejected(f"“{args.file.name}”有 {len(plan.errors)} 个问题，导入时将被拒绝：",
                                        plan.errors)
        return 0
    result = intake.import_ledger(ledger, reading, create_missing=args.create_missing,
                                  source_title=args.source, update_deadlines=args.update_deadlines)
    for problem in result.warnings:
        print(f"提示：{problem.text()}", file=sys.stderr)
    if result.backup_path:
        print(f"导入前已备份台账：{result.backup_path}")
    for name in result.new_units:
        print(f"新建单位：{name}")
    for name in result.new_people:
        print(f"新建人员：{name}")
    for code, changes in result.updated:
        print(f"已更新 {code}：{changes}")
    print(f"已导入 {len(result.created)} 项任务（来源“{result.source_title}”）；"
          f"{len(result.existing)} 项台账中已有，未重复导入，其中 {len(result.updated)} 项按表更新。")
    return 0


def _print_plan(plan: LedgerPlan) -> None:
    r = plan.reading
    print(f"文件：{r.path.name}  工作表：{r.sheet}  表头：第{'、'.join(map(str, r.header_rows))}行"
          + (f"  填报日期：{chinese_date(r.doc_date)}" if r.doc_date else ""))
    print(f"任务来源：{plan.source_title}" + ("（已有）" if plan.source_id else "（新建）"))
    for t in plan.tasks:
        print("\t".join([f"第{t.row.row}行", _kind(t), t.row.title,
                         _names(t, Role.LEAD_LEADER), _names(t, Role.LEAD_UNIT),
                         _names(t, Role.COOPERATING_UNIT), _territorial(t),
                         _deadline(t), t.row.status.label if t.row.status else "待交办",
                         t.row.category or ""]))
        if t.update is not None:
            for words in t.update.changes:
                print(f"\t  {words}")
    if plan.new_units:
        print("将新建单位：" + "、".join(f"{u.name}（{u.kind.label}）" for u in plan.new_units))
    if plan.new_people:
        print("将新建人员：" + "、".join(plan.new_people))
    for problem in plan.warnings:
        print(f"提示：{problem.text()}")
    print(f"共 {len(plan.tasks)} 行任务：将新建 {len(plan.to_create)} 项，已有 {len(plan.existing)} 项"
          f"（将更新 {len(plan.to_update)} 项）；"
          f"问题 {len(plan.errors)} 个。（试运行，未写入台账）")


def _kind(t: PlannedTask) -> str:
    if t.existing_id is None:
        return "新建"
    return "更新" if t.update is not None and not t.update.is_empty else "已有"


def _names(t: PlannedTask, role: Role) -> str:
    return "、".join(r.display for r in t.roles if r.role is role and r.written != ALL_TOWNSHIPS) or "—"


def _territorial(t: PlannedTask) -> str:
    towns = [r for r in t.roles if r.role is Role.TERRITORIAL_UNIT]
    every = [r for r in towns if r.written == ALL_TOWNSHIPS]
    named = [r.display for r in towns if r.written != ALL_TOWNSHIPS]
    parts = ([f"各乡镇（{len(every)}个）"] if every else []) + named
    return "、".join(parts) or "—"


def _deadline(t: PlannedTask) -> str:
    return t.deadline_caption(chinese_date) or "—"


# --------------------------------------------------------------------------- import minutes
def cmd_import_minutes(ctx: CliContext, args) -> int:
    from wuyang_tasks.imports.text_file import read_text_file
    from wuyang_tasks.services import intake

    _json_needs_dry_run(args)
    ledger = ctx.ledger()
    text = read_text_file(args.file)
    proposal = intake.propose_minutes(ledger, text, title=args.source, issued_on=args.date,
                                      file_stem=args.file.stem)
    if args.json and args.dry_run:
        from wuyang_tasks.imports.dry_run_json import minutes_json

        _print_json(minutes_json(proposal))
        return 0
    _print_proposal(proposal)
    if args.dry_run:
        print("（试运行，未写入台账）")
        return 0
    result = intake.save_minutes(ledger, proposal, create_missing=args.create_missing)
    if result.backup_path:
        print(f"导入前已备份台账：{result.backup_path}")
    for name in result.new_units:
        print(f"新建单位：{name}")
    print(f"已保存 {len(result.created)} 项任务草稿（待交办），来源“{result.source_title}”；"
          f"新建指标 {len(result.metrics_created)} 个"
          + (f"，已有未重复：{'、'.join(result.metrics_existing)}" if result.metrics_existing else "") + "。")
    if result.unknown_names:
        print("未识别的单位（已记在任务备注中）：" + "、".join(result.unknown_names), file=sys.stderr)
    return 0


def _json_needs_dry_run(args) -> None:
    if args.json and not args.dry_run:
        raise ValidationError("--json 只用于试运行：请同时加 --dry-run。")


def _print_json(data: dict) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=1))


def _print_proposal(p: MinutesProposal) -> None:
    day = f"  日期：{chinese_date(p.issued_on)}" if p.issued_on else ""
    print(f"来源：{p.title}（{p.kind.label}）{day}")
    print(f"文本清理：去除拼音注音 {p.cleaned.pinyin_removed} 处，繁体转简体 {p.cleaned.converted_chars} 字")
    if p.key_period:
        start, end = p.key_period
        print(f"重点时段：{chinese_date(start)}至{chinese_date(end)}（{p.key_period_sentence}）")
    if p.earlier_source:
        print(f"提示：这份会议或文件已经导入过（任务来源“{p.earlier_source}”），保存时将被拒绝。", file=sys.stderr)
    for i, d in enumerate(p.drafts, start=1):
        print(f"草稿{i}：{d.title}" + (f"  牵头县领导：{d.leader}" if d.leader else ""))
        print(f"    牵头：{d.lead.display if d.lead else '—'}  配合：{_refs(d.cooperating)}  "
              f"属地：{_draft_territorial(d)}  完成时限：{_draft_deadline(d)}")
        if d.collective:
            print(f"    其他责任单位：{'、'.join(d.collective)}")
        if d.unknown:
            print(f"    未识别的单位：{'、'.join(d.unknown)}")
        print(f"    原文：{d.sentence}")
    for m in p.metrics:
        merge = f"  并入已有指标“{m.merge_name}”" if m.merge_name else ""
        print(f"指标：{m.name} {m.target_text}（{m.year}年）{merge}  原文：{m.sentence}")
    for notice in p.notices:
        print(f"提示：{notice}", file=sys.stderr)
    print(f"共 {len(p.drafts)} 项任务草稿、{len(p.metrics)} 个指标。")


def _refs(refs) -> str:
    return "、".join(r.display for r in refs) or "—"


def _draft_territorial(d: DraftTask) -> str:
    parts = (["各乡镇"] if d.all_townships else []) + [r.display for r in d.territorial]
    return "、".join(parts) or "—"


def _draft_deadline(d: DraftTask) -> str:
    spec = d.deadline
    if spec is None:
        return "—"
    shown = chinese_date(spec.day) if spec.day else (spec.text or "")
    return shown + ("（按重点时段）" if d.deadline_from_key_period else "")


# --------------------------------------------------------------------------- aliases
def cmd_alias_list(ctx: CliContext, args) -> int:
    from wuyang_tasks.services import units

    ledger = ctx.ledger()
    with ledger.read() as s:
        rows = units.aliases_in_order(s)
    for alias, unit_name in rows:
        print(f"{alias}\t→ {unit_name}")
    print(f"共 {len(rows)} 个别名")
    return 0


def cmd_alias_add(ctx: CliContext, args) -> int:
    from wuyang_tasks.services import units

    ledger = ctx.ledger()
    with ledger.write() as s:
        unit = units.find_unit(s, args.unit)
        if unit is None:
            raise ValidationError(f"找不到单位“{args.unit}”。")
        units.add_alias(s, unit.id, args.alias)
        name = unit.name
    print(f"已添加别名：{args.alias} → {name}")
    return 0


def cmd_alias_remove(ctx: CliContext, args) -> int:
    from wuyang_tasks.services import units

    ledger = ctx.ledger()
    with ledger.write() as s:
        units.remove_alias(s, args.alias)
    print(f"已删除别名：{args.alias}")
    return 0
