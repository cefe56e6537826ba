"""Who may do what on a shared PostgreSQL ledger, enforced by the server's own grants.

Three group roles (NOLOGIN); each clerk logs in with a user of their own that is a member of one:

==============  =====  ==================================================================
role            中文    may
==============  =====  ==================================================================
wuyang_viewer   查看    read everything
wuyang_clerk    录入    also add and edit the daily work: tasks, responsibilities, progress
                       reports, extensions, urgings, inspections, metric readings, people
wuyang_admin    管理    also units, posts and tenures, liaisons, checklist templates,
                       metrics, the working-day calendar, accountability records
==============  =====  ==================================================================

Nobody is granted UPDATE, DELETE or TRUNCATE on ``audit_event``: the trail is append-only for
every role (the database owner can still do anything, which the hash chain then exposes).
``setup_roles`` is idempotent: run it again after a program upgrade added tables.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from wuyang_tasks.domain.enums import Labelled

from .tables import metadata


class AccessRole(Labelled):
    VIEWER = "VIEWER", "查看"
    CLERK = "CLERK", "录入"
    ADMIN = "ADMIN", "管理"


PG_ROLES = {
    AccessRole.VIEWER: "wuyang_viewer",
    AccessRole.CLERK: "wuyang_clerk",
    AccessRole.ADMIN: "wuyang_admin",
}
AUDIT_TABLE = "audit_event"
# The daily work a clerk enters (INSERT, UPDATE).
CLERK_TABLES = (
    "source", "task", "responsibility", "progress_report", "extension", "urging", "inspection",
    "inspection_inspector", "inspection_item_result", "finding", "metric_reading", "ledger_meta",
    "person", "blob", "blob_chunk", "attachment",
)
# Rows that services replace as a whole (a task's responsibilities, a cleared metric reading);
# every such removal is audited with the old row in full.
DELETABLE_TABLES = ("responsibility", "metric_reading")


def ledger_tables() -> list[str]:
    return [t.name for t in metadata.sorted_tables]


def grant_statements() -> list[str]:
    """The SQL that (re)creates the three roles' privileges on the current tables."""
    viewer, clerk, admin = (PG_ROLES[r] for r in AccessRole)
    tables = ledger_tables()
    work = [t for t in tables if t != AUDIT_TABLE]
    out = [f"GRANT {viewer} TO {clerk}", f"GRANT {clerk} TO {admin}",
           f"GRANT USAGE ON SCHEMA public TO {viewer}",
           f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {viewer}, {clerk}, {admin}",
           f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}",
           f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {clerk}",
           f"GRANT INSERT ON {AUDIT_TABLE} TO {clerk}"]
    out += [f"GRANT INSERT, UPDATE ON {t} TO {clerk}" for t in CLERK_TABLES]
    out += [f"GRANT DELETE ON {t} TO {clerk}" for t in DELETABLE_TABLES]
    out += [f"GRANT INSERT, UPDATE ON {t} TO {admin}" for t in work]
    return out


def setup_roles(conn: Connection, database: str) -> None:
    """Create the roles (if missing) and set their grants, in the caller's transaction."""
    existing = set(conn.execute(text("SELECT rolname FROM pg_roles")).scalars())
    for name in PG_ROLES.values():
        if name not in existing:
            conn.execute(text(f"CREATE ROLE {name} NOLOGIN"))
    conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO {PG_ROLES[AccessRole.VIEWER]}'))
    for sql in grant_statements():
        conn.execute(text(sql))


def add_user(conn: Connection, user: str, role: AccessRole, password: str | None = None) -> bool:
    """Make ``user`` (created as a login role if missing) a member of ``role`` only.
    Returns True if the user was created."""
    created = not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": user}).first()
    quoted = conn.dialect.identifier_preparer.quote(user)
    if created:
        conn.execute(text(f"CREATE ROLE {quoted} LOGIN"))
    if password:  # utility statements take no bind parameters: a quoted literal (standard strings)
        literal = "'" + password.replace("'", "''") + "'"
        conn.execute(text(f"ALTER ROLE {quoted} PASSWORD {literal}".replace(":", r"\:")))
    for other, name in PG_ROLES.items():
        if other is not role:
            conn.execute(text(f"REVOKE {name} FROM {quoted}"))
    conn.execute(text(f"GRANT {PG_ROLES[role]} TO {quoted}"))
    return created


def access_role_of_current_user(conn: Connection) -> AccessRole:
    """The role the server actually grants the connected user (superusers and the owner: 管理)."""
    def can(table: str, privilege: str) -> bool:
        return bool(conn.execute(text("SELECT has_table_privilege(:t, :p)"),
                                 {"t": table, "p": privilege}).scalar())

    if can("unit", "INSERT") and can("accountability_record", "INSERT"):
        return AccessRole.ADMIN
    if can("task", "UPDATE") and can("progress_report", "INSERT"):
        return AccessRole.CLERK
    return AccessRole.VIEWER
