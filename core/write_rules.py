"""The write rules a teacher's journal and the server both apply, as functions over data: who may write into
a course, whether the day is open, whether a pupil was in the class on that day, which term holds a day, and
what a new lesson's or work's fields may be.

Each side loads the facts its own way (the journal from its file in one query per keystroke, the server for
a whole batch at once) and asks these functions (a lesson cancelled, moved, a work edited or deleted: below
new_work); a refusal is the same core.errors exception on both sides,
so the code a teacher's PC translates is the one the server sends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from core import final_marks
from core.errors import (
    BadValue,
    InvalidAttestation,
    InvalidLesson,
    InvalidWork,
    LessonCancelled,
    LessonNotCancelled,
    LessonNotMoved,
    NotYourCourse,
    OutsideSchoolYear,
    PeriodClosed,
    PupilNotInCourse,
    WorkNotChanged,
    WorkNotDeleted,
)
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


def in_group_on(day: dt.date, stays: Iterable[tuple[dt.date | None, dt.date | None]]) -> bool:
    """Whether a pupil was in a subgroup on `day`, from his stays in it (NULL ends: the year's start, still there)."""
    return any((since is None or since <= day) and (until is None or until >= day) for since, until in stays)


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


def work_kinds(scale: str, grade: int, hours_per_week: int) -> tuple[str, ...]:
    """The summative works a course holds: СОР and СОЧ in a course graded by criteria from grade 2 on (grade 1
    gets no marks; classic and pass/fail courses are graded otherwise), and no СОЧ in a one-hour-a-week subject,
    graded per half-year from ФО and СОР (Order No. 125; docs/assessment.md). The PC offers these alone."""
    if grade == 1 or scale != "criteria":
        return ()
    return ("sor",) if hours_per_week == 1 else ("sor", "soch")


def work_fits(kind: str, scale: str, grade: int, hours_per_week: int) -> None:
    """A work of a kind its course does not hold (work_kinds) would count nowhere: it is refused, not kept."""
    kinds = work_kinds(scale, grade, hours_per_week)
    if not kinds:
        raise InvalidWork(why="not_by_works", reason="this course is not graded by summative works (grade 1, or "
                                                     "classic or pass/fail marks)")
    if kind not in kinds:
        raise InvalidWork(why="no_soch_in_one_hour", reason="a one-hour-a-week subject has no СОЧ: it is graded "
                                                            "per half-year from ФО and СОР")


def attestation_fits(kind: str, period_kind: str, grade: int) -> None:
    """An exam or year test mark (core.final_marks.ATTESTATIONS) belongs to a subject's year; an exam of the final
    attestation to grades 9 and 11 alone."""
    if period_kind != "year":
        raise InvalidAttestation(why="not_year", reason="an exam or year test mark is set on the year")
    if kind == "exam" and grade not in final_marks.EXAM_GRADES:
        raise InvalidAttestation(why="not_exam_grade", reason="the final attestation's exams are in grades 9 and 11")


# -- a lesson's place in the timetable -----------------------------------------------------------------


@dataclass(frozen=True)
class SlotUser:
    """A course as the occupant of a lesson slot: the course, its class (and subgroup) and its teacher."""

    course_id: int
    class_id: int
    subgroup_id: int | None
    teacher_id: int


def check_slot_free(course: SlotUser, others: Iterable[SlotUser], day: dt.date, slot: int, *,
                    moving: bool = False) -> None:
    """A lesson of `course` may stand on `day` in `slot` when `others` (the courses of the other lessons there)
    leave it free: not the course itself, nor its teacher, nor its class (bar a parallel subgroup). A new lesson
    is refused with InvalidLesson, a lesson moved there (`moving`) with LessonNotMoved, the same causes."""
    error = LessonNotMoved if moving else InvalidLesson
    for other in others:
        if other.course_id == course.course_id:
            raise error(why="course_busy", date=day, slot=slot,
                        reason=f"the course already has a lesson on {day} in slot {slot}")
        if other.teacher_id == course.teacher_id:
            raise error(why="teacher_busy", date=day, slot=slot,
                        reason=f"the teacher already has a lesson on {day} in slot {slot}")
        parallel = (other.subgroup_id is not None and course.subgroup_id is not None
                    and other.subgroup_id != course.subgroup_id)
        if other.class_id == course.class_id and not parallel:
            raise error(why="class_busy", date=day, slot=slot,
                        reason=f"the class already has a lesson on {day} in slot {slot}")


def check_slot_exists(slot: int, slots: Iterable[int], *, moving: bool = False) -> None:
    if slot not in set(slots):
        error = LessonNotMoved if moving else InvalidLesson
        raise error(why="no_such_slot", slot=slot, reason=f"slot {slot} is not in the bell schedule")


# -- a lesson cancelled or moved -------------------------------------------------------------------------

Holder = tuple[int, list[Membership], bool]  # a pupil holding a cell: his id, memberships, in the course's subgroup


def cancel_reason(raw: object) -> str | None:
    """The value of a lesson's `cancelled`: the reason it is cancelled (required, at most 1000 characters), or
    None for a lesson held (a cancellation taken back)."""
    if raw is None:
        return None
    reason = check_text("reason", raw)
    if reason is None:
        raise LessonNotCancelled(why="no_reason", reason="say why the lesson is cancelled")
    return reason


def check_cancellable(day: dt.date, entries: int) -> None:
    """A lesson holding marks or attendance is not cancelled: the teacher clears them first (a cancelled lesson
    takes none, so they would stand in a lesson that did not happen)."""
    if entries:
        raise LessonNotCancelled(why="has_entries", date=day, count=entries,
                                 reason=f"it holds {entries} mark(s) or attendance entries; clear them first")


def check_not_cancelled(cancelled: str | None, day: dt.date, field: str, value: object) -> None:
    """No mark or attendance into a cancelled lesson's cells (clearing one, and a comment, stay allowed)."""
    if cancelled is not None and field in ("mark", "attendance") and value is not None:
        raise LessonCancelled(date=day)


def move_target(raw: object) -> dict[str, Any]:
    """The value of a lesson's `moved`: {"date": "YYYY-MM-DD", "slot": n}, as it is kept."""
    shape = 'an object {"date": "YYYY-MM-DD", "slot": number}'
    if not isinstance(raw, dict) or set(raw) != {"date", "slot"}:
        raise BadValue(field="moved", why=shape)
    slot = raw["slot"]
    if not isinstance(slot, int) or isinstance(slot, bool) or not 0 < slot < 100:
        raise BadValue(field="moved", why=shape)
    try:
        day = dt.date.fromisoformat(raw["date"]) if isinstance(raw["date"], str) else None
    except ValueError:
        day = None
    if day is None:
        raise BadValue(field="moved", why=shape)
    return {"date": day.isoformat(), "slot": slot}


def check_holders_on(place: Place, day: dt.date, holders: Iterable[Holder]) -> None:
    """Every pupil holding a cell of a lesson moved to `day` was in the class (and subgroup) on that day."""
    moved = replace(place, date=day)
    for pupil_id, memberships, in_subgroup in holders:
        check_member(pupil_id, moved, memberships, in_subgroup)


def check_works_follow(day: dt.date, terms: Iterable[tuple[int, dt.date, dt.date]], work_terms: Iterable[int]) -> None:
    """The summative works held in a lesson move with it, so within their term only."""
    wanted = set(work_terms)
    if wanted and {term_of(day, terms)} != wanted:
        raise LessonNotMoved(why="work_term", date=day,
                             reason="a summative work is held in this lesson and must stay in its term")


# -- a summative work edited or deleted ------------------------------------------------------------------


def work_max_points(raw: object) -> int:
    """The value of a work's `max_points`: a whole number 1–MAX_WORK_POINTS."""
    if not isinstance(raw, int) or isinstance(raw, bool) or not 1 <= raw <= MAX_WORK_POINTS:
        raise WorkNotChanged(why="bad_max_points", limit=MAX_WORK_POINTS,
                             reason=f"maximum points must be a whole number 1–{MAX_WORK_POINTS}, not {raw!r}")
    return raw


def check_scores_fit(max_points: int, scores: Iterable[tuple[int, int | None]]) -> None:
    """A work's maximum is not lowered under a score already given: the highest one is named."""
    over = [(points, pupil) for pupil, points in scores if points is not None and points > max_points]
    if over:
        points, pupil = max(over)
        raise WorkNotChanged(why="score_over_max", max_points=max_points, points=points, pupil_id=pupil,
                             reason=f"pupil {pupil} already has {points} points, over {max_points}")


def check_work_day(day: dt.date, term_id: int, terms: Iterable[tuple[int, dt.date, dt.date]],
                   lesson_id: str | None) -> None:
    """A work's new day: in the work's own term, and not for a work held in a lesson (which moves with it)."""
    if lesson_id is not None:
        raise WorkNotChanged(why="in_a_lesson", reason="the work is held in a lesson; move the lesson instead")
    if term_of(day, terms) != term_id:
        raise WorkNotChanged(why="other_term", date=day, reason=f"{day} is in another term than the work's")


def check_deletable(scores: int) -> None:
    """A summative work is deleted only while it holds no scores (nor comments on them)."""
    if scores:
        raise WorkNotDeleted(why="has_scores", count=scores,
                             reason=f"it holds {scores} score(s); clear them first")
