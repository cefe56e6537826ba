"""Write a new Alembic revision by comparing the models with a database at the current head.

    python tools/new_migration.py "add something"

The comparison runs against a throw-away SQLite file migrated to head, so the revision
contains exactly what the models changed. Review the generated file before committing.
"""

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from wuyang_tasks.db import migrate  # noqa: E402


def main() -> None:
    message = sys.argv[1] if len(sys.argv) > 1 else "schema change"
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/head.db")
        if migrate.known_revisions():
            migrate.upgrade(engine)
        with engine.begin() as conn:
            command.revision(migrate.alembic_config(conn), message=message, autogenerate=True)


if __name__ == "__main__":
    main()
