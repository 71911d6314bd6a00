"""The indexes a pull reads by, each led by the school: a course's changes in feed order, a field's later versions.

A pull reads the changes past a cursor of the courses a teacher may read (server.pull); with an index of
(course_id, id) beside one of (school_id, position), PostgreSQL read the school's whole feed past the cursor
once for each of her courses (60,000 index entries × 13 courses for 1,000 rows). (school_id, course_id,
position) gives each course's changes past the cursor directly. The check that a change was overwritten
since looks up (school_id, entity, entity_key, field, version): led by the school, as every key of a table
held by school is (Citus keeps it on the school's shard). So are the lessons a teacher substitutes in.

Revision ID: 0015
Revises: 0014

"""
from collections.abc import Sequence

from alembic import op

revision: str = '0015'
down_revision: str | Sequence[str] | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index('ix_change_course_id', table_name='change')
    op.drop_index('ix_change_field', table_name='change')
    op.create_index('ix_change_course_position', 'change', ['school_id', 'course_id', 'position'])
    op.create_index('ix_change_field', 'change', ['school_id', 'entity', 'entity_key', 'field', 'version'])
    op.drop_index('ix_lesson_substitute_teacher_id', table_name='lesson')
    op.create_index('ix_lesson_substitute_teacher_id', 'lesson', ['school_id', 'substitute_teacher_id'])


def downgrade() -> None:
    op.drop_index('ix_lesson_substitute_teacher_id', table_name='lesson')
    op.create_index('ix_lesson_substitute_teacher_id', 'lesson', ['substitute_teacher_id'])
    op.drop_index('ix_change_field', table_name='change')
    op.drop_index('ix_change_course_position', table_name='change')
    op.create_index('ix_change_field', 'change', ['entity', 'entity_key', 'field', 'version'])
    op.create_index('ix_change_course_id', 'change', ['course_id', 'id'])
