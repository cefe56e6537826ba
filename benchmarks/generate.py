"""Realistic ledgers of N tasks, for the benchmarks and for trying the window on a big ledger.

    python -m benchmarks.generate --tasks 100000 -o /tmp/big.db

The 30 units (in official order), their party and government chiefs and the six county
leaders are written through the ordinary services, as a clerk would. The tasks then follow
over the years in meetings of 10–60 tasks each, with their responsibilities, progress reports,
urgings, extensions and every audit event the services would have written for them (create,
交办, 签收, 办理, 反馈, 办结, 归档 …), in the order they happened. These are written with Core
bulk inserts — the services would take hours at 100k tasks — but each audit event is hashed
with ``domain.chain.event_hash`` after the one before it, so ``wuyang-tasks verify`` passes
on a generated ledger. The same seed gives the same ledger.
"""

from __future__ import annotations

import argparse
import heapq
import os
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select, update

from wuyang_tasks.db import models as m
from wuyang_tasks.db import row_state
from wuyang_tasks.db.audit import HEAD_KEY, snapshot_of_row
from wuyang_tasks.db.ledger import Ledger, open_ledger
from wuyang_tasks.domain.calendar import WorkdayCalendar
from wuyang_tasks.domain.chain import GENESIS, canonical_json, event_hash
from wuyang_tasks.domain.enums import (
    ChiefKind,
    DeadlineBasis,
    ExtensionStatus,
    Role,
    SourceKind,
    TaskStatus,
    UnitKind,
    Urgency,
    UrgingLevel,
    UrgingMethod,
)
from wuyang_tasks.services import demo
from wuyang_tasks.services import units as unit_service

from . import texts

EXTRA_DEPARTMENTS = [("县财政局", "财政局", ("财政",), "局长"),
                     ("县国土资源局", "国土局", ("国土",), "局长")]
CLERKS = ("dcs_zhangli", "dcs_wangfang", "dcs_liuqiang")
FLUSH_EVENTS = 20_000


# --------------------------------------------------------------------------- structure
@dataclass
class Structure:
    """Who can be given a task, with the tenures recorded on responsibility rows."""

    leaders: list[tuple[int, int]] = field(default_factory=list)  # (person id, tenure id)
    departments: list[int] = field(default_factory=list)
    towns: list[int] = field(default_factory=list)
    short_names: dict[int, str] = field(default_factory=dict)
    chiefs: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)


def build_structure(ledger: Ledger, start: date) -> Structure:
    """30 units in official order with chiefs, six county leaders and their liaison towns."""
    st = Structure()
    names = demo._invented_names()
    with ledger.write() as s:
        s.info["now"] = _at(datetime.combine(start, datetime.min.time(), UTC).replace(hour=8))
        s.info["actor"] = CLERKS[0]
        ids: dict[str, int] = {}
        order = 0
        for name, short in demo.LEADERSHIP:
            order += 10
            ids[name] = unit_service.add_unit(s, name, UnitKind.LEADERSHIP, short_name=short,
                                              sort_order=order).id
        people = {}
        for unit, title, person, chief, sort in demo.COUNTY_LEADERS:
            people[person] = unit_service.add_person(s, person).id
            post = unit_service.add_post(s, ids[unit], title, chief_kind=chief,
                                         is_county_leader=True, sort_order=sort)
            tenure = unit_service.appoint(s, post.id, people[person], demo.TENURE_START)
            st.leaders.append((people[person], tenure.id))
        for name, short, aliases, gov_title in demo.DEPARTMENTS + EXTRA_DEPARTMENTS:
            order += 10
            uid = unit_service.add_unit(s, name, UnitKind.DEPARTMENT, short_name=short,
                                        sort_order=order, aliases=aliases).id
            ids[name] = uid
            st.departments.append(uid)
            st.short_names[uid] = short
            _chiefs(s, uid, "党组书记", gov_title, names)
        for name in demo.TOWNSHIPS:
            order += 10
            uid = unit_service.add_unit(s, name, UnitKind.TOWNSHIP, sort_order=order).id
            ids[name] = uid
            st.towns.append(uid)
            st.short_names[uid] = name
            _chiefs(s, uid, "党委书记", "镇长" if name.endswith("镇") else "乡长", names)
        for name in demo.ENTERPRISES:
            order += 10
            uid = unit_service.add_unit(s, name, UnitKind.ENTERPRISE, sort_order=order).id
            post = unit_service.add_post(s, uid, "负责人", chief_kind=ChiefKind.GOVERNMENT)
            unit_service.appoint(s, post.id, unit_service.add_person(s, next(names)).id,
                                 demo.TENURE_START)
        for leader, towns in demo.LIAISONS.items():
            for town in towns:
                unit_service.add_liaison(s, people[leader], ids[town], demo.TENURE_START)
        for uid in st.departments + st.towns:
            chiefs = unit_service.chief_tenures(s, uid, start)
            party, gov = chiefs.get(ChiefKind.PARTY), chiefs.get(ChiefKind.GOVERNMENT)
            st.chiefs[uid] = (party.id if party else None, gov.id if gov else None)
    return st


