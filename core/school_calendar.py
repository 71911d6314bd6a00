"""The school's calendar as data, and which days of it have lessons for a class of a grade.

A day has lessons when it is in one of the year's terms, on a day of the school's week (5 days: Monday–Friday;
6: Monday–Saturday), and no day off of the calendar (a public holiday, a break, a day off moved from a weekend)
covers it for the class's grade. The Ministry sets the terms and breaks each year by order and the school keeps
them as data (its admin console, its import bundle's calendar.csv): nothing here knows a year's dates.

The journal (storage) and the server ask the same function before a lesson is made, and the lessons of a
course are planned from the timetable over the days it gives (core.lesson_plan).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from core.errors import InvalidLesson
from core.tables import AcademicYear, Period, SchoolClass
from core.tables import DayOff as DayOffRow

DAY_OFF_KINDS = ("holiday", "break", "moved")
WEEKS = (5, 6)
GRADES = (0, 12)
NAME_LIMIT = 120


@dataclass(frozen=True)
class DayOff:
    """Days without lessons, first and last included, for grades `grade_from`–`grade_to`."""

    from_date: dt.date
    to_date: dt.date
    kind: str
    name: str
    grade_from: int = GRADES[0]
    grade_to: int = GRADES[1]

    def covers(self, day: dt.date, grade: int) -> bool:
        return self.from_date <= day <= self.to_date and self.grade_from <= grade <= self.grade_to


@dataclass(frozen=True)
class SchoolCalendar:
    """One school year's calendar: its terms (first and last day), its week and its days off."""

    terms: tuple[tuple[dt.date, dt.date], ...]
    days_off: tuple[DayOff, ...] = ()
    week_days: int = 5

    @classmethod
    def from_rows(cls, terms: Iterable[tuple[dt.date, dt.date]], days_off: Iterable[Mapping[str, Any]],
                  week_days: int = 5) -> SchoolCalendar:
        """From the journal's rows: period (term) dates and day_off rows (dates as dates or ISO text)."""
        return cls(tuple(sorted(terms)), tuple(
            DayOff(_day(r["from_date"]), _day(r["to_date"]), r["kind"], r["name"], r["grade_from"], r["grade_to"])
            for r in days_off), week_days)

    def day_off(self, day: dt.date, grade: int) -> DayOff | None:
        """The day off covering `day` for `grade` (None: none does)."""
        return next((off for off in self.days_off if off.covers(day, grade)), None)

    def in_term(self, day: dt.date) -> bool:
        return any(start <= day <= end for start, end in self.terms)

    def has_lessons(self, day: dt.date, grade: int) -> bool:
        return self.in_term(day) and day.isoweekday() <= self.week_days and self.day_off(day, grade) is None

    def school_days(self, grade: int, since: dt.date | None = None, until: dt.date | None = None) -> Iterator[dt.date]:
        """Every day with lessons for `grade`, in order, within [since, until] where given."""
        for start, end in self.terms:
            day, last = max(start, since or start), min(end, until or end)
            while day <= last:
                if self.has_lessons(day, grade):
                    yield day
                day += dt.timedelta(days=1)

    def check_lesson_day(self, day: dt.date, grade: int) -> None:
        """Refuse a lesson on a day off of the grade, naming it. A day past the school's week is not refused: a
        lesson added by hand on a Saturday is a make-up lesson or a working day moved by the government's
        decree; only planning (core.lesson_plan) keeps to the week. (A day outside every term is refused by
        core.write_rules.term_of.)"""
        off = self.day_off(day, grade)
        if off is not None:
            raise InvalidLesson(why="day_off", date=day, name=off.name,
                                reason=f"{day} is a day off ({off.name}) for grade {grade}")


def of_class(conn: Connection, class_id: int, tables: Mapping[str, Table] | None = None,
             school_id: int | None = None) -> tuple[SchoolCalendar, int]:
    """The calendar of the class's school year and the class's grade, read from a journal (its own tables) or
    from the server's (`tables`, with the class's `school_id`, which every read then names)."""
    year, period, day_off, klass = (
        (AcademicYear.__table__, Period.__table__, DayOffRow.__table__, SchoolClass.__table__) if tables is None
        else (tables["academic_year"], tables["period"], tables["day_off"], tables["school_class"]))

    def school(table: Table) -> Any:
        return True if school_id is None else table.c.school_id == school_id

    found = conn.execute(select(klass.c.year_id, klass.c.grade, year.c.week_days)
                         .join(year, (year.c.id == klass.c.year_id) & school(year))
                         .where(klass.c.id == class_id, school(klass))).first()
    if found is None:
        return SchoolCalendar(()), 0
    terms = conn.execute(select(period.c.start_date, period.c.end_date).where(
        period.c.year_id == found.year_id, period.c.kind == "term", school(period))).all()
    days_off = [dict(r) for r in conn.execute(select(day_off).where(day_off.c.year_id == found.year_id,
                                                                    school(day_off))).mappings()]
    return SchoolCalendar.from_rows([(t.start_date, t.end_date) for t in terms], days_off, found.week_days), found.grade


def check_day_off(off: DayOff, year: tuple[dt.date, dt.date]) -> list[str]:
    """What is wrong with a day off of the school year `year` (first and last day): empty when nothing is."""
    problems = []
    if off.kind not in DAY_OFF_KINDS:
        problems.append(f"kind is one of {', '.join(DAY_OFF_KINDS)}, not {off.kind!r}")
    if off.from_date > off.to_date:
        problems.append(f"the first day {off.from_date} is after the last {off.to_date}")
    if not (year[0] <= off.from_date and off.to_date <= year[1]):
        problems.append(f"{off.from_date} – {off.to_date} is not within the school year {year[0]} – {year[1]}")
    if not GRADES[0] <= off.grade_from <= off.grade_to <= GRADES[1]:
        problems.append(f"grades {off.grade_from}–{off.grade_to} are not a range within {GRADES[0]}–{GRADES[1]}")
    if not off.name.strip() or len(off.name) > NAME_LIMIT:
        problems.append(f"the name is required (up to {NAME_LIMIT} characters)")
    return problems


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
