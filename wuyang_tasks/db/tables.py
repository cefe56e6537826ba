"""The ledger's tables, declared once with SQLAlchemy Core (docs/DESIGN.md "Model").

The mapped classes of ``db.models`` are mapped onto these very tables (``__table__``): this
module is the schema, the models add relationships and optimistic locking. It imports no
``sqlalchemy.orm``, so what the window reads before its first paint (the ledger's facts, the
change counter, the first screenful of tasks) needs neither the ORM nor the 31 classes (≈ 80 ms
and 9.5 MB of every start; benchmarks/README.md "Start-up, fourth round").

Enumerations are stored by name as plain strings (no native enum types), so SQLite and
PostgreSQL hold identical data and Alembic needs no enum migrations. Rows that clerks edit
carry ``version`` for optimistic locking (the number of actions that changed the row, counted by
``db.writer``). Evidence (tasks, reports, urgings, accountability records, audit events) is
never deleted: there is no cascade delete anywhere. ``created_at`` is the creation time as ISO
text (UTC), as recorded by the service that made the row.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Double,
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

metadata = MetaData(naming_convention=NAMING)


def enum_column(enum_cls) -> Enum:
    return Enum(enum_cls, native_enum=False, length=32, validate_strings=True,
                values_callable=lambda e: [m.value for m in e])


# --------------------------------------------------------------------------- units and people
unit = Table(
    "unit", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("short_name", String(50)),
    Column("kind", enum_column(UnitKind), nullable=False),
    # official order (县委、人大、政府、政协 …, then townships as the county lists them)
    Column("sort_order", Integer, nullable=False, default=0),
    Column("active", Boolean, nullable=False, default=True),
    Column("version", Integer, nullable=False, default=1),
)

unit_alias = Table(
    "unit_alias", metadata,
    Column("id", Integer, primary_key=True),
    Column("alias", String(100), nullable=False, unique=True),
    Column("unit_id", Integer, ForeignKey("unit.id"), nullable=False),
)

person = Table(
    "person", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False, index=True),
    Column("phone", String(40)),
    Column("note", Text),
    Column("active", Boolean, nullable=False, default=True),
    Column("version", Integer, nullable=False, default=1),
)

post = Table(
    "post", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("unit.id"), nullable=False, index=True),
    Column("title", String(80), nullable=False),
    Column("chief_kind", enum_column(ChiefKind)),
    Column("is_county_leader", Boolean, nullable=False, default=False),
    Column("sort_order", Integer, nullable=False, default=0),
    Column("version", Integer, nullable=False, default=1),
)

tenure = Table(
    "tenure", metadata,
    Column("id", Integer, primary_key=True),
    Column("post_id", Integer, ForeignKey("post.id"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("person.id"), nullable=False, index=True),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date),
)

liaison = Table(
    "liaison", metadata,
    Column("id", Integer, primary_key=True),
    Column("leader_id", Integer, ForeignKey("person.id"), nullable=False, index=True),
    Column("unit_id", Integer, ForeignKey("unit.id"), nullable=False, index=True),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date),
)

# --------------------------------------------------------------------------- tasks
source = Table(
    "source", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("kind", enum_column(SourceKind), nullable=False),
    Column("issued_on", Date),
    Column("doc_number", String(100)),
    Column("text", Text),
    Column("created_at", String(40), nullable=False),
)

task = Table(
    "task", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("title", String(300), nullable=False),
    Column("content", Text, nullable=False, default=""),
    Column("category", String(100)),
    Column("source_id", Integer, ForeignKey("source.id"), index=True),
    Column("parent_id", Integer, ForeignKey("task.id"), index=True),
    Column("status", enum_column(TaskStatus), nullable=False, default=TaskStatus.DRAFT),
    Column("urgency", enum_column(Urgency), nullable=False, default=Urgency.NORMAL),
    Column("is_key", Boolean, nullable=False, default=False),
    # 完成时限: ``deadline`` is always the computed date; for WORKDAY basis the task also keeps
    # the start date and N so that the rule can be shown ("自7月13日起5个工作日")
    Column("deadline", Date),
    Column("deadline_basis", enum_column(DeadlineBasis), nullable=False, default=DeadlineBasis.CALENDAR),
    Column("deadline_start", Date),
    Column("deadline_days", Integer),
    Column("deadline_text", String(100)),  # as written in the source
    Column("recurrence_day", Integer),  # "每月25日前报送"
    Column("ongoing", Boolean, nullable=False, default=False),  # "长期坚持"
    Column("target", Text),  # 量化目标
    Column("note", Text),
    Column("assigned_on", Date),
    Column("closed_on", Date),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", String(40), nullable=False),
    Index("ix_task_status_deadline", "status", "deadline"),
    CheckConstraint("recurrence_day IS NULL OR (recurrence_day BETWEEN 1 AND 31)", name="recurrence_day"),
)

responsibility = Table(
    "responsibility", metadata,
    Column("id", Integer, primary_key=True),
    Column("task_id", Integer, ForeignKey("task.id"), nullable=False),
    Column("role", enum_column(Role), nullable=False),
    Column("unit_id", Integer, ForeignKey("unit.id")),
    Column("person_id", Integer, ForeignKey("person.id")),
    Column("tenure_id", Integer, ForeignKey("tenure.id")),  # the person's post then
    Column("party_chief_tenure_id", Integer, ForeignKey("tenure.id")),
    Column("government_chief_tenure_id", Integer, ForeignKey("tenure.id")),
    Column("sort_order", Integer, nullable=False, default=0),
    Index("ix_responsibility_task_role", "task_id", "role"),
    Index("ix_responsibility_unit_role_task", "unit_id", "role", "task_id"),
    Index("ix_responsibility_person_role_task", "person_id", "role", "task_id"),
    CheckConstraint("(unit_id IS NULL) <> (person_id IS NULL)", name="unit_xor_person"),
)

progress_report = Table(
    "progress_report", metadata,
    Column("id", Integer, primary_key=True),
    Column("task_id", Integer, ForeignKey("task.id"), nullable=False),
    Column("unit_id", Integer, ForeignKey("unit.id")),
    Column("report_date", Date, nullable=False),
    Column("text", Text, nullable=False),
    Column("percent", Integer),
    Column("reporter", String(50)),  # 报送人
    Column("reporter_phone", String(40)),  # 联系电话
    Column("problems", Text),  # 存在问题
    # the 反馈表 row it was collected from (services.feedback_forms.row key): a workbook
    # collected twice records nothing the second time
    Column("form_ref", String(200), index=True),
    Column("created_at", String(40), nullable=False),
    Index("ix_progress_report_task_date", "task_id", "report_date"),
    CheckConstraint("percent IS NULL OR (percent BETWEEN 0 AND 100)", name="percent"),
)

extension = Table(
    "extension", metadata,
    Column("id", Integer, primary_key=True),
    Column("task_id", Integer, ForeignKey("task.id"), nullable=False, index=True),
    Column("requested_on", Date, nullable=False),
    Column("requested_by_unit_id", Integer, ForeignKey("unit.id")),
    Column("reason", Text, nullable=False),
    Column("old_deadline", Date),
    Column("new_deadline", Date, nullable=False),
    Column("status", enum_column(ExtensionStatus), nullable=False, default=ExtensionStatus.REQUESTED),
    Column("decided_by_id", Integer, ForeignKey("person.id")),
    Column("decided_on", Date),
    Column("decision_note", Text),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", String(40), nullable=False),
)

urging = Table(
    "urging", metadata,
    Column("id", Integer, primary_key=True),
    Column("task_id", Integer, ForeignKey("task.id"), nullable=False, index=True),
    Column("urged_on", Date, nullable=False),
    Column("method", enum_column(UrgingMethod), nullable=False),
    Column("level", enum_column(UrgingLevel), nullable=False),
    Column("notice_year", Integer),
    Column("notice_number", Integer),
    Column("requirement", Text),  # 督办要求
    Column("note", Text),
    Column("by_person_id", Integer, ForeignKey("person.id")),
    Column("created_at", String(40), nullable=False),
    UniqueConstraint("notice_year", "notice_number", name="uq_urging_notice"),
)

# --------------------------------------------------------------------------- inspections
checklist_template = Table(
    "checklist_template", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("description", Text),
    Column("active", Boolean, nullable=False, default=True),
    Column("version", Integer, nullable=False, default=1),
)

checklist_item = Table(
    "checklist_item", metadata,
    Column("id", Integer, primary_key=True),
    Column("template_id", Integer, ForeignKey("checklist_template.id"), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("category", String(100)),
    Column("content", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
)

inspection = Table(
    "inspection", metadata,
    Column("id", Integer, primary_key=True),
    Column("inspected_on", Date, nullable=False, index=True),
    Column("unit_id", Integer, ForeignKey("unit.id"), index=True),
    Column("site", String(200)),  # 项目/工地/企业 name
    Column("template_id", Integer, ForeignKey("checklist_template.id")),
    Column("summary", Text),
    Column("created_at", String(40), nullable=False),
)

inspection_inspector = Table(
    "inspection_inspector", metadata,
    Column("id", Integer, primary_key=True),
    Column("inspection_id", Integer, ForeignKey("inspection.id"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("person.id")),
    Column("name", String(50)),  # staff not kept as a person
)

inspection_item_result = Table(
    "inspection_item_result", metadata,
    Column("id", Integer, primary_key=True),
    Column("inspection_id", Integer, ForeignKey("inspection.id"), nullable=False, index=True),
    Column("item_id", Integer, ForeignKey("checklist_item.id"), nullable=False),
    Column("result", enum_column(CheckResult), nullable=False),
    Column("remark", Text),
)

finding = Table(
    "finding", metadata,
    Column("id", Integer, primary_key=True),
    Column("inspection_id", Integer, ForeignKey("inspection.id"), nullable=False, index=True),
    Column("item_id", Integer, ForeignKey("checklist_item.id")),
    Column("description", Text, nullable=False),
    Column("requirement", Text),
    Column("deadline", Date),
    Column("rectification_task_id", Integer, ForeignKey("task.id")),
)

# --------------------------------------------------------------------------- accountability
accountability_record = Table(
    "accountability_record", metadata,
    Column("id", Integer, primary_key=True),
    Column("action", enum_column(RecordAction), nullable=False, default=RecordAction.ISSUE),
    Column("supersedes_id", Integer, ForeignKey("accountability_record.id")),
    Column("person_id", Integer, ForeignKey("person.id"), nullable=False, index=True),
    Column("tenure_id", Integer, ForeignKey("tenure.id")),  # post held at the time
    Column("post_title", String(120)),  # as written when no tenure is on file
    Column("unit_id", Integer, ForeignKey("unit.id"), index=True),
    Column("measure", enum_column(AccountabilityMeasure), nullable=False),
    Column("responsibility_type", enum_column(ResponsibilityType), nullable=False),
    Column("facts", Text, nullable=False),
    Column("basis", Text),
    Column("deciding_body", String(100)),
    Column("decision_number", String(100)),
    Column("effective_date", Date, nullable=False),
    Column("appeal_deadline", Date),
    Column("created_at", String(40), nullable=False),
)

accountability_task = Table(
    "accountability_task", metadata,
    Column("id", Integer, primary_key=True),
    Column("record_id", Integer, ForeignKey("accountability_record.id"), nullable=False, index=True),
    Column("task_id", Integer, ForeignKey("task.id"), nullable=False, index=True),
)

# --------------------------------------------------------------------------- assessment (督查考核)
assessment_rules = Table(
    "assessment_rules", metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("effective_from", Date, nullable=False),
    Column("content", Text, nullable=False),
    Column("note", Text),
    Column("created_at", String(40), nullable=False),
)

assessment_adjustment = Table(
    "assessment_adjustment", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("unit.id"), nullable=False, index=True),
    Column("day", Date, nullable=False),
    Column("points", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("decided_by", String(100)),
    Column("voids_id", Integer, ForeignKey("assessment_adjustment.id")),
    Column("created_at", String(40), nullable=False),
)

# --------------------------------------------------------------------------- 佐证材料
blob = Table(
    "blob", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("size", Integer, nullable=False),
    Column("chunks", Integer, nullable=False),
    Column("created_at", String(40), nullable=False),
)

blob_chunk = Table(
    "blob_chunk", metadata,
    Column("blob_id", Integer, ForeignKey("blob.id"), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

attachment = Table(
    "attachment", metadata,
    Column("id", Integer, primary_key=True),
    Column("blob_id", Integer, ForeignKey("blob.id"), nullable=False, index=True),
    Column("sha256", String(64), nullable=False),
    Column("preview_blob_id", Integer, ForeignKey("blob.id")),
    Column("preview_sha256", String(64)),
    Column("name", String(255), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("mime", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("task_id", Integer, ForeignKey("task.id"), index=True),
    Column("report_id", Integer, ForeignKey("progress_report.id"), index=True),
    Column("finding_id", Integer, ForeignKey("finding.id"), index=True),
    Column("extension_id", Integer, ForeignKey("extension.id")),
    Column("record_id", Integer, ForeignKey("accountability_record.id"), index=True),
    Column("closing", Boolean, nullable=False, default=False),  # 销号 evidence of the task
    Column("note", Text),
    Column("withdrawn_at", String(40)),
    Column("withdrawn_reason", Text),
    Column("created_at", String(40), nullable=False),
    CheckConstraint("task_id IS NOT NULL OR finding_id IS NOT NULL OR record_id IS NOT NULL", name="owner"),
)

# --------------------------------------------------------------------------- metrics
metric = Table(
    "metric", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("kind", enum_column(MetricKind), nullable=False),
    Column("unit_of_measure", String(20), nullable=False),  # 天, μg/m³, 类
    Column("direction", enum_column(MetricDirection), nullable=False),
    Column("target_value", Double),
    Column("reference_name", String(100)),  # e.g. 全省平均值
    Column("year", Integer, nullable=False),
    Column("note", Text),
    Column("version", Integer, nullable=False, default=1),
    UniqueConstraint("name", "year", name="uq_metric_name_year"),
)

metric_unit = Table(
    "metric_unit", metadata,
    Column("id", Integer, primary_key=True),
    Column("metric_id", Integer, ForeignKey("metric.id"), nullable=False, index=True),
    Column("unit_id", Integer, ForeignKey("unit.id"), nullable=False),
    Column("role", enum_column(Role), nullable=False),
)

metric_reading = Table(
    "metric_reading", metadata,
    Column("id", Integer, primary_key=True),
    Column("metric_id", Integer, ForeignKey("metric.id"), nullable=False),
    Column("day", Date, nullable=False),
    Column("period", String(8), nullable=False, default="DAY"),
    Column("is_reference", Boolean, nullable=False, default=False),
    Column("value", Double, nullable=False),
    Column("note", String(200)),
    UniqueConstraint("metric_id", "day", "period", "is_reference", name="uq_metric_reading"),
)

# --------------------------------------------------------------------------- calendar, meta, audit
calendar_override = Table(
    "calendar_override", metadata,
    Column("day", Date, primary_key=True),
    Column("is_workday", Boolean, nullable=False),
    Column("note", String(100)),
)

ledger_meta = Table(
    "ledger_meta", metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

audit_event = Table(
    "audit_event", metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", Integer),
    Column("action", String(40), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # the row the event leaves behind (db.row_state): its key when not an integer id, and the
    # digest of its stored state (domain.chain.row_digest); both covered by the hash
    Column("row_key", String(60)),
    Column("row_digest", String(64)),
    Index("ix_audit_event_entity", "entity", "entity_id"),
)
