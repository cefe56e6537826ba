"""The words of the 通报 (工作周报), drafted from the period's facts, shared by its Excel, PDF and
Word versions: 总体情况 with counts, rates and who reported; the units done best and the
laggards, named with their figures by the rules stated in the text (documents.BEST_RULE,
documents.LAGGARD_RULE); and 工作要求 drafted from overdue tasks, missing reports, tasks falling
due next and year targets behind pace — a draft the clerk edits in Word before it is signed.
"""

from __future__ import annotations

from wuyang_tasks.domain.codes import code_key
from wuyang_tasks.services.documents import BEST_RULE, COMING_DAYS, LAGGARD_RULE, Briefing, UnitStat
from wuyang_tasks.services.task_list import chinese_date

JOIN = "、"
NAMED_OVERDUE = 10  # a circular names the worst cases; the 逾期任务 sheet lists every one
NAMED_COMING = 8
SECTION_NUMBERS = "一二三四五六七八九十"


def inner_quotes(title: str) -> str:
    """Quotes inside a quoted title become single quotes: “…‘六个百分之百’…”."""
    return title.replace("“", "‘").replace("”", "’")


def _days(row) -> str:
    return f"{row.days_overdue}{'个工作日' if row.deadline_basis.value == 'WORKDAY' else '天'}"


def summary_sentence(b: Briefing) -> str:
    t = b.totals
    text = (f"截至{chinese_date(b.as_of)}，纳入督办任务{t.total}项，已办结{t.done}项（占{t.done_rate:.1%}），"
            f"办理中{t.open}项（占{t.open_rate:.1%}），逾期{t.overdue}项")
    if t.suspended:
        text += f"，中止{t.suspended}项"
    text += (f"。本期内到期{t.due_in_period}项，新交办{t.assigned_in_period}项，"
             f"办结{t.closed_in_period}项。")
    return text + reporting_sentence(b)


def reporting_sentence(b: Briefing) -> str:
    """应报/已报/未报 of the period, and the units that did not report."""
    asked = [s for s in b.unit_stats if s.due_reports]
    if not asked:
        return ""
    due = sum(s.due_reports for s in asked)
    done = sum(s.reported for s in asked)
    text = (f"本期{len(asked)}个单位应报送进展{due}项，已报{done}项，未报{due - done}项"
            f"（报送率{done / due:.1%}）")
    missing = b.unreported
    if missing:
        text += "；未报送进展的单位：" + JOIN.join(f"{s.unit}（未报{s.not_reported}项）" for s in missing)
    return text + "。"


def laggard_sentence(b: Briefing) -> str:
    if not b.overdue:
        return "本期无逾期任务。"
    worst = sorted(b.overdue, key=lambda o: (-o.row.days_overdue, -o.row.urging_count, code_key(o.row.code)))
    parts = [f"{o.row.code}“{inner_quotes(o.row.title)}”（{JOIN.join(o.row.lead_units)}，逾期{_days(o.row)}）"
             for o in worst[:NAMED_OVERDUE]]
    rest = len(worst) - NAMED_OVERDUE
    more = f"等{len(worst)}项（详见“逾期任务”表）" if rest > 0 else ""
    units = JOIN.join(s.unit for s in b.laggards)
    return f"逾期未办结任务{len(b.overdue)}项：{'；'.join(parts)}{more}。涉及单位：{units}。"


def _figures(s: UnitStat) -> str:
    return f"任务{s.total}项，已办结{s.done}项，办结率{s.done_rate:.1%}"


def best_sentence(b: Briefing) -> str:
    best = b.best_units
    if not best:
        return f"本期没有{BEST_RULE}。"
    return (f"推进较好的单位（{BEST_RULE}）：" + "；".join(f"{s.unit}（{_figures(s)}）" for s in best)
            + "。")


def _lag_figures(s: UnitStat) -> str:
    parts = [_figures(s), f"逾期{s.overdue}项"]
    if s.not_reported:
        parts.append(f"未报进展{s.not_reported}项")
    return "，".join(parts)


def lagging_sentence(b: Briefing) -> str:
    """The units with overdue tasks, most first, with their figures (those that only failed to
    report are named in 总体情况)."""
    named = b.laggards
    if not named:
        return "本期没有逾期未办结任务的单位。"
    return (f"推进滞后的单位（{LAGGARD_RULE}）：" + "；".join(f"{s.unit}（{_lag_figures(s)}）" for s in named)
            + "。")


