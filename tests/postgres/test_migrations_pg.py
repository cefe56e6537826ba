"""The same Alembic revisions give PostgreSQL exactly the models' schema."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from wuyang_tasks.db import migrate
from wuyang_tasks.db.models import Base


@pytest.fixture
def engine(pg_databases):
    name = pg_databases.create()
    engine = create_engine(pg_databases.url(name))
    yield engine
    engine.dispose()
    pg_databases.drop(name)


def test_migrations_build_the_models_schema_on_postgresql(engine):
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
