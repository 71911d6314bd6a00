"""Each school's change feed in commit order (server.feed): the change log's rows carry their school and
their position in its feed, and a feed row per school holds the head.

Existing changes keep their order: a change's position is its id. Every school's head starts at the
highest id of the whole log, so a PC's cursor from before (a global id) never stands past a new position.

Revision ID: 0006
Revises: 0005

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'feed',
        sa.Column('school_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('head', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('school_id', name=op.f('pk_feed')),
    )
    with op.batch_alter_table('change') as batch:
        batch.add_column(sa.Column('school_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('position', sa.BigInteger(), nullable=True))
    op.execute(
        "UPDATE change SET position = id, school_id = (SELECT y.school_id FROM course c "
        "JOIN school_class k ON k.id = c.class_id JOIN academic_year y ON y.id = k.year_id "
        "WHERE c.id = change.course_id)"
    )
    op.execute("DELETE FROM change WHERE school_id IS NULL")  # a course no longer held: nobody can pull it
    op.execute("INSERT INTO feed (school_id, head) SELECT id, (SELECT coalesce(max(id), 0) FROM change) FROM school")
    with op.batch_alter_table('change') as batch:
        batch.alter_column('school_id', existing_type=sa.Integer(), nullable=False)
        batch.alter_column('position', existing_type=sa.BigInteger(), nullable=False)
        batch.create_index('ix_change_school_position', ['school_id', 'position'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('change') as batch:
        batch.drop_index('ix_change_school_position')
        batch.drop_column('position')
        batch.drop_column('school_id')
    op.drop_table('feed')
