"""Schema migrations, run by the program itself when a ledger is opened.

Opening an up-to-date ledger only needs the revision ids: they are read from the migration
scripts' source and from the ``alembic_version`` table without importing Alembic (about a
quarter of a second at every start). Alembic is loaded when a migration actually runs.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


FIRST_DEF = re.compile(r"^(?:async\s+def|def|class)\s", re.MULTILINE)


def _head_of_script(source: str) -> str:
    """The script up to its first function or class: Alembic's template puts the revision
    assignments there, and parsing only this part keeps the start quick (parsing the whole
    initial schema script cost some 8 ms of every open)."""
    match = FIRST_DEF.search(source)
    return source[:match.start()] if match else source


@cache
def _down_revisions() -> dict[str, tuple[str, ...]]:
    """revision -> the revisions it follows, from the ``revision`` / ``down_revision``
    assignments at the top of each script (as Alembic itself reads them)."""
    graph: dict[str, tuple[str, ...]] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        values = {}
        for node in ast.parse(_head_of_script(script.read_text(encoding="utf-8"))).body:
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets, value = [node.target], node.value
            else:
                continue
            for target in targets:
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                    values[target.id] = ast.literal_eval(value)
        if "revision" in values:
            down = values.get("down_revision")
            graph[values["revision"]] = tuple(down) if isinstance(down, (list, tuple)) else \
                ((down,) if down else ())
    return graph


def head_revision() -> str:
    graph = _down_revisions()
    followed = {d for downs in graph.values() for d in downs}
    heads = [r for r in graph if r not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"migration scripts must have exactly one head, found {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return set(_down_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"the ledger records several schema versions: {rows}")
    return rows[0] if rows else None


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
