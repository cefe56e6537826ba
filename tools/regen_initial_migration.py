"""Regenerate revision 0001 from the models. ONLY while no release has shipped (no ledger in the
field is at 0001 yet); afterwards every schema change is a new revision (tools/new_migration.py).

    python tools/regen_initial_migration.py
"""

import re
import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from wuyang_tasks.db import migrate  # noqa: E402

VERSIONS = migrate.MIGRATIONS / "versions"


def main() -> None:
    for old in VERSIONS.glob("*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/empty.db")
        with engine.begin() as conn:
            command.revision(migrate.alembic_config(conn), message="initial ledger schema",
                             autogenerate=True, rev_id="0001")
    [generated] = VERSIONS.glob("0001_*.py")
    text = re.sub(r"Create Date: .*", "Create Date: (regenerated)", generated.read_text(encoding="utf-8"))
    (VERSIONS / "0001_initial_ledger_schema.py").write_text(text, encoding="utf-8")
    if generated.name != "0001_initial_ledger_schema.py":
        generated.unlink()
    print("regenerated", VERSIONS / "0001_initial_ledger_schema.py")


if __name__ == "__main__":
    main()
