"""The school's reports computed on the server from every course (core.school_reports): the rows a report reads are
copied out of the server's database, one school's and one year's, into an in-memory SQLite journal of the same tables
(core.tables), and the same code that reports on a class teacher's PC runs over it.

Why a copy and not the queries on the server's database: the grading code is one, in core, written against a journal
(ISO dates as text, one school, one year), and running it unchanged is what makes the server's report and a PC's agree
by construction. Every statement here names the school (on Citus, its shard), and a copy of one class's year is some
thousands of rows.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, create_engine, or_, select
from sqlalchemy.pool import StaticPool

from core import school_reports
from core.tables import Base
from server.schema import tables

CLASS, MEMBER, COURSE, LESSON, CELL = (tables[n] for n in ("school_class", "class_membership", "course", "lesson",
                                                           "lesson_cell"))


def of_classes(conn: Connection, school: int, classes: Sequence[int], day: dt.date | None = None) -> sqlite3.Connection:
    """An in-memory journal holding what the reports on `classes` read: the school's year they belong to (its
    periods, days off, classes), their pupils with every class they have been in that year (a moved pupil's marks
    follow him), those classes' courses with their lessons, cells that hold a mark or an attendance, summative works,
    scores and period marks. `day`: the lessons of that day alone (the day's absentees)."""
    years = [y for (y,) in conn.execute(select(CLASS.c.year_id).distinct().where(
        CLASS.c.school_id == school, CLASS.c.id.in_(list(classes))))]
    pupils = sorted({p for (p,) in conn.execute(select(MEMBER.c.pupil_id).where(
        MEMBER.c.school_id == school, MEMBER.c.class_id.in_(list(classes))))})
    been_in = sorted({k for (k,) in conn.execute(select(MEMBER.c.class_id).join(CLASS, and_(
        CLASS.c.school_id == school, CLASS.c.id == MEMBER.c.class_id)).where(
        MEMBER.c.school_id == school, MEMBER.c.pupil_id.in_(pupils), CLASS.c.year_id.in_(years)))} | set(classes))
    courses = [c for (c,) in conn.execute(select(COURSE.c.id).where(COURSE.c.school_id == school,
                                                                    COURSE.c.class_id.in_(been_in)))]
    lessons_of = and_(LESSON.c.course_id.in_(courses), *([LESSON.c.date == day] if day is not None else []))
    copy = _empty_journal()
    wanted: dict[str, Any] = {
        "school": tables["school"].c.id == school,
        "academic_year": tables["academic_year"].c.id.in_(years),
        "period": tables["period"].c.year_id.in_(years),
        "day_off": tables["day_off"].c.year_id.in_(years),
        "school_class": tables["school_class"].c.year_id.in_(years),
        "subject": None,
        "pupil": tables["pupil"].c.id.in_(pupils),
        "class_membership": MEMBER.c.pupil_id.in_(pupils),
        "subgroup": tables["subgroup"].c.class_id.in_(been_in),
        "subgroup_member": tables["subgroup_member"].c.pupil_id.in_(pupils),
        "course": COURSE.c.id.in_(courses),
        "lesson": lessons_of,
        "summative_work": tables["summative_work"].c.course_id.in_(courses),
        "summative_score": tables["summative_score"].c.work_id.in_(
            select(tables["summative_work"].c.id).where(tables["summative_work"].c.school_id == school,
                                                        tables["summative_work"].c.course_id.in_(courses))),
        "period_mark": tables["period_mark"].c.course_id.in_(courses),
    }
    for name, where in wanted.items():
        _copy(conn, copy, name, school, where)
    cells = [c for c in Base.metadata.tables["lesson_cell"].columns.keys()]
    rows = conn.execute(select(*(CELL.c[c] for c in cells)).join(LESSON, and_(
        LESSON.c.school_id == school, LESSON.c.id == CELL.c.lesson_id)).where(
        CELL.c.school_id == school, lessons_of, or_(CELL.c.mark.is_not(None), CELL.c.attendance.is_not(None))))
    _insert(copy, "lesson_cell", cells, rows)
    return copy


def class_report(conn: Connection, school: int, class_id: int, period_id: int, today: dt.date
                 ) -> school_reports.ClassReport:
    """The class's report (core.school_reports.class_report) from every course of the class on the server."""
    copy = of_classes(conn, school, [class_id])
    try:
        return school_reports.class_report(copy, class_id, period_id, today)
    finally:
        copy.close()


def absentees(conn: Connection, school: int, day: dt.date) -> list[school_reports.Absentee]:
    """The school's pupils marked absent, ill, excused or late in a lesson of `day`, by class and name."""
    classes = [k for (k,) in conn.execute(select(CLASS.c.id).where(CLASS.c.school_id == school))]
    copy = of_classes(conn, school, classes, day)
    try:
        return school_reports.absentees(copy, classes, day)
    finally:
        copy.close()


def _empty_journal() -> sqlite3.Connection:
    """An in-memory SQLite database with the journal's tables (core.tables), as a PC's journal has them."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
    Base.metadata.create_all(engine, tables=[Base.metadata.tables[n] for n in (
        "school", "academic_year", "day_off", "period", "subject", "teacher", "school_class", "subgroup", "pupil",
        "subgroup_member", "class_membership", "bell_slot", "course", "timetable_entry", "lesson", "lesson_cell",
        "summative_work", "summative_score", "period_mark")])
    return memory


def _copy(conn: Connection, copy: sqlite3.Connection, name: str, school: int, where: Any) -> None:
    """The rows of table `name` that `where` picks, the school's alone, with the journal's columns."""
    source = tables[name]
    columns = list(Base.metadata.tables[name].columns.keys())
    query = select(*(source.c[c] for c in columns))
    if "school_id" in source.c:
        query = query.where(source.c.school_id == school)
    if where is not None:
        query = query.where(where)
    _insert(copy, name, columns, conn.execute(query))


def _insert(copy: sqlite3.Connection, name: str, columns: list[str], rows: Any) -> None:
    marks = ", ".join("?" for _ in columns)
    copy.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608 (our own names)
                     ([_journal_value(v) for v in row] for row in rows))


def _journal_value(value: object) -> object:
    """A value as a PC's journal holds it: dates and times as ISO text, ids as text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value
