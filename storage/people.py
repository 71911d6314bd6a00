"""The names of the people a journal holds, as the app shows them."""

from __future__ import annotations

from sqlalchemy import Connection


def teacher_name(conn: Connection, teacher_id: int) -> str | None:
    """"Surname Name Patronymic" of a teacher, None when the journal does not hold them."""
    row = conn.exec_driver_sql("SELECT last_name, first_name, patronymic FROM teacher WHERE id = ?",
                               (teacher_id,)).first()
    return " ".join(part for part in row if part) if row else None
