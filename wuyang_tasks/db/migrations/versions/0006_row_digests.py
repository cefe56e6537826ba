"""row digests: every event names the row it leaves behind (row_key) and the digest of its
stored state (row_digest, covered by the hash), so that verify hashes each row once and
compares it with its last event's digest instead of replaying the events

The chain as it stands is verified, and every row against the replay of its events; then it is
sealed by an event that records the old head, followed by every row carried over with its
digest (db.seal).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 18:00:00
"""
from alembic import op

from wuyang_tasks.db.row_replay import replay_check
from wuyang_tasks.db.seal import add_row_columns, seal

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_row_columns(op)
    seal(op.get_bind(), "0006：审计记录自此记载其所留下的台账记录的摘要", rows_check=replay_check)


def downgrade() -> None:
    pass  # events are never removed, nor what their hashes cover: the columns stay
