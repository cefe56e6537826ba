"""SQLAlchemy 2.x typed models of the ledger (docs/DESIGN.md "Model").

Enumerations are stored by name as plain strings (no native enum types), so SQLite and
PostgreSQL hold identical data and Alembic needs no enum migrations. Rows that clerks edit
carry ``version`` for optimistic locking (the number of actions that changed the row, counted by
``db.writer``). Evidence (tasks, reports, urgings, accountability
records, audit events) is never deleted: there is no cascade delete anywhere.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, mapped_column, relationship

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

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def set_up_mappers() -> None:
    """What SQLAlchemy does at the first ORM statement of a process (every mapper's relationships
    and loaders: ≈ 20 ms). The window calls it once it has painted; the reads before its first
    paint go through the tables (Core) and do not need it."""
    configure_mappers()


def enum_column(enum_cls, **kw):
    return Enum(enum_cls, native_enum=False, length=32, validate_strings=True,
                values_callable=lambda e: [m.value for m in e], **kw)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model) -> Table:
    """A mapped class's (or row's) table, typed as what it is: SQLAlchemy types ``__table__``
    as any FromClause."""
    return model.__table__


class Timestamped:
    """Creation time as ISO text (UTC), as recorded by the service that made the row."""

    created_at: Mapped[str] = mapped_column(String(40))


# --------------------------------------------------------------------------- units and people
class Unit(Base):
    __tablename__ = "unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(50))
    kind: Mapped[UnitKind] = mapped_column(enum_column(UnitKind))
    # Official order (县委、人大、政府、政协 …, then townships as the county lists them).
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    posts: Mapped[list[Post]] = relationship(back_populates="unit", order_by="Post.sort_order")


class UnitAlias(Base):
    """Other names a unit goes by (县环保局 = 环保局 = 县环境保护局), used by the imports."""

    __tablename__ = "unit_alias"
    id: Mapped[int] = mapped_column(primary_key=True)
    alias: Mapped[str] = mapped_column(String(100), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class Post(Base):
    """A post in a unit (书记, 乡镇长, 局长 …); party and government chiefs are marked."""

    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    title: Mapped[str] = mapped_column(String(80))
    chief_kind: Mapped[ChiefKind | None] = mapped_column(enum_column(ChiefKind))
    is_county_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    unit: Mapped[Unit] = relationship(back_populates="posts")
    tenures: Mapped[list[Tenure]] = relationship(back_populates="post", order_by="Tenure.start_date")


class Tenure(Base):
    """Who held a post from when to when (``end_date`` None: still in post)."""

    __tablename__ = "tenure"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    post: Mapped[Post] = relationship(back_populates="tenures")
    person: Mapped[Person] = relationship()


class Liaison(Base):
    """分包联系: a county leader assigned to a township (or unit) for a period."""

    __tablename__ = "liaison"
    id: Mapped[int] = mapped_column(primary_key=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


# --------------------------------------------------------------------------- tasks
class Source(Base, Timestamped):
    """The meeting, document or instruction tasks came from; ``text`` keeps the original."""

    __tablename__ = "source"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[SourceKind] = mapped_column(enum_column(SourceKind))
    issued_on: Mapped[date | None] = mapped_column(Date)
    doc_number: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str | None] = mapped_column(Text)


class Task(Base, Timestamped):
    __tablename__ = "task"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    content: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(100))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    status: Mapped[TaskStatus] = mapped_column(enum_column(TaskStatus), default=TaskStatus.DRAFT)
    urgency: Mapped[Urgency] = mapped_column(enum_column(Urgency), default=Urgency.NORMAL)
    is_key: Mapped[bool] = mapped_column(Boolean, default=False)
    # 完成时限: ``deadline`` is always the computed date; for WORKDAY basis the task also keeps
    # the start date and N so that the rule can be shown ("自7月13日起5个工作日").
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_basis: Mapped[DeadlineBasis] = mapped_column(
        enum_column(DeadlineBasis), default=DeadlineBasis.CALENDAR)
    deadline_start: Mapped[date | None] = mapped_column(Date)
    deadline_days: Mapped[int | None] = mapped_column(Integer)
    deadline_text: Mapped[str | None] = mapped_column(String(100))  # as written in the source
    recurrence_day: Mapped[int | None] = mapped_column(Integer)  # "每月25日前报送"
    ongoing: Mapped[bool] = mapped_column(Boolean, default=False)  # "长期坚持"
    target: Mapped[str | None] = mapped_column(Text)  # 量化目标
    note: Mapped[str | None] = mapped_column(Text)  # 备注
    assigned_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}
    __table_args__ = (
        Index("ix_task_status_deadline", "status", "deadline"),
        CheckConstraint("recurrence_day IS NULL OR (recurrence_day BETWEEN 1 AND 31)",
                        name="recurrence_day"),
    )

    responsibilities: Mapped[list[Responsibility]] = relationship(
        back_populates="task", order_by="Responsibility.sort_order")
    source: Mapped[Source | None] = relationship()
    parent: Mapped[Task | None] = relationship(remote_side=[id])


class Responsibility(Base):
    """One (task, role, unit or person) row. For unit roles the party and government chiefs'
    tenures at the time of assignment are recorded, so documents name who held the post then."""

    __tablename__ = "responsibility"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    tenure_id: Mapped[int | None] = mapped_column(ForeignKey("tenure.id"))  # the person's post then
    party_chief_tenure_id: Mapped[int | None] = mapped_column(ForeignKey("tenure.id"))
    government_chief_tenure_id: Mapped[int | None] = mapped_column(ForeignKey("tenure.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        Index("ix_responsibility_task_role", "task_id", "role"),
        Index("ix_responsibility_unit_role_task", "unit_id", "role", "task_id"),
        Index("ix_responsibility_person_role_task", "person_id", "role", "task_id"),
        CheckConstraint("(unit_id IS NULL) <> (person_id IS NULL)", name="unit_xor_person"),
    )

    task: Mapped[Task] = relationship(back_populates="responsibilities")
    unit: Mapped[Unit | None] = relationship()
    person: Mapped[Person | None] = relationship()


class ProgressReport(Base, Timestamped):
    __tablename__ = "progress_report"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    report_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    percent: Mapped[int | None] = mapped_column(Integer)
    reporter: Mapped[str | None] = mapped_column(String(50))  # 报送人
    reporter_phone: Mapped[str | None] = mapped_column(String(40))  # 联系电话
    problems: Mapped[str | None] = mapped_column(Text)  # 存在问题
    # the 反馈表 row it was collected from (services.feedback_forms.row key): a workbook
    # collected twice records nothing the second time
    form_ref: Mapped[str | None] = mapped_column(String(200), index=True)
    __table_args__ = (
        Index("ix_progress_report_task_date", "task_id", "report_date"),
        CheckConstraint("percent IS NULL OR (percent BETWEEN 0 AND 100)", name="percent"),
    )


class Extension(Base, Timestamped):
    """延期: requested before the deadline; decided (approved or refused) by a named person."""

    __tablename__ = "extension"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    requested_on: Mapped[date] = mapped_column(Date)
    requested_by_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    reason: Mapped[str] = mapped_column(Text)
    old_deadline: Mapped[date | None] = mapped_column(Date)
    new_deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[ExtensionStatus] = mapped_column(
        enum_column(ExtensionStatus), default=ExtensionStatus.REQUESTED)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class Urging(Base, Timestamped):
    """催办/督办. Written urgings carry a 督办单 number, unique per year and never reused."""

    __tablename__ = "urging"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    urged_on: Mapped[date] = mapped_column(Date)
    method: Mapped[UrgingMethod] = mapped_column(enum_column(UrgingMethod))
    level: Mapped[UrgingLevel] = mapped_column(enum_column(UrgingLevel))
    notice_year: Mapped[int | None] = mapped_column(Integer)
    notice_number: Mapped[int | None] = mapped_column(Integer)
    requirement: Mapped[str | None] = mapped_column(Text)  # 督办要求
    note: Mapped[str | None] = mapped_column(Text)
    by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    __table_args__ = (UniqueConstraint("notice_year", "notice_number", name="uq_urging_notice"),)


# --------------------------------------------------------------------------- inspections
class ChecklistTemplate(Base):
    __tablename__ = "checklist_template"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    items: Mapped[list[ChecklistItem]] = relationship(order_by="ChecklistItem.seq")


class ChecklistItem(Base):
    __tablename__ = "checklist_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_template.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(100))
    content: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Inspection(Base, Timestamped):
    __tablename__ = "inspection"
    id: Mapped[int] = mapped_column(primary_key=True)
    inspected_on: Mapped[date] = mapped_column(Date, index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    site: Mapped[str | None] = mapped_column(String(200))  # 项目/工地/企业 name
    template_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_template.id"))
    summary: Mapped[str | None] = mapped_column(Text)


class InspectionInspector(Base):
    __tablename__ = "inspection_inspector"
    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    name: Mapped[str | None] = mapped_column(String(50))  # staff not kept as a Person


class InspectionItemResult(Base):
    __tablename__ = "inspection_item_result"
    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("checklist_item.id"))
    result: Mapped[CheckResult] = mapped_column(enum_column(CheckResult))
    remark: Mapped[str | None] = mapped_column(Text)


class Finding(Base):
    """A problem found on inspection; its rectification is a child task."""

    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_item.id"))
    description: Mapped[str] = mapped_column(Text)
    requirement: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date)
    rectification_task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"))


# --------------------------------------------------------------------------- accountability
class AccountabilityRecord(Base, Timestamped):
    """问责. Append-only: a correction is a new record with ``supersedes_id`` (action SUPERSEDE or
    VOID); the old one stays as it was."""

    __tablename__ = "accountability_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[RecordAction] = mapped_column(enum_column(RecordAction), default=RecordAction.ISSUE)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("accountability_record.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    tenure_id: Mapped[int | None] = mapped_column(ForeignKey("tenure.id"))  # post held at the time
    post_title: Mapped[str | None] = mapped_column(String(120))  # as written when no tenure is on file
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    measure: Mapped[AccountabilityMeasure] = mapped_column(enum_column(AccountabilityMeasure))
    responsibility_type: Mapped[ResponsibilityType] = mapped_column(enum_column(ResponsibilityType))
    facts: Mapped[str] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(Text)
    deciding_body: Mapped[str | None] = mapped_column(String(100))
    decision_number: Mapped[str | None] = mapped_column(String(100))
    effective_date: Mapped[date] = mapped_column(Date)
    appeal_deadline: Mapped[date | None] = mapped_column(Date)


class AccountabilityTask(Base):
    __tablename__ = "accountability_task"
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("accountability_record.id"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)


# --------------------------------------------------------------------------- assessment (督查考核)
class AssessmentRules(Base, Timestamped):
    """A version of the 考核计分办法 (its JSON text). Never changed: a change of rules is a new
    version in force from ``effective_from``; a period is scored by the version in force on its
    last day, so periods already past keep their scores."""

    __tablename__ = "assessment_rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    effective_from: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class AssessmentAdjustment(Base, Timestamped):
    """加减分 by the office: points (decimal text, e.g. "-1.5") for a unit on a day, with the
    reason. Never edited: a mistaken one is cancelled by a new row pointing at it (``voids_id``)."""

    __tablename__ = "assessment_adjustment"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    points: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    voids_id: Mapped[int | None] = mapped_column(ForeignKey("assessment_adjustment.id"))


# --------------------------------------------------------------------------- 佐证材料
class Blob(Base, Timestamped):
    """A file's content, once per content (SHA-256). The bytes are in :class:`BlobChunk` rows
    of at most 1 MiB, so that neither SQLite nor PostgreSQL (bytea) ever holds a whole 50 MB
    file in one value: writing, reading and verifying stream chunk by chunk."""

    __tablename__ = "blob"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    chunks: Mapped[int] = mapped_column(Integer)


class BlobChunk(Base):
    __tablename__ = "blob_chunk"
    blob_id: Mapped[int] = mapped_column(ForeignKey("blob.id"), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Base, Timestamped):
    """A file attached as evidence to a task (or its closing, 销号), a progress report, an
    inspection finding, an extension request or an accountability record. ``sha256``, ``name``,
    ``mime`` and ``size`` are the attach event's; never deleted, only withdrawn (with reason)."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    blob_id: Mapped[int] = mapped_column(ForeignKey("blob.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    preview_blob_id: Mapped[int | None] = mapped_column(ForeignKey("blob.id"))
    preview_sha256: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("progress_report.id"), index=True)
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("finding.id"), index=True)
    extension_id: Mapped[int | None] = mapped_column(ForeignKey("extension.id"))
    record_id: Mapped[int | None] = mapped_column(ForeignKey("accountability_record.id"), index=True)
    closing: Mapped[bool] = mapped_column(Boolean, default=False)  # 销号 evidence of the task
    note: Mapped[str | None] = mapped_column(Text)
    withdrawn_at: Mapped[str | None] = mapped_column(String(40))
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        CheckConstraint("task_id IS NOT NULL OR finding_id IS NOT NULL OR record_id IS NOT NULL",
                        name="owner"),
    )


