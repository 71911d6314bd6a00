"""Where an imported cell's or score's values came from, as the server tells it (core.synced_kinds: "imported").

Revision ID: 0012
Revises: 0011
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('lesson_cell') as batch:
        batch.add_column(sa.Column('imported', sa.Text(), nullable=True))
    with op.batch_alter_table('summative_score') as batch:
        batch.add_column(sa.Column('imported', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('summative_score') as batch:
        batch.drop_column('imported')
    with op.batch_alter_table('lesson_cell') as batch:
        batch.drop_column('imported')
