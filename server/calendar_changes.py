"""The school's calendar changed by its admin through the year: a day off added (a quarantine, a cold day, a
holiday the government moved) or taken back. Each change is checked as an import's calendar.csv row is
(core.school_calendar.check_day_off), written whole or not at all, audited, and told through the school's feed
to the PCs of every course of the grades it concerns, which then refuse a lesson added by hand on those days.
The lessons on those days follow: an empty one is taken away (and planned again when the day off is taken back);
one that holds what a teacher wrote stays, and the audit entry counts it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, delete, select

from core.errors import ValidationError
from core.school_calendar import DayOff, check_day_off
from server import feed, school_changes, serials, timetable_changes
from server.accounts import Principal
from server.schema import tables

DAY_OFF, YEAR, CLASS, COURSE = tables["day_off"], tables["academic_year"], tables["school_class"], tables["course"]
COLUMNS = ("id", "year_id", "from_date", "to_date", "grade_from", "grade_to", "kind", "name")


class CalendarRefused(ValidationError):
    """A calendar change that does not fit the school year; `why` names the cause, one of `causes`."""

    causes = ("date_outside_year", "bad_day_off", "no_such_day_off")
    code = "calendar_refused"
    template = "The calendar change was refused: {reason}"


class NewDayOff(BaseModel):
    """A day off as the admin enters it: first and last day, its kind, the grades it holds for, its name."""

    model_config = ConfigDict(extra="forbid")
    from_date: dt.date
    to_date: dt.date
    kind: str
    name: str
    grade_from: int = 0
    grade_to: int = 12


def add(conn: Connection, who: Principal, now: dt.datetime, new: NewDayOff, ip: str | None) -> int:
    """The day off added to the school year holding its first day; its id."""
    year = conn.execute(select(YEAR.c.id, YEAR.c.start_date, YEAR.c.end_date).where(
        YEAR.c.school_id == who.school_id, YEAR.c.start_date <= new.from_date, YEAR.c.end_date >= new.from_date)
    ).first()
    if year is None:
        raise CalendarRefused(why="date_outside_year", reason=f"{new.from_date} is in no school year of the school")
    off = DayOff(new.from_date, new.to_date, new.kind, new.name.strip(), new.grade_from, new.grade_to)
    problems = check_day_off(off, (year.start_date, year.end_date))
    if problems:
        raise CalendarRefused(why="bad_day_off", reason="; ".join(problems))
    row = dict(school_id=who.school_id, year_id=year.id, from_date=off.from_date, to_date=off.to_date,
               grade_from=off.grade_from, grade_to=off.grade_to, kind=off.kind, name=off.name)
    courses = _courses(conn, who.school_id, year.id, off)
    day_off_id: int = 0

    def insert() -> None:
        nonlocal day_off_id
        day_off_id = serials.add_one(conn, DAY_OFF, **row)

    lessons, removed, kept = _lessons_follow(conn, who, now, courses, off, insert)
    record = school_changes.record(dict(row, id=day_off_id), COLUMNS)
    school_changes.audit(conn, who, now, ip, "day_off", day_off_id, "create", None,
                         {**record, "lessons_removed": removed, "lessons_kept": kept})
    feed.publish(conn, who.school_id, [
        *school_changes.told(who, now, [c for c, _ in courses], [("day_off", day_off_id, "create", record, 1)]),
        *lessons])
    return day_off_id


def days_off(conn: Connection, school_id: int) -> list[dict]:
    """The school's days off, in date order."""
    return [dict(r) for r in conn.execute(select(DAY_OFF).where(DAY_OFF.c.school_id == school_id)
                                          .order_by(DAY_OFF.c.from_date, DAY_OFF.c.grade_from)).mappings()]


def remove(conn: Connection, who: Principal, now: dt.datetime, day_off_id: int, ip: str | None) -> None:
    """The day off taken back (entered by mistake): audited; the PCs that hold it are told to drop it."""
    row = conn.execute(select(DAY_OFF).where(DAY_OFF.c.school_id == who.school_id, DAY_OFF.c.id == day_off_id)
                       .with_for_update()).mappings().first()
    if row is None:
        raise CalendarRefused(why="no_such_day_off", reason=f"there is no day off {day_off_id} in this school")
    off = DayOff(row["from_date"], row["to_date"], row["kind"], row["name"], row["grade_from"], row["grade_to"])
    courses = _courses(conn, who.school_id, row["year_id"], off)
    lessons, added, _ = _lessons_follow(conn, who, now, courses, off, lambda: conn.execute(
        delete(DAY_OFF).where(DAY_OFF.c.school_id == who.school_id, DAY_OFF.c.id == day_off_id)))
    school_changes.audit(conn, who, now, ip, "day_off", day_off_id, "removed", school_changes.record(row, COLUMNS),
                         {"removed": True, "lessons_added": added})
    feed.publish(conn, who.school_id, [
        *school_changes.told(who, now, [c for c, _ in courses], [
            ("day_off", day_off_id, "removed", True,
             school_changes.next_version(conn, who.school_id, "day_off", day_off_id, "removed"))]),
        *lessons])


def _courses(conn: Connection, school_id: int, year_id: int, off: DayOff) -> list[tuple[int, int]]:
    """The (course, class) of the year's classes in the day off's grades: whose PCs are told."""
    return [(r.id, r.class_id) for r in conn.execute(select(COURSE.c.id, COURSE.c.class_id).join(
        CLASS, (CLASS.c.school_id == COURSE.c.school_id) & (CLASS.c.id == COURSE.c.class_id)).where(
        COURSE.c.school_id == school_id, CLASS.c.year_id == year_id,
        CLASS.c.grade.between(off.grade_from, off.grade_to)).order_by(COURSE.c.id))]


def _lessons_follow(conn: Connection, who: Principal, now: dt.datetime, courses: list[tuple[int, int]], off: DayOff,
                    change: Callable[[], object]) -> tuple[list[dict[str, Any]], int, int]:
    """Make the calendar's `change`, and bring each course's lessons on the days off to what the calendar now
    plans (server.timetable_changes.follow_plan): the change rows telling them to each course, how many lessons
    changed (made or taken away) and how many were kept for what a teacher wrote in them."""
    before = {course: timetable_changes.planned(conn, who.school_id, course, klass, off.from_date, off.to_date)
              for course, klass in courses}
    change()
    rows: list[dict[str, Any]] = []
    changed = kept = 0
    for course, klass in courses:
        after = timetable_changes.planned(conn, who.school_id, course, klass, off.from_date, off.to_date)
        outcome, told = timetable_changes.follow_plan(conn, who.school_id, course, before[course], after,
                                                      off.from_date)
        changed += outcome.added + outcome.removed
        kept += len(outcome.kept)
        rows += school_changes.told(who, now, [course], told)
    return rows, changed, kept