def _chiefs(s, unit_id: int, party_title: str, gov_title: str, names) -> None:
    for title, kind, sort in ((party_title, ChiefKind.PARTY, 1), (gov_title, ChiefKind.GOVERNMENT, 2)):
        post = unit_service.add_post(s, unit_id, title, chief_kind=kind, sort_order=sort)
        person = unit_service.add_person(s, next(names))
        unit_service.appoint(s, post.id, person.id, demo.TENURE_START)


# --------------------------------------------------------------------------- bulk writer
def _at(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


class BulkWriter:
    """Buffers rows per table and appends hashed audit events in order, like audit.record."""

    ORDER = (m.Source, m.Task, m.Responsibility, m.ProgressReport, m.Urging, m.Extension,
             m.AuditEvent)

    def __init__(self, conn: Connection, start: datetime):
        self.conn = conn
        self.rows: dict[Table, list[dict]] = {model.__table__: [] for model in self.ORDER}
        self.next_id = {t: (conn.scalar(select(func.max(t.c.id))) or 0) + 1 for t in self.rows}
        head = conn.execute(select(m.AuditEvent.seq, m.AuditEvent.hash)
                            .order_by(m.AuditEvent.seq.desc()).limit(1)).first()
        self.seq, self.prev = (head.seq, head.hash) if head else (0, GENESIS)
        self.clock = start
        self.rng = random.Random(7)
        self.events = 0
        self.counts: dict[str, int] = {}

    def row(self, model, **values) -> dict:
        table = model.__table__
        row = {c.key: None for c in table.columns}
        row.update(values)
        row["id"] = self.next_id[table]
        self.next_id[table] += 1
        self.rows[table].append(row)
        self.counts[table.name] = self.counts.get(table.name, 0) + 1
        return row

    def now(self, day: date) -> str:
        """Entry time of the next event: office hours of ``day``, never before the last one."""
        floor = datetime(day.year, day.month, day.day, 8, 30, tzinfo=UTC)
        self.clock = max(self.clock + timedelta(seconds=self.rng.randint(5, 40)), floor)
        return _at(self.clock)

    def event(self, at: str, entity: str, entity_id: int | None, action: str,
              before: dict | None, after: dict | None, row: dict) -> None:
        """Append an event that leaves ``row`` (its table's whole row, as stored after the
        event) behind, with the row's digest, as audit.record reads it back."""
        self.seq += 1
        before_json = canonical_json(before) if before is not None else None
        after_json = canonical_json(after) if after is not None else None
        actor = CLERKS[self.seq % len(CLERKS)]
        shape = row_state.shapes()[entity]
        row_key = None if shape.by_id else row[shape.key]
        row_digest = row_state.digest_of(shape, row)
        digest = event_hash(self.prev, self.seq, at, actor, entity, entity_id, action,
                            before_json, after_json, row_key, row_digest)
        self.row(m.AuditEvent, seq=self.seq, at=at, actor=actor, entity=entity,
                 entity_id=entity_id, action=action, before=before_json, after=after_json,
                 prev_hash=self.prev, hash=digest, row_key=row_key, row_digest=row_digest)
        self.prev = digest
        self.events += 1
        if len(self.rows[m.AuditEvent.__table__]) >= FLUSH_EVENTS:
            self.flush()

    def created(self, model, day: date, **values) -> dict:
        """Insert a row and its 'create' event with the row's snapshot (as Writer.insert states it)."""
        at = self.now(day)
        if "created_at" in model.__table__.c:
            values["created_at"] = at
        row = self.row(model, **values)
        self.event(at, model.__tablename__, row["id"], "create", None,
                   snapshot_of_row(row), row)
        return row

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                self.conn.execute(insert(table), rows)
                rows.clear()


# --------------------------------------------------------------------------- tasks
@dataclass
class Plan:
    """One task's life: the actions after its creation, each on its day."""

    status: TaskStatus
    actions: list[tuple[date, str]]  # (day, action or "progress")


class LedgerGenerator:
    def __init__(self, writer: BulkWriter, st: Structure, cal: WorkdayCalendar, today: date,
                 seed: int):
        self.w, self.st, self.cal, self.today = writer, st, cal, today
        self.rng = random.Random(seed)
        self.pending: list = []  # heap of (day, n, callable)
        self.n = 0
        self.codes: dict[int, int] = {}
        self.sources: dict[int, int] = {}
        self.notices: dict[int, int] = {}
        self.finals: dict[int, dict] = {}  # task id -> state after its actions

    def workday(self, day: date) -> date:
        while not self.cal.is_workday(day):
            day += timedelta(days=1)
        return day

    def later(self, day: date, action) -> None:
        self.n += 1
        heapq.heappush(self.pending, (day, self.n, action))

    def run_until(self, day: date) -> None:
        while self.pending and self.pending[0][0] <= day:
            when, _, action = heapq.heappop(self.pending)
            action(when)

    def meeting(self, day: date, count: int) -> int:
        """A meeting (or document) on ``day`` and the tasks it gives out."""
        self.run_until(day)
        kind = self.rng.choice([SourceKind.MEETING, SourceKind.MEETING, SourceKind.DOCUMENT,
                                SourceKind.INSTRUCTION])
        self.sources[day.year] = number = self.sources.get(day.year, 0) + 1
        title = {SourceKind.MEETING: f"县政府常务会议（{day.year}年第{number}次）",
                 SourceKind.DOCUMENT: f"关于印发《{self.rng.choice(texts.OBJECTS)}工作方案》的通知",
                 SourceKind.INSTRUCTION: f"县委主要领导批示（{day.month}月{day.day}日）"}[kind]
        source = self.w.created(
            m.Source, day, title=title, kind=kind, issued_on=day,
            doc_number=f"舞办〔{day.year}〕{number}号" if kind is SourceKind.DOCUMENT else None,
            text=texts.content(self.rng))
        for _ in range(count):
            self.task(day, source["id"])
        return count

    def task(self, day: date, source_id: int) -> None:
        rng = self.rng
        lead = rng.choice(self.st.departments) if rng.random() < 0.7 else rng.choice(self.st.towns)
        self.codes[day.year] = self.codes.get(day.year, 0) + 1
        values = dict(code=f"{day.year}-{self.codes[day.year]:03d}",
                      title=texts.title(rng, self.st.short_names[lead]),
                      content=texts.content(rng), category=rng.choice(texts.CATEGORIES),
                      source_id=source_id, parent_id=None, status=TaskStatus.DRAFT,
                      urgency=rng.choices(list(Urgency), (80, 15, 5))[0], is_key=rng.random() < 0.15,
                      deadline_basis=DeadlineBasis.CALENDAR, ongoing=False, target=None, note=None,
                      assigned_on=None, closed_on=None, version=1)
        r = rng.random()
        if r < 0.20:
            n = rng.choice([5, 10, 15, 20])
            values.update(deadline_basis=DeadlineBasis.WORKDAY, deadline_start=day, deadline_days=n,
                          deadline=self.cal.add_workdays(day, n), deadline_text=f"会后{n}个工作日内")
        elif r < 0.25:
            values.update(ongoing=True, deadline_text="长期坚持")
        elif r < 0.30:
            values.update(recurrence_day=25, deadline_text="每月25日前报送")
        else:
            values.update(deadline=day + timedelta(days=rng.choice([7, 15, 30, 30, 45, 60, 90, 180])))
        task = self.w.created(m.Task, day, **values)
        self._responsibilities(task, lead, day)
        plan = self._plan(day, task["deadline"])
        self._schedule(task, plan, lead)

    def _responsibilities(self, task: dict, lead: int, day: date) -> None:
        rng, st = self.rng, self.st
        person, tenure = rng.choice(st.leaders)
        rows = [(Role.LEAD_LEADER, None, person, tenure), (Role.LEAD_UNIT, lead, None, None)]
        if rng.random() < 0.4:
            for uid in rng.sample([u for u in st.departments if u != lead], rng.randint(1, 2)):
                rows.append((Role.COOPERATING_UNIT, uid, None, None))
        r = rng.random()
        towns = st.towns if r < 0.05 else rng.sample(st.towns, rng.randint(1, 3)) if r < 0.3 else []
        rows += [(Role.TERRITORIAL_UNIT, uid, None, None) for uid in towns if uid != lead]
        for order, (role, unit_id, person_id, tenure_id) in enumerate(rows):
            party, gov = st.chiefs[unit_id] if unit_id else (None, None)
            self.w.created(m.Responsibility, day, task_id=task["id"], role=role, unit_id=unit_id,
                           person_id=person_id, tenure_id=tenure_id, party_chief_tenure_id=party,
                           government_chief_tenure_id=gov, sort_order=order)

    def _plan(self, day: date, deadline: date | None) -> Plan:
        rng, today = self.rng, self.today
        due = deadline or day + timedelta(days=120)
        if due < today - timedelta(days=30):  # its time is past: mostly closed
            weights = {TaskStatus.DONE: 62, TaskStatus.ARCHIVED: 15, TaskStatus.CANCELLED: 4,
                       TaskStatus.SUSPENDED: 2, TaskStatus.IN_PROGRESS: 9, TaskStatus.REPORTED: 4,
                       TaskStatus.ACCEPTED: 4}
        else:
            weights = {TaskStatus.DRAFT: 5, TaskStatus.ASSIGNED: 15, TaskStatus.ACCEPTED: 15,
                       TaskStatus.IN_PROGRESS: 45, TaskStatus.REPORTED: 10, TaskStatus.DONE: 10}
        status = rng.choices(list(weights), list(weights.values()))[0]
        span = max((min(due, today) - day).days, 3)

        def step(lo: int, hi: int) -> timedelta:
            return timedelta(days=rng.randint(lo, hi))

        actions: list[tuple[date, str]] = []
        if status is TaskStatus.DRAFT:
            return Plan(status, actions)
        d = day
        actions.append((d, "assign"))
        if status is TaskStatus.CANCELLED:
            actions.append((min(d + step(3, 30), today), "cancel"))
            return Plan(status, actions)
        if status is TaskStatus.ASSIGNED:
            return Plan(status, actions)
        d = min(d + step(0, 3), today)
        actions.append((d, "accept"))
        if status is TaskStatus.ACCEPTED:
            return Plan(status, actions)
        d = min(d + step(0, 3), today)
        actions.append((d, "start"))
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            d = min(d + timedelta(days=max(1, span // 4)), today)
            actions.append((d, "progress"))
        if status is TaskStatus.SUSPENDED:
            actions.append((min(d + step(1, 20), today), "suspend"))
            return Plan(status, actions)
        if status is TaskStatus.IN_PROGRESS:
            return Plan(status, actions)
        d = min(d + step(1, 10), today)
        actions.append((d, "final"))
        actions.append((d, "report"))
        if status is TaskStatus.REPORTED:
            return Plan(status, actions)
        d = min(d + step(1, 7), today)
        actions.append((d, "approve"))
        if status is TaskStatus.ARCHIVED:
            actions.append((min(d + step(30, 120), today), "archive"))
        return Plan(status, actions)

    def _schedule(self, task: dict, plan: Plan, lead: int) -> None:
        after = {"assign": TaskStatus.ASSIGNED, "accept": TaskStatus.ACCEPTED,
                 "start": TaskStatus.IN_PROGRESS, "report": TaskStatus.REPORTED,
                 "approve": TaskStatus.DONE, "archive": TaskStatus.ARCHIVED,
                 "suspend": TaskStatus.SUSPENDED, "cancel": TaskStatus.CANCELLED}
        state = {"percent": 0}
        final = self.finals[task["id"]] = {"b_id": task["id"], "status": TaskStatus.DRAFT,
                                           "version": 1, "assigned_on": None, "closed_on": None}

        def act(name):
            def run(day: date) -> None:
                if name in ("progress", "final"):
                    closing = name == "final"
                    pct = 100 if closing else min(95, state["percent"] + self.rng.randint(10, 40))
                    state["percent"] = pct
                    self.w.created(m.ProgressReport, day, task_id=task["id"], unit_id=lead,
                                   report_date=day, text=texts.report(self.rng, closing), percent=pct)
                    return
                new = after[name]
                before_d, after_d = {"status": final["status"].value}, {"status": new.value}
                if name == "assign":  # the event holds every column the move sets (as
                    final["assigned_on"] = day  # services.tasks.status_change writes it)
                    before_d["assigned_on"], after_d["assigned_on"] = None, day.isoformat()
                if name == "approve":
                    final["closed_on"] = day
                    before_d["closed_on"], after_d["closed_on"] = None, day.isoformat()
                final["status"] = new
                final["version"] += 1
                state_after = {**task, **{k: v for k, v in final.items() if k != "b_id"}}
                self.w.event(self.w.now(day), "task", task["id"], name, before_d, after_d, state_after)
            return run

        for day, name in plan.actions:
            self.later(self.workday(day) if day < self.today else day, act(name))
        due = task["deadline"]
        if plan.status.is_open and due and due < self.today - timedelta(days=3):
            if self.rng.random() < 0.3:
                self.later(self.workday(due + timedelta(days=3)), self._urging(task))
            elif self.rng.random() < 0.05:
                self.later(due - timedelta(days=3), self._extension(task, lead))

    def _urging(self, task: dict):
        def run(day: date) -> None:
            year = day.year
            self.notices[year] = self.notices.get(year, 0) + 1
            late = (day - task["deadline"]).days
            level = UrgingLevel.RED if late > 30 else UrgingLevel.YELLOW if late > 7 else UrgingLevel.BLUE
            self.w.created(m.Urging, day, task_id=task["id"], urged_on=day, method=UrgingMethod.WRITTEN,
                           level=level, notice_year=year, notice_number=self.notices[year],
                           requirement="请于3个工作日内报送整改进展，逾期将予以通报。", note=None,
                           by_person_id=self.st.leaders[0][0])
        return run

    def _extension(self, task: dict, lead: int):
        def run(day: date) -> None:
            old = task["deadline"]
            self.w.created(m.Extension, day, task_id=task["id"], requested_on=day,
                           requested_by_unit_id=lead, reason="部分资金尚未到位，需延期完成。",
                           old_deadline=old, new_deadline=old + timedelta(days=30),
                           status=ExtensionStatus.APPROVED, decided_by_id=self.st.leaders[1][0],
                           decided_on=day, decision_note="同意延期30天，每周报送进展。", version=1)
        return run

    def finish(self) -> None:
        """Run the remaining actions; then give each task the state its actions left it in
        (tasks are inserted as created, before their later actions happen)."""
        self.run_until(date.max)
        self.w.flush()
        table = m.Task.__table__
        changed = [f for f in self.finals.values() if f["version"] > 1]
        if changed:
            self.w.conn.execute(
                update(table).where(table.c.id == bindparam("b_id"))
                .values(status=bindparam("status"), version=bindparam("version"),
                        assigned_on=bindparam("assigned_on"), closed_on=bindparam("closed_on")),
                changed)


# --------------------------------------------------------------------------- entry points
@dataclass
class Summary:
    path: Path
    tasks: int
    counts: dict[str, int]
    seconds: float

    def describe(self) -> str:
        c = self.counts
        return (f"{self.path}: {self.tasks} 项任务、{c.get('responsibility', 0)} 条责任、"
                f"{c.get('progress_report', 0)} 条进展、{c.get('urging', 0)} 次督办、"
                f"{c.get('audit_event', 0)} 条审计记录（{self.seconds:.1f} 秒）")


def span_for(tasks: int) -> int:
    """Days the ledger covers: about 30 tasks a day, at least a year, at most ten."""
    return max(365, min(3650, tasks // 30))


def generate(path: Path, tasks: int, *, seed: int = 1, today: date | None = None) -> Summary:
    """Write a new ledger of ``tasks`` tasks at ``path`` (which must not exist)."""
    started = time.perf_counter()
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    today = today or date.today()
    first = today - timedelta(days=span_for(tasks))
    ledger = open_ledger(path)
    try:
        structure = build_structure(ledger, first)
        cal = ledger.calendar()
        with ledger.engine.begin() as conn:
            writer = BulkWriter(conn, datetime(first.year, first.month, first.day, 9, tzinfo=UTC))
            gen = LedgerGenerator(writer, structure, cal, today, seed)
            rng = random.Random(seed + 1)
            meetings = max(1, tasks // 35)
            step = span_for(tasks) / meetings
            made = 0
            for i in range(meetings):
                count = tasks - made if i == meetings - 1 else min(rng.randint(10, 60), tasks - made)
                day = gen.workday(first + timedelta(days=int(i * step)))
                made += gen.meeting(day, count)
            gen.finish()
            _write_meta(conn, writer, gen)
    finally:
        ledger.dispose()
    counts = dict(writer.counts)
    counts["audit_event"] = writer.seq
    return Summary(path, tasks, counts, time.perf_counter() - started)


def _write_meta(conn: Connection, writer: BulkWriter, gen: LedgerGenerator) -> None:
    """The counters, each with its event (as services.common.set_meta writes a first value),
    then the chain's head."""
    counters = {f"task_code:{y}": str(n) for y, n in gen.codes.items()}
    counters.update({f"notice_number:{y}": str(n) for y, n in gen.notices.items()})
    at = writer.now(gen.today)
    for key, value in counters.items():
        row = {"key": key, "value": value}
        writer.event(at, "ledger_meta", None, "create", None, row, row)
    writer.flush()
    meta = {HEAD_KEY: f"{writer.seq}:{writer.prev}", **counters}
    table = m.LedgerMeta.__table__
    conn.execute(delete(table).where(table.c.key.in_(list(meta))))
    conn.execute(insert(table), [{"key": k, "value": v} for k, v in meta.items()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate",
                                     description="生成用于性能测试的仿真台账")
    parser.add_argument("--tasks", type=int, default=1000, help="任务数（默认 1000）")
    parser.add_argument("-o", "--output", type=Path, required=True, help="新台账文件")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="输出文件已存在时覆盖")
    args = parser.parse_args(argv)
    if args.tasks < 1:
        parser.error("--tasks 至少为 1")
    if args.output.exists():
        if not args.force:
            print(f"文件已存在：{args.output}（加 --force 覆盖）", file=sys.stderr)
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.output}{suffix}").unlink(missing_ok=True)
    part = args.output.with_name(args.output.name + ".part")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{part}{suffix}").unlink(missing_ok=True)
    summary = generate(part, args.tasks, seed=args.seed)
    os.replace(part, args.output)
    summary.path = args.output
    print(summary.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
