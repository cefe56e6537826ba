"""progress report: 报送人, 联系电话, 存在问题 and the 反馈表 row it came from (form_ref)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 06:44:15.604580
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reporter', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('reporter_phone', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('problems', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('form_ref', sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f('ix_progress_report_form_ref'), ['form_ref'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_report_form_ref'))
        batch_op.drop_column('form_ref')
        batch_op.drop_column('problems')
        batch_op.drop_column('reporter_phone')
        batch_op.drop_column('reporter')
