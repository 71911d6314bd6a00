"""The audit log's hash chain: a hash per entry and the chain's head row.

Revision ID: 0003
Revises: 0002

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('audit_log', sa.Column('hash', sa.String(length=64), nullable=True))
    head = op.create_table('audit_head',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('last_id', sa.BigInteger(), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head')))
    # Entries written before the chain keep no hash; the chain starts after them.
    op.bulk_insert(head, [{'id': 1, 'last_id': 0, 'hash': '0' * 64}])


def downgrade() -> None:
    op.drop_table('audit_head')
    with op.batch_alter_table('audit_log') as batch:
        batch.drop_column('hash')
