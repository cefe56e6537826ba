"""Alembic environment: always run from the program with a connection in
``config.attributes["connection"]`` (see wuyang_tasks.db.migrate)."""

from alembic import context

from wuyang_tasks.db.tables import metadata

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
