"""What importing a table would do to the ledger: resolved names, new units/people (only with
``create_missing``), tasks already present (not duplicated), and every problem.

Built from a :class:`TableReading` and a session; it reads only. ``services.intake`` applies it
inside one transaction, after planning again in that transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.models import CalendarOverride, Responsibility, Source, Task
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.enums import Role, TaskStatus, UnitKind
from wuyang_tasks.services.ledger_updates import RowUpdate
from wuyang_tasks.services.task_list import chinese_date

from .ledger_table import Field, Problem, TableReading, TableRow
from .ledger_updates import plan_update
from .names import ALL_TOWNSHIPS, is_all_townships, is_other_collective
from .resolve import NameResolver, UnitMatch

NEEDS_ASSIGNMENT = frozenset(TaskStatus) - {TaskStatus.DRAFT, TaskStatus.CANCELLED}
_STRENGTH = {Role.LEAD_LEADER: 0, Role.LEAD_UNIT: 0, Role.RESPONSIBLE_PERSON: 0,
             Role.COOPERATING_UNIT: 1, Role.TERRITORIAL_UNIT: 2}  # of a role named twice: lower wins


@dataclass(frozen=True)
class NewUnit:
    name: str
    kind: UnitKind


@dataclass
class PlannedRole:
    """One responsibility: an existing unit/person (``ref_id``) or one to create (``new_name``)."""

    role: Role
    written: str
    ref_id: int | None = None
    new_name: str | None = None
    display: str = ""

    @property
    def is_unit(self) -> bool:
        return self.role.is_unit_role


@dataclass
class PlannedTask:
    row: TableRow
    roles: list[PlannedRole] = field(default_factory=list)
    collective_notes: list[str] = field(default_factory=list)
    existing_id: int | None = None
    existing_code: str | None = None
    deadline: object = None  # DeadlineSpec | None: what is saved (see _Planner._deadline)
    update: RowUpdate | None = None  # what the row changes on the existing task

    def deadline_caption(self, show_day) -> str:
        """完成时限 for a preview: the day (formatted by ``show_day``), with the wording of a
        deadline counted in days ("会后10个工作日内"), or the wording alone (长期坚持)."""
        spec = self.deadline
        if spec is None:
            return ""
        day = spec.day or (self.row.deadline.day if spec is not self.row.deadline else None)
        if day is None:
            return spec.text or ""
        return show_day(day) + (f"（{spec.text}）" if spec.days is not None and spec.text else "")

    def names(self, role: Role) -> list[str]:
        return [r.display for r in self.roles if r.role is role]

    @property
    def note(self) -> str | None:
        parts = [self.row.note] if self.row.note else []
        if self.collective_notes:
            parts.append("其他责任单位：" + "、".join(dict.fromkeys(self.collective_notes)))
        if self.row.progress and not _reports_progress(self.row.status):
            parts.append("进展情况（导入）：" + self.row.progress)
        return "\n".join(parts) or None


def _reports_progress(status: TaskStatus | None) -> bool:
    """Progress text becomes a ProgressReport when the imported status passes 办理中."""
    return status in (TaskStatus.IN_PROGRESS, TaskStatus.REPORTED, TaskStatus.DONE, TaskStatus.ARCHIVED)


@dataclass
class LedgerPlan:
    reading: TableReading
    source_title: str
    source_id: int | None
    tasks: list[PlannedTask] = field(default_factory=list)
    new_units: list[NewUnit] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def to_create(self) -> list[PlannedTask]:
        return [t for t in self.tasks if t.existing_id is None]

    @property
    def existing(self) -> list[PlannedTask]:
        return [t for t in self.tasks if t.existing_id is not None]

    @property
    def to_update(self) -> list[PlannedTask]:
        return [t for t in self.tasks if t.update is not None and not t.update.is_empty]


def guess_kind(name: str) -> UnitKind:
    if re.search(r"(镇|乡|街道|办事处)(人民政府|政府|党委)?$", name):
        return UnitKind.TOWNSHIP
    if re.search(r"(公司|厂|企业|商城|集团|合作社|酒店|加油站)$", name):
        return UnitKind.ENTERPRISE
    return UnitKind.DEPARTMENT


def default_source_title(reading: TableReading) -> str:
    return (reading.title or reading.path.stem)[:200]


def plan_ledger(session: Session, reading: TableReading, *, create_missing: bool = False,
                source_title: str | None = None, update_deadlines: bool = False) -> LedgerPlan:
    title = (source_title or "").strip() or default_source_title(reading)
    source_id = session.scalar(select(Source.id).where(Source.title == title)
                               .order_by(Source.id).limit(1))
    plan = LedgerPlan(reading=reading, source_title=title, source_id=source_id,
                      problems=list(reading.problems))
    resolver = NameResolver(session)
    cal = WorkdayCalendar(dict(session.execute(select(CalendarOverride.day, CalendarOverride.is_workday)).all()))
    planner = _Planner(session, plan, resolver, create_missing, cal)
    for row in reading.rows:
        planner.plan_row(row)
    planner.check_duplicates()
    for task in plan.existing:
        task.update = plan_update(session, task, update_deadlines=update_deadlines,
                                  problem=planner.problem, show_day=chinese_date)
    if plan.unknown_names and not create_missing:
        plan.problems.append(Problem(
            "以下名称在台账的单位/人员名录中找不到：" + "、".join(dict.fromkeys(plan.unknown_names))
            + "。可在“单位别名”中把它们对应到已有单位，或确认后新建（命令行加 --create-missing）"))
    return plan


class _Planner:
    def __init__(self, session: Session, plan: LedgerPlan, resolver: NameResolver, create_missing: bool,
                 cal: WorkdayCalendar):
        self.s = session
        self.cal = cal
        self.plan = plan
        self.resolver = resolver
        self.create_missing = create_missing
        self._new_units: dict[str, NewUnit] = {}
        self._new_people: dict[str, None] = {}
        self._unit_names: dict[str, tuple[str, UnitMatch | None]] = {}
        self._person_names: dict[str, tuple[bool, int | None]] = {}
        self._by_code = self._tasks_by_code({r.code for r in plan.reading.rows if r.code})

    def _tasks_by_code(self, codes: set[str]) -> dict[str, tuple[int, str]]:
        """code → (id, title) of the ledger's tasks with the table's codes, in a few queries."""
        found: dict[str, tuple[int, str]] = {}
        ordered = sorted(codes)
        for i in range(0, len(ordered), 500):
            query = select(Task.code, Task.id, Task.title).where(Task.code.in_(ordered[i:i + 500]))
            found.update({code: (tid, title) for code, tid, title in self.s.execute(query)})
        return found

    def problem(self, row: TableRow, f: Field, message: str, value=None, *, error: bool = True) -> None:
        self.plan.problems.append(Problem(message, sheet=row.sheet, row=row.row, column=row.column(f),
                                          field=f.value, value=value, is_error=error))

    def plan_row(self, row: TableRow) -> None:
        task = PlannedTask(row=row, deadline=self._deadline(row))
        self.plan.tasks.append(task)
        for written in row.leaders:
            self._person(task, Role.LEAD_LEADER, Field.LEADER, written)
        lead_taken = False
        for written in row.lead_units:
            role = Role.LEAD_UNIT
            if self._unit_name(written)[0] == "unit":
                if lead_taken:
                    role = Role.COOPERATING_UNIT
                    self.problem(row, Field.LEAD_UNIT, "写了多个牵头单位：一项任务只能有一个牵头单位，"
                                 "其余按配合单位导入", written, error=False)
                lead_taken = True
            self._unit(task, role, Field.LEAD_UNIT, written)
        for written in row.coop_units:
            self._unit(task, Role.COOPERATING_UNIT, Field.COOP_UNIT, written)
        for written in row.territorial:
            self._unit(task, Role.TERRITORIAL_UNIT, Field.TERRITORIAL, written)
        for written in row.persons:
            self._person(task, Role.RESPONSIBLE_PERSON, Field.PERSON, written)
        self._dedupe_roles(task)
        status = row.status
        if status in NEEDS_ASSIGNMENT:
            if not any(r.role is Role.LEAD_UNIT for r in task.roles):
                self.problem(row, Field.STATUS, "状态表明任务已交办，但没有牵头单位", status.label)
            if row.deadline is None:
                self.problem(row, Field.STATUS, "状态表明任务已交办，但没有完成时限", status.label)
        self._match_existing(task)

    def _deadline(self, row: TableRow):
        """A 时限说明 counting days from a stated day (the program's own export writes
        "会后10个工作日内（自2016年7月13日起算）") is kept as such — overdue days then count in
        working days — when it gives the date in 完成时限; otherwise 完成时限 is the deadline."""
        counted = row.counted_deadline
        if counted is None:
            return row.deadline
        day = counted.resolve(self.cal, None)
        if day == row.deadline.day:
            return counted
        self.problem(row, Field.DEADLINE_NOTE, f"按时限说明计算为{day:%Y-%m-%d}，与完成时限"
                     f"{row.deadline.day:%Y-%m-%d}不同（可能已批准延期），按完成时限导入",
                     counted.text, error=False)
        return row.deadline

    def _unit_name(self, written: str) -> tuple[str, UnitMatch | None]:
        """What a written unit name stands for — ("towns", None), ("collective", None) or
        ("unit", its match) — worked out once per name (10^4 rows name a few dozen units)."""
        known = self._unit_names.get(written)
        if known is None:
            if is_all_townships(written):
                known = ("towns", None)
            elif is_other_collective(written):
                known = ("collective", None)
            else:
                known = ("unit", self.resolver.unit(written))
            self._unit_names[written] = known
        return known

    def _unit(self, task: PlannedTask, role: Role, f: Field, written: str) -> None:
        kind, match = self._unit_name(written)
        if kind == "towns":
            towns = self.resolver.townships()
            if not towns:
                self.problem(task.row, f, "台账中还没有乡镇，无法展开为各乡镇", written)
            for uid in towns:
                task.roles.append(PlannedRole(Role.TERRITORIAL_UNIT, ALL_TOWNSHIPS, ref_id=uid,
                                              display=self.resolver.unit_name(uid)))
            return
        if kind == "collective":
            task.collective_notes.append(written)
            return
        if match.found:
            task.roles.append(PlannedRole(role, written, ref_id=match.unit_id, display=match.unit_name))
        elif match.candidates:
            self.problem(task.row, f, "对应多个单位（" + "、".join(match.candidates)
                         + "），请写全称或在单位别名中指定", written)
        elif self.create_missing:
            self._new_units.setdefault(written, NewUnit(written, guess_kind(written)))
            if self._new_units[written] not in self.plan.new_units:
                self.plan.new_units.append(self._new_units[written])
            task.roles.append(PlannedRole(role, written, new_name=written, display=written))
        else:
            self.plan.unknown_names.append(written)
            self.problem(task.row, f, "不在单位名录中", written)

    def _person(self, task: PlannedTask, role: Role, f: Field, written: str) -> None:
        if written not in self._person_names:  # (collective?, person id), once per name
            collective = is_other_collective(written)
            self._person_names[written] = (collective, None if collective else self.resolver.person(written))
        collective, pid = self._person_names[written]
        if collective:
            task.collective_notes.append(written)
            return
        if pid is not None:
            task.roles.append(PlannedRole(role, written, ref_id=pid, display=written))
        elif self.create_missing:
            if written not in self._new_people:
                self._new_people[written] = None
                self.plan.new_people.append(written)
            task.roles.append(PlannedRole(role, written, new_name=written, display=written))
        else:
            self.plan.unknown_names.append(written)
            self.problem(task.row, f, "不在人员名录中", written)

    @staticmethod
    def _dedupe_roles(task: PlannedTask) -> None:
        """A unit named as lead and again as co-unit or township keeps its strongest role."""
        seen: dict[tuple, PlannedRole] = {}
        for r in task.roles:
            key = (r.role if not r.is_unit else "unit", r.ref_id, r.new_name)
            if key not in seen or _STRENGTH[r.role] < _STRENGTH[seen[key].role]:
                seen[key] = r
        kept = set(map(id, seen.values()))
        task.roles = [r for r in task.roles if id(r) in kept]

    def _match_existing(self, task: PlannedTask) -> None:
        row = task.row
        if row.code:
            found = self._by_code.get(row.code)
            if found is not None:
                found_id, found_title = found
                if found_title != row.title:
                    self.problem(row, Field.CODE, f"编号已被台账中另一项任务“{found_title}”使用；如是新任务，"
                                 "请清空编号列后再导入", row.code)
                else:
                    task.existing_id, task.existing_code = found_id, row.code
                return
        if self.plan.source_id is None:
            return
        lead = next((r for r in task.roles if r.role is Role.LEAD_UNIT), None)
        if lead is not None and lead.ref_id is None:
            return
        query = select(Task.id, Task.code).where(Task.title == row.title,
                                                 Task.source_id == self.plan.source_id)
        for tid, code in self.s.execute(query):
            leads = set(self.s.scalars(select(Responsibility.unit_id).where(
                Responsibility.task_id == tid, Responsibility.role == Role.LEAD_UNIT)))
            if leads == ({lead.ref_id} if lead else set()):
                task.existing_id, task.existing_code = tid, code
                return

    def check_duplicates(self) -> None:
        codes: dict[str, int] = {}
        keys: dict[tuple, int] = {}
        for task in self.plan.tasks:
            row = task.row
            if row.code:
                if row.code in codes:
                    self.problem(row, Field.CODE, f"与第{codes[row.code]}行编号重复", row.code)
                codes.setdefault(row.code, row.row)
            if row.code:
                continue  # rows with their own 编号 are distinct tasks even when titles repeat
            lead = tuple(task.names(Role.LEAD_UNIT))
            key = (row.title, lead)
            if row.title and key in keys:
                self.problem(row, Field.TITLE, f"与第{keys[key]}行重复（工作任务和牵头单位都相同）", row.title)
            keys.setdefault(key, row.row)

