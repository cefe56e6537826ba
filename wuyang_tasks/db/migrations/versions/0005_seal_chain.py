"""seal the audit chain: every row carried over as its whole image (db.seal), so that verify
can check each row of every table against its events

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 07:20:00
"""
from alembic import op

from wuyang_tasks.db.seal import add_row_columns, seal

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_row_columns(op)  # the seal is written by today's code, in 0006's form
    seal(op.get_bind(), "0005：此前的审计记录未完整记录每次写入，逐表核对自此开始")


def downgrade() -> None:
    pass  # events are never removed; the seal stays part of the chain
