"""The courses this journal holds, and those it may no longer read dropped with everything of theirs.

The server tells at each sync which courses the teacher may read (a digest: core.protocol.courses_digest); the
sync engine downloads those the journal lacks (storage.first_download_rows.store_courses) and drops those no
longer readable: a course given to another teacher, a substitution over; one whose teacher changed is dropped and
downloaded again as it now stands (its former teacher keeps the lessons he gave, as their substitute). A course is
dropped only while nothing typed here waits for the server (the outbox is empty): what the teacher typed goes first,
and the server judges it; the next sync drops the course then.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from storage import outbox
from storage.database import JournalDatabase

# Child rows before their parents (the journal's foreign keys are on).
_DROP = (
    "DELETE FROM summative_score WHERE work_id IN (SELECT id FROM summative_work WHERE course_id IN ({ids}))",
    "DELETE FROM lesson_cell WHERE lesson_id IN (SELECT id FROM lesson WHERE course_id IN ({ids}))",
    "DELETE FROM summative_work WHERE course_id IN ({ids})",
    "DELETE FROM period_mark WHERE course_id IN ({ids})",
    "DELETE FROM lesson WHERE course_id IN ({ids})",
    "DELETE FROM timetable_entry WHERE course_id IN ({ids})",
    "DELETE FROM course WHERE id IN ({ids})",
)


def held(conn: Connection) -> dict[int, int]:
    """The courses the journal holds, each with its teacher's id as the journal last downloaded it."""
    return {course: teacher for course, teacher in conn.exec_driver_sql("SELECT id, teacher_id FROM course")}


def drop(db: JournalDatabase, course_ids: Iterable[int]) -> bool:
    """Drop the courses and all they hold; False (nothing dropped) while the outbox holds anything."""
    ids = ",".join(str(int(c)) for c in sorted(set(course_ids)))
    if not ids:
        return True
    with db.write() as conn:
        if outbox.count(conn):
            return False
        for statement in _DROP:
            conn.exec_driver_sql(statement.format(ids=ids))
    return True
