"""Checks of the bell schedule and the weekly timetable before they are shown or saved.

A rival system shipped a timetable with 150-minute breaks: here a break longer than the configured limit,
overlapping lessons, a lesson of the wrong length, a class or a teacher in two places at once, or a lesson
in a slot the bell schedule lacks, is a problem. Parallel subgroups of one class may share a slot.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from core.errors import TimetableInvalid
from core.tables import BellSlot, Course, TimetableEntry


@dataclass(frozen=True)
class Rules:
    lesson_minutes: int = 45
    max_break_minutes: int = 30


@dataclass(frozen=True)
class Problem:
    code: str  # overlap, long_break, lesson_length, class_clash, teacher_clash, unknown_slot
    message: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Slot:
    shift: int
    number: int
    starts: dt.time
    ends: dt.time


@dataclass(frozen=True)
class Entry:
    course_id: int
    class_id: int
    subgroup_id: int | None
    teacher_id: int
    weekday: int
    slot: int


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def check_bells(slots: Iterable[Slot], rules: Rules = Rules()) -> list[Problem]:
    problems = []
    by_shift: dict[int, list[Slot]] = defaultdict(list)
    for slot in slots:
        by_shift[slot.shift].append(slot)
    for shift, items in sorted(by_shift.items()):
        items.sort(key=lambda s: (s.starts, s.number))
        for slot in items:
            length = _minutes(slot.ends) - _minutes(slot.starts)
            if length != rules.lesson_minutes:
                problems.append(Problem(
                    "lesson_length",
                    f"Shift {shift}, lesson {slot.number} lasts {length} minutes, not {rules.lesson_minutes}.",
                    {"shift": shift, "slot": slot.number, "minutes": length},
                ))
        for before, after in itertools.pairwise(items):
            gap = _minutes(after.starts) - _minutes(before.ends)
            if after.number <= before.number:
                problems.append(Problem(
                    "overlap", f"Shift {shift}: lesson {after.number} does not come after lesson {before.number}.",
                    {"shift": shift, "slot": after.number},
                ))
            elif gap < 0:
                problems.append(Problem(
                    "overlap",
                    f"Shift {shift}: lesson {after.number} starts {-gap} minutes before lesson {before.number} ends.",
                    {"shift": shift, "slot": after.number, "minutes": -gap},
                ))
            elif gap > rules.max_break_minutes:
                problems.append(Problem(
                    "long_break",
                    f"Shift {shift}: the break after lesson {before.number} lasts {gap} minutes "
                    f"(at most {rules.max_break_minutes}).",
                    {"shift": shift, "slot": before.number, "minutes": gap},
                ))
    return problems


def check_week(entries: Iterable[Entry], slot_numbers: set[int]) -> list[Problem]:
    problems = []
    by_class: dict[tuple[int, int, int], list[Entry]] = defaultdict(list)
    by_teacher: dict[tuple[int, int, int], list[Entry]] = defaultdict(list)
    for e in entries:
        if e.slot not in slot_numbers:
            problems.append(Problem(
                "unknown_slot", f"Course {e.course_id} is set in lesson {e.slot}, which the bell schedule lacks.",
                {"course_id": e.course_id, "slot": e.slot},
            ))
        by_class[(e.class_id, e.weekday, e.slot)].append(e)
        by_teacher[(e.teacher_id, e.weekday, e.slot)].append(e)
    for (class_id, weekday, slot), items in sorted(by_class.items()):
        subgroups = [e.subgroup_id for e in items]
        if len(items) > 1 and (None in subgroups or len(set(subgroups)) < len(subgroups)):
            problems.append(Problem(
                "class_clash", f"Class {class_id} has {len(items)} lessons on day {weekday} in lesson {slot}.",
                {"class_id": class_id, "weekday": weekday, "slot": slot},
            ))
    for (teacher_id, weekday, slot), items in sorted(by_teacher.items()):
        if len(items) > 1:
            problems.append(Problem(
                "teacher_clash",
                f"Teacher {teacher_id} has {len(items)} lessons on day {weekday} in lesson {slot}.",
                {"teacher_id": teacher_id, "weekday": weekday, "slot": slot},
            ))
    return problems


def check_school(conn: Connection, school_id: int, on: dt.date, rules: Rules = Rules(),
                 tables: Mapping[str, Table] | None = None) -> list[Problem]:
    """Every problem of the school's bell schedule and of the timetable in force on `on`. `tables` are the
    server's (server.schema: a school_id on every row, which each read then names); a journal's by default."""
    bells, tt, course = (BellSlot.__table__, TimetableEntry.__table__, Course.__table__) if tables is None else (
        tables["bell_slot"], tables["timetable_entry"], tables["course"])
    slots = [
        Slot(r.shift, r.number, r.starts, r.ends)
        for r in conn.execute(select(bells).where(bells.c.school_id == school_id))
    ]
    query = (select(tt.c.course_id, course.c.class_id, course.c.subgroup_id, course.c.teacher_id, tt.c.weekday,
                    tt.c.slot)
             .where(tt.c.valid_from <= on, (tt.c.valid_to.is_(None)) | (tt.c.valid_to >= on)))
    if "school_id" in tt.c:
        query = query.join(course, (course.c.school_id == tt.c.school_id) & (course.c.id == tt.c.course_id)).where(
            tt.c.school_id == school_id, course.c.school_id == school_id)
    else:
        query = query.join(course, course.c.id == tt.c.course_id)
    rows = conn.execute(query)
    return check_bells(slots, rules) + check_week((Entry(*r) for r in rows), {s.number for s in slots})


def ensure_valid(problems: list[Problem]) -> None:
    if problems:
        raise TimetableInvalid(count=len(problems), first=problems[0].message)
