"""A course's lessons planned from its timetable and the school's calendar.

Each day with lessons for the class's grade (core.school_calendar) gets a lesson in each slot the timetable
entry in force that day gives its weekday. The ids are derived from (course, date, slot) (core.ids), so the
server and any PC that plans the same course make the same lessons, and a lesson planned twice is one lesson.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from core import ids
from core.school_calendar import SchoolCalendar


@dataclass(frozen=True)
class WeeklySlot:
    """A timetable entry: the course is taught on `weekday` (1 = Monday) in `slot`, from one day to another."""

    weekday: int
    slot: int
    valid_from: dt.date
    valid_to: dt.date | None = None

    def on(self, day: dt.date) -> bool:
        return (day.isoweekday() == self.weekday and self.valid_from <= day
                and (self.valid_to is None or day <= self.valid_to))


@dataclass(frozen=True)
class PlannedLesson:
    id: str
    course_id: int
    date: dt.date
    slot: int


def plan(course_id: int, grade: int, week: Iterable[WeeklySlot], calendar: SchoolCalendar,
         since: dt.date | None = None, until: dt.date | None = None) -> list[PlannedLesson]:
    """The course's lessons over the school days from `since` to `until` (the whole year where not given), in
    date and slot order."""
    entries = list(week)
    return [PlannedLesson(ids.lesson_id(course_id, day, slot), course_id, day, slot)
            for day in calendar.school_days(grade, since, until)
            for slot in sorted({e.slot for e in entries if e.on(day)})]
