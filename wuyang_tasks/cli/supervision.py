"""Supervision commands: urge, urgings, extension, inspect, accountability, person, templates, appoint."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from wuyang_tasks.db.models import Post, Task
from wuyang_tasks.domain.enums import (
    AccountabilityMeasure,
    CheckResult,
    ExtensionStatus,
    ResponsibilityType,
    UrgingLevel,
    UrgingMethod,
)
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.fileio import atomic_path
from wuyang_tasks.services import accountability as acc
from wuyang_tasks.services import checklists, extensions, inspections, office, people, units, urgings
from wuyang_tasks.services.task_list import chinese_date

from .args import day
from .context import CliContext



def _choice(enum_cls, option: str):
    def parse(text: str):
        try:
            return enum_cls.parse(text)
        except ValueError:
            prefixed = [m for m in enum_cls if text.strip() and m.label.startswith(text.strip())]
            if len(prefixed) == 1:  # 红 for 红色
                return prefixed[0]
            names = "、".join(m.label for m in enum_cls)
            raise argparse.ArgumentTypeError(f"{option}：无法识别“{text}”，可选：{names}") from None
    return parse


def register(sub) -> None:
    p = sub.add_parser("urge", help="催办/督办一项任务（书面督办自动编督办单号）")
    p.add_argument("--task", required=True, metavar="编号")
    p.add_argument("--method", type=_choice(UrgingMethod, "--method"), help="电话、书面、现场；省略时按建议")
    p.add_argument("--level", type=_choice(UrgingLevel, "--level"), help="蓝、黄、红；省略时按建议")
    p.add_argument("--on", type=day, help="催办日期，默认今天")
    p.add_argument("--requirement", help="督办要求")
    p.add_argument("--by", metavar="姓名", help="督办人")
    p.set_defaults(func=cmd_urge)

    p = sub.add_parser("urgings", help="列出催办记录")
    p.add_argument("--task", metavar="编号")
    p.add_argument("--year", type=int)
    p.set_defaults(func=cmd_urgings)

    ext = sub.add_parser("extension", help="延期申请与审批").add_subparsers(dest="ext_command", required=True,
                                                                      metavar="操作")
    p = ext.add_parser("request", help="申请延期（须在完成时限届满前）")
    p.add_argument("--task", required=True, metavar="编号")
    p.add_argument("--to", required=True, type=day, help="延期后的时限")
    p.add_argument("--reason", required=True)
    p.add_argument("--on", type=day, help="申请日期，默认今天")
    p.add_argument("--unit", help="申请单位")
    p.set_defaults(func=cmd_extension_request)
    p = ext.add_parser("decide", help="批准或不批准延期申请")
    p.add_argument("id", type=int, help="延期申请号")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--approve", action="store_true")
    group.add_argument("--refuse", action="store_true")
    p.add_argument("--by", required=True, metavar="姓名", help="审批人")
    p.add_argument("--on", type=day, help="审批日期，默认今天")
    p.add_argument("--note")
    p.set_defaults(func=cmd_extension_decide)
    p = ext.add_parser("list", help="列出延期申请")
    p.add_argument("--task", metavar="编号")
    p.add_argument("--pending", action="store_true", help="只列待审批的")
    p.set_defaults(func=cmd_extension_list)

    ins = sub.add_parser("inspect", help="督导检查").add_subparsers(dest="inspect_command", required=True,
                                                                metavar="操作")
    p = ins.add_parser("record", help="登记一次督导检查；未列出的检查项目按“符合”登记")
    p.add_argument("--template", required=True, help="检查清单模板名称")
    p.add_argument("--unit", help="被检查单位（整改任务的牵头单位）")
    p.add_argument("--site", help="项目、工地或企业名称")
    p.add_argument("--on", type=day, help="检查日期，默认今天")
    p.add_argument("--inspector", action="append", required=True, metavar="姓名", help="检查人，可重复")
    p.add_argument("--fail", nargs=2, action="append", default=[], metavar=("序号", "问题"),
                   help="不符合的项目及发现的问题，可重复")
    p.add_argument("--na", type=int, action="append", default=[], metavar="序号", help="不适用的项目")
    p.add_argument("--requirement", help="整改要求（有整改时限时默认“限期整改到位”）")
    p.add_argument("--deadline", type=day, help="整改时限")
    p.add_argument("--workdays", type=int, help="整改时限：检查后 N 个工作日")
    p.add_argument("--responsible", metavar="姓名", help="整改责任人")
    p.add_argument("--parent", metavar="编号", help="所督查的任务（整改任务的上级任务）")
    p.add_argument("--summary", help="检查情况")
    p.set_defaults(func=cmd_inspect_record)
    p = ins.add_parser("list", help="列出督导检查")
    p.add_argument("--unit")
    p.set_defaults(func=cmd_inspect_list)
    p = ins.add_parser("show", help="显示一次检查的逐项结果和发现的问题")
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_inspect_show)

    a = sub.add_parser("accountability", help="问责记录（只增不改：更正或撤销）").add_subparsers(
        dest="acc_command", required=True, metavar="操作")
    p = a.add_parser("add", help="登记问责决定")
    _record_options(p, required=True)
    p.set_defaults(func=cmd_acc_add)
    p = a.add_parser("supersede", help="更正一条问责记录（新记录取代原记录，原记录保留）")
    p.add_argument("id", type=int)
    _record_options(p, required=False)
    p.set_defaults(func=cmd_acc_supersede)
    p = a.add_parser("void", help="撤销一条问责记录（撤销本身也是一条记录）")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--effective", type=day, help="撤销生效日期，默认今天")
    p.add_argument("--body", help="作出撤销决定的机关")
    p.add_argument("--number", help="撤销决定文号")
    p.set_defaults(func=cmd_acc_void)
    p = a.add_parser("list", help="列出问责记录（含已更正、已撤销的）")
    p.add_argument("--person", metavar="姓名")
    p.add_argument("--unit")
    p.set_defaults(func=cmd_acc_list)
    p = a.add_parser("delete", help="（问责记录不能删除：说明原因）")
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_acc_delete)

    p = sub.add_parser("person", help="一个人的任职、所负责任务、问责记录和每年问责次数（终身追责）")
    p.add_argument("name", metavar="姓名")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_person)

    p = sub.add_parser("templates", help="检查清单模板：列出、显示、导入导出、安装内置模板")
    p.add_argument("--show", metavar="名称", help="显示模板的检查项目")
    p.add_argument("--export", nargs=2, metavar=("名称", "文件"), help="把模板写成 JSON 文件")
    p.add_argument("--import", dest="import_file", type=Path, metavar="文件",
                   help="从 JSON 文件新建模板；同名模板已存在时作为新版本的检查项目")
    p.add_argument("--install", action="store_true", help="安装台账中还没有的内置模板")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("appoint", help="任免：某人自某日起担任某单位的某职务（前任自前一日离任）")
    p.add_argument("--unit", required=True)
    p.add_argument("--post", required=True, help="职务名称，如 镇长")
    p.add_argument("--person", required=True, metavar="姓名")
    p.add_argument("--on", required=True, type=day, help="任职生效日期")
    p.add_argument("--new-person", action="store_true", help="此人尚未登记时新建")
    p.set_defaults(func=cmd_appoint)


def _record_options(p, *, required: bool) -> None:
    p.add_argument("--person", required=required, metavar="姓名")
    p.add_argument("--measure", required=required, type=_choice(AccountabilityMeasure, "--measure"))
    p.add_argument("--type", dest="rtype", required=required,
                   type=_choice(ResponsibilityType, "--type"), help="直接责任、主要领导责任、重要领导责任")
    p.add_argument("--facts", required=required)
    p.add_argument("--effective", type=day, help="生效日期，默认今天")
    p.add_argument("--at", type=day, help="失职日期：据此找出当时所任职务")
    p.add_argument("--post", help="当时职务（没有任职记录时）")
    p.add_argument("--task", action="append", default=None, metavar="编号", help="相关任务，可重复")
    p.add_argument("--basis", help="问责依据")
    p.add_argument("--body", help="决定机关")
    p.add_argument("--number", help="决定文号")
    p.add_argument("--appeal-days", type=int, help=f"申诉期限天数，默认 {acc.APPEAL_DAYS}")


# --------------------------------------------------------------------------- lookups
def _task(s, code: str) -> Task:
    task = s.scalar(select(Task).where(Task.code == code.strip()))
    if task is None:
        raise ValidationError(f"找不到编号为“{code}”的任务。")
    return task


def _person(s, name: str, option: str) -> int:
    found = people.find_people(s, name)
    if not found:
        raise ValidationError(f"{option}：找不到人员“{name}”。")
    if len(found) > 1:
        raise ValidationError(f"{option}：有 {len(found)} 位名叫“{name}”的人员，请在人员管理中区分。")
    return found[0].id


def _unit(s, name: str, option: str) -> int:
    unit = units.find_unit(s, name)
    if unit is None:
        raise ValidationError(f"{option}：找不到单位“{name}”。")
    return unit.id


# --------------------------------------------------------------------------- urgings
def cmd_urge(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    today, cal = ledger.today(), ledger.calendar()
    with ledger.write() as s:
        task = _task(s, args.task)
        hint = urgings.suggestion_for_task(s, task.id, today=today, cal=cal)
        by = _person(s, args.by, "--by") if args.by else None
        urging = urgings.urge(s, task.id, urged_on=args.on or today, method=args.method or hint.method,
                              level=args.level or hint.level, today=today, requirement=args.requirement,
                              by_person_id=by)
        # said only once the urging is recorded: a refused one (a closed task) gets no advice
        print(f"建议：{hint.reason}")
        number = (f"，督办单{urgings.notice_label(urging.notice_year, urging.notice_number, office.load(s).code)}"
                  if urging.notice_number else "")
        print(f"已登记：{task.code} {urging.level.label}{urging.method.label}督办{number}。")
    return 0


def cmd_urgings(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.read() as s:
        task_id = _task(s, args.task).id if args.task else None
        rows = urgings.urgings_of(s, task_id, year=args.year)
    for u in rows:
        print(f"{chinese_date(u.urged_on)}\t{u.task_code}\t{u.level.label}\t{u.method.label}\t"
              f"{u.notice_label or '—'}\t{u.by_person or ''}\t{u.requirement or ''}")
    print(f"共 {len(rows)} 次催办")
    return 0


# --------------------------------------------------------------------------- extensions
def cmd_extension_request(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    today = ledger.today()
    with ledger.write() as s:
        task = _task(s, args.task)
        unit = _unit(s, args.unit, "--unit") if args.unit else None
        ext = extensions.request_extension(s, task.id, requested_on=args.on or today, new_deadline=args.to,
                                           reason=args.reason, today=today, requested_by_unit_id=unit)
        print(f"已登记延期申请 {ext.id}：{task.code} 由{chinese_date(ext.old_deadline)}延至"
              f"{chinese_date(ext.new_deadline)}，待审批。")
    return 0


def cmd_extension_decide(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    today = ledger.today()
    with ledger.write() as s:
        ext = extensions.decide_extension(s, args.id, approve=args.approve,
                                          decided_by_id=_person(s, args.by, "--by"),
                                          decided_on=args.on or today, today=today, note=args.note)
        print(f"延期申请 {ext.id}：{ext.status.label}。")
    return 0


def cmd_extension_list(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.read() as s:
        task_id = _task(s, args.task).id if args.task else None
        rows = extensions.extensions_of(s, task_id,
                                        status=ExtensionStatus.REQUESTED if args.pending else None)
    for e in rows:
        decided = f"{e.decided_by}（{chinese_date(e.decided_on)}）" if e.decided_by else ""
        print(f"{e.id}\t{e.task_code}\t{chinese_date(e.requested_on)}申请\t{chinese_date(e.old_deadline)}→"
              f"{chinese_date(e.new_deadline)}\t{e.status.label}\t{decided}\t{e.reason}")
    print(f"共 {len(rows)} 项延期申请")
    return 0


# --------------------------------------------------------------------------- inspections
def cmd_inspect_record(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    today, cal = ledger.today(), ledger.calendar()
    with ledger.write() as s:
        template = checklists.find_template(s, args.template)
        if template is None:
            raise ValidationError(f"--template：找不到检查清单模板“{args.template}”。")
        items = {i.seq: i for i in checklists.active_items(s, template.id)}
        failed: dict[int, str] = {}
        for seq, problem in args.fail:
            if not seq.isdigit() or int(seq) not in items:
                raise ValidationError(f"--fail：模板“{template.name}”没有第 {seq} 项。")
            failed[int(seq)] = problem
        for seq in args.na:
            if seq not in items:
                raise ValidationError(f"--na：模板“{template.name}”没有第 {seq} 项。")
        results = [inspections.ItemResult(
            i.id, CheckResult.FAIL if seq in failed else
            CheckResult.NOT_APPLICABLE if seq in args.na else CheckResult.PASS, failed.get(seq))
            for seq, i in sorted(items.items())]
        rectify = args.deadline is not None or args.workdays is not None
        responsible = _person(s, args.responsible, "--responsible") if args.responsible else None
        findings = [inspections.FindingSpec(
            problem, requirement=(args.requirement or "限期整改到位") if rectify else None,
            deadline=args.deadline, workdays=args.workdays, item_id=items[seq].id,
            responsible_person_id=responsible) for seq, problem in failed.items()]
        inspectors = []
        for name in args.inspector:
            found = people.find_people(s, name)
            inspectors.append(inspections.Inspector(person_id=found[0].id) if len(found) == 1
                              else inspections.Inspector(name=name))
        inspection = inspections.record_inspection(
            s, inspected_on=args.on or today, today=today, cal=cal, inspectors=inspectors,
            unit_id=_unit(s, args.unit, "--unit") if args.unit else None, site=args.site,
            template_id=template.id, results=results, findings=findings, summary=args.summary,
            parent_task_id=_task(s, args.parent).id if args.parent else None)
        made = inspections.rectification_tasks(s, inspection.id)
        print(f"已登记督导检查 {inspection.id}：{len(items)} 项，不符合 {len(failed)} 项。")
        for task in made:
            print(f"  整改任务 {task.code}（{chinese_date(task.deadline)}前）：{task.title}")
    return 0


def cmd_inspect_list(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.read() as s:
        unit = _unit(s, args.unit, "--unit") if args.unit else None
        rows = inspections.list_inspections(s, unit_id=unit)
    for r in rows:
        print(f"{r.id}\t{chinese_date(r.inspected_on)}\t{r.place}\t{r.template_name or ''}\t"
              f"符合{r.passed} 不符合{r.failed} 不适用{r.not_applicable}\t问题{r.findings}"
              f"（未办结整改{r.open_rectifications}）\t{'、'.join(r.inspectors)}")
    print(f"共 {len(rows)} 次督导检查")
    return 0


def cmd_inspect_show(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.read() as s:
        d = inspections.inspection_detail(s, args.id)
    r = d.row
    print(f"{chinese_date(r.inspected_on)} {r.place}  模板：{r.template_name or '无'}  检查人：{'、'.join(r.inspectors)}")
    if d.summary:
        print(f"检查情况：{d.summary}")
    for res in d.results:
        remark = f"（{res.remark}）" if res.remark else ""
        print(f"{res.seq:>3}. [{res.result.label}] {res.category or ''} {res.content}{remark}")
    for f in d.findings:
        task = f"→ 整改任务 {f.task_code}（{f.task_status.label}）" if f.task_code else ""
        print(f"问题：{f.description}  要求：{f.requirement or '—'}  时限：{chinese_date(f.deadline)} {task}")
    return 0


# --------------------------------------------------------------------------- accountability
def _spec_changes(s, args, today: date) -> dict:
    changes = {}
    if args.person:
        changes["person_id"] = _person(s, args.person, "--person")
    for key, attr in (("measure", "measure"), ("responsibility_type", "rtype"), ("facts", "facts"),
                      ("basis", "basis"), ("deciding_body", "body"), ("decision_number", "number"),
                      ("failure_on", "at"), ("post_title", "post"), ("effective_date", "effective")):
        value = getattr(args, attr)
        if value is not None:
            changes[key] = value
    if args.at is not None or args.post is not None:
        changes["tenure_id"] = None
    if args.task is not None:
        changes["task_ids"] = tuple(_task(s, code).id for code in args.task)
    if args.appeal_days is not None:
        changes["appeal_days"] = args.appeal_days
    if args.appeal_days is not None or args.effective is not None:
        changes["appeal_deadline"] = None  # counted again from the effective date
    return changes


def _print_record(v: acc.RecordView) -> None:
    tasks = f"\t任务 {'、'.join(v.task_codes)}" if v.task_codes else ""
    print(f"第{v.id}号\t{v.state_label}\t{v.person_name}\t{v.post_held}\t{v.responsibility_type.label}\t"
          f"{v.measure.label}\t{chinese_date(v.effective_date)}生效\t{v.decision_number or ''}{tasks}\t{v.facts}")


def cmd_acc_add(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.write() as s:
        changes = _spec_changes(s, args, ledger.today())
        changes.setdefault("effective_date", ledger.today())
        record = acc.issue(s, acc.RecordSpec(**changes), cal=ledger.calendar())
        _print_record(acc.record_views(s, record_ids=[record.id])[0])
    return 0


def cmd_acc_supersede(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.write() as s:
        spec = replace(acc.spec_of(s, args.id), **_spec_changes(s, args, ledger.today()))
        record = acc.supersede(s, args.id, spec, cal=ledger.calendar())
        for view in acc.record_views(s, record_ids=[args.id, record.id]):
            _print_record(view)
    return 0


def cmd_acc_void(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.write() as s:
        record = acc.void(s, args.id, reason=args.reason, effective_date=args.effective or ledger.today(),
                          cal=ledger.calendar(), deciding_body=args.body, decision_number=args.number)
        for view in acc.record_views(s, record_ids=[args.id, record.id]):
            _print_record(view)
    return 0


def cmd_acc_list(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.read() as s:
        person = _person(s, args.person, "--person") if args.person else None
        unit = _unit(s, args.unit, "--unit") if args.unit else None
        rows = acc.record_views(s, person_id=person, unit_id=unit)
    for v in rows:
        _print_record(v)
    print(f"共 {len(rows)} 条问责记录（有效 {sum(v.in_force for v in rows)} 条）")
    return 0


def cmd_acc_delete(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.read() as s:
        acc.refuse_delete(s, args.id)
    return 2


# --------------------------------------------------------------------------- people, templates, posts
def cmd_person(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.read() as s:
        view = people.person_view(s, _person(s, args.name, "姓名"), today=ledger.today(),
                                  cal=ledger.calendar())
    if args.json:
        json.dump(_person_json(view), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{view.name}  现任：{'、'.join(view.current_posts) or '无'}")
    print("任职经历：")
    for t in view.tenures:
        print(f"  {chinese_date(t.start)}—{chinese_date(t.end) or '今'}  {t.post}")
    print(f"所负责任（{len(view.answered_for)} 项）：")
    for a in view.answered_for:
        unit = f"{a.unit_name}{a.unit_role.label}的" if a.unit_role else ""
        light = a.alert.label if a.alert else "—"
        print(f"  {a.code}\t{unit}{a.capacity}（时任{a.post_held or '—'}）\t{a.period}\t{a.status.label}\t"
              f"{light}\t{a.deadline_display}\t{a.title}")
    print(f"问责记录（{len(view.records)} 条）：")
    for v in view.records:
        _print_record(v)
    counts = "；".join(f"{m.year}年 {m.count} 次（{'、'.join(x.label for x in m.measures)}）"
                      for m in view.measures_per_year) or "无"
    print(f"每年问责次数（有效记录）：{counts}")
    return 0


def _person_json(view: people.PersonView) -> dict:
    return {
        "id": view.id, "name": view.name, "current_posts": view.current_posts,
        "tenures": [{"post": t.post, "start": t.start.isoformat(),
                     "end": t.end.isoformat() if t.end else None} for t in view.tenures],
        "answered_for": [{"code": a.code, "title": a.title, "capacity": a.capacity,
                          "unit": a.unit_name, "unit_role": a.unit_role.label if a.unit_role else None,
                          "post_held": a.post_held, "status": a.status.label,
                          "answered_from": a.answered_from and a.answered_from.isoformat(),
                          "answered_to": a.answered_to and a.answered_to.isoformat(),
                          "alert": a.alert.label if a.alert else None} for a in view.answered_for],
        "records": [{"id": v.id, "state": v.state_label, "in_force": v.in_force, "post_held": v.post_held,
                     "measure": v.measure.label, "responsibility_type": v.responsibility_type.label,
                     "effective_date": v.effective_date.isoformat(), "tasks": v.task_codes}
                    for v in view.records],
        "measures_per_year": {str(m.year): m.count for m in view.measures_per_year},
    }


def cmd_templates(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    if args.install:
        with ledger.write() as s:
            added = checklists.install_shipped(s)
        print(f"已安装：{'、'.join(added)}" if added else "内置模板均已在台账中。")
    if args.import_file:
        spec = checklists.read_template_file(args.import_file)
        with ledger.write() as s:
            existing = checklists.find_template(s, spec.name)
            if existing is None:
                checklists.create_template(s, spec)
                print(f"已新建模板“{spec.name}”（{len(spec.items)} 项）。")
            else:
                checklists.revise_items(s, existing.id, spec.items)
                print(f"模板“{spec.name}”的检查项目已更新为新版本（原项目停用保留，旧检查记录不变）。")
    with ledger.read() as s:
        views = {v.name: v for v in checklists.template_views(s, include_inactive=True)}
    if args.export:
        name, target = args.export
        if name not in views:
            raise ValidationError(f"--export：找不到模板“{name}”。")
        with atomic_path(Path(target)) as tmp:
            Path(tmp).write_text(json.dumps(checklists.template_json(views[name]), ensure_ascii=False,
                                            indent=1), encoding="utf-8")
        print(f"已写出：{target}")
    elif args.show:
        if args.show not in views:
            raise ValidationError(f"--show：找不到模板“{args.show}”。")
        view = views[args.show]
        print(f"{view.name}（第 {view.version} 版）{view.description or ''}")
        for i in view.items:
            print(f"{i.seq:>3}. {i.category or ''}\t{i.content}")
    elif not (args.install or args.import_file):
        for v in views.values():
            print(f"{v.name}\t{len(v.items)} 项\t{'在用' if v.active else '停用'}\t{v.description or ''}")
    return 0


def cmd_appoint(ctx: CliContext, args) -> int:
    ledger = ctx.ledger()
    with ledger.write() as s:
        unit = _unit(s, args.unit, "--unit")
        post = s.scalar(select(Post).where(Post.unit_id == unit, Post.title == args.post.strip()))
        if post is None:
            raise ValidationError(f"--post：单位“{args.unit}”没有“{args.post}”职务。")
        found = people.find_people(s, args.person)
        if not found and not args.new_person:
            raise ValidationError(f"--person：找不到人员“{args.person}”；如是新人员请加 --new-person。")
        person = found[0].id if found else units.add_person(s, args.person).id
        if len(found) > 1:
            raise ValidationError(f"--person：有 {len(found)} 位名叫“{args.person}”的人员。")
        units.appoint(s, post.id, person, args.on)
        print(f"{args.person}自{chinese_date(args.on)}起任{args.unit}{post.title}。")
    return 0
