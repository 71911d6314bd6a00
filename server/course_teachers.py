"""A course given to another teacher from a day on (a teacher leaves, goes on leave, or the load is shared out
again).

The new teacher is the course's teacher: from the next sync her PC downloads the course with everything written in
it, and writes in all of it. The lessons before that day stay the former teacher's, who gave them: he is their
substitute (server.substitutions.hand_over), so he keeps them on his PC and writes what belongs to them (marks,
attendance, topics: what he had typed offline is accepted when it reaches the server), and nothing else of the
course; his PC downloads the course again as he may now read it (sync.course_set: a course's teacher is part of the
courses' digest). A lesson the new teacher substituted in before becomes hers outright. The day it takes effect and
the school's order are kept in the audit log. The new teacher must be free in the course's lessons of the week in
force that day; a clash is refused with its cause.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, and_, or_, select, update

from core.errors import ValidationError
from server import school_changes, substitutions, timetable_changes
from server.accounts import Principal
from server.schema import tables

COURSE, CLASS, YEAR, TEACHER = tables["course"], tables["school_class"], tables["academic_year"], tables["teacher"]
ENTRY, LESSON = tables["timetable_entry"], tables["lesson"]


class CourseRefused(ValidationError):
    """A course's new teacher that does not fit; `why` names the cause, one of `causes`."""

    causes = ("no_such_course", "no_such_teacher", "same_teacher", "date_outside_year", "timetable_clash")
    code = "course_refused"
    template = "The course's new teacher was refused: {reason}"


class NewTeacher(BaseModel):
    model_config = ConfigDict(extra="forbid")
    teacher_id: int
    from_date: dt.date


def give(conn: Connection, who: Principal, now: dt.datetime, course_id: int, new: NewTeacher,
         ip: str | None) -> None:
    school = who.school_id
    course = conn.execute(
        select(COURSE.c.id, COURSE.c.class_id, COURSE.c.teacher_id, YEAR.c.start_date, YEAR.c.end_date)
        .join(CLASS, and_(CLASS.c.school_id == COURSE.c.school_id, CLASS.c.id == COURSE.c.class_id))
        .join(YEAR, and_(YEAR.c.school_id == CLASS.c.school_id, YEAR.c.id == CLASS.c.year_id))
        .where(COURSE.c.school_id == school, COURSE.c.id == course_id).with_for_update(of=COURSE)).first()
    if course is None:
        raise CourseRefused(why="no_such_course", reason=f"there is no course {course_id} in this school")
    if conn.execute(select(TEACHER.c.id).where(TEACHER.c.school_id == school, TEACHER.c.id == new.teacher_id)
                    ).first() is None:
        raise CourseRefused(why="no_such_teacher", reason=f"there is no teacher {new.teacher_id} in this school")
    if course.teacher_id == new.teacher_id:
        raise CourseRefused(why="same_teacher", reason="the course is already that teacher's")
    if not course.start_date <= new.from_date <= course.end_date:
        raise CourseRefused(why="date_outside_year", reason=f"{new.from_date} is not in the school year "
                                                            f"({course.start_date} – {course.end_date})")
    conn.execute(update(COURSE).where(COURSE.c.school_id == school, COURSE.c.id == course_id)
                 .values(teacher_id=new.teacher_id))
    week = [(r.weekday, r.slot) for r in conn.execute(select(ENTRY.c.weekday, ENTRY.c.slot).where(
        ENTRY.c.school_id == school, ENTRY.c.course_id == course_id, ENTRY.c.valid_from <= new.from_date,
        (ENTRY.c.valid_to.is_(None)) | (ENTRY.c.valid_to >= new.from_date)))]
    try:
        timetable_changes.refuse_clashes(conn, school, SimpleNamespace(class_id=course.class_id,
                                                                       teacher_id=new.teacher_id), new.from_date, week)
    except timetable_changes.TimetableRefused as clash:
        raise CourseRefused(why="timetable_clash", reason=clash.params["reason"]) from None
    school_changes.audit(conn, who, now, ip, "course", course_id, "teacher", {"teacher_id": course.teacher_id},
                         {"teacher_id": new.teacher_id, "from": new.from_date.isoformat()})
    lessons = conn.execute(select(LESSON.c.id, LESSON.c.substitute_teacher_id).where(
        LESSON.c.school_id == school, LESSON.c.course_id == course_id,
        or_(and_(LESSON.c.date < new.from_date, LESSON.c.substitute_teacher_id.is_(None)),
            LESSON.c.substitute_teacher_id == new.teacher_id)).with_for_update()).all()
    substitutions.hand_over(conn, who, now, course_id, [str(row.id) for row in lessons
                                                        if row.substitute_teacher_id is None], course.teacher_id)
    substitutions.hand_over(conn, who, now, course_id, [str(row.id) for row in lessons
                                                        if row.substitute_teacher_id == new.teacher_id], None)
