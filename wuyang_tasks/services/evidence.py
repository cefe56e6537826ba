"""Evidence integrity: the database file's own check, the audit chain, and the evidence rows
against the chain (services.evidence_rows)."""

from __future__ import annotations

from sqlalchemy import text

from wuyang_tasks.db.audit import VerifyResult, verify_chain
from wuyang_tasks.db.ledger import Ledger
from wuyang_tasks.db.row_replay import last_seal

from .attachment_check import verify_attachments
from .evidence_rows import verify_rows


def verify_ledger(ledger: Ledger) -> VerifyResult:
    with ledger.read() as s:
        if ledger.is_sqlite:
            problems = [r[0] for r in s.execute(text("PRAGMA integrity_check")).all()]
            if problems != ["ok"]:
                return VerifyResult(False, 0, "台账文件完整性检查未通过：" + "；".join(problems[:5]))
        chain = verify_chain(s, rows_after=last_seal(s.connection()))
        if not chain.ok:
            return chain
        files = verify_attachments(s)  # the files' own words first: which file, how
        rows = verify_rows(s, chain.last_rows)
        failed = [r.message for r in (files, rows) if not r.ok]
        if failed:
            return VerifyResult(False, chain.events, "".join(failed))
        return VerifyResult(True, chain.events, f"{chain.message}{rows.message}{files.message}")
