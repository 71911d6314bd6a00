"""The school calendar on the PC: its days off (holidays, breaks by grade, days moved from a weekend) and the
length of the school's week, so that a lesson on a day off is refused here as on the server.

Revision ID: 0005
Revises: 0004
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('academic_year') as batch:
        batch.add_column(sa.Column('week_days', sa.SmallInteger(), server_default='5', nullable=False))
    op.create_table(
        'day_off',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year_id', sa.Integer(), nullable=False),
        sa.Column('from_date', sa.Date(), nullable=False),
        sa.Column('to_date', sa.Date(), nullable=False),
        sa.Column('grade_from', sa.SmallInteger(), nullable=False),
        sa.Column('grade_to', sa.SmallInteger(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.CheckConstraint('from_date <= to_date', name=op.f('ck_day_off_dates')),
        sa.CheckConstraint('grade_from <= grade_to', name=op.f('ck_day_off_grades')),
        sa.CheckConstraint("kind IN ('holiday', 'break', 'moved')", name=op.f('ck_day_off_kind')),
        sa.ForeignKeyConstraint(['year_id'], ['academic_year.id'], name=op.f('fk_day_off_year_id_academic_year')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_day_off')),
    )
    op.create_index('ix_day_off_year', 'day_off', ['year_id', 'from_date'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_day_off_year', table_name='day_off')
    op.drop_table('day_off')
    with op.batch_alter_table('academic_year') as batch:
        batch.drop_column('week_days')
