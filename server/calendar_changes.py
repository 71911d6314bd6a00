"""The school's calendar changed by its admin through the year: a day off added (a quarantine, a cold day, a
holiday the government moved) or taken back. Each change is checked as an import's calendar.csv row is
(core.school_calendar.check_day_off), written whole or not at all, audited, and told through the school's feed
to the PCs of every course of the grades it concerns, which then refuse a lesson added by hand on those days.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, delete, select

from core.errors import ValidationError
from core.school_calendar import DayOff, check_day_off
from server import feed, school_changes, serials
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
    day_off_id = serials.add_one(conn, DAY_OFF, **row)
    told = school_changes.record(dict(row, id=day_off_id), COLUMNS)
    school_changes.audit(conn, who, now, ip, "day_off", day_off_id, "create", None, told)
    feed.publish(conn, who.school_id, school_changes.told(who, now, _courses(conn, who.school_id, year.id, off), [
        ("day_off", day_off_id, "create", told, 1)]))
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
    conn.execute(delete(DAY_OFF).where(DAY_OFF.c.school_id == who.school_id, DAY_OFF.c.id == day_off_id))
    school_changes.audit(conn, who, now, ip, "day_off", day_off_id, "removed", school_changes.record(row, COLUMNS),
                         {"removed": True})
    off = DayOff(row["from_date"], row["to_date"], row["kind"], row["name"], row["grade_from"], row["grade_to"])
    feed.publish(conn, who.school_id, school_changes.told(
        who, now, _courses(conn, who.school_id, row["year_id"], off),
        [("day_off", day_off_id, "removed", True,
          school_changes.next_version(conn, who.school_id, "day_off", day_off_id, "removed"))]))


def _courses(conn: Connection, school_id: int, year_id: int, off: DayOff) -> list[int]:
    """The courses of the year's classes in the day off's grades: whose PCs are told."""
    return list(conn.execute(select(COURSE.c.id).join(
        CLASS, (CLASS.c.school_id == COURSE.c.school_id) & (CLASS.c.id == COURSE.c.class_id)).where(
        COURSE.c.school_id == school_id, CLASS.c.year_id == year_id,
        CLASS.c.grade.between(off.grade_from, off.grade_to))).scalars())
