"""A year's attestation mark on its period mark: the final attestation's exam (grades 9 and 11) or the year test after
a year 2 (core.final_marks.ATTESTATIONS).

Revision ID: 0019
Revises: 0018

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: str | Sequence[str] | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('period_mark', sa.Column('attestation_kind', sa.String(length=9), nullable=True))
    op.add_column('period_mark', sa.Column('attestation_mark', sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    op.drop_column('period_mark', 'attestation_mark')
    op.drop_column('period_mark', 'attestation_kind')
