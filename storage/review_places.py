"""Where the records under review are, in words a teacher recognises: for a lesson cell's (or a lesson's)
record key, the lesson's date, the subject's name in the language asked for, and the pupil's name. Read for
the review panel's open conflicts and refused edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from core import record_keys
from storage.journal_sheet import driver_connection

# The subject's name in the language asked for; any other language reads the Russian name.
_PLACE = """
SELECT l.date, CASE :language WHEN 'kk' THEN s.name_kk WHEN 'en' THEN s.name_en ELSE s.name_ru END,
       p.last_name || ' ' || p.first_name
FROM lesson l JOIN course c ON c.id = l.course_id JOIN subject s ON s.id = c.subject_id
LEFT JOIN pupil p ON p.id = :pupil WHERE l.id = :lesson
"""


@dataclass(frozen=True)
class Place:
    date: dt.date
    subject: str
    pupil: str | None  # None for a lesson's own record (its topic, its homework)


def places(conn: Any, keys: Iterable[str], language: str) -> dict[str, Place]:
    """The place of each record key ("<lesson id>/<pupil id>" or "<lesson id>") whose lesson the journal
    holds, the subject named in `language` ("kk", "ru", "en"); keys of anything else are left out.
    `conn`: a SQLAlchemy Connection or a sqlite3 connection to the journal."""
    raw, found = driver_connection(conn), {}
    for key in keys:
        cell = record_keys.parse_pupil_key(key)  # a cell's key, or a lesson's own
        lesson_id, pupil = (key, None) if cell is None else (cell.record, cell.pupil)
        row = raw.execute(_PLACE, {"language": language, "pupil": pupil, "lesson": lesson_id}).fetchone()
        if row:
            found[key] = Place(dt.date.fromisoformat(row[0]), row[1], row[2])
    return found
