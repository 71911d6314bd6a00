"""Every refusal of the journal API names its problem and leaves the journal exactly as it was."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core import errors
from storage.journal import Journal
from tests import school


def refused(db, call, error: type[errors.JournalError], *needles: str) -> errors.JournalError:
    before = school.snapshot(db)
    with pytest.raises(error) as caught:
        call()
    assert school.snapshot(db) == before, "a refused change left something behind"
    message = str(caught.value)
    for needle in needles:
        assert needle in message
    return caught.value


@pytest.mark.parametrize(
    ("scale", "mark", "allowed"),
    [
        ("classic", 7, "2–5"),
        ("classic", 1, "2–5"),
        ("classic", 6, "2–5"),
        ("criteria", 11, "0–10"),
        ("criteria", -1, "0–10"),
        ("passfail", 2, "0–1"),
    ],
)
def test_mark_out_of_scale_is_refused(db, scale, mark, allowed):
    spot = school.lesson_spot(db, scale)
    error = refused(db, lambda: Journal(db, spot.teacher_id).set_mark(spot.lesson_id, spot.pupil_id, mark),
                    errors.InvalidMark, repr(mark), allowed)
    assert error.code == "invalid_mark" and error.params["value"] == mark


@pytest.mark.parametrize("mark", [5.0, "5", True, [5]])
def test_mark_that_is_not_a_whole_number_is_refused(db, mark):
    spot = school.lesson_spot(db, "classic")
    refused(db, lambda: Journal(db, spot.teacher_id).set_mark(spot.lesson_id, spot.pupil_id, mark),
            errors.InvalidMark)


def test_grade_one_takes_no_marks_but_takes_attendance(db):
    spot = school.lesson_spot(db, "none")
    journal = Journal(db, spot.teacher_id)
    refused(db, lambda: journal.set_mark(spot.lesson_id, spot.pupil_id, 5), errors.MarksNotAllowed, "not graded")
    assert journal.set_attendance(spot.lesson_id, spot.pupil_id, "ill")


@pytest.mark.parametrize("code", ["x", "н", "ABSENT", "", 3])
def test_unknown_attendance_code_is_refused(db, code):
    spot = school.lesson_spot(db)
    refused(db, lambda: Journal(db, spot.teacher_id).set_attendance(spot.lesson_id, spot.pupil_id, code),
            errors.InvalidAttendance, "absent, ill, excused, late")


def test_overlong_or_non_text_comment_is_refused(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    refused(db, lambda: journal.set_comment(spot.lesson_id, spot.pupil_id, "ж" * 2001),
            errors.TextTooLong, "2001", "2000")
    refused(db, lambda: journal.set_comment(spot.lesson_id, spot.pupil_id, 42), errors.NotText, "int")


def test_pupil_of_another_class_is_refused(db):
    spot = school.lesson_spot(db)
    stranger = school.pupil_of_other_class(db, spot.class_id)
    refused(db, lambda: Journal(db, spot.teacher_id).set_mark(spot.lesson_id, stranger, 8),
            errors.PupilNotInCourse, str(stranger))


def test_pupil_of_the_other_subgroup_is_refused(db):
    spot = school.lesson_spot(db, subgroup=True)
    with db.read() as conn:
        other = conn.execute(text(
            "SELECT sm.pupil_id FROM subgroup_member sm JOIN subgroup s ON s.id = sm.subgroup_id "
            "JOIN course c ON c.class_id = s.class_id WHERE c.id = :c AND sm.subgroup_id != c.subgroup_id "
            "AND sm.pupil_id NOT IN (SELECT pupil_id FROM subgroup_member WHERE subgroup_id = c.subgroup_id) LIMIT 1"
        ), {"c": spot.course_id}).scalar_one()
    journal = Journal(db, spot.teacher_id)
    refused(db, lambda: journal.set_mark(spot.lesson_id, other, 8), errors.PupilNotInCourse)
    assert journal.set_mark(spot.lesson_id, spot.pupil_id, 8)


def test_pupil_who_moved_class_counts_in_each_class_only_while_there(db):
    with db.read() as conn:
        pupil, old_class, left_on = conn.execute(text(
            "SELECT pupil_id, class_id, to_date FROM class_membership WHERE to_date IS NOT NULL")).one()
        new_class, joined_on = conn.execute(text(
            "SELECT class_id, from_date FROM class_membership WHERE pupil_id = :p AND to_date IS NULL"),
            {"p": pupil}).one()

        def lesson_of(class_id, compare, day):
            return conn.execute(text(
                "SELECT l.id, c.teacher_id FROM lesson l JOIN course c ON c.id = l.course_id "
                f"WHERE c.class_id = :c AND c.subgroup_id IS NULL AND c.scale = 'criteria' AND l.date {compare} :d "
                "AND l.date >= '2026-11-03' ORDER BY l.date LIMIT 1"), {"c": class_id, "d": day}).one()

        old_after = lesson_of(old_class, ">", left_on)
        old_before = lesson_of(old_class, "<=", left_on)
        new_before = lesson_of(new_class, "<", joined_on)
        new_after = lesson_of(new_class, ">=", joined_on)
    refused(db, lambda: Journal(db, old_after[1]).set_mark(old_after[0], pupil, 7), errors.PupilNotInCourse)
    refused(db, lambda: Journal(db, new_before[1]).set_mark(new_before[0], pupil, 7), errors.PupilNotInCourse)
    for lesson_id, teacher in (old_before, new_after):
        journal = Journal(db, teacher)
        mark = 9 if journal.cell(lesson_id, pupil).mark != 9 else 8
        assert journal.set_mark(lesson_id, pupil, mark)
        assert journal.cell(lesson_id, pupil).mark == mark


def test_unknown_lesson_is_refused(db):
    spot = school.lesson_spot(db)
    refused(db, lambda: Journal(db, spot.teacher_id).set_mark("no-such-lesson", spot.pupil_id, 5),
            errors.NotFound, "no-such-lesson")


def test_teacher_of_another_course_is_refused_but_a_substitute_and_admin_may_write(db):
    spot = school.lesson_spot(db)
    intruder = school.other_teacher(db, spot.teacher_id)
    refused(db, lambda: Journal(db, intruder).set_mark(spot.lesson_id, spot.pupil_id, 5), errors.NotYourCourse)
    refused(db, lambda: Journal(db, intruder).set_topic(spot.lesson_id, "Мен"), errors.NotYourCourse)
    with db.write() as conn:
        conn.execute(text("UPDATE lesson SET substitute_teacher_id = :t WHERE id = :l"),
                     {"t": intruder, "l": spot.lesson_id})
    assert Journal(db, intruder).set_mark(spot.lesson_id, spot.pupil_id, 5)
    assert Journal(db, 999, is_admin=True).set_mark(spot.lesson_id, spot.pupil_id, 6)


def test_writes_into_a_closed_period_are_refused(db):
    spot = school.lesson_spot(db)
    with db.write() as conn:
        conn.execute(text("UPDATE period SET closed = 1 WHERE kind = 'term' AND number = 2"))
    journal = Journal(db, spot.teacher_id)
    refused(db, lambda: journal.set_mark(spot.lesson_id, spot.pupil_id, 5), errors.PeriodClosed, str(spot.date))
    refused(db, lambda: journal.set_homework(spot.lesson_id, "§5"), errors.PeriodClosed)
    refused(db, lambda: journal.add_lesson(spot.course_id, dt.date(2026, 11, 21), 7), errors.PeriodClosed)


def test_lesson_text_too_long_is_refused(db):
    spot = school.lesson_spot(db)
    refused(db, lambda: Journal(db, spot.teacher_id).set_topic(spot.lesson_id, "т" * 501), errors.TextTooLong, "topic")


class TestAddLesson:
    def test_slot_not_in_the_bell_schedule(self, db):
        spot = school.lesson_spot(db)
        refused(db, lambda: Journal(db, spot.teacher_id).add_lesson(spot.course_id, dt.date(2026, 11, 21), 9),
                errors.InvalidLesson, "slot 9")

    def test_a_second_lesson_of_the_course_in_the_same_slot(self, db):
        spot = school.lesson_spot(db)
        with db.read() as conn:
            slot = conn.execute(text("SELECT slot FROM lesson WHERE id = :l"), {"l": spot.lesson_id}).scalar_one()
        refused(db, lambda: Journal(db, spot.teacher_id).add_lesson(spot.course_id, spot.date, slot),
                errors.InvalidLesson, "already has a lesson")

    def test_the_class_is_busy_in_that_slot(self, db):
        spot = school.lesson_spot(db)
        with db.read() as conn:
            busy_slot = conn.execute(text(
                "SELECT l.slot FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.class_id = :k "
                "AND l.date = :d AND l.course_id != :c AND c.teacher_id != :t LIMIT 1"),
                {"k": spot.class_id, "d": spot.date.isoformat(), "c": spot.course_id,
                 "t": spot.teacher_id}).scalar_one()
        refused(db, lambda: Journal(db, spot.teacher_id).add_lesson(spot.course_id, spot.date, busy_slot),
                errors.InvalidLesson, "the class already has")

    def test_outside_every_term(self, db):
        spot = school.lesson_spot(db)
        refused(db, lambda: Journal(db, spot.teacher_id).add_lesson(spot.course_id, dt.date(2026, 10, 28), 7),
                errors.OutsideSchoolYear, "2026-10-28")

    @pytest.mark.parametrize("kind", ["exam", "", None])
    def test_unknown_kind(self, db, kind):
        spot = school.lesson_spot(db)
        refused(db, lambda: Journal(db, spot.teacher_id).add_lesson(spot.course_id, dt.date(2026, 11, 21), 7, kind),
                errors.InvalidLesson, "kind")

    def test_not_a_date(self, db):
        spot = school.lesson_spot(db)
        refused(db, lambda: Journal(db, spot.teacher_id).add_lesson(spot.course_id, "2026-11-21", 7),
                errors.InvalidLesson, "not a date")


class TestSummative:
    @pytest.mark.parametrize(("points", "message"), [(0, "1–100"), (101, "1–100"), (7.5, "whole number")])
    def test_maximum_points_out_of_range(self, db, points, message):
        spot = school.lesson_spot(db)
        refused(db, lambda: Journal(db, spot.teacher_id).add_summative_work(
            spot.course_id, "sor", "СОР №3", points, spot.date), errors.InvalidWork, message)

    def test_kind_and_title(self, db):
        spot = school.lesson_spot(db)
        journal = Journal(db, spot.teacher_id)
        refused(db, lambda: journal.add_summative_work(spot.course_id, "fo", "X", 10, spot.date), errors.InvalidWork)
        refused(db, lambda: journal.add_summative_work(spot.course_id, "sor", "   ", 10, spot.date),
                errors.InvalidWork, "title")

    @pytest.mark.parametrize("points", [16, -1, 3.5])
    def test_score_outside_the_work(self, db, points):
        spot = school.lesson_spot(db)
        journal = Journal(db, spot.teacher_id)
        work = journal.add_summative_work(spot.course_id, "sor", "СОР №3", 15, spot.date)
        refused(db, lambda: journal.enter_score(work, spot.pupil_id, points), errors.InvalidScore, "0–15")
        assert journal.enter_score(work, spot.pupil_id, 15)

    def test_unknown_work(self, db):
        spot = school.lesson_spot(db)
        refused(db, lambda: Journal(db, spot.teacher_id).enter_score("nope", spot.pupil_id, 3), errors.NotFound)
