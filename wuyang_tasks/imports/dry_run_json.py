"""``import minutes|ledger … --dry-run --json``: what an import would create, as one JSON object
of one schema for both (documented in the README), so a clerk's script or a check can read it.

    {"schema": "wuyang-tasks/import-preview/1", "kind": "minutes" | "ledger",
     "source": {"title", "kind", "issued_on", "earlier_source"},
     "drafts": [{"title", "category", "code", "row", "existing", "leader", "responsible", "lead",
                 "cooperating", "territorial", "all_townships", "collective", "unknown",
                 "deadline": {"text", "day", "days", "basis", "start", "recurrence_day", "ongoing",
                              "from_key_period"} | null, "sentence"}],
     "metrics": [{"name", "kind", "target_value", "unit", "direction", "reference", "year",
                  "sentence", "merge_into"}],
     "problems": [{"message", "sheet", "row", "column", "field", "value", "is_error"}]}

Dates are ISO (YYYY-MM-DD); units and people are written as the ledger names them when found,
else as the text wrote them.
"""

from __future__ import annotations

from wuyang_tasks.domain.enums import Role

from .ledger_plan import LedgerPlan, PlannedTask
from .minutes import DraftTask, MinutesProposal
from .names import ALL_TOWNSHIPS

SCHEMA = "wuyang-tasks/import-preview/1"


def _day(value) -> str | None:
    return value.isoformat() if value else None


def deadline_json(spec, from_key_period: bool = False) -> dict | None:
    if spec is None:
        return None
    return {"text": spec.text, "day": _day(spec.day), "days": spec.days, "basis": spec.basis.value,
            "start": _day(spec.start), "recurrence_day": spec.recurrence_day, "ongoing": spec.ongoing,
            "from_key_period": from_key_period}


def _draft(d: DraftTask) -> dict:
    return {"title": d.title, "category": d.category, "code": None, "row": None, "existing": False,
            "leader": d.leader, "responsible": d.responsible, "lead": d.lead.display if d.lead else None,
            "cooperating": [r.display for r in d.cooperating], "territorial": [r.display for r in d.territorial],
            "all_townships": d.all_townships, "collective": list(d.collective), "unknown": d.unknown,
            "deadline": deadline_json(d.deadline, d.deadline_from_key_period), "sentence": d.sentence}


def minutes_json(p: MinutesProposal) -> dict:
    return {"schema": SCHEMA, "kind": "minutes",
            "source": {"title": p.title, "kind": p.kind.value, "issued_on": _day(p.issued_on),
                       "earlier_source": p.earlier_source},
            "drafts": [_draft(d) for d in p.drafts],
            "metrics": [{"name": m.name, "kind": m.kind.value, "target_value": m.target_value,
                         "unit": m.unit_of_measure, "direction": m.direction.value,
                         "reference": m.reference_name, "year": m.year, "sentence": m.sentence,
                         "merge_into": m.merge_name} for m in p.metrics],
            "problems": [{"message": n, "sheet": None, "row": None, "column": None, "field": None,
                          "value": None, "is_error": False} for n in p.notices]}


def _planned(t: PlannedTask) -> dict:
    def names(role: Role) -> list[str]:
        return [r.display for r in t.roles if r.role is role and r.written != ALL_TOWNSHIPS]

    leaders = names(Role.LEAD_LEADER)
    persons = names(Role.RESPONSIBLE_PERSON)
    leads = names(Role.LEAD_UNIT)
    return {"title": t.row.title, "category": t.row.category, "code": t.existing_code or t.row.code,
            "row": t.row.row, "existing": t.existing_id is not None,
            "leader": leaders[0] if leaders else None, "responsible": persons[0] if persons else None,
            "lead": leads[0] if leads else None, "cooperating": leads[1:] + names(Role.COOPERATING_UNIT),
            "territorial": names(Role.TERRITORIAL_UNIT),
            "all_townships": any(r.written == ALL_TOWNSHIPS for r in t.roles),
            "collective": list(dict.fromkeys(t.collective_notes)),
            "unknown": [r.written for r in t.roles if r.ref_id is None and r.written != ALL_TOWNSHIPS],
            "deadline": deadline_json(t.deadline), "sentence": t.row.content}


def ledger_json(plan: LedgerPlan) -> dict:
    r = plan.reading
    problems = plan.errors + plan.warnings
    return {"schema": SCHEMA, "kind": "ledger",
            "source": {"title": plan.source_title, "kind": "DOCUMENT", "issued_on": _day(r.doc_date),
                       "earlier_source": plan.source_title if plan.source_id else None},
            "drafts": [_planned(t) for t in plan.tasks], "metrics": [],
            "problems": [{"message": p.message, "sheet": p.sheet, "row": p.row, "column": p.column,
                          "field": str(p.field) if p.field else None, "value": p.value, "is_error": p.is_error}
                         for p in problems]}
