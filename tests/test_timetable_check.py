"""The timetable validator: refuses overlapping lessons, over-long breaks, clashes; accepts the demo's."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core import errors
from core.timetable_check import Entry, Rules, Slot, check_bells, check_school, check_week, ensure_valid


def t(hhmm: str) -> dt.time:
    return dt.time.fromisoformat(hhmm)


def slots(*pairs: tuple[str, str]) -> list[Slot]:
    return [Slot(1, n, t(a), t(b)) for n, (a, b) in enumerate(pairs, start=1)]


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def test_a_sound_bell_schedule_passes():
    assert check_bells(slots(("08:00", "08:45"), ("08:50", "09:35"), ("09:55", "10:40"))) == []


def test_a_150_minute_break_is_refused():
    problems = check_bells(slots(("08:00", "08:45"), ("11:15", "12:00")))
    assert codes(problems) == ["long_break"]
    assert "150 minutes" in problems[0].message and problems[0].params["minutes"] == 150


def test_the_break_limit_is_a_setting():
    bells = slots(("08:00", "08:45"), ("09:25", "10:10"))  # a 40-minute lunch break
    assert codes(check_bells(bells)) == ["long_break"]
    assert check_bells(bells, Rules(max_break_minutes=40)) == []


def test_overlapping_lessons_are_refused():
    problems = check_bells(slots(("08:00", "08:45"), ("08:40", "09:25")))
    assert codes(problems) == ["overlap"] and "5 minutes" in problems[0].message


def test_a_lesson_of_the_wrong_length_is_refused():
    assert codes(check_bells(slots(("08:00", "09:00")))) == ["lesson_length"]


def test_shifts_are_checked_separately():
    bells = [Slot(1, 1, t("08:00"), t("08:45")), Slot(2, 1, t("13:30"), t("14:15"))]
    assert check_bells(bells) == []


def entry(course, klass, teacher, slot=1, subgroup=None, weekday=1):
    return Entry(course, klass, subgroup, teacher, weekday, slot)


def test_a_class_in_two_lessons_at_once_is_refused_unless_they_are_parallel_subgroups():
    assert codes(check_week([entry(1, 10, 100), entry(2, 10, 101)], {1})) == ["class_clash"]
    assert check_week([entry(1, 10, 100, subgroup=5), entry(2, 10, 101, subgroup=6)], {1}) == []
    assert codes(check_week([entry(1, 10, 100, subgroup=5), entry(2, 10, 101)], {1})) == ["class_clash"]


def test_a_teacher_in_two_classes_at_once_is_refused():
    assert codes(check_week([entry(1, 10, 100), entry(2, 11, 100)], {1})) == ["teacher_clash"]


def test_a_lesson_in_a_slot_the_bells_lack_is_refused():
    assert codes(check_week([entry(1, 10, 100, slot=8)], {1, 2, 3})) == ["unknown_slot"]


def test_the_demo_school_timetable_is_valid_and_a_bad_bell_is_caught(db):
    with db.read() as conn:
        assert check_school(conn, 1, dt.date(2026, 11, 20)) == []
    with db.write() as conn:
        conn.execute(text("UPDATE bell_slot SET starts = '11:15:00.000000', ends = '12:00:00.000000' WHERE number = 2"))
    with db.read() as conn:
        problems = check_school(conn, 1, dt.date(2026, 11, 20))
    assert "overlap" in codes(problems) or "long_break" in codes(problems)
    with pytest.raises(errors.TimetableInvalid, match="problem"):
        ensure_valid(problems)