def requirement_paragraphs(b: Briefing) -> list[str]:
    """二、工作要求, drafted: one numbered paragraph per fact of the period that calls for one."""
    office = b.profile
    paragraphs = []
    if b.overdue:
        worst = sorted(b.overdue, key=lambda o: (-o.row.days_overdue, code_key(o.row.code)))[:NAMED_OVERDUE]
        codes = JOIN.join(o.row.code for o in worst) + ("等" if len(b.overdue) > len(worst) else "")
        units = JOIN.join(s.unit for s in b.laggards)
        paragraphs.append(
            f"抓紧办理逾期任务。{codes}{len(b.overdue)}项任务已超过办理时限，{units}主要负责同志要亲自过问，"
            "收到本通报后3个工作日内书面报告逾期原因、整改措施和完成时间；无正当理由逾期不办的，"
            "按照有关规定严肃问责。")
    if b.unreported:
        units = JOIN.join(s.unit for s in b.unreported)
        to = f"报送{office.name}" if office.name else "报送督查室"
        contact = f"（{office.contact_line}）" if office.contact_line else ""
        paragraphs.append(
            f"按时报送工作进展。{units}本期有任务未报送进展，请于每周五下班前将本周办理进展{to}{contact}，"
            "一事一报，逾期未报的视同工作滞后予以通报。")
    if b.coming_due:
        shown = b.coming_due[:NAMED_COMING]
        items = "；".join(f"{r.code}“{inner_quotes(r.title)}”（{JOIN.join(r.lead_units)}，{r.deadline_display}）"
                         for r in shown)
        more = f"等{len(b.coming_due)}项" if len(b.coming_due) > len(shown) else ""
        paragraphs.append(
            f"紧盯近期到期任务。今后{COMING_DAYS}天内到期的任务有{items}{more}，请责任单位倒排工期、挂图作战，"
            "确保按期办结；确需延期的，须在到期前提出书面申请，未经批准的按原时限考核。")
    behind = [m for m in (b.metrics.metrics if b.metrics else []) if m.behind]
    if behind:
        names = JOIN.join(f"{m.name}（{m.current_text}）" for m in behind)
        paragraphs.append(
            f"确保完成年度目标。{names}未达序时进度，请牵头单位和属地乡镇分析原因，"
            "制定针对性措施，下期通报报告进展。")
    paragraphs.append(
        "强化责任落实。各单位要对照本通报和附件所列任务逐项核对，落实“党政同责、一岗双责、失职追责”，"
        "对通报的问题举一反三、立行立改。")
    return [f"（{SECTION_NUMBERS[i]}）{p}" for i, p in enumerate(paragraphs)]


def briefing_title(b: Briefing) -> str:
    return f"关于{b.period}重点任务推进情况的通报"


def section_heading(number: int, text: str) -> str:
    return f"{SECTION_NUMBERS[number - 1]}、{text}"


def attachment_names(b: Briefing) -> list[str]:
    has_metrics = bool(b.metrics and b.metrics.metrics)
    return (["任务进展明细", "逾期任务"] + (["督导检查情况"] if b.inspections else [])
            + (["目标指标完成情况"] if has_metrics else []))


def body_sections(b: Briefing, metrics_sentence) -> list[tuple[str, list[str]]]:
    """The 通报's numbered sections (heading, paragraphs) in order, the per-unit table going
    after the second section's paragraphs. ``metrics_sentence`` renders the year targets."""
    sections = [("总体情况", [summary_sentence(b)]),
                ("各单位办理情况", [best_sentence(b), lagging_sentence(b), laggard_sentence(b)])]
    if b.metrics and b.metrics.metrics:
        sections.append(("目标指标完成情况", [metrics_sentence(b.metrics)]))
    if b.inspections:
        found = sum(i.findings for i in b.inspections)
        fixed = sum(i.rectified for i in b.inspections)
        sections.append(("督导检查情况", [f"本期开展督导检查{len(b.inspections)}次，发现问题{found}个，"
                                        f"已整改{fixed}个。"]))
    sections.append(("工作要求", requirement_paragraphs(b)))
    return [(section_heading(i, h), ps) for i, (h, ps) in enumerate(sections, start=1)]
