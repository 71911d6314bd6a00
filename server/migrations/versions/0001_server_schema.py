"""Server schema: the shared journal tables, accounts, devices, change log, conflicts, audit log.

Revision ID: 0001
Revises:

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('ip', sa.String(length=45), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('client_hlc', sa.BigInteger(), nullable=True),
    sa.Column('entity', sa.String(length=8), nullable=True),
    sa.Column('entity_key', sa.String(length=80), nullable=True),
    sa.Column('field', sa.String(length=20), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('result', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('conflict_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('device_id', 'seq', name='uq_audit_log_device_seq')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_school_at', ['school_id', 'at'], unique=False)

    op.create_table('change',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=8), nullable=False),
    sa.Column('entity_key', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change'))
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index('ix_change_course_id', ['course_id', 'id'], unique=False)
        batch_op.create_index('ix_change_field', ['entity', 'entity_key', 'field', 'version'], unique=False)

    op.create_table('conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=8), nullable=False),
    sa.Column('entity_key', sa.String(length=80), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('winner_value', sa.Text(), nullable=True),
    sa.Column('winner_device_id', sa.String(length=36), nullable=True),
    sa.Column('winner_account_id', sa.Integer(), nullable=True),
    sa.Column('winner_hlc', sa.BigInteger(), nullable=True),
    sa.Column('loser_value', sa.Text(), nullable=True),
    sa.Column('loser_device_id', sa.String(length=36), nullable=True),
    sa.Column('loser_account_id', sa.Integer(), nullable=True),
    sa.Column('loser_hlc', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.Integer(), nullable=True),
    sa.Column('resolved_value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict'))
    )
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.create_index('ix_conflict_open', ['course_id', 'resolved_at'], unique=False)

    op.create_table('school',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('region', sa.String(length=200), nullable=True),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school'))
    )
    op.create_table('subject',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name_kk', sa.String(length=120), nullable=False),
    sa.Column('name_ru', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subject')),
    sa.UniqueConstraint('code', name=op.f('uq_subject_code'))
    )
    op.create_table('academic_year',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.CheckConstraint('start_date < end_date', name=op.f('ck_academic_year_dates')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_academic_year_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_academic_year')),
    sa.UniqueConstraint('school_id', 'start_date', name=op.f('uq_academic_year_school_id_start_date'))
    )
    op.create_table('bell_slot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('shift', sa.SmallInteger(), nullable=False),
    sa.Column('number', sa.SmallInteger(), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('ends', sa.Time(), nullable=False),
    sa.CheckConstraint('starts < ends', name=op.f('ck_bell_slot_times')),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_bell_slot_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bell_slot')),
    sa.UniqueConstraint('school_id', 'shift', 'number', name=op.f('uq_bell_slot_school_id_shift_number'))
    )
    op.create_table('pupil',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('patronymic', sa.String(length=100), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_pupil_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pupil'))
    )
    op.create_table('teacher',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('patronymic', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_teacher_school_id_school')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teacher')),
    sa.UniqueConstraint('username', name=op.f('uq_teacher_username'))
    )
    op.create_table('account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=True),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_account_school_id_school')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_account_teacher_id_teacher')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account')),
    sa.UniqueConstraint('username', name=op.f('uq_account_username'))
    )
    op.create_table('period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('number', sa.SmallInteger(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('closed', sa.Boolean(), nullable=False),
    sa.CheckConstraint("kind IN ('term', 'half_year', 'year')", name=op.f('ck_period_kind')),
    sa.CheckConstraint('start_date <= end_date', name=op.f('ck_period_dates')),
    sa.ForeignKeyConstraint(['year_id'], ['academic_year.id'], name=op.f('fk_period_year_id_academic_year')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period')),
    sa.UniqueConstraint('year_id', 'kind', 'number', name=op.f('uq_period_year_id_kind_number'))
    )
    op.create_table('school_class',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('grade', sa.SmallInteger(), nullable=False),
    sa.Column('letter', sa.String(length=4), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('homeroom_teacher_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('grade BETWEEN 0 AND 12', name=op.f('ck_school_class_grade')),
    sa.ForeignKeyConstraint(['homeroom_teacher_id'], ['teacher.id'], name=op.f('fk_school_class_homeroom_teacher_id_teacher')),
    sa.ForeignKeyConstraint(['year_id'], ['academic_year.id'], name=op.f('fk_school_class_year_id_academic_year')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_class')),
    sa.UniqueConstraint('year_id', 'grade', 'letter', name=op.f('uq_school_class_year_id_grade_letter'))
    )
    op.create_table('class_membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pupil_id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('from_date', sa.Date(), nullable=False),
    sa.Column('to_date', sa.Date(), nullable=True),
    sa.CheckConstraint('to_date IS NULL OR from_date <= to_date', name=op.f('ck_class_membership_dates')),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], name=op.f('fk_class_membership_class_id_school_class')),
    sa.ForeignKeyConstraint(['pupil_id'], ['pupil.id'], name=op.f('fk_class_membership_pupil_id_pupil')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_class_membership'))
    )
    with op.batch_alter_table('class_membership', schema=None) as batch_op:
        batch_op.create_index('ix_class_membership_class', ['class_id', 'from_date'], unique=False)
        batch_op.create_index('ix_class_membership_pupil', ['pupil_id'], unique=False)

    op.create_table('device',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_device_account_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_device_token_hash'))
    )
    op.create_table('subgroup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], name=op.f('fk_subgroup_class_id_school_class')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subgroup')),
    sa.UniqueConstraint('class_id', 'name', name=op.f('uq_subgroup_class_id_name'))
    )
    op.create_table('course',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('subgroup_id', sa.Integer(), nullable=True),
    sa.Column('scale', sa.String(length=10), nullable=False),
    sa.Column('hours_per_week', sa.SmallInteger(), nullable=False),
    sa.CheckConstraint("scale IN ('classic', 'criteria', 'passfail', 'none')", name=op.f('ck_course_scale')),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], name=op.f('fk_course_class_id_school_class')),
    sa.ForeignKeyConstraint(['subgroup_id'], ['subgroup.id'], name=op.f('fk_course_subgroup_id_subgroup')),
    sa.ForeignKeyConstraint(['subject_id'], ['subject.id'], name=op.f('fk_course_subject_id_subject')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_course_teacher_id_teacher')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course'))
    )
    with op.batch_alter_table('course', schema=None) as batch_op:
        batch_op.create_index('ix_course_class', ['class_id'], unique=False)
        batch_op.create_index('ix_course_teacher', ['teacher_id'], unique=False)

    op.create_table('subgroup_member',
    sa.Column('subgroup_id', sa.Integer(), nullable=False),
    sa.Column('pupil_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pupil_id'], ['pupil.id'], name=op.f('fk_subgroup_member_pupil_id_pupil')),
    sa.ForeignKeyConstraint(['subgroup_id'], ['subgroup.id'], name=op.f('fk_subgroup_member_subgroup_id_subgroup')),
    sa.PrimaryKeyConstraint('subgroup_id', 'pupil_id', name=op.f('pk_subgroup_member'))
    )
    op.create_table('lesson',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('slot', sa.SmallInteger(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('topic', sa.Text(), nullable=True),
    sa.Column('homework', sa.Text(), nullable=True),
    sa.Column('substitute_teacher_id', sa.Integer(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('regular', 'sor', 'soch')", name=op.f('ck_lesson_kind')),
    sa.ForeignKeyConstraint(['course_id'], ['course.id'], name=op.f('fk_lesson_course_id_course')),
    sa.ForeignKeyConstraint(['substitute_teacher_id'], ['teacher.id'], name=op.f('fk_lesson_substitute_teacher_id_teacher')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lesson')),
    sa.UniqueConstraint('course_id', 'date', 'slot', name=op.f('uq_lesson_course_id_date_slot'))
    )
    with op.batch_alter_table('lesson', schema=None) as batch_op:
        batch_op.create_index('ix_lesson_substitute_teacher_id', ['substitute_teacher_id'], unique=False)

    op.create_table('period_mark',
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('pupil_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('computed_percent', sa.Float(), nullable=True),
    sa.Column('computed_mark', sa.SmallInteger(), nullable=True),
    sa.Column('final_mark', sa.SmallInteger(), nullable=True),
    sa.Column('final_reason', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=4), nullable=True),
    sa.Column('rule_version', sa.String(length=40), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['course.id'], name=op.f('fk_period_mark_course_id_course')),
    sa.ForeignKeyConstraint(['period_id'], ['period.id'], name=op.f('fk_period_mark_period_id_period')),
    sa.ForeignKeyConstraint(['pupil_id'], ['pupil.id'], name=op.f('fk_period_mark_pupil_id_pupil')),
    sa.PrimaryKeyConstraint('course_id', 'pupil_id', 'period_id', name=op.f('pk_period_mark')),
    sqlite_with_rowid=False
    )
    op.create_table('timetable_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.SmallInteger(), nullable=False),
    sa.Column('slot', sa.SmallInteger(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.CheckConstraint('weekday BETWEEN 1 AND 7', name=op.f('ck_timetable_entry_weekday')),
    sa.ForeignKeyConstraint(['course_id'], ['course.id'], name=op.f('fk_timetable_entry_course_id_course')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timetable_entry')),
    sa.UniqueConstraint('course_id', 'weekday', 'slot', 'valid_from', name=op.f('uq_timetable_entry_course_id_weekday_slot_valid_from'))
    )
    op.create_table('lesson_cell',
    sa.Column('lesson_id', sa.String(length=36), nullable=False),
    sa.Column('pupil_id', sa.Integer(), nullable=False),
    sa.Column('attendance', sa.String(length=8), nullable=True),
    sa.Column('mark', sa.SmallInteger(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['lesson_id'], ['lesson.id'], name=op.f('fk_lesson_cell_lesson_id_lesson')),
    sa.ForeignKeyConstraint(['pupil_id'], ['pupil.id'], name=op.f('fk_lesson_cell_pupil_id_pupil')),
    sa.PrimaryKeyConstraint('lesson_id', 'pupil_id', name=op.f('pk_lesson_cell')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('lesson_cell', schema=None) as batch_op:
        batch_op.create_index('ix_lesson_cell_pupil', ['pupil_id'], unique=False)

    op.create_table('summative_work',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('section', sa.String(length=200), nullable=True),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('max_points', sa.SmallInteger(), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('sor', 'soch')", name=op.f('ck_summative_work_kind')),
    sa.CheckConstraint('max_points > 0', name=op.f('ck_summative_work_max_points')),
    sa.ForeignKeyConstraint(['course_id'], ['course.id'], name=op.f('fk_summative_work_course_id_course')),
    sa.ForeignKeyConstraint(['lesson_id'], ['lesson.id'], name=op.f('fk_summative_work_lesson_id_lesson')),
    sa.ForeignKeyConstraint(['period_id'], ['period.id'], name=op.f('fk_summative_work_period_id_period')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_summative_work'))
    )
    with op.batch_alter_table('summative_work', schema=None) as batch_op:
        batch_op.create_index('ix_summative_work_course', ['course_id', 'period_id'], unique=False)

    op.create_table('summative_score',
    sa.Column('work_id', sa.String(length=36), nullable=False),
    sa.Column('pupil_id', sa.Integer(), nullable=False),
    sa.Column('points', sa.SmallInteger(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pupil_id'], ['pupil.id'], name=op.f('fk_summative_score_pupil_id_pupil')),
    sa.ForeignKeyConstraint(['work_id'], ['summative_work.id'], name=op.f('fk_summative_score_work_id_summative_work')),
    sa.PrimaryKeyConstraint('work_id', 'pupil_id', name=op.f('pk_summative_score')),
    sqlite_with_rowid=False
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('summative_score')
    with op.batch_alter_table('summative_work', schema=None) as batch_op:
        batch_op.drop_index('ix_summative_work_course')

    op.drop_table('summative_work')
    with op.batch_alter_table('lesson_cell', schema=None) as batch_op:
        batch_op.drop_index('ix_lesson_cell_pupil')

    op.drop_table('lesson_cell')
    op.drop_table('timetable_entry')
    op.drop_table('period_mark')
    with op.batch_alter_table('lesson', schema=None) as batch_op:
        batch_op.drop_index('ix_lesson_substitute_teacher_id')

    op.drop_table('lesson')
    op.drop_table('subgroup_member')
    with op.batch_alter_table('course', schema=None) as batch_op:
        batch_op.drop_index('ix_course_teacher')
        batch_op.drop_index('ix_course_class')

    op.drop_table('course')
    op.drop_table('subgroup')
    op.drop_table('device')
    with op.batch_alter_table('class_membership', schema=None) as batch_op:
        batch_op.drop_index('ix_class_membership_pupil')
        batch_op.drop_index('ix_class_membership_class')

    op.drop_table('class_membership')
    op.drop_table('school_class')
    op.drop_table('period')
    op.drop_table('account')
    op.drop_table('teacher')
    op.drop_table('pupil')
    op.drop_table('bell_slot')
    op.drop_table('academic_year')
    op.drop_table('subject')
    op.drop_table('school')
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_conflict_open')

    op.drop_table('conflict')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index('ix_change_field')
        batch_op.drop_index('ix_change_course_id')

    op.drop_table('change')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_school_at')

    op.drop_table('audit_log')
