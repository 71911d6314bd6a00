"""A course's weekly timetable changed from a date, and its lessons planned again from that date.

The timetable is kept in versions: the entries in force until the day before stay as they were (their last day
set), the new week's entries start on the day given. The course's lessons from that day on follow: a lesson the
old week planned and the new one does not is taken away when it holds nothing (no mark, attendance, comment,
topic, homework or summative work) and kept, and named in the answer, when it does; a lesson the new week
plans is added (its id derived from course, date and slot, so a PC that added the same lesson by hand holds the
same one). A lesson added by hand is never touched. All of it is written whole or not at all, audited, and
told through the school's feed to the course's PCs at their next sync: the timetable's entries and the lessons
made or taken away.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, and_, delete, exists, insert, select, update

from core import school_calendar, timetable_check
from core.errors import ValidationError
from core.lesson_plan import PlannedLesson, WeeklySlot, plan
from server import feed, school_changes, serials
from server.accounts import Principal
from server.schema import tables

COURSE, CLASS, YEAR = tables["course"], tables["school_class"], tables["academic_year"]
ENTRY = tables["timetable_entry"]
LESSON, CELL, WORK, BELL = tables["lesson"], tables["lesson_cell"], tables["summative_work"], tables["bell_slot"]
ENTRY_COLUMNS = ("id", "course_id", "weekday", "slot", "valid_from", "valid_to")
LESSON_COLUMNS = ("id", "course_id", "date", "slot", "kind", "topic", "homework")


class TimetableRefused(ValidationError):
    """A new week that does not fit the school; `why` names the cause, one of `causes`."""

    causes = ("no_such_course", "date_outside_year", "bad_slot", "timetable_clash")
    code = "timetable_refused"
    template = "The timetable change was refused: {reason}"


class NewWeek(BaseModel):
    """A course's week from a day on: (weekday 1 = Monday, lesson number) pairs."""

    model_config = ConfigDict(extra="forbid")
    from_date: dt.date
    slots: list[tuple[int, int]] = Field(max_length=40)


@dataclass(frozen=True)
class WeekChanged:
    """What the change did to the course's lessons from its first day: made, taken away, and kept though the new
    week does not plan them (they hold what a teacher wrote), by date and slot."""

    added: int
    removed: int
    kept: list[tuple[dt.date, int]]


def change_week(conn: Connection, who: Principal, now: dt.datetime, course_id: int, new: NewWeek,
                ip: str | None) -> WeekChanged:
    school = who.school_id
    course = conn.execute(
        select(COURSE.c.id, COURSE.c.class_id, COURSE.c.teacher_id, CLASS.c.grade, CLASS.c.year_id,
               YEAR.c.start_date, YEAR.c.end_date, YEAR.c.week_days)
        .join(CLASS, and_(CLASS.c.school_id == COURSE.c.school_id, CLASS.c.id == COURSE.c.class_id))
        .join(YEAR, and_(YEAR.c.school_id == CLASS.c.school_id, YEAR.c.id == CLASS.c.year_id))
        .where(COURSE.c.school_id == school, COURSE.c.id == course_id).with_for_update(of=COURSE)).first()
    if course is None:
        raise TimetableRefused(why="no_such_course", reason=f"there is no course {course_id} in this school")
    start = new.from_date
    if not course.start_date <= start <= course.end_date:
        raise TimetableRefused(why="date_outside_year",
                               reason=f"{start} is not in the school year ({course.start_date} – {course.end_date})")
    slots = sorted(set(new.slots))
    numbers = set(conn.execute(select(BELL.c.number).where(BELL.c.school_id == school)).scalars())
    wrong = [(d, n) for d, n in slots if not (1 <= d <= course.week_days and n in numbers)]
    if wrong:
        raise TimetableRefused(why="bad_slot", reason=f"no such day and lesson in the school's week: {wrong}")

    calendar, grade = school_calendar.of_class(conn, course.class_id, tables, school)
    old_entries = conn.execute(select(ENTRY).where(ENTRY.c.school_id == school, ENTRY.c.course_id == course_id)
                               ).mappings().all()
    old_plan = _plan(course_id, grade, old_entries, calendar, start)
    told: list[school_changes.Told] = []
    for entry in old_entries:
        if entry["valid_from"] >= start:  # a version not begun yet: replaced whole
            conn.execute(delete(ENTRY).where(ENTRY.c.school_id == school, ENTRY.c.id == entry["id"]))
            told.append(("weekly", entry["id"], "removed", True, _version(conn, school, entry["id"], "removed")))
        elif entry["valid_to"] is None or entry["valid_to"] >= start:
            last = start - dt.timedelta(days=1)
            conn.execute(update(ENTRY).where(ENTRY.c.school_id == school, ENTRY.c.id == entry["id"])
                         .values(valid_to=last))
            told.append(("weekly", entry["id"], "valid_to", last.isoformat(),
                         _version(conn, school, entry["id"], "valid_to")))
    rows = [dict(course_id=course_id, weekday=d, slot=n, valid_from=start, valid_to=None) for d, n in slots]
    for entry_id, row in zip(serials.add(conn, ENTRY, [dict(r, school_id=school) for r in rows]), rows, strict=True):
        told.append(("weekly", entry_id, "create", school_changes.record(dict(row, id=entry_id), ENTRY_COLUMNS), 1))
    refuse_clashes(conn, school, course, start, slots)

    new_entries = conn.execute(select(ENTRY).where(ENTRY.c.school_id == school, ENTRY.c.course_id == course_id)
                               ).mappings().all()
    new_plan = _plan(course_id, grade, new_entries, calendar, start)
    outcome, lessons_told = follow_plan(conn, school, course_id, old_plan, new_plan, start)
    told += lessons_told
    school_changes.audit(conn, who, now, ip, "course", course_id, "week",
                         {"slots": sorted((e["weekday"], e["slot"]) for e in old_entries if _in_force(e, start))},
                         {"from": start.isoformat(), "slots": slots, "added": outcome.added,
                          "removed": outcome.removed, "kept": [(d.isoformat(), n) for d, n in outcome.kept]})
    feed.publish(conn, school, school_changes.told(who, now, [course_id], told))
    return outcome


