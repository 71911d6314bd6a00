"""The server's last signed receipt for this PC's chain in its audit log, kept to hand back at the next sync
(core.audit_checkpoint).

Revision ID: 0008
Revises: 0007
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.add_column(sa.Column('audit_receipt', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.drop_column('audit_receipt')
