"""Sync state: the server this journal syncs with and its pull cursor, open conflicts, refused edits.

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('rejected_op',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('entity', sa.String(length=8), nullable=False),
    sa.Column('entity_key', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('rejected_at', sa.String(length=32), nullable=False),
    sa.Column('seen', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_rejected_op'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('entity', sa.String(length=8), nullable=False),
    sa.Column('entity_key', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('winner_value', sa.Text(), nullable=True),
    sa.Column('loser_value', sa.Text(), nullable=True),
    sa.Column('winner_device_id', sa.String(length=36), nullable=True),
    sa.Column('loser_device_id', sa.String(length=36), nullable=True),
    sa.Column('winner_account_id', sa.Integer(), nullable=True),
    sa.Column('loser_account_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('resolved_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('server_url', sa.String(length=300), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=10), nullable=True),
    sa.Column('teacher_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('cursor', sa.Integer(), nullable=False),
    sa.Column('bootstrap_after', sa.String(length=36), nullable=True),
    sa.Column('bootstrapped', sa.Boolean(), nullable=False),
    sa.Column('bootstrap_total', sa.Integer(), nullable=True),
    sa.Column('last_sync_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('sync_state')
    op.drop_table('sync_conflict')
    op.drop_table('rejected_op')
