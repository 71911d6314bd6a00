"""A lesson's own fields as the lesson panel shows them: its topic and its homework, and why it is cancelled.
Plain SQL on the driver's connection, as storage.journal_sheet (read on the desktop's light reader)."""

from __future__ import annotations

from typing import Any

from storage.journal_sheet import driver_connection


def topic_and_homework(conn: Any, lesson_id: str) -> tuple[str | None, str | None]:
    """The lesson's (topic, homework); (None, None) when there is no such lesson. `conn`: a SQLAlchemy
    Connection or a sqlite3 connection to the journal."""
    row = driver_connection(conn).execute("SELECT topic, homework FROM lesson WHERE id = ?", (lesson_id,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def details(conn: Any, lesson_id: str) -> tuple[str | None, str | None, str | None]:
    """The lesson's (topic, homework, the reason it is cancelled); all None when there is no such lesson."""
    row = driver_connection(conn).execute("SELECT topic, homework, cancelled FROM lesson WHERE id = ?",
                                          (lesson_id,)).fetchone()
    return (row[0], row[1], row[2]) if row else (None, None, None)
