"""A pupil's place in a subgroup from one day to another, after the table's school_id (server.schema keeps the
columns there in the models too).

Revision ID: 0014
Revises: 0013

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | Sequence[str] | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('subgroup_member', sa.Column('from_date', sa.Date(), nullable=True))
    op.add_column('subgroup_member', sa.Column('to_date', sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column('subgroup_member', 'to_date')
    op.drop_column('subgroup_member', 'from_date')
