"""A pupil's place in a subgroup from one day to another (a pupil moved between language groups keeps his marks
of each group on its days).

Revision ID: 0007
Revises: 0006
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('subgroup_member') as batch:
        batch.add_column(sa.Column('from_date', sa.Date(), nullable=True))
        batch.add_column(sa.Column('to_date', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('subgroup_member') as batch:
        batch.drop_column('to_date')
        batch.drop_column('from_date')
