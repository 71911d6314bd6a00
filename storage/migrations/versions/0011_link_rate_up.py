"""What the last sync learned of the link, each direction apart (sync.link): `link_rate` is now the rate down,
`link_up_rate` the rate up (a 2G link carries half as much up).

Revision ID: 0011
Revises: 0010
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | Sequence[str] | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.add_column(sa.Column('link_up_rate', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.drop_column('link_up_rate')
