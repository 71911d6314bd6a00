"""A teacher's lessons of the day by the bells (storage.day_lessons), on the demo school's journal: the
journal's lessons with their times in order, the weekly timetable where the journal holds none for a course
that day, nothing in the holidays, a lesson given to a substitute left out; and which one is now or next."""

from __future__ import annotations

import datetime as dt

from storage import day_lessons
from storage.database import JournalDatabase
from storage.day_lessons import DayLesson

MONDAY = dt.date(2026, 11, 23)  # term 2
LATER_MONDAY = dt.date(2026, 12, 7)  # after the demo's filled weeks: no cells yet


def _teacher(db: JournalDatabase) -> int:
    with db.read() as conn:
        return conn.exec_driver_sql(
            "SELECT c.teacher_id FROM lesson l JOIN course c ON c.id = l.course_id WHERE l.date = ? "
            "GROUP BY c.teacher_id HAVING count(DISTINCT c.id) >= 2 ORDER BY count(*) DESC, c.teacher_id LIMIT 1",
            (MONDAY.isoformat(),)).scalar_one()


def _sql(db: JournalDatabase, query: str, params: tuple = ()) -> list:
    with db.read() as conn:
        return conn.exec_driver_sql(query, params).all()


def test_the_days_lessons_come_with_their_bell_times_in_order(db: JournalDatabase) -> None:
    teacher = _teacher(db)
    expected = _sql(db, "SELECT l.course_id, l.slot, l.id, b.starts, b.ends FROM lesson l JOIN course c ON c.id = "
                    "l.course_id JOIN bell_slot b ON b.number = l.slot WHERE c.teacher_id = ? AND l.date = ? "
                    "ORDER BY b.starts", (teacher, MONDAY.isoformat()))
    with db.read() as conn:
        lessons = day_lessons.of_day(conn, teacher, MONDAY)
    assert [(x.course_id, x.slot, x.lesson_id, x.starts.isoformat(), x.ends.isoformat()) for x in lessons] == [
        (course, slot, lesson, starts[:8], ends[:8]) for course, slot, lesson, starts, ends in expected]
    assert len(lessons) >= 2


def test_a_course_without_its_lessons_in_the_journal_that_day_comes_from_the_timetable(db: JournalDatabase) -> None:
    teacher = _teacher(db)
    day = LATER_MONDAY.isoformat()
    with db.write() as conn:  # a school whose journal does not hold its lessons ahead
        conn.exec_driver_sql("DELETE FROM lesson WHERE date = ? AND course_id IN "
                             "(SELECT id FROM course WHERE teacher_id = ?) AND kind = 'regular' AND id NOT IN "
                             "(SELECT lesson_id FROM summative_work WHERE lesson_id IS NOT NULL)", (day, teacher))
    remaining = {r[0] for r in _sql(db, "SELECT l.course_id FROM lesson l JOIN course c ON c.id = l.course_id "
                                        "WHERE c.teacher_id = ? AND l.date = ?", (teacher, day))}
    timetable = {(r[0], r[1]) for r in _sql(
        db, "SELECT t.course_id, t.slot FROM timetable_entry t JOIN course c ON c.id = t.course_id "
            "WHERE c.teacher_id = ? AND t.weekday = 1", (teacher,)) if r[0] not in remaining}
    assert timetable

    with db.read() as conn:
        lessons = day_lessons.of_day(conn, teacher, LATER_MONDAY)

    from_timetable = {(x.course_id, x.slot) for x in lessons if x.lesson_id is None}
    assert from_timetable == timetable
    assert all(x.starts is not None for x in lessons)
    assert [x.starts for x in lessons] == sorted(x.starts for x in lessons)


def test_no_lessons_in_the_holidays_and_none_given_to_a_substitute(db: JournalDatabase) -> None:
    teacher = _teacher(db)
    with db.read() as conn:
        assert day_lessons.of_day(conn, teacher, dt.date(2026, 10, 28)) == []  # the autumn holidays
        first = day_lessons.of_day(conn, teacher, MONDAY)[0]
    other = _sql(db, "SELECT id FROM teacher WHERE id != ? ORDER BY id LIMIT 1", (teacher,))[0][0]
    with db.write() as conn:
        conn.exec_driver_sql("UPDATE lesson SET substitute_teacher_id = ? WHERE id = ?", (other, first.lesson_id))
    with db.read() as conn:
        assert first.lesson_id not in {x.lesson_id for x in day_lessons.of_day(conn, teacher, MONDAY)}
        assert first.lesson_id in {x.lesson_id for x in day_lessons.of_day(conn, other, MONDAY)}  # the substitute's


def test_no_lesson_from_the_timetable_on_a_day_off_of_the_class(db: JournalDatabase) -> None:
    """A school whose journal does not hold its lessons ahead: on 10 May 2027 (Victory Day's day off, moved from
    the Sunday) the timetable gives nothing, the next Monday it does."""
    teacher = _teacher(db)
    with db.write() as conn:
        conn.exec_driver_sql("DELETE FROM lesson WHERE date IN ('2027-05-10', '2027-05-17') AND id NOT IN "
                             "(SELECT lesson_id FROM summative_work WHERE lesson_id IS NOT NULL)")
    with db.read() as conn:
        assert day_lessons.of_day(conn, teacher, dt.date(2027, 5, 10)) == []
        assert day_lessons.of_day(conn, teacher, dt.date(2027, 5, 17)) != []


def test_now_or_next_by_the_bells() -> None:
    first = DayLesson(1, 1, dt.time(8, 0), dt.time(8, 45), "a")
    second = DayLesson(2, 3, dt.time(9, 45), dt.time(10, 30), "b")
    day = [first, second]
    assert day_lessons.now_or_next(day, dt.time(7, 30)) is first  # before school: the first
    assert day_lessons.now_or_next(day, dt.time(8, 44)) is first  # in progress
    assert day_lessons.now_or_next(day, dt.time(8, 45)) is second  # between lessons: the next
    assert day_lessons.now_or_next(day, dt.time(10, 0)) is second
    assert day_lessons.now_or_next(day, dt.time(15, 0)) is second  # after school: the day's last
    assert day_lessons.now_or_next([], dt.time(9, 0)) is None
    assert day_lessons.now_or_next([DayLesson(1, 9, None, None, None)], dt.time(9, 0)) is None
