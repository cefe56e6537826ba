"""督查考核 commands: assessment (scores), assessment-rules (versions), assessment-adjust (加减分),
assessment-setting (the briefing's score column)."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from wuyang_tasks.domain.assessment import cn_date, points_text
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import assessment as service
from wuyang_tasks.services import assessment_rules as rules_service
from wuyang_tasks.services import units

from .args import day
from .context import CliContext

SUFFIXES = (".xlsx", ".pdf")


def register(sub) -> None:
    p = sub.add_parser("assessment", help="督查考核：各单位按计分办法的得分，每一分都列出来源")
    p.add_argument("--year", type=int, help="考核年度（默认为计算日所在年度）")
    p.add_argument("--from", dest="start", type=day, help="考核期开始日期 YYYY-MM-DD（与 --to 同用）")
    p.add_argument("--to", dest="end", type=day, help="考核期结束日期 YYYY-MM-DD")
    p.add_argument("--unit", help="只看一个单位（列出每一项扣分、加分）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("-o", "--output", help="导出：考核.xlsx 或 考核.pdf")
    p.set_defaults(func=cmd_assessment)

    p = sub.add_parser("assessment-rules", help="督查考核计分办法：版本列表、导出、导入（导入即生成新版本）")
    p.add_argument("--export", metavar="FILE", help="把计分办法导出为 JSON 文件（默认为现行版本）")
    p.add_argument("--version", type=int, help="与 --export 同用：导出第 N 版")
    p.add_argument("--import", dest="import_file", metavar="FILE", help="导入修改后的计分办法（JSON），生成新版本")
    p.add_argument("--effective", type=day, help="与 --import 同用：施行日期（默认为今天；不能早于今天）")
    p.add_argument("--note", help="与 --import 同用：版本说明")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("assessment-adjust", help="督查室加减分（有理由、有记录，不能修改，只能撤销）")
    p.add_argument("--unit", help="单位名称")
    p.add_argument("--points", help="分值：加分 +1，减分 -0.5")
    p.add_argument("--reason", help="理由（必填）")
    p.add_argument("--on", type=day, help="日期（默认为今天）")
    p.add_argument("--by", help="决定人或会议")
    p.add_argument("--void", type=int, metavar="ID", help="撤销第 ID 号加减分记录（须写 --reason）")
    p.add_argument("--list", action="store_true", help="列出加减分记录")
    p.set_defaults(func=cmd_adjust)

    p = sub.add_parser("assessment-setting", help="周报“分单位情况”表是否加“考核得分”列")
    p.add_argument("--briefing-score", choices=["on", "off"], required=True, help="on 加上，off 去掉")
    p.set_defaults(func=cmd_setting)


def period_of(args, today) -> tuple:
    if (args.start is None) != (args.end is None):
        raise ValidationError("--from 和 --to 须同时给出。")
    if args.start is not None:
        if args.year is not None:
            raise ValidationError("--year 与 --from/--to 只能选一种。")
        return args.start, args.end
    return service.year_period(args.year or today.year)


def cmd_assessment(ctx: CliContext, args) -> int:
    if args.output and Path(args.output).suffix.lower() not in SUFFIXES:
        raise ValidationError(f"-o：不支持的文件类型“{Path(args.output).suffix or args.output}”，应为 .xlsx 或 .pdf。")
    ledger = ctx.ledger()
    today = ledger.today()
    start, end = period_of(args, today)
    with ledger.read() as s:
        unit_id = None
        if args.unit:
            unit = units.find_unit(s, args.unit)
            if unit is None:
                raise ValidationError(f"--unit：找不到单位“{args.unit}”。")
            unit_id = unit.id
        report = service.build_report(s, start=start, end=end, today=today, cal=ledger.calendar(),
                                      unit_id=unit_id)
    if args.output:
        from wuyang_tasks.exports.assessment import write_assessment_pdf, write_assessment_xlsx

        target = Path(args.output)
        if target.suffix.lower() == ".xlsx":
            print(f"已导出：{write_assessment_xlsx(report, target)}")
        else:
            result = write_assessment_pdf(report, target)
            for warning in result.warnings:
                print(f"注意：{warning}", file=sys.stderr)
            print(f"已导出：{result.path}（{result.pages}页）")
        return 0
    if args.json:
        json.dump(report_json(report), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"督查考核 {report.period}{report.counted_to}  计分办法：{report.rules.caption}")
    for u in report.units:
        sc = u.score
        print(f"{u.name}\t得分 {points_text(sc.score, False)}\t扣分 {points_text(sc.deductions, False)}\t"
              f"加分 {points_text(sc.bonus)}\t加减分 {points_text(sc.adjustments)}\t承办任务 {sc.task_count}")
        if unit_id is not None:
            for p in sc.points:
                print(f"  {cn_date(p.day)}\t{p.task_code or ''}\t{p.label}\t{points_text(p.points)}\t"
                      f"{p.rule_text}\t{p.evidence}")
    return 0


def report_json(report: service.AssessmentReport) -> dict:
    return {
        "start": report.start.isoformat(), "end": report.end.isoformat(), "as_of": report.as_of.isoformat(),
        "rules": {"version": report.rules.version, "name": report.rules.name,
                  "effective_from": report.rules.effective_from.isoformat()},
        "units": [{
            "unit": u.name, "kind": u.kind.value, "tasks": u.score.task_count,
            "base": str(u.score.base), "deductions": str(u.score.deductions), "bonus": str(u.score.bonus),
            "adjustments": str(u.score.adjustments), "score": str(u.score.score),
            "points": [{"day": p.day.isoformat(), "rule": p.rule, "label": p.label, "rule_text": p.rule_text,
                        "points": str(p.points), "evidence": p.evidence, "task": p.task_code}
                       for p in u.score.points]} for u in report.units]}


def cmd_rules(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    if args.import_file:
        path = Path(args.import_file)
        _, text = rules_service.read_rules_file(path)
        today = ledger.today()
        with ledger.write() as s:
            version = rules_service.import_rules(s, text, str(path), effective_from=args.effective or today,
                                                 today=today, note=args.note)
        print(f"已导入计分办法：{version.caption}。")
        return 0
    with ledger.read() as s:
        if args.export:
            version = rules_service.version_text(s, args.version)
            Path(args.export).write_text(version.text, encoding="utf-8")
            print(f"已导出：{args.export}（{version.caption}）")
            return 0
        for v in rules_service.versions(s):
            print(f"{v.version or '默认'}\t{v.caption}" + (f"\t{v.note}" if v.note else ""))
    return 0


def cmd_adjust(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    today = ledger.today()
    if args.list:
        with ledger.read() as s:
            for a in service.adjustment_views(s):
                state = f"（已被第{a.voided_by_id}号撤销）" if a.voided_by_id else (
                    f"撤销第{a.voids_id}号" if a.voids_id else "")
                print(f"{a.id}\t{cn_date(a.day)}\t{a.unit_name}\t{a.points}\t{a.reason}\t{a.decided_by or ''}{state}")
        return 0
    with ledger.write() as s:
        if args.void is not None:
            row = service.void_adjustment(s, args.void, reason=args.reason or "", today=today)
            print(f"已撤销第{args.void}号加减分记录（撤销记录第{row.id}号）。")
            return 0
        if not args.unit or args.points is None:
            raise ValidationError("加减分须给出 --unit 和 --points（以及 --reason）。")
        unit = units.find_unit(s, args.unit)
        if unit is None:
            raise ValidationError(f"--unit：找不到单位“{args.unit}”。")
        row = service.add_adjustment(s, unit_id=unit.id, day=args.on or today, points=args.points,
                                     reason=args.reason or "", decided_by=args.by, today=today)
        print(f"已登记加减分第{row.id}号：{unit.name} {points_text(Decimal(row.points))}分。")
    return 0


def cmd_setting(ctx: CliContext, args) -> int:
    with ctx.ledger().write() as s:
        service.set_briefing_score(s, args.briefing_score == "on")
    print("周报“分单位情况”表" + ("将加上“考核得分”列。" if args.briefing_score == "on" else "不再显示“考核得分”列。"))
    return 0
