"""反馈表: what goes out to each unit for a week, and the keys that tie a returned row to it.

One form per unit: its open tasks (已交办/已签收/办理中/已反馈 — never 待交办, 撤销, 中止, 办结) in
every unit role, with the facts the unit must not change and the columns it fills in.

Each row carries a key (hidden column ``行标识``): the week, the unit, the task and the task's
*stamp* — its version and the newest report, urging, extension and responsibilities it had when
the form was made — and a short hash of every fact cell as written. A returned row whose stamp
is no longer the task's is a conflict (something happened since); a fact cell whose hash no longer
matches was altered. The workbook carries the ledger's identity (the hash of the audit chain's
first event: a copy of the ledger, on a server or restored from a backup, is the same ledger).
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import (
    AuditEvent,
    Extension,
    ProgressReport,
    Responsibility,
    Task,
    Unit,
    Urging,
)
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import OPEN_STATUSES, DeadlineBasis, Role
from wuyang_tasks.domain.errors import ValidationError

from .feedback_period import ASKED_KINDS, UNIT_ROLES
from .task_list import TaskFilter, TaskRow, chinese_date, list_tasks

KEY_PREFIX = "WYF1"
FACT_HEADERS = ("编号", "工作任务", "责任方式", "牵头县领导", "完成时限", "时限情况", "状态", "上次进展")
INPUT_HEADERS = ("本期进展", "完成百分比", "申请", "延期至", "延期理由", "存在问题", "报送人", "联系电话",
                 "佐证材料")
KEY_HEADER = "行标识"
HEADERS = ("序号", *FACT_HEADERS, *INPUT_HEADERS, KEY_HEADER)


@dataclass(frozen=True)
class Week:
    year: int
    number: int
    start: date
    end: date

    @classmethod
    def of(cls, day: date) -> Week:
        year, number, _ = day.isocalendar()
        start = date.fromisocalendar(year, number, 1)
        return cls(year, number, start, date.fromisocalendar(year, number, 7))

    @classmethod
    def parse(cls, text: str) -> Week:
        """2016-W30 (ISO week)."""
        try:
            year, number = text.strip().upper().split("-W")
            return cls.of(date.fromisocalendar(int(year), int(number), 1))
        except ValueError:
            raise ValidationError(f"周次“{text}”格式不对，应为 年-W周次，例如 2016-W30。") from None

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def caption(self) -> str:
        return f"{self.year}年第{self.number}周"


@dataclass(frozen=True)
class RowKey:
    week: str
    unit_id: int
    task_id: int
    stamp: str
    fact_hash: str

    def text(self) -> str:
        return "/".join((KEY_PREFIX, self.week, str(self.unit_id), str(self.task_id), self.stamp,
                         self.fact_hash))

    @classmethod
    def parse(cls, text: object) -> RowKey | None:
        parts = str(text or "").strip().split("/")
        if len(parts) != 6 or parts[0] != KEY_PREFIX or not (parts[2].isdigit() and parts[3].isdigit()):
            return None
        return cls(parts[1], int(parts[2]), int(parts[3]), parts[4], parts[5])


def fact_hash(facts: tuple[str, ...]) -> str:
    """Four hex digits per fact cell (which one was altered can be named)."""
    return "".join(f"{zlib.crc32(normal_text(v).encode()) & 0xFFFF:04x}" for v in facts)


def altered_facts(key: RowKey, facts: tuple[str, ...]) -> list[int]:
    """Indexes (in FACT_HEADERS) of the fact cells that differ from what was sent."""
    now = fact_hash(facts)
    return [i for i in range(len(FACT_HEADERS)) if now[4 * i:4 * i + 4] != key.fact_hash[4 * i:4 * i + 4]]


def normal_text(value: object) -> str:
    """A cell's text compared as written (line ends and surrounding blanks as a spreadsheet
    program may rewrite them)."""
    if value is None:
        return ""
    return "\n".join(line.strip() for line in str(value).replace("\r\n", "\n").split("\n")).strip()


@dataclass
class FormRow:
    task_id: int
    facts: tuple[str, ...]  # in FACT_HEADERS order
    key: str
    alert: str | None  # AlertLevel value, for the cell's colour


@dataclass
class FeedbackForm:
    ledger_id: str
    issuer: str
    unit_id: int
    unit_name: str
    week: Week
    sent_on: date
    rows: list[FormRow] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return f"{self.unit_name}_反馈表_{self.week.caption}.xlsx"


def ledger_identity(session: Session) -> str:
    first = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.seq).limit(1))
    return (first or "")[:16]


def task_stamps(session: Session, task_ids: list[int]) -> dict[int, str]:
    """task id → its stamp now (see the module docstring); a few grouped queries."""
    ids = list(task_ids)
    if not ids:
        return {}

    def per_task(task_column, value) -> dict[int, int]:
        return dict(session.execute(select(task_column, value).where(task_column.in_(ids))
                                    .group_by(task_column)).all())

    versions = dict(session.execute(select(Task.id, Task.version).where(Task.id.in_(ids))).all())
    reports = per_task(ProgressReport.task_id, func.max(ProgressReport.id))
    urgings = per_task(Urging.task_id, func.max(Urging.id))
    ext_ids = per_task(Extension.task_id, func.max(Extension.id))
    ext_versions = per_task(Extension.task_id, func.sum(Extension.version))
    roles: dict[int, list] = defaultdict(list)
    for task_id, role, unit_id, person_id in session.execute(
            select(Responsibility.task_id, Responsibility.role, Responsibility.unit_id,
                   Responsibility.person_id).where(Responsibility.task_id.in_(ids))):
        roles[task_id].append(f"{role}:{unit_id}:{person_id}")
    return {tid: f"{versions[tid]}-{reports.get(tid, 0)}-{urgings.get(tid, 0)}-{ext_ids.get(tid, 0)}"
                 f".{ext_versions.get(tid, 0)}-{zlib.crc32(';'.join(sorted(roles[tid])).encode()):x}"
            for tid in ids if tid in versions}


def stamp_parts(stamp: str) -> dict[str, str]:
    """A stamp's parts by name (version, report, urging, extension, roles)."""
    parts = stamp.split("-")
    if len(parts) != 5:
        return {}
    return dict(zip(("version", "report", "urging", "extension", "roles"), parts))


