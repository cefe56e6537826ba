"""Metric commands: metrics (status, --json, --export), metric-task, readings import."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.services import metrics as metric_service
from wuyang_tasks.services.metrics import MetricsReport, MetricView

from .context import CliContext


def register(sub) -> None:
    p = sub.add_parser("metrics", help="年度目标指标：进度、序时、红黄绿状态")
    p.add_argument("--year", type=int, help="指标年度（默认为计算日所在年度）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--export", metavar="FILE", help="导出指标表和图表：.xlsx（Excel 原生图表）或 .pdf")
    p.set_defaults(func=cmd_metrics)

    p = sub.add_parser("metric-task", help="为落后的指标生成一项督办任务（牵头单位、属地乡镇取自指标）")
    p.add_argument("metric", help="指标名称，如 优良天数")
    p.add_argument("--year", type=int, help="指标年度（默认为计算日所在年度）")
    p.add_argument("--title", help="任务名称（默认按指标生成）")
    p.add_argument("--assign", action="store_true", help="生成后直接交办（默认为待交办）")
    p.add_argument("--workdays", type=int, default=5, help="完成时限：N 个工作日（默认 5）")
    p.set_defaults(func=cmd_metric_task)

    p = sub.add_parser("readings", help="指标读数")
    rsub = p.add_subparsers(dest="readings_command", metavar="操作", required=True)
    q = rsub.add_parser("import", help="从 Excel（.xlsx）或 CSV 导入读数；有任何错误则不导入")
    q.add_argument("file", help="文件路径")
    q.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    q.add_argument("--metric", help="文件中没有“指标”列、工作表也不以指标命名时使用的指标名称")
    q.set_defaults(func=cmd_readings_import)


def cmd_metrics(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.read() as s:
        report = metric_service.metrics_report(s, ledger.today(), args.year)
    if args.export:
        from wuyang_tasks.exports.metric_charts import export_metrics

        path = export_metrics(report, Path(args.export))
        print(f"已导出：{path}", file=sys.stderr if args.json else sys.stdout)
        if not args.json:
            return 0
    if args.json:
        json.dump(report_json(report), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{report.year}年目标指标 {report.caption}")
    if not report.metrics:
        print(f"台账中没有{report.year}年的指标。")
    for m in report.metrics:
        print(f"{m.status.label}\t{m.name}\t目标{m.target_text}\t{m.current_text}\t{m.reason}")
        if m.good_days:
            g = m.good_days
            print(f"\t全年{g.days_in_year}天，已过{g.days_elapsed}天、剩余{g.days_remaining}天；"
                  f"优良{g.good_days}天，无数据{g.days_without_data}天，重污染{g.heavy_days}天；"
                  f"还需{g.still_needed}天，今后需达{_pct(g.needed_rate)}")
        if m.raised_tasks:
            print(f"\t已生成督办任务：{'、'.join(m.raised_tasks)}")
    return 0


def cmd_metric_task(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    today = ledger.today()
    with ledger.write() as s:
        metric = metric_service.find_metric(s, args.metric, args.year or today.year)
        if metric is None:
            names = "、".join(metric_service.metric_names(s)) or "无"
            raise ValidationError(f"找不到指标“{args.metric}”。台账中的指标：{names}。")
        if args.workdays < 1:
            raise ValidationError("--workdays 应为正整数。")
        task = metric_service.raise_task(s, metric.id, today=today, cal=ledger.calendar(),
                                         title=args.title, assign=args.assign, workdays=args.workdays)
        print(f"已生成任务 {task.code}（{task.status.label}）：{task.title}")
    return 0


def cmd_readings_import(ctx: CliContext, args) -> int:
    from wuyang_tasks.imports.readings import import_readings

    summary = import_readings(ctx.ledger(), args.file, dry_run=args.dry_run, default_metric=args.metric)
    print(summary.text)
    if summary.backup_path:
        print(f"导入前已备份台账：{summary.backup_path}")
    return 0


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


def report_json(report: MetricsReport) -> dict:
    return {"as_of": report.as_of.isoformat(), "year": report.year, "demo_data": report.demo_data,
            "metrics": [metric_json(m) for m in report.metrics]}


def metric_json(m: MetricView) -> dict:
    out = {
        "id": m.id, "name": m.name, "kind": m.kind.value, "year": m.year,
        "unit_of_measure": m.unit_of_measure, "direction": m.direction.value,
        "target_value": m.target_value, "reference_name": m.reference_name,
        "target_text": m.target_text, "status": m.status.value, "status_label": m.status.label,
        "current_text": m.current_text, "reason": m.reason, "lead_units": list(m.lead_units),
        "territorial_units": list(m.territorial_units), "readings_count": m.readings_count,
        "last_reading_day": m.last_reading_day.isoformat() if m.last_reading_day else None,
        "demo_data": m.demo_data, "raised_tasks": list(m.raised_tasks),
    }
    if g := m.good_days:
        out["good_days"] = {
            "days_in_year": g.days_in_year, "days_elapsed": g.days_elapsed,
            "days_remaining": g.days_remaining, "good_days": g.good_days,
            "days_with_data": g.days_with_data, "days_without_data": g.days_without_data,
            "heavy_days": g.heavy_days, "pace_expected": round(g.pace_expected, 2),
            "pace_gap": round(g.pace_gap, 2), "still_needed": g.still_needed,
            "open_days": g.open_days, "needed_rate": g.needed_rate, "rate_so_far": g.rate_so_far,
            "plan_rate": g.plan_rate, "reachable": g.reachable}
    if c := m.concentration:
        out["concentration"] = {
            "ytd_mean": c.ytd_mean, "compared_mean": c.compared_mean, "limit": c.limit,
            "limit_label": c.limit_label, "excess": c.excess,
            "compared_months": [d.isoformat()[:7] for d in c.compared_months],
            "months_above": [d.isoformat()[:7] for d in c.months_above]}
        out["monthly"] = [{"month": d.isoformat()[:7], "value": v, "reference": r}
                          for d, v, r in m.monthly]
    if w := m.water:
        out["water"] = {
            "target_class": w.target_class, "months_met": [d.isoformat()[:7] for d in w.months_met],
            "months_missed": [d.isoformat()[:7] for d in w.months_missed],
            "months_without_data": [d.isoformat()[:7] for d in w.months_without_data],
            "classes": [{"month": d.isoformat()[:7], "class": c} for d, c in w.months]}
    return out
