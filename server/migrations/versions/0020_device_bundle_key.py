"""A device's public bundle key (core.bundle), registered by its sync: the sealed bundles it sends by a USB stick or a
relay are checked with it (server.bundles).

Revision ID: 0020
Revises: 0019

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0020'
down_revision: str | Sequence[str] | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('device', sa.Column('bundle_key', sa.String(length=88), nullable=True))


def downgrade() -> None:
    op.drop_column('device', 'bundle_key')
