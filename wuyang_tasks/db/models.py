"""SQLAlchemy 2.x typed models of the ledger (docs/DESIGN.md "Model"), mapped onto the tables
of ``db.tables``: the schema is declared there, once; a class here adds the typed attributes
(``Mapped[...]``, for the type checker: the columns are the table's), its relationships and,
for rows that clerks edit, ``version`` as the optimistic lock.

Importing this module (and ``sqlalchemy.orm``) is what the window's start leaves until after its
first paint: its reads before then go through the tables.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, relationship

from wuyang_tasks.domain.enums import (
    AccountabilityMeasure,
    CheckResult,
    ChiefKind,
    DeadlineBasis,
    ExtensionStatus,
    MetricDirection,
    MetricKind,
    RecordAction,
    ResponsibilityType,
    Role,
    SourceKind,
    TaskStatus,
    UnitKind,
    Urgency,
    UrgingLevel,
    UrgingMethod,
)

from . import tables


def set_up_mappers() -> None:
    """What SQLAlchemy does at the first ORM statement of a process (every mapper's relationships
    and loaders: ≈ 20 ms). The window calls it once it has painted; the reads before its first
    paint go through the tables (Core) and do not need it."""
    configure_mappers()


def table_of(model) -> Table:
    """A mapped class's (or row's) table, typed as what it is: SQLAlchemy types ``__table__``
    as any FromClause."""
    return model.__table__


class Base(DeclarativeBase):
    metadata = tables.metadata

    def __init_subclass__(cls, **kw) -> None:
        cls.__tablename__ = table_of(cls).name  # the name rows are told by (audit, messages)
        super().__init_subclass__(**kw)


class Timestamped:
    """Creation time as ISO text (UTC), as recorded by the service that made the row."""

    created_at: Mapped[str]


# --------------------------------------------------------------------------- units and people
class Unit(Base):
    __table__ = tables.unit
    id: Mapped[int]
    name: Mapped[str]
    short_name: Mapped[str | None]
    kind: Mapped[UnitKind]
    sort_order: Mapped[int]
    active: Mapped[bool]
    version: Mapped[int]
    __mapper_args__ = {"version_id_col": tables.unit.c.version, "version_id_generator": False}

    posts: Mapped[list[Post]] = relationship(back_populates="unit", order_by="Post.sort_order")


class UnitAlias(Base):
    """Other names a unit goes by (县环保局 = 环保局 = 县环境保护局), used by the imports."""

    __table__ = tables.unit_alias
    id: Mapped[int]
    alias: Mapped[str]
    unit_id: Mapped[int]


class Person(Base):
    __table__ = tables.person
    id: Mapped[int]
    name: Mapped[str]
    phone: Mapped[str | None]
    note: Mapped[str | None]
    active: Mapped[bool]
    version: Mapped[int]
    __mapper_args__ = {"version_id_col": tables.person.c.version, "version_id_generator": False}


class Post(Base):
    """A post in a unit (书记, 乡镇长, 局长 …); party and government chiefs are marked."""

    __table__ = tables.post
    id: Mapped[int]
    unit_id: Mapped[int]
    title: Mapped[str]
    chief_kind: Mapped[ChiefKind | None]
    is_county_leader: Mapped[bool]
    sort_order: Mapped[int]
    version: Mapped[int]
    __mapper_args__ = {"version_id_col": tables.post.c.version, "version_id_generator": False}

    unit: Mapped[Unit] = relationship(back_populates="posts")
    tenures: Mapped[list[Tenure]] = relationship(back_populates="post", order_by="Tenure.start_date")


class Tenure(Base):
    """Who held a post from when to when (``end_date`` None: still in post)."""

    __table__ = tables.tenure
    id: Mapped[int]
    post_id: Mapped[int]
    person_id: Mapped[int]
    start_date: Mapped[date]
    end_date: Mapped[date | None]

    post: Mapped[Post] = relationship(back_populates="tenures")
    person: Mapped[Person] = relationship()


class Liaison(Base):
    """分包联系: a county leader assigned to a township (or unit) for a period."""

    __table__ = tables.liaison
    id: Mapped[int]
    leader_id: Mapped[int]
    unit_id: Mapped[int]
    start_date: Mapped[date]
    end_date: Mapped[date | None]


# --------------------------------------------------------------------------- tasks
class Source(Base, Timestamped):
    """The meeting, document or instruction tasks came from; ``text`` keeps the original."""

    __table__ = tables.source
    id: Mapped[int]
    title: Mapped[str]
    kind: Mapped[SourceKind]
    issued_on: Mapped[date | None]
    doc_number: Mapped[str | None]
    text: Mapped[str | None]


class Task(Base, Timestamped):
    __table__ = tables.task
    id: Mapped[int]
    code: Mapped[str]
    title: Mapped[str]
    content: Mapped[str]
    category: Mapped[str | None]
    source_id: Mapped[int | None]
    parent_id: Mapped[int | None]
    status: Mapped[TaskStatus]
    urgency: Mapped[Urgency]
    is_key: Mapped[bool]
    deadline: Mapped[date | None]
    deadline_basis: Mapped[DeadlineBasis]
    deadline_start: Mapped[date | None]
    deadline_days: Mapped[int | None]
    deadline_text: Mapped[str | None]
    recurrence_day: Mapped[int | None]
    ongoing: Mapped[bool]
    target: Mapped[str | None]
    note: Mapped[str | None]
    assigned_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    version: Mapped[int]
    __mapper_args__ = {"version_id_col": tables.task.c.version, "version_id_generator": False}

    responsibilities: Mapped[list[Responsibility]] = relationship(
        back_populates="task", order_by="Responsibility.sort_order")
    source: Mapped[Source | None] = relationship()
    parent: Mapped[Task | None] = relationship(remote_side=[tables.task.c.id])


class Responsibility(Base):
    """One (task, role, unit or person) row. For unit roles the party and government chiefs'
    tenures at the time of assignment are recorded, so documents name who held the post then."""

    __table__ = tables.responsibility
    id: Mapped[int]
    task_id: Mapped[int]
    role: Mapped[Role]
    unit_id: Mapped[int | None]
    person_id: Mapped[int | None]
    tenure_id: Mapped[int | None]
    party_chief_tenure_id: Mapped[int | None]
    government_chief_tenure_id: Mapped[int | None]
    sort_order: Mapped[int]

    task: Mapped[Task] = relationship(back_populates="responsibilities")
    unit: Mapped[Unit | None] = relationship()
    person: Mapped[Person | None] = relationship()


class ProgressReport(Base, Timestamped):
    __table__ = tables.progress_report
    id: Mapped[int]
    task_id: Mapped[int]
    unit_id: Mapped[int | None]
    report_date: Mapped[date]
    text: Mapped[str]
    percent: Mapped[int | None]
    reporter: Mapped[str | None]
    reporter_phone: Mapped[str | None]
    problems: Mapped[str | None]
    form_ref: Mapped[str | None]


class Extension(Base, Timestamped):
    """延期: requested before the deadline; decided (approved or refused) by a named person."""

    __table__ = tables.extension
    id: Mapped[int]
    task_id: Mapped[int]
    requested_on: Mapped[date]
    requested_by_unit_id: Mapped[int | None]
    reason: Mapped[str]
    old_deadline: Mapped[date | None]
    new_deadline: Mapped[date]
    status: Mapped[ExtensionStatus]
    decided_by_id: Mapped[int | None]
    decided_on: Mapped[date | None]
    decision_note: Mapped[str | None]
    version: Mapped[int]
    __mapper_args__ = {"version_id_col": tables.extension.c.version, "version_id_generator": False}


class Urging(Base, Timestamped):
    """催办/督办. Written urgings carry a 督办单 number, unique per year and never reused."""

    __table__ = tables.urging
    id: Mapped[int]
    task_id: Mapped[int]
    urged_on: Mapped[date]
    method: Mapped[UrgingMethod]
    level: Mapped[UrgingLevel]
    notice_year: Mapped[int | None]
    notice_number: Mapped[int | None]
    requirement: Mapped[str | None]
    note: Mapped[str | None]
    by_person_id: Mapped[int | None]


# --------------------------------------------------------------------------- inspections
class ChecklistTemplate(Base):
    __table__ = tables.checklist_template
    id: Mapped[int]
    name: Mapped[str]
    description: Mapped[str | None]
    active: Mapped[bool]
    version: Mapped[int]
    __mapper_args__ = {"version_id_col": tables.checklist_template.c.version,
                       "version_id_generator": False}

    items: Mapped[list[ChecklistItem]] = relationship(order_by="ChecklistItem.seq")


class ChecklistItem(Base):
    __table__ = tables.checklist_item
    id: Mapped[int]
    template_id: Mapped[int]
    seq: Mapped[int]
    category: Mapped[str | None]
    content: Mapped[str]
    active: Mapped[bool]


class Inspection(Base, Timestamped):
    __table__ = tables.inspection
    id: Mapped[int]
    inspected_on: Mapped[date]
    unit_id: Mapped[int | None]
    site: Mapped[str | None]
    template_id: Mapped[int | None]
    summary: Mapped[str | None]


class InspectionInspector(Base):
    __table__ = tables.inspection_inspector
    id: Mapped[int]
    inspection_id: Mapped[int]
    person_id: Mapped[int | None]
    name: Mapped[str | None]


class InspectionItemResult(Base):
    __table__ = tables.inspection_item_result
    id: Mapped[int]
    inspection_id: Mapped[int]
    item_id: Mapped[int]
    result: Mapped[CheckResult]
    remark: Mapped[str | None]


class Finding(Base):
    """A problem found on inspection; its rectification is a child task."""

    __table__ = tables.finding
    id: Mapped[int]
    inspection_id: Mapped[int]
    item_id: Mapped[int | None]
    description: Mapped[str]
    requirement: Mapped[str | None]
    deadline: Mapped[date | None]
    rectification_task_id: Mapped[int | None]


# --------------------------------------------------------------------------- accountability
class AccountabilityRecord(Base, Timestamped):
    """问责. Append-only: a correction is a new record with ``supersedes_id`` (action SUPERSEDE or
    VOID); the old one stays as it was."""

    __table__ = tables.accountability_record
    id: Mapped[int]
    action: Mapped[RecordAction]
    supersedes_id: Mapped[int | None]
    person_id: Mapped[int]
    tenure_id: Mapped[int | None]
    post_title: Mapped[str | None]
    unit_id: Mapped[int | None]
    measure: Mapped[AccountabilityMeasure]
    responsibility_type: Mapped[ResponsibilityType]
    facts: Mapped[str]
    basis: Mapped[str | None]
    deciding_body: Mapped[str | None]
    decision_number: Mapped[str | None]
    effective_date: Mapped[date]
    appeal_deadline: Mapped[date | None]


class AccountabilityTask(Base):
    __table__ = tables.accountability_task
    id: Mapped[int]
    record_id: Mapped[int]
    task_id: Mapped[int]


# --------------------------------------------------------------------------- assessment (督查考核)
class AssessmentRules(Base, Timestamped):
    """A version of the 考核计分办法 (its JSON text). Never changed: a change of rules is a new
    version in force from ``effective_from``; a period is scored by the version in force on its
    last day, so periods already past keep their scores."""

    __table__ = tables.assessment_rules
    id: Mapped[int]
    version: Mapped[int]
    name: Mapped[str]
    effective_from: Mapped[date]
    content: Mapped[str]
    note: Mapped[str | None]


class AssessmentAdjustment(Base, Timestamped):
    """加减分 by the office: points (decimal text, e.g. "-1.5") for a unit on a day, with the
    reason. Never edited: a mistaken one is cancelled by a new row pointing at it (``voids_id``)."""

    __table__ = tables.assessment_adjustment
    id: Mapped[int]
    unit_id: Mapped[int]
    day: Mapped[date]
    points: Mapped[str]
    reason: Mapped[str]
    decided_by: Mapped[str | None]
    voids_id: Mapped[int | None]


# --------------------------------------------------------------------------- 佐证材料
class Blob(Base, Timestamped):
    """A file's content, once per content (SHA-256). The bytes are in :class:`BlobChunk` rows
    of at most 1 MiB, so that neither SQLite nor PostgreSQL (bytea) ever holds a whole 50 MB
    file in one value: writing, reading and verifying stream chunk by chunk."""

    __table__ = tables.blob
    id: Mapped[int]
    sha256: Mapped[str]
    size: Mapped[int]
    chunks: Mapped[int]


class BlobChunk(Base):
    __table__ = tables.blob_chunk
    blob_id: Mapped[int]
    n: Mapped[int]
    data: Mapped[bytes]


class Attachment(Base, Timestamped):
    """A file attached as evidence to a task (or its closing, 销号), a progress report, an
    inspection finding, an extension request or an accountability record. ``sha256``, ``name``,
    ``mime`` and ``size`` are the attach event's; never deleted, only withdrawn (with reason)."""

    __table__ = tables.attachment
    id: Mapped[int]
    blob_id: Mapped[int]
    sha256: Mapped[str]
    preview_blob_id: Mapped[int | None]
    preview_sha256: Mapped[str | None]
    name: Mapped[str]
    kind: Mapped[str]
    mime: Mapped[str]
    size: Mapped[int]
    task_id: Mapped[int | None]
    report_id: Mapped[int | None]
    finding_id: Mapped[int | None]
    extension_id: Mapped[int | None]
    record_id: Mapped[int | None]
    closing: Mapped[bool]
    note: Mapped[str | None]
    withdrawn_at: Mapped[str | None]
    withdrawn_reason: Mapped[str | None]


