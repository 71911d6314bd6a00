"""Sync bookkeeping: the outbox, the local audit trail, this device's id, sequence and clock.

Revision ID: 0002
Revises: 0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=8), nullable=False),
    sa.Column('entity_key', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_key', ['entity', 'entity_key'], unique=False)

    op.create_table('device_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('next_seq', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device_state'))
    )
    op.create_table('outbox_op',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('entity', sa.String(length=8), nullable=False),
    sa.Column('entity_key', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('sent', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox_op'))
    )
    with op.batch_alter_table('outbox_op', schema=None) as batch_op:
        batch_op.create_index('uq_outbox_op_unsent_field', ['entity', 'entity_key', 'field'], unique=True,
                              sqlite_where=sa.text('sent = 0'))


def downgrade() -> None:
    with op.batch_alter_table('outbox_op', schema=None) as batch_op:
        batch_op.drop_index('uq_outbox_op_unsent_field', sqlite_where=sa.text('sent = 0'))

    op.drop_table('outbox_op')
    op.drop_table('device_state')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_key')

    op.drop_table('audit_entry')