def deadline_state(row: TaskRow) -> str:
    """时限情况 as a unit reads it: the light and the days left or overdue."""
    word = "个工作日" if row.deadline_basis is DeadlineBasis.WORKDAY else "天"
    light = row.alert.label if row.alert else ""
    if row.days_overdue:
        return f"{light}，已逾期{row.days_overdue}{word}"
    if row.days_left is not None:
        return f"{light}，剩余{row.days_left}{word}" if row.days_left else f"{light}，今天到期"
    return light


def last_report_caption(row: TaskRow) -> str:
    if not row.last_report_text:
        return "（尚无进展反馈）"
    day = f"{chinese_date(row.last_report_date)}：" if row.last_report_date else ""
    percent = f"（完成{row.last_percent}%）" if row.last_percent is not None else ""
    return f"{day}{row.last_report_text}{percent}"


def form_units(session: Session, names: list[str] | None) -> list[tuple[int, str]]:
    """(id, name) of the named units — or, with ``names`` None, of every township and department
    holding an open task — in official order."""
    from . import units as unit_service

    if names is not None:
        found = []
        for name in names:
            unit = unit_service.find_unit(session, name)
            if unit is None:
                raise ValidationError(f"找不到单位“{name}”。")
            found.append(unit.id)
        query = select(Unit.id, Unit.name).where(Unit.id.in_(found))
    else:
        query = select(Unit.id, Unit.name).where(Unit.kind.in_([k.value for k in ASKED_KINDS]))
    return list(session.execute(query.order_by(Unit.sort_order, Unit.id)).all())


def build_forms(session: Session, *, unit_names: list[str] | None, week: Week, as_of: date,
                cal: WorkdayCalendar, issuer: str = "") -> list[FeedbackForm]:
    """The forms to send, one per unit that holds open tasks (the named units even without:
    the caller says so), rows in 编号 order."""
    rows = {r.id: r for r in list_tasks(session, today=as_of, cal=cal,
                                        flt=TaskFilter(statuses=frozenset(OPEN_STATUSES)))}
    roles: dict[int, dict[int, list[Role]]] = defaultdict(lambda: defaultdict(list))
    for task_id, unit_id, role in session.execute(
            select(Responsibility.task_id, Responsibility.unit_id, Responsibility.role)
            .where(Responsibility.unit_id.is_not(None),
                   Responsibility.role.in_([r.value for r in UNIT_ROLES])).order_by(Responsibility.sort_order)):
        if task_id in rows:
            roles[unit_id][task_id].append(Role(role))
    stamps = task_stamps(session, list(rows))
    ident = ledger_identity(session)
    forms = []
    for unit_id, name in form_units(session, unit_names):
        form = FeedbackForm(ident, issuer, unit_id, name, week, as_of)
        for task_id in sorted(roles.get(unit_id, {}), key=lambda t: rows[t].code):
            row = rows[task_id]
            facts = (row.code, row.title, "、".join(r.label for r in dict.fromkeys(roles[unit_id][task_id])),
                     "、".join(row.lead_leaders), row.deadline_display, deadline_state(row),
                     row.status.label, last_report_caption(row))
            facts = tuple(normal_text(f) for f in facts)
            key = RowKey(week.label, unit_id, task_id, stamps[task_id], fact_hash(facts))
            form.rows.append(FormRow(task_id, facts, key.text(), row.alert.value if row.alert else None))
        if form.rows or unit_names is not None:
            forms.append(form)
    return forms


def forms_for(ledger, *, unit_names: list[str] | None, week: Week | None = None,
              as_of: date | None = None) -> list[FeedbackForm]:
    """The forms of ``week`` (default: the week of ``as_of``, default the ledger's today), their
    facts as of ``as_of`` (default: today, or the week's last day if that is earlier)."""
    from .documents import issuer_name

    today = ledger.today()
    if week is None:
        week = Week.of(as_of or today)
    day = as_of or min(today, week.end)
    cal = ledger.calendar()
    with ledger.read() as s:
        return build_forms(s, unit_names=unit_names, week=week, as_of=day, cal=cal, issuer=issuer_name(s))


def units_with_open_tasks(session: Session) -> list[tuple[int, str, int]]:
    """(id, name, open tasks) of the townships and departments a 反馈表 would go to, in
    official order: what the window offers to choose from."""
    counts = dict(session.execute(
        select(Responsibility.unit_id, func.count(func.distinct(Responsibility.task_id)))
        .join(Task, Task.id == Responsibility.task_id)
        .where(Task.status.in_([s.value for s in OPEN_STATUSES]),
               Responsibility.role.in_([r.value for r in UNIT_ROLES]))
        .group_by(Responsibility.unit_id)).all())
    return [(uid, name, counts[uid]) for uid, name in form_units(session, None) if counts.get(uid)]