# --------------------------------------------------------------------------- metrics
class Metric(Base):
    __tablename__ = "metric"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[MetricKind] = mapped_column(enum_column(MetricKind))
    unit_of_measure: Mapped[str] = mapped_column(String(20))  # 天, μg/m³, 类
    direction: Mapped[MetricDirection] = mapped_column(enum_column(MetricDirection))
    target_value: Mapped[float | None] = mapped_column()
    reference_name: Mapped[str | None] = mapped_column(String(100))  # e.g. 全省平均值
    year: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}
    __table_args__ = (UniqueConstraint("name", "year", name="uq_metric_name_year"),)


class MetricUnit(Base):
    __tablename__ = "metric_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    role: Mapped[Role] = mapped_column(enum_column(Role))


class MetricReading(Base):
    """A reading of a metric (``is_reference`` False) or of its reference series (e.g. the
    provincial average) for a day or, with ``period`` 'MONTH', a month (day = first of month)."""

    __tablename__ = "metric_reading"
    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id"))
    day: Mapped[date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(8), default="DAY")
    is_reference: Mapped[bool] = mapped_column(Boolean, default=False)
    value: Mapped[float] = mapped_column()
    note: Mapped[str | None] = mapped_column(String(200))
    __table_args__ = (
        UniqueConstraint("metric_id", "day", "period", "is_reference", name="uq_metric_reading"),
    )


# --------------------------------------------------------------------------- calendar, meta, audit
class CalendarOverride(Base):
    """Manual working-day table: wins over the packaged holiday schedule."""

    __tablename__ = "calendar_override"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(String(100))


class LedgerMeta(Base):
    """Small key/value facts about this ledger (reference day of a demo ledger, counters)."""

    __tablename__ = "ledger_meta"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEvent(Base):
    """Append-only, hash-chained record of every change (see domain.chain)."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # the row the event leaves behind (db.row_state): its key when not an integer id, and the
    # digest of its stored state (domain.chain.row_digest); both covered by the hash
    row_key: Mapped[str | None] = mapped_column(String(60))
    row_digest: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)
