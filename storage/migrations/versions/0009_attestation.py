"""A year's attestation mark on its period mark: the final attestation's exam (grades 9 and 11) or the year test after
a year 2 (core.final_marks.ATTESTATIONS).

Revision ID: 0009
Revises: 0008
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('period_mark') as batch:
        batch.add_column(sa.Column('attestation_kind', sa.String(length=9), nullable=True))
        batch.add_column(sa.Column('attestation_mark', sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('period_mark') as batch:
        batch.drop_column('attestation_mark')
        batch.drop_column('attestation_kind')
