"""A substitution (замена): the lessons of a course from one day to another given to another teacher, who then
writes in them (marks, attendance, topic: core.write_rules lets a lesson's substitute write what belongs to the
lesson), or given back (no substitute).

Written whole or not at all, audited, and told to the course's PCs (each lesson's substitute, a synced field of
the lesson); the substitute's PC downloads the course at its next sync, as it is now one it may read
(sync.course_set), and drops it once no lesson of it is the substitute's any more. The substitute must be free in
each of those lessons: no lesson of their own courses and no other substitution at that day and lesson number.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, model_validator
from sqlalchemy import Connection, and_, or_, select, update

from core.errors import ValidationError
from server import feed, school_changes
from server.accounts import Principal
from server.schema import tables

COURSE, LESSON, TEACHER = tables["course"], tables["lesson"], tables["teacher"]
# What a PC holds of a teacher (the first download's teachers: server.bootstrap).
TEACHER_COLUMNS = ("id", "school_id", "username", "last_name", "first_name", "patronymic")


class SubstitutionRefused(ValidationError):
    """A substitution that does not fit; `why` names the cause, one of `causes`."""

    causes = ("no_such_course", "no_such_teacher", "same_teacher", "no_lessons", "substitute_busy")
    code = "substitution_refused"
    template = "The substitution was refused: {reason}"


class Substitution(BaseModel):
    """The course's lessons from `from_date` to `to_date` (both included) given to `teacher_id`, or given back
    (`teacher_id` None)."""

    model_config = ConfigDict(extra="forbid")
    teacher_id: int | None
    from_date: dt.date
    to_date: dt.date

    @model_validator(mode="after")
    def _days_in_order(self) -> Substitution:
        if self.from_date > self.to_date:
            raise ValueError("the first day is after the last")
        return self


def substitute(conn: Connection, who: Principal, now: dt.datetime, course_id: int, new: Substitution,
               ip: str | None) -> int:
    """Give the lessons to the substitute (or back); how many lessons changed hands."""
    school = who.school_id
    course = conn.execute(select(COURSE.c.id, COURSE.c.teacher_id).where(
        COURSE.c.school_id == school, COURSE.c.id == course_id).with_for_update()).first()
    if course is None:
        raise SubstitutionRefused(why="no_such_course", reason=f"there is no course {course_id} in this school")
    if new.teacher_id is not None:
        if conn.execute(select(TEACHER.c.id).where(TEACHER.c.school_id == school, TEACHER.c.id == new.teacher_id)
                        ).first() is None:
            raise SubstitutionRefused(why="no_such_teacher", reason=f"there is no teacher {new.teacher_id}")
        if new.teacher_id == course.teacher_id:
            raise SubstitutionRefused(why="same_teacher", reason="the course's own teacher cannot substitute in it")
    lessons = conn.execute(select(LESSON.c.id, LESSON.c.date, LESSON.c.slot, LESSON.c.substitute_teacher_id).where(
        LESSON.c.school_id == school, LESSON.c.course_id == course_id,
        LESSON.c.date.between(new.from_date, new.to_date)).order_by(LESSON.c.date, LESSON.c.slot)
        .with_for_update()).all()
    changing = [lesson for lesson in lessons if lesson.substitute_teacher_id != new.teacher_id]
    if not lessons:
        raise SubstitutionRefused(why="no_lessons", reason=f"the course has no lesson from {new.from_date} to "
                                                           f"{new.to_date}")
    if new.teacher_id is not None and changing:
        _refuse_busy(conn, school, course_id, new.teacher_id, changing)
    school_changes.audit(conn, who, now, ip, "course", course_id, "substitute", None,
                         {"teacher_id": new.teacher_id, "from": new.from_date.isoformat(),
                          "to": new.to_date.isoformat(), "lessons": len(changing)})
    hand_over(conn, who, now, course_id, [str(lesson.id) for lesson in changing], new.teacher_id)
    return len(changing)


def hand_over(conn: Connection, who: Principal, now: dt.datetime, course_id: int, lessons: list[str],
              teacher_id: int | None) -> None:
    """The course's `lessons` given to `teacher_id` as their substitute (None: to the course's teacher), told to
    the course's PCs (the teacher's record first: they may not know her)."""
    school = who.school_id
    if not lessons:
        return
    conn.execute(update(LESSON).where(LESSON.c.school_id == school, LESSON.c.id.in_(lessons))
                 .values(substitute_teacher_id=teacher_id))
    told: list[school_changes.Told] = []
    if teacher_id is not None:
        teacher = conn.execute(select(*(TEACHER.c[c] for c in TEACHER_COLUMNS)).where(
            TEACHER.c.school_id == school, TEACHER.c.id == teacher_id)).one()
        told.append(("teacher", teacher_id, "create", school_changes.record(teacher._mapping, TEACHER_COLUMNS), 1))
    told += [("lesson", lesson, "substitute", teacher_id,
              school_changes.next_version(conn, school, "lesson", lesson, "substitute"))
             for lesson in lessons]
    feed.publish(conn, school, school_changes.told(who, now, [course_id], told))


def _refuse_busy(conn: Connection, school_id: int, course_id: int, teacher_id: int, lessons: list) -> None:
    """The substitute has no lesson of their own, and no other substitution, at any of those lessons' times."""
    times = [and_(LESSON.c.date == lesson.date, LESSON.c.slot == lesson.slot) for lesson in lessons]
    busy = conn.execute(select(LESSON.c.date, LESSON.c.slot).join(
        COURSE, and_(COURSE.c.school_id == LESSON.c.school_id, COURSE.c.id == LESSON.c.course_id)).where(
        LESSON.c.school_id == school_id, LESSON.c.course_id != course_id, or_(*times),
        or_(and_(COURSE.c.teacher_id == teacher_id, LESSON.c.substitute_teacher_id.is_(None)),
            LESSON.c.substitute_teacher_id == teacher_id)).order_by(LESSON.c.date, LESSON.c.slot).limit(5)).all()
    if busy:
        raise SubstitutionRefused(why="substitute_busy", reason="the teacher has another lesson then: " + ", ".join(
            f"{row.date} lesson {row.slot}" for row in busy))
