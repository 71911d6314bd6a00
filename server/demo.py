"""`dala-server demo`: the demo school in a server database, with an account for every teacher and one
school admin. Demo accounts share one password, printed with the logins; a real school's accounts come
with the school's import."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, Sequence, select, text

from core.demo_school import generator
from server.accounts import add_accounts, hash_password
from server.db import refresh_statistics, writer
from server.schema import metadata, tables

DEMO_PASSWORD = "dala-demo"
ADMIN_LOGIN = "admin"


def load(engine: Engine, today: dt.date | None = None, spec: generator.Spec = generator.DEMO) -> dict:
    """The demo school of `spec` into the server's database; a database may hold several (each a spec with its own
    school_id and login_prefix), but not the same school twice."""
    with writer(engine).begin() as conn:
        school = tables["school"]
        if conn.execute(select(school.c.id).where(school.c.id == spec.school_id)).first() is not None:
            raise RuntimeError(f"this server database already holds school {spec.school_id}")
        summary = generator.build_into(conn, spec, today, tables=tables)
        # One hash for every demo account: they share the demo password.
        shared = hash_password(DEMO_PASSWORD)
        teacher = tables["teacher"]
        teachers = conn.execute(select(teacher.c.id, teacher.c.username)
                                .where(teacher.c.school_id == summary.school_id).order_by(teacher.c.id)).all()
        add_accounts(conn, [
            dict(school_id=summary.school_id, username=t.username, password_hash=shared, role="teacher",
                 teacher_id=t.id) for t in teachers
        ] + [dict(school_id=summary.school_id, username=spec.login_prefix + ADMIN_LOGIN, password_hash=shared,
                  role="admin", teacher_id=None)])
        if conn.dialect.name == "postgresql":
            _advance_sequences(conn)
    refresh_statistics(engine)
    return {"summary": summary, "logins": [t.username for t in teachers], "admin": spec.login_prefix + ADMIN_LOGIN,
            "password": DEMO_PASSWORD}


def _advance_sequences(conn: Connection) -> None:
    """Rows were inserted with explicit ids: move PostgreSQL's id sequences past them."""
    for table in metadata.sorted_tables:
        if "id" in table.c and isinstance(table.c.id.default, Sequence):  # server.schema.serial
            conn.execute(text(f"SELECT setval('{table.c.id.default.name}', "
                              f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"))
        elif table.autoincrement_column is not None:  # the school, the subjects: SERIAL
            column = table.autoincrement_column.name
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column}'), "
                              f"(SELECT coalesce(max({column}), 0) + 1 FROM {table.name}), false)"))
