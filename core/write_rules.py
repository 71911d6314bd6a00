"""The write rules a teacher's journal and the server both apply, as functions over data: who may write into
a course, whether the day is open, whether a pupil was in the class on that day, which term holds a day, and
what a new lesson's or work's fields may be.

Each side loads the facts its own way (the journal from its file in one query per keystroke, the server for
a whole batch at once) and asks these functions; a refusal is the same core.errors exception on both sides,
so the code a teacher's PC translates is the one the server sends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from core.errors import InvalidLesson, InvalidWork, NotYourCourse, OutsideSchoolYear, PeriodClosed, PupilNotInCourse
from core.tables.journal import LESSON_KINDS, WORK_KINDS
from core.validation import MAX_WORK_POINTS, check_text

DateRange = tuple[dt.date, dt.date]  # first and last day, both included
Membership = tuple[dt.date, dt.date | None]  # in the class from, until (None: still in it)


@dataclass(frozen=True)
class Writer:
    """Who writes: a teacher (by teacher id) or a school admin."""

    teacher_id: int | None
    is_admin: bool = False


@dataclass(frozen=True)
class Place:
    """Where a write lands: the course and its teacher, the lesson's substitute, the class (or subgroup), the
    course's grading scale, and the day."""

    course_id: int
    teacher_id: int
    substitute_id: int | None
    class_id: int
    subgroup_id: int | None
    scale: str
    date: dt.date


def check_writer(writer: Writer, place: Place, *, substitute_ok: bool = True) -> None:
    """A course's own teacher or an admin may write; a lesson's substitute too, where `substitute_ok` (a mark,
    a topic) but not for what outlives the lesson (a new lesson or work, a final mark)."""
    if writer.is_admin:
        return
    allowed = {place.teacher_id, place.substitute_id} if substitute_ok else {place.teacher_id}
    if writer.teacher_id is None or writer.teacher_id not in allowed:
        raise NotYourCourse(actor_id=writer.teacher_id, course_id=place.course_id)


def check_open(day: dt.date, closed: Iterable[DateRange]) -> None:
    """No write into a day of a closed period."""
    if any(start <= day <= end for start, end in closed):
        raise PeriodClosed(date=day)


def was_member(day: dt.date, memberships: Iterable[Membership]) -> bool:
    return any(since <= day and (until is None or until >= day) for since, until in memberships)


def check_member(pupil_id: int, place: Place, memberships: Iterable[Membership], in_subgroup: bool = True) -> None:
    """The pupil was in the course's class on the day (and, for a subgroup's course, is in the subgroup)."""
    if not (was_member(place.date, memberships) and (place.subgroup_id is None or in_subgroup)):
        raise PupilNotInCourse(pupil_id=pupil_id, date=place.date)


def check_member_during(pupil_id: int, period: DateRange, memberships: Iterable[Membership]) -> None:
    """For a period's final mark: the pupil was in the class on some day of the period."""
    start, end = period
    if not any(since <= end and (until is None or until >= start) for since, until in memberships):
        raise PupilNotInCourse(pupil_id=pupil_id, date=end)


def term_of(day: dt.date, terms: Iterable[tuple[int, dt.date, dt.date]]) -> int:
    """The id of the term holding `day`; a day outside every term is refused."""
    for term_id, start, end in terms:
        if start <= day <= end:
            return term_id
    raise OutsideSchoolYear(date=day)


def new_lesson(kind: object, topic: object, homework: object) -> tuple[str, str | None, str | None]:
    """A new lesson's kind and texts as they are kept (its course, day and slot are checked where it lands)."""
    if kind not in LESSON_KINDS:
        raise InvalidLesson(why="unknown_kind", reason=f"unknown lesson kind {kind!r}")
    return str(kind), check_text("topic", topic), check_text("homework", homework)


def new_work(kind: object, title: object, section: object, max_points: object) -> tuple[str, str, str | None, int]:
    """A new СОР's or СОЧ's kind, title, section and maximum points as they are kept."""
    if kind not in WORK_KINDS:
        raise InvalidWork(why="unknown_kind", reason=f"unknown kind {kind!r}; use 'sor' or 'soch'")
    title_text = check_text("title", title)
    if title_text is None:
        raise InvalidWork(why="no_title", reason="the title is empty")
    section_text = check_text("section", section)
    if not isinstance(max_points, int) or isinstance(max_points, bool) or not 1 <= max_points <= MAX_WORK_POINTS:
        raise InvalidWork(why="bad_max_points", limit=MAX_WORK_POINTS,
                          reason=f"maximum points must be a whole number 1–{MAX_WORK_POINTS}, not {max_points!r}")
    return str(kind), title_text, section_text, max_points
