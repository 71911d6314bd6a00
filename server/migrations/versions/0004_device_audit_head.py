"""The head of each device's local audit chain, as its last sync told it.

Revision ID: 0004
Revises: 0003

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('device', sa.Column('audit_count', sa.BigInteger(), nullable=True))
    op.add_column('device', sa.Column('audit_hash', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('device') as batch:
        batch.drop_column('audit_hash')
        batch.drop_column('audit_count')
