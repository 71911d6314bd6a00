"""A teacher's lessons of one day with their bell times, and the one in progress or next at a given time.

A course's lessons that day are the journal's lessons on that date where it has any (an extra or moved
lesson counts; one given to a substitute is the substitute's, not the course teacher's), else what the weekly
timetable holds for that weekday
on a school day of the class (a day in a term and no day off of its grade: a school's journal need not hold its
lessons ahead). The times come
from the bell schedule by lesson number; the journal does not say which shift a class studies in, so
where shifts share a number the first shift's times are taken. Plain SQL on the driver's connection, as
storage.journal_sheet: the desktop reads this before it has loaded SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from storage.journal_sheet import driver_connection


@dataclass(frozen=True)
class DayLesson:
    course_id: int
    slot: int  # the lesson's number in the bell schedule
    starts: dt.time | None  # None when the bell schedule lacks the number
    ends: dt.time | None
    lesson_id: str | None  # the journal's lesson; None when only the timetable has it so far
    kind: str = "regular"  # regular, sor, soch


_LESSONS = """
SELECT l.course_id, l.slot, l.id, l.kind, l.substitute_teacher_id FROM lesson l JOIN course c ON c.id = l.course_id
WHERE l.date = :day AND (c.teacher_id = :teacher OR l.substitute_teacher_id = :teacher)
"""
_TIMETABLE = """
SELECT t.course_id, t.slot FROM timetable_entry t JOIN course c ON c.id = t.course_id
WHERE c.teacher_id = :teacher AND t.weekday = :weekday AND t.valid_from <= :day
  AND (t.valid_to IS NULL OR t.valid_to >= :day)
  AND EXISTS (SELECT 1 FROM period WHERE kind = 'term' AND start_date <= :day AND end_date >= :day)
  AND NOT EXISTS (SELECT 1 FROM day_off d JOIN school_class k ON k.id = c.class_id
                  WHERE d.from_date <= :day AND d.to_date >= :day AND k.grade BETWEEN d.grade_from AND d.grade_to)
"""


def of_day(conn: Any, teacher_id: int, day: dt.date) -> list[DayLesson]:
    """The teacher's lessons on `day`, by time. `conn`: a SQLAlchemy Connection or a sqlite3 connection."""
    raw = driver_connection(conn)
    params = {"day": day.isoformat(), "teacher": teacher_id, "weekday": day.isoweekday()}
    bells: dict[int, tuple[dt.time | None, dt.time | None]] = {}
    for number, starts, ends in raw.execute("SELECT number, starts, ends FROM bell_slot ORDER BY shift DESC"):
        bells[number] = (_time(starts), _time(ends))
    found: dict[tuple[int, int], DayLesson] = {}
    in_journal: set[int] = set()
    for course_id, slot, lesson_id, kind, substitute in raw.execute(_LESSONS, params).fetchall():
        in_journal.add(course_id)
        if substitute in (None, teacher_id):
            found[(course_id, slot)] = DayLesson(course_id, slot, *bells.get(slot, (None, None)), lesson_id, kind)
    for course_id, slot in raw.execute(_TIMETABLE, params).fetchall():
        if course_id not in in_journal:
            found.setdefault((course_id, slot), DayLesson(course_id, slot, *bells.get(slot, (None, None)), None))
    return sorted(found.values(), key=lambda x: (x.starts is None, x.starts or dt.time(), x.slot, x.course_id))


def now_or_next(lessons: list[DayLesson], now: dt.time) -> DayLesson | None:
    """The lesson in progress at `now`, else the next one; after the day's last lesson, that last one (the
    teacher fills in the day's journal after school). None when the day has no lesson with bell times."""
    timed = [lesson for lesson in lessons if lesson.starts is not None and lesson.ends is not None]
    upcoming = next((lesson for lesson in timed if lesson.ends is not None and now < lesson.ends), None)
    return upcoming or (timed[-1] if timed else None)


def _time(value: Any) -> dt.time:
    return value if isinstance(value, dt.time) else dt.time.fromisoformat(str(value))
