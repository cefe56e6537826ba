"""Move a ledger to a PostgreSQL server (``wuyang-tasks copy-to URL``).

Every table is copied row for row in foreign-key order with its ids, so the audit chain —
whose events name rows by id and whose hashes cover every field — verifies on the copy as it
did on the file. The target must be an empty database (or one holding an empty ledger); the
whole copy is one transaction, so a failure leaves the target as it was. The copy then records
one audit event of its own, saying where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select, text, update
from sqlalchemy.engine import URL

from wuyang_tasks.domain.errors import LedgerError, ValidationError

from . import audit
from .engine import is_sqlite, resolve_url
from .ledger import Ledger, open_ledger
from .models import AuditEvent, Base
from .postgres import PasswordPrompt
from .writer import Writer

BATCH = 1000


@dataclass(frozen=True)
class CopySummary:
    target: str
    rows: dict[str, int]
    events: int

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_ledger(source: Ledger, target: str | URL, *,
                password_prompt: PasswordPrompt | None = None) -> CopySummary:
    url = resolve_url(target)
    if is_sqlite(url) or url.get_backend_name() != "postgresql":
        raise ValidationError(f"目标必须是 PostgreSQL 数据库地址（postgresql+psycopg://用户@主机/库），"
                              f"而不是“{target}”。")
    if not source.is_sqlite:
        raise ValidationError("只能从本机（SQLite）台账复制到服务器。")
    dest = open_ledger(url, password_prompt=password_prompt)
    try:
        with source.read() as src, dest.engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": audit.PG_LOCK_KEY})
            _refuse_non_empty(conn, dest)
            counts = {table.name: _copy_table(src.connection(), conn, table)
                      for table in Base.metadata.sorted_tables}
            _reset_sequences(conn)
            events = counts[AuditEvent.__tablename__]
            with Writer(bind=conn) as session:
                session.info["actor"] = dest.actor
                session.event("ledger", None, "copy_in", None,
                              {"source": source.display_name(), "rows": sum(counts.values())})
                session.finish()  # the connection commits, not the session
        return CopySummary(target=dest.display_name(), rows=counts, events=events + 1)
    finally:
        dest.dispose()


def _refuse_non_empty(conn: Connection, dest: Ledger) -> None:
    for table in Base.metadata.sorted_tables:
        if conn.execute(select(func.count()).select_from(table)).scalar():
            raise LedgerError(f"目标数据库 {dest.display_name()} 不是空的（表“{table.name}”中已有数据），"
                              "没有复制任何内容。请指定一个新建的空数据库。")


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    """Rows in id order; a column that refers to its own table is filled in afterwards, so a row
    may point at one with a larger id."""
    self_refs = [c.name for c in table.columns
                 if any(fk.column.table is table for fk in c.foreign_keys)]
    order = list(table.primary_key.columns)
    total = 0
    links: list[dict] = []
    result = src.execute(select(table).order_by(*order)).mappings()
    while batch := result.fetchmany(BATCH):
        rows = [dict(r) for r in batch]
        for row in rows:
            if any(row[c] is not None for c in self_refs):
                links.append({"_id": row["id"], **{c: row[c] for c in self_refs}})
                row.update({c: None for c in self_refs})
        dst.execute(table.insert(), rows)
        total += len(rows)
    for link in links:
        dst.execute(update(table).where(table.c.id == link.pop("_id")).values(**link))
    return total


def _reset_sequences(conn: Connection) -> None:
    """Next ids continue after the copied ones."""
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(text(
            "SELECT setval(pg_get_serial_sequence(:t, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM "
            + conn.dialect.identifier_preparer.quote(table.name)), {"t": table.name})
