"""A lesson's cancellation: why it did not take place (NULL for a lesson held).

Revision ID: 0006
Revises: 0005
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('lesson') as batch:
        batch.add_column(sa.Column('cancelled', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('lesson') as batch:
        batch.drop_column('cancelled')
