"""What the window's two boxes offer for choosing a journal sheet: the courses a teacher keeps (all of them
for a school admin) and, for a class teacher, every course of the class, to read (`mine` tells which the teacher
keeps), with the class, the subject's names in the three languages and the subgroup, and the
year's periods (terms, half-years, the year); and the classes the teacher reports on, which her PC holds whole (her
own as class teacher; every class for an admin). Plain SQL on the driver's connection, as storage.journal_sheet:
the desktop reads this before it has loaded SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core import write_rules
from storage.journal_sheet import driver_connection


@dataclass(frozen=True)
class CourseChoice:
    id: int
    class_name: str  # "7 А"
    subject: dict[str, str]  # language code ("kk", "ru", "en") → the subject's name
    subgroup: str | None
    mine: bool = True  # the teacher keeps it (False: a course of the class they are the class teacher of)
    works: tuple[str, ...] = ("sor", "soch")  # the summative works it holds (core.write_rules.work_kinds)


@dataclass(frozen=True)
class PeriodChoice:
    id: int
    kind: str  # term, half_year, year
    number: int
    start: dt.date
    end: dt.date


_COURSES = """
SELECT c.id, k.grade || ' ' || k.letter, s.name_kk, s.name_ru, s.name_en, g.name,
       :teacher IS NULL OR c.teacher_id = :teacher, c.scale, k.grade, c.hours_per_week FROM course c
JOIN school_class k ON k.id = c.class_id JOIN subject s ON s.id = c.subject_id
LEFT JOIN subgroup g ON g.id = c.subgroup_id
WHERE :teacher IS NULL OR c.teacher_id = :teacher OR k.homeroom_teacher_id = :teacher
ORDER BY c.teacher_id IS NOT :teacher, k.grade, k.letter, s.name_kk, g.name
"""
_PERIODS = """
SELECT id, kind, number, start_date, end_date FROM period
ORDER BY CASE kind WHEN 'term' THEN 0 WHEN 'half_year' THEN 1 ELSE 2 END, start_date
"""


def courses(conn: Any, teacher_id: int | None) -> list[CourseChoice]:
    """The courses of `teacher_id` (None: every course) by class, then subject, then those of the class they are
    the class teacher of. `conn`: a SQLAlchemy Connection or a sqlite3 connection to the journal."""
    return [CourseChoice(course_id, class_name, {"kk": kk, "ru": ru, "en": en}, subgroup, bool(mine),
                         write_rules.work_kinds(scale, grade, hours))
            for course_id, class_name, kk, ru, en, subgroup, mine, scale, grade, hours
            in driver_connection(conn).execute(_COURSES, {"teacher": teacher_id})]


def periods(conn: Any) -> list[PeriodChoice]:
    """The periods: the terms in order, then the half-years, then the year."""
    return [PeriodChoice(period_id, kind, number, dt.date.fromisoformat(start), dt.date.fromisoformat(end))
            for period_id, kind, number, start, end in driver_connection(conn).execute(_PERIODS)]


def classes(conn: Any, teacher_id: int | None) -> list[tuple[int, str]]:
    """The classes `teacher_id` is the class teacher of (every class for an admin: None), by name: those her PC
    holds whole (every course of them, to read), so the only ones it reports on (core.school_reports)."""
    return [(class_id, f"{grade} «{letter}»") for class_id, grade, letter in driver_connection(conn).execute(
        "SELECT id, grade, letter FROM school_class WHERE ? IS NULL OR homeroom_teacher_id = ? ORDER BY grade, letter",
        (teacher_id, teacher_id)).fetchall()]


def load(conn: Any, teacher_id: int | None) -> tuple[list[CourseChoice], list[PeriodChoice], list[tuple[int, str]]]:
    """The boxes' choices and the classes reported on, read together."""
    return courses(conn, teacher_id), periods(conn), classes(conn, teacher_id)