def planned(conn: Connection, school_id: int, course_id: int, class_id: int, since: dt.date,
            until: dt.date | None = None) -> dict[str, PlannedLesson]:
    """The course's lessons from `since` to `until` as the timetable and the calendar now plan them."""
    calendar, grade = school_calendar.of_class(conn, class_id, tables, school_id)
    entries = conn.execute(select(ENTRY).where(ENTRY.c.school_id == school_id, ENTRY.c.course_id == course_id)
                           ).mappings().all()
    return _plan(course_id, grade, entries, calendar, since, until)


def follow_plan(conn: Connection, school_id: int, course_id: int, old: dict[str, PlannedLesson],
                new: dict[str, PlannedLesson], since: dt.date) -> tuple[WeekChanged, list[school_changes.Told]]:
    """The course's lessons from `since` brought from the `old` plan to the `new`: a lesson only the old planned is
    taken away while it holds nothing (and is where it was planned: a lesson a teacher moved is hers), a lesson
    only the new plans is made; what to tell the course's PCs."""
    held = {r.id: r for r in conn.execute(select(LESSON.c.id, LESSON.c.date, LESSON.c.slot).where(
        LESSON.c.school_id == school_id, LESSON.c.course_id == course_id, LESSON.c.date >= since))}
    empty = set(conn.execute(select(LESSON.c.id).where(
        LESSON.c.school_id == school_id, LESSON.c.course_id == course_id, LESSON.c.date >= since,
        LESSON.c.kind == "regular", LESSON.c.topic.is_(None), LESSON.c.homework.is_(None),
        ~exists().where(CELL.c.school_id == school_id, CELL.c.lesson_id == LESSON.c.id),
        ~exists().where(WORK.c.school_id == school_id, WORK.c.lesson_id == LESSON.c.id))).scalars())
    dropped = [lesson for lesson_id, lesson in old.items() if lesson_id not in new and lesson_id in held
               and (held[lesson_id].date, held[lesson_id].slot) == (lesson.date, lesson.slot)]
    removed = [lesson for lesson in dropped if lesson.id in empty]
    kept = sorted((lesson.date, lesson.slot) for lesson in dropped if lesson.id not in empty)
    told: list[school_changes.Told] = []
    if removed:
        conn.execute(delete(LESSON).where(LESSON.c.school_id == school_id, LESSON.c.id.in_([r.id for r in removed])))
    for lesson in removed:
        told.append(("lesson", lesson.id, "removed", True,
                     school_changes.next_version(conn, school_id, "lesson", lesson.id, "removed")))
    added = [lesson for lesson_id, lesson in new.items() if lesson_id not in held]
    if added:
        conn.execute(insert(LESSON), [dict(school_id=school_id, id=lesson.id, course_id=course_id, date=lesson.date,
                                           slot=lesson.slot, kind="regular", server_version=1) for lesson in added])
    for lesson in added:
        record = dict(id=lesson.id, course_id=course_id, date=lesson.date, slot=lesson.slot, kind="regular",
                      topic=None, homework=None)
        told.append(("lesson", lesson.id, "create", school_changes.record(record, LESSON_COLUMNS), 1))
    return WeekChanged(len(added), len(removed), kept), told


def _in_force(entry: Any, day: dt.date) -> bool:
    return bool(entry["valid_from"] <= day and (entry["valid_to"] is None or entry["valid_to"] >= day))


def _plan(course_id: int, grade: int, entries: Any, calendar: school_calendar.SchoolCalendar,
          since: dt.date, until: dt.date | None = None) -> dict[str, PlannedLesson]:
    week = [WeeklySlot(e["weekday"], e["slot"], e["valid_from"], e["valid_to"]) for e in entries]
    return {lesson.id: lesson for lesson in plan(course_id, grade, week, calendar, since=since, until=until)}


def _version(conn: Connection, school_id: int, entry_id: int, field: str) -> int:
    return school_changes.next_version(conn, school_id, "weekly", entry_id, field)


def refuse_clashes(conn: Connection, school_id: int, course: Any, day: dt.date, slots: list[tuple[int, int]]) -> None:
    """The week in force from `day`, as the transaction has written it, checked for the course's class (bar a
    parallel subgroup) or teacher (`course.class_id`, `course.teacher_id`) in two places at once in `slots`."""
    problems = [p for p in timetable_check.check_school(conn, school_id, day, tables=tables)
                if (p.code == "class_clash" and p.params["class_id"] == course.class_id
                    or p.code == "teacher_clash" and p.params["teacher_id"] == course.teacher_id)
                and (p.params["weekday"], p.params["slot"]) in slots]
    if problems:
        raise TimetableRefused(why="timetable_clash", reason="; ".join(p.message for p in problems))
