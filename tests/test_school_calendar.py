"""The school calendar decides which days have lessons, and lessons are planned from the timetable over them."""

from __future__ import annotations

import datetime as dt

import pytest

from core import ids, lesson_plan
from core.demo_school import calendar as demo
from core.errors import InvalidLesson
from core.lesson_plan import WeeklySlot
from core.school_calendar import DayOff, SchoolCalendar, check_day_off

D = dt.date
TERMS = ((D(2026, 9, 1), D(2026, 10, 25)), (D(2026, 11, 2), D(2026, 12, 28)))
CALENDAR = SchoolCalendar(TERMS, (DayOff(D(2026, 12, 16), D(2026, 12, 16), "holiday", "Тәуелсіздік күні"),
                                  DayOff(D(2026, 11, 9), D(2026, 11, 13), "break", "Карантин", 1, 4)))


def test_a_day_has_lessons_in_a_term_on_a_weekday_and_no_day_off_of_the_grade():
    assert CALENDAR.has_lessons(D(2026, 12, 15), 7)
    assert not CALENDAR.has_lessons(D(2026, 12, 16), 7), "a holiday"
    assert not CALENDAR.has_lessons(D(2026, 10, 28), 7), "between terms"
    assert not CALENDAR.has_lessons(D(2026, 12, 19), 7), "a Saturday of a 5-day week"
    assert SchoolCalendar(TERMS, week_days=6).has_lessons(D(2026, 12, 19), 7)
    assert not CALENDAR.has_lessons(D(2026, 11, 10), 3) and CALENDAR.has_lessons(D(2026, 11, 10), 5)


def test_a_lesson_by_hand_is_refused_on_a_day_off_only():
    with pytest.raises(InvalidLesson) as refused:
        CALENDAR.check_lesson_day(D(2026, 11, 10), 2)
    assert refused.value.params == {"why": "day_off", "date": D(2026, 11, 10), "name": "Карантин",
                                    "reason": "2026-11-10 is a day off (Карантин) for grade 2"}
    CALENDAR.check_lesson_day(D(2026, 11, 10), 9)
    CALENDAR.check_lesson_day(D(2026, 12, 19), 9)  # a make-up lesson on a Saturday


def test_lessons_are_planned_from_the_timetable_version_in_force():
    """Algebra on Mondays in slot 2 until 15 November, then on Tuesdays in slot 3: no lesson on the holiday."""
    week = [WeeklySlot(1, 2, D(2026, 9, 1), D(2026, 11, 15)), WeeklySlot(2, 3, D(2026, 11, 16))]
    planned = lesson_plan.plan(42, 7, week, CALENDAR, since=D(2026, 11, 2))
    assert [(p.date, p.slot) for p in planned] == [
        (D(2026, 11, 2), 2), (D(2026, 11, 9), 2), (D(2026, 11, 17), 3), (D(2026, 11, 24), 3), (D(2026, 12, 1), 3),
        (D(2026, 12, 8), 3), (D(2026, 12, 15), 3), (D(2026, 12, 22), 3)]
    assert planned[0].id == ids.lesson_id(42, D(2026, 11, 2), 2), "the id every PC would give it"
    assert [p.date for p in lesson_plan.plan(42, 2, week, CALENDAR, since=D(2026, 11, 2), until=D(2026, 11, 15))] \
        == [D(2026, 11, 2)], "grade 2 is off the week of 9 November"


def test_a_holiday_on_a_weekend_moves_its_day_off_but_a_religious_one_does_not():
    off = {(o.from_date, o.kind) for o in demo.holidays(2026)}
    assert (D(2027, 5, 9), "holiday") in off and (D(2027, 5, 10), "moved") in off  # Sunday → Monday
    assert (D(2027, 5, 3), "moved") in off  # 1 May 2027 is a Saturday
    assert (D(2027, 1, 4), "moved") in off  # 2 January 2027, a Saturday
    christmas = [(o.from_date, o.kind) for o in demo.holidays(2028) if o.name == "Рождество"]
    assert christmas == [(D(2029, 1, 7), "holiday")] and D(2029, 1, 7).isoweekday() == 7, "a Sunday, not moved"


def test_a_day_off_that_does_not_fit_is_told_why():
    year = (D(2026, 9, 1), D(2027, 5, 25))
    assert check_day_off(DayOff(D(2026, 12, 16), D(2026, 12, 16), "holiday", "Тәуелсіздік күні"), year) == []
    problems = check_day_off(DayOff(D(2027, 6, 2), D(2027, 6, 1), "rest", " ", 5, 3), year)
    assert len(problems) == 5, problems
