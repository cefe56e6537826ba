"""Evidence rows against the audit chain.

The chain proves that its own events were not changed; this check proves that the evidence
tables still say what the events say. Every row of these tables is written through
``add_audited`` / ``update_audited``, so replaying its events (the 'create' snapshot, then each
change) must give exactly the row as it is now. A row edited, inserted or deleted in the
database file directly, bypassing the program, shows up here.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from wuyang_tasks.db.audit import VerifyResult, plain
from wuyang_tasks.db.models import (
    AccountabilityRecord,
    AccountabilityTask,
    AssessmentAdjustment,
    AssessmentRules,
    AuditEvent,
    ChecklistItem,
    Extension,
    Finding,
    Inspection,
    InspectionInspector,
    InspectionItemResult,
    ProgressReport,
    Urging,
)

EVIDENCE = {
    AccountabilityRecord: "问责记录",
    AccountabilityTask: "问责记录所涉任务",
    Urging: "催办记录",
    Extension: "延期申请",
    Inspection: "督导检查记录",
    InspectionInspector: "检查人",
    InspectionItemResult: "逐项检查结果",
    Finding: "检查发现问题",
    ChecklistItem: "检查清单项目",
    ProgressReport: "进展反馈",
    AssessmentRules: "考核计分办法版本",
    AssessmentAdjustment: "考核加减分记录",
}


def verify_rows(session: Session) -> VerifyResult:
    names = {model.__tablename__: label for model, label in EVIDENCE.items()}
    replayed: dict[tuple[str, int], dict] = {}
    events = session.execute(
        select(AuditEvent.entity, AuditEvent.entity_id, AuditEvent.action, AuditEvent.after)
        .where(AuditEvent.entity.in_(list(names))).order_by(AuditEvent.seq))
    for entity, entity_id, action, after in events:
        changes = json.loads(after) if after else {}
        if action == "create":
            replayed[(entity, entity_id)] = changes
        else:
            replayed.setdefault((entity, entity_id), {}).update(changes)
    checked = 0
    for model, label in EVIDENCE.items():
        table = model.__table__
        for row in session.execute(select(table).order_by(table.c.id)).mappings():
            checked += 1
            key = (table.name, row["id"])
            expected = replayed.pop(key, None)
            if expected is None:
                return _bad(f"{label}（{table.name} id={row['id']}）没有审计记录：不是通过本程序写入的。")
            for column, value in row.items():
                if column in expected and plain(value) != expected[column]:
                    return _bad(f"{label}（{table.name} id={row['id']}）的“{column}”与审计记录不符"
                                f"（审计记录为 {expected[column]!r}，现为 {plain(value)!r}）：该记录被直接改动过。")
            missing = set(table.c.keys()) - set(expected)
            if missing:
                return _bad(f"{label}（{table.name} id={row['id']}）的审计记录不完整"
                            f"（缺少 {'、'.join(sorted(missing))}）。")
    for (entity, entity_id) in replayed:
        return _bad(f"{names[entity]}（{entity} id={entity_id}）在审计记录中存在，但已从台账中删除。")
    return VerifyResult(True, checked, f"{checked} 条证据记录与审计记录一致。")


def _bad(message: str) -> VerifyResult:
    return VerifyResult(False, 0, message)
