"""A lesson's cancellation: why it did not take place (NULL for a lesson held), after the lesson's school_id
(server.schema keeps it there in the models too).

Revision ID: 0013
Revises: 0012

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | Sequence[str] | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('lesson', sa.Column('cancelled', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('lesson') as batch:
        batch.drop_column('cancelled')