# --------------------------------------------------------------------------- metrics
class Metric(Base):
    __table__ = tables.metric
    id: Mapped[int]
    name: Mapped[str]
    kind: Mapped[MetricKind]
    unit_of_measure: Mapped[str]
    direction: Mapped[MetricDirection]
    target_value: Mapped[float | None]
    reference_name: Mapped[str | None]
    year: Mapped[int]
    note: Mapped[str | None]
    version: Mapped[int]
    __mapper_args__ = {"version_id_col": tables.metric.c.version, "version_id_generator": False}


class MetricUnit(Base):
    __table__ = tables.metric_unit
    id: Mapped[int]
    metric_id: Mapped[int]
    unit_id: Mapped[int]
    role: Mapped[Role]


class MetricReading(Base):
    """A reading of a metric (``is_reference`` False) or of its reference series (e.g. the
    provincial average) for a day or, with ``period`` 'MONTH', a month (day = first of month)."""

    __table__ = tables.metric_reading
    id: Mapped[int]
    metric_id: Mapped[int]
    day: Mapped[date]
    period: Mapped[str]
    is_reference: Mapped[bool]
    value: Mapped[float]
    note: Mapped[str | None]


# --------------------------------------------------------------------------- calendar, meta, audit
class CalendarOverride(Base):
    """Manual working-day table: wins over the packaged holiday schedule."""

    __table__ = tables.calendar_override
    day: Mapped[date]
    is_workday: Mapped[bool]
    note: Mapped[str | None]


class LedgerMeta(Base):
    """Small key/value facts about this ledger (reference day of a demo ledger, counters)."""

    __table__ = tables.ledger_meta
    key: Mapped[str]
    value: Mapped[str]


class AuditEvent(Base):
    """Append-only, hash-chained record of every change (see domain.chain)."""

    __table__ = tables.audit_event
    id: Mapped[int]
    seq: Mapped[int]
    at: Mapped[str]
    actor: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[int | None]
    action: Mapped[str]
    before: Mapped[str | None]
    after: Mapped[str | None]
    prev_hash: Mapped[str]
    hash: Mapped[str]
    row_key: Mapped[str | None]
    row_digest: Mapped[str | None]
