"""Sealed sync bundles (core.bundle): this PC's bundle keys and the server's public one; a journal restored from a
backup, marked until its reconciliation with the server (storage.backups); what the last sync learned of the link
(sync.link).

Revision ID: 0010
Revises: 0009
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.add_column(sa.Column('bundle_key', sa.Text(), nullable=True))
        batch.add_column(sa.Column('server_bundle_key', sa.String(length=88), nullable=True))
        batch.add_column(sa.Column('restored_seq', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('link_rtt', sa.Float(), nullable=True))
        batch.add_column(sa.Column('link_rate', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.drop_column('link_rate')
        batch.drop_column('link_rtt')
        batch.drop_column('restored_seq')
        batch.drop_column('server_bundle_key')
        batch.drop_column('bundle_key')
