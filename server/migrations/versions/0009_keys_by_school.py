"""Every table but the school and the subjects held by school: a school_id column where there was none (filled
from the row's parent), leading the primary key and every unique key, and each foreign key between such tables
made of (school_id, the column). Usernames get a directory of their own (login_name), unique across schools.
What lets Citus distribute the database by school (docs/distribution.md); no row changes but for its school.

On SQLite each table is rebuilt (Alembic's batch mode) with the foreign keys' checks deferred to the commit;
PostgreSQL alters the tables in place: the foreign keys dropped, the keys remade, the foreign keys made again.

Revision ID: 0009
Revises: 0008

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Parents before children. (table, its key after school_id, where a new school_id comes from as
# (parent table, the column naming it) or None when the table has one, its foreign keys to tables held by
# school as (column, referred table), its unique keys as (old name, new columns after school_id)).
TABLES: list[tuple[str, tuple[str, ...], tuple[str, str] | None, list[tuple[str, str]],
                   list[tuple[str, tuple[str, ...]]]]] = [
    ("academic_year", ("id",), None, [], []),
    ("period", ("id",), ("academic_year", "year_id"), [("year_id", "academic_year")],
     [("uq_period_year_id_kind_number", ("year_id", "kind", "number"))]),
    ("teacher", ("id",), None, [], [("uq_teacher_username", ("username",))]),
    ("school_class", ("id",), ("academic_year", "year_id"),
     [("year_id", "academic_year"), ("homeroom_teacher_id", "teacher")],
     [("uq_school_class_year_id_grade_letter", ("year_id", "grade", "letter"))]),
    ("subgroup", ("id",), ("school_class", "class_id"), [("class_id", "school_class")],
     [("uq_subgroup_class_id_name", ("class_id", "name"))]),
    ("pupil", ("id",), None, [], []),
    ("subgroup_member", ("subgroup_id", "pupil_id"), ("subgroup", "subgroup_id"),
     [("subgroup_id", "subgroup"), ("pupil_id", "pupil")], []),
    ("class_membership", ("id",), ("school_class", "class_id"),
     [("pupil_id", "pupil"), ("class_id", "school_class")], []),
    ("bell_slot", ("id",), None, [], []),
    ("course", ("id",), ("school_class", "class_id"),
     [("class_id", "school_class"), ("teacher_id", "teacher"), ("subgroup_id", "subgroup")], []),
    ("timetable_entry", ("id",), ("course", "course_id"), [("course_id", "course")],
     [("uq_timetable_entry_course_id_weekday_slot_valid_from", ("course_id", "weekday", "slot", "valid_from"))]),
    ("lesson", ("id",), ("course", "course_id"), [("course_id", "course"), ("substitute_teacher_id", "teacher")],
     [("uq_lesson_course_id_date_slot", ("course_id", "date", "slot"))]),
    ("lesson_cell", ("lesson_id", "pupil_id"), ("lesson", "lesson_id"),
     [("lesson_id", "lesson"), ("pupil_id", "pupil")], []),
    ("summative_work", ("id",), ("course", "course_id"),
     [("course_id", "course"), ("period_id", "period"), ("lesson_id", "lesson")], []),
    ("summative_score", ("work_id", "pupil_id"), ("summative_work", "work_id"),
     [("work_id", "summative_work"), ("pupil_id", "pupil")], []),
    ("period_mark", ("course_id", "pupil_id", "period_id"), ("course", "course_id"),
     [("course_id", "course"), ("pupil_id", "pupil"), ("period_id", "period")], []),
    ("account", ("id",), None, [("teacher_id", "teacher")], [("uq_account_username", ("username",))]),
    ("device", ("id",), ("account", "account_id"), [("account_id", "account")],
     [("uq_device_token_hash", ("token_hash",))]),
    ("change", ("id",), None, [], []),
    ("conflict", ("id",), ("course", "course_id"), [], []),
    ("audit_log", ("id",), None, [], [("uq_audit_log_device_seq", ("device_id", "seq"))]),
]
# Tables numbered by a sequence (SERIAL until now).
SERIAL = ("academic_year", "period", "teacher", "school_class", "subgroup", "pupil", "class_membership", "bell_slot",
          "course", "timetable_entry", "account", "change", "conflict", "audit_log")
# Tables whose new school_id column also refers to the school (as the journal tables' own school_id does).
SCHOOL_REFERRED = {"period", "school_class", "subgroup", "subgroup_member", "class_membership", "course",
                   "timetable_entry", "lesson", "lesson_cell", "summative_work", "summative_score", "period_mark",
                   "device"}


def _new_unique(table: str, old: str, columns: tuple[str, ...]) -> str:
    if old == "uq_audit_log_device_seq":  # named by hand, and kept
        return old
    return f"uq_{table}_school_id_{'_'.join(columns)}"


def upgrade() -> None:
    for table, _key, parent, _fks, _uniques in TABLES:
        if parent is not None:
            with op.batch_alter_table(table) as batch:
                batch.add_column(sa.Column('school_id', sa.Integer(), nullable=True))
            referred, column = parent
            op.execute(f"UPDATE {table} SET school_id = (SELECT p.school_id FROM {referred} p "
                       f"WHERE p.id = {table}.{column})")
    op.execute("DELETE FROM conflict WHERE school_id IS NULL")  # a course no longer held: nobody can see it
    op.create_table(
        'login_name',
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('school_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_login_name_school_id_school')),
        sa.PrimaryKeyConstraint('username', name=op.f('pk_login_name')),
    )
    op.execute("INSERT INTO login_name (username, school_id) SELECT username, school_id FROM account")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite()
    else:
        _alter_postgresql()


def _rebuild_sqlite() -> None:
    op.execute("PRAGMA defer_foreign_keys = ON")  # the tables are rebuilt one by one: checked at the commit
    for table, key, parent, fks, uniques in TABLES:
        options = {"sqlite_with_rowid": False} if table in ("summative_score", "period_mark") else {}
        with op.batch_alter_table(table, recreate="always", table_kwargs=options) as batch:
            if parent is not None:
                batch.alter_column('school_id', existing_type=sa.Integer(), nullable=False)
            for column, referred in fks:
                batch.drop_constraint(f"fk_{table}_{column}_{referred}", type_="foreignkey")
            for old, _columns in uniques:
                batch.drop_constraint(old, type_="unique")
            batch.drop_constraint(f"pk_{table}", type_="primary")
            batch.create_primary_key(f"pk_{table}", ["school_id", *key])
            for old, columns in uniques:
                batch.create_unique_constraint(_new_unique(table, old, columns), ["school_id", *columns])
            for column, referred in fks:
                batch.create_foreign_key(f"fk_{table}_{column}_{referred}", referred, ["school_id", column],
                                         ["school_id", "id"])
            if table in SCHOOL_REFERRED:
                batch.create_foreign_key(f"fk_{table}_school_id_school", "school", ["school_id"], ["id"])


def _alter_postgresql() -> None:
    for table, _key, parent, _fks, _uniques in TABLES:
        if parent is not None:
            op.alter_column(table, 'school_id', existing_type=sa.Integer(), nullable=False)
    for table, _key, _parent, fks, _uniques in reversed(TABLES):
        for column, referred in fks:
            op.drop_constraint(f"fk_{table}_{column}_{referred}", table, type_="foreignkey")
    for table, key, _parent, _fks, uniques in TABLES:
        for old, _columns in uniques:
            op.drop_constraint(old, table, type_="unique")
        op.drop_constraint(f"pk_{table}", table, type_="primary")
        op.create_primary_key(f"pk_{table}", table, ["school_id", *key])
        for old, columns in uniques:
            op.create_unique_constraint(_new_unique(table, old, columns), table, ["school_id", *columns])
    for table in SERIAL:  # the sequence stays; SQLAlchemy names it in each INSERT (server.schema.serial)
        op.alter_column(table, 'id', existing_type=sa.Integer(), server_default=None)
    for table, _key, _parent, fks, _uniques in TABLES:
        for column, referred in fks:
            op.create_foreign_key(f"fk_{table}_{column}_{referred}", table, referred, ["school_id", column],
                                  ["school_id", "id"])
        if table in SCHOOL_REFERRED:
            op.create_foreign_key(f"fk_{table}_school_id_school", table, "school", ["school_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA defer_foreign_keys = ON")
        for table, key, parent, fks, uniques in reversed(TABLES):
            options = {"sqlite_with_rowid": False} if table in ("summative_score", "period_mark") else {}
            with op.batch_alter_table(table, recreate="always", table_kwargs=options) as batch:
                if table in SCHOOL_REFERRED:
                    batch.drop_constraint(f"fk_{table}_school_id_school", type_="foreignkey")
                for column, referred in fks:
                    batch.drop_constraint(f"fk_{table}_{column}_{referred}", type_="foreignkey")
                for old, columns in uniques:
                    batch.drop_constraint(_new_unique(table, old, columns), type_="unique")
                batch.drop_constraint(f"pk_{table}", type_="primary")
                batch.create_primary_key(f"pk_{table}", list(key))
                for old, columns in uniques:
                    batch.create_unique_constraint(old, list(columns))
                for column, referred in fks:
                    batch.create_foreign_key(f"fk_{table}_{column}_{referred}", referred, [column], ["id"])
                if parent is not None:
                    batch.drop_column('school_id')
    else:
        for table, _key, _parent, fks, _uniques in reversed(TABLES):
            if table in SCHOOL_REFERRED:
                op.drop_constraint(f"fk_{table}_school_id_school", table, type_="foreignkey")
            for column, referred in fks:
                op.drop_constraint(f"fk_{table}_{column}_{referred}", table, type_="foreignkey")
        for table, key, _parent, _fks, uniques in TABLES:
            for old, columns in uniques:
                op.drop_constraint(_new_unique(table, old, columns), table, type_="unique")
            op.drop_constraint(f"pk_{table}", table, type_="primary")
            op.create_primary_key(f"pk_{table}", table, list(key))
            for old, columns in uniques:
                op.create_unique_constraint(old, table, list(columns))
        for table in SERIAL:
            op.alter_column(table, 'id', existing_type=sa.Integer(),
                            server_default=sa.text(f"nextval('{table}_id_seq'::regclass)"))
        for table, _key, parent, fks, _uniques in TABLES:
            for column, referred in fks:
                op.create_foreign_key(f"fk_{table}_{column}_{referred}", table, referred, [column], ["id"])
            if parent is not None:
                op.drop_column(table, 'school_id')
    op.drop_table('login_name')
