"""A lesson cancelled (with a reason) or moved, a summative work's date and maximum changed or the work deleted,
on the teacher's PC: each is checked as the server checks it (core.write_rules), changes the journal, queues one
operation and leaves one audit entry; a refusal changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core.errors import (
    InvalidLesson,
    LessonCancelled,
    LessonNotCancelled,
    LessonNotMoved,
    MarkInFuture,
    NotYourCourse,
    OutsideSchoolYear,
    PupilNotInCourse,
    WorkNotChanged,
    WorkNotDeleted,
)
from storage import audit, outbox
from storage.database import JournalDatabase
from storage.journal import Journal
from tests import school

SATURDAY = dt.date(2026, 11, 21)  # no timetable lessons: every slot is free
TODAY = dt.date(2026, 11, 22)


def ops(db: JournalDatabase) -> list[outbox.Operation]:
    with db.read() as conn:
        return outbox.pending(conn)


def one(db: JournalDatabase, query: str, **params: object):  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return conn.execute(text(query), params).one()


def empty_lesson(db: JournalDatabase) -> school.Spot:
    """A lesson after the demo's today (nothing written into it) of a criteria course, and a pupil of it."""
    with db.read() as conn:
        row = conn.execute(text(
            "SELECT l.id, c.id, c.class_id, c.teacher_id, l.date FROM lesson l JOIN course c ON c.id = l.course_id "
            "WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL AND l.kind = 'regular' "
            "AND l.date BETWEEN '2026-11-23' AND '2026-11-27' ORDER BY l.date, c.id, l.slot LIMIT 1")).one()
        pupil = conn.execute(text(
            "SELECT pupil_id FROM class_membership WHERE class_id = :c AND from_date <= :d "
            "AND (to_date IS NULL OR to_date >= :d) ORDER BY pupil_id LIMIT 1"),
            {"c": row[2], "d": row[4]}).scalar_one()
    return school.Spot(row[0], row[1], row[2], row[3], dt.date.fromisoformat(row[4]), pupil)


# -- a lesson cancelled -----------------------------------------------------------------------------------

def test_a_cancelled_lesson_keeps_its_reason_and_takes_no_marks_until_it_is_restored(db):
    spot = empty_lesson(db)
    journal = Journal(db, spot.teacher_id)

    assert journal.cancel_lesson(spot.lesson_id, "  Мектепте карантин  ")

    assert one(db, "SELECT cancelled FROM lesson WHERE id = :l", l=spot.lesson_id)[0] == "Мектепте карантин"
    [op] = ops(db)
    assert (op.entity, op.key, op.field, op.value) == ("lesson", spot.lesson_id, "cancelled", "Мектепте карантин")
    with db.read() as conn:
        [entry] = audit.entries(conn)
    assert (entry.field, entry.old_value, entry.new_value) == ("cancelled", None, "Мектепте карантин")
    with pytest.raises(LessonCancelled):
        journal.set_attendance(spot.lesson_id, spot.pupil_id, "absent")
    with pytest.raises(LessonCancelled):
        journal.set_mark(spot.lesson_id, spot.pupil_id, 7, today=spot.date)
    assert journal.set_comment(spot.lesson_id, spot.pupil_id, "Үй тапсырмасын алды")  # a comment still goes in

    assert journal.restore_lesson(spot.lesson_id)
    assert journal.set_mark(spot.lesson_id, spot.pupil_id, 7, today=spot.date)
    assert [(o.field, o.value) for o in ops(db)] == [
        ("cancelled", None), ("comment", "Үй тапсырмасын алды"), ("mark", 7)]


def test_a_lesson_holding_marks_is_not_cancelled_and_nothing_changes(db):
    spot = school.lesson_spot(db)  # a past lesson
    journal = Journal(db, spot.teacher_id)
    journal.set_mark(spot.lesson_id, spot.pupil_id, 8)
    before = school.snapshot(db)

    with pytest.raises(LessonNotCancelled) as refused:
        journal.cancel_lesson(spot.lesson_id, "Ауа райы")

    assert refused.value.params["why"] == "has_entries" and refused.value.params["count"] >= 1
    assert school.snapshot(db) == before


def test_a_cancellation_needs_a_reason_and_the_courses_own_teacher(db):
    spot = empty_lesson(db)
    with pytest.raises(LessonNotCancelled) as refused:
        Journal(db, spot.teacher_id).cancel_lesson(spot.lesson_id, "   ")
    assert refused.value.params["why"] == "no_reason"
    with db.write() as conn:  # another teacher substitutes in this lesson: he may mark it, not cancel it
        substitute = school.other_teacher(db, spot.teacher_id)
        conn.execute(text("UPDATE lesson SET substitute_teacher_id = :t WHERE id = :l"),
                     {"t": substitute, "l": spot.lesson_id})
    with pytest.raises(NotYourCourse):
        Journal(db, substitute).cancel_lesson(spot.lesson_id, "Ауырып қалдым")
    assert ops(db) == []


# -- a lesson moved -----------------------------------------------------------------------------------------

def test_a_moved_lesson_keeps_its_id_and_its_marks(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    journal.set_mark(spot.lesson_id, spot.pupil_id, 9)
    old_date, old_slot = one(db, "SELECT date, slot FROM lesson WHERE id = :l", l=spot.lesson_id)

    assert journal.move_lesson(spot.lesson_id, SATURDAY, 6, today=TODAY)

    assert tuple(one(db, "SELECT date, slot FROM lesson WHERE id = :l", l=spot.lesson_id)) == ("2026-11-21", 6)
    assert journal.cell(spot.lesson_id, spot.pupil_id).mark == 9
    moved = ops(db)[-1]
    assert (moved.entity, moved.key, moved.field, moved.value) == (
        "lesson", spot.lesson_id, "moved", {"date": "2026-11-21", "slot": 6})
    with db.read() as conn:
        entry = audit.entries(conn)[-1]
    assert entry.old_value == {"date": old_date, "slot": old_slot}
    assert journal.move_lesson(spot.lesson_id, SATURDAY, 6, today=TODAY) is False  # already there


def test_a_lesson_is_not_moved_onto_a_busy_slot_a_closed_day_or_out_of_the_year(db):
    spot = empty_lesson(db)
    journal = Journal(db, spot.teacher_id)
    busy_date, busy_slot = one(db, "SELECT l.date, l.slot FROM lesson l JOIN course c ON c.id = l.course_id "
                                   "WHERE c.teacher_id = :t AND l.id != :l ORDER BY l.date DESC LIMIT 1",
                               t=spot.teacher_id, l=spot.lesson_id)
    with pytest.raises(LessonNotMoved) as refused:
        journal.move_lesson(spot.lesson_id, dt.date.fromisoformat(busy_date), busy_slot)
    assert refused.value.params["why"] in ("course_busy", "teacher_busy")
    with pytest.raises(LessonNotMoved) as refused:
        journal.move_lesson(spot.lesson_id, SATURDAY, 9)
    assert refused.value.params["why"] == "no_such_slot"
    with pytest.raises(OutsideSchoolYear):
        journal.move_lesson(spot.lesson_id, dt.date(2026, 10, 30), 1)  # the autumn holidays
    assert ops(db) == []


def test_a_lesson_is_not_moved_to_a_day_its_pupil_was_not_in_the_class(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    journal.set_attendance(spot.lesson_id, spot.pupil_id, "ill")
    with db.write() as conn:  # the pupil left the class after this lesson, before the Saturday
        conn.execute(text("UPDATE class_membership SET to_date = :d WHERE pupil_id = :p AND class_id = :c"),
                     {"d": spot.date.isoformat(), "p": spot.pupil_id, "c": spot.class_id})
    before = school.snapshot(db)
    with pytest.raises(PupilNotInCourse):
        journal.move_lesson(spot.lesson_id, SATURDAY, 6, today=TODAY)
    assert school.snapshot(db) == before


def test_a_lesson_with_marks_is_not_moved_into_the_future_but_an_empty_one_is(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    journal.set_mark(spot.lesson_id, spot.pupil_id, 6)
    with pytest.raises(MarkInFuture):
        journal.move_lesson(spot.lesson_id, dt.date(2026, 11, 28), 6, today=TODAY)
    empty = empty_lesson(db)
    assert Journal(db, empty.teacher_id).move_lesson(empty.lesson_id, dt.date(2026, 11, 28), 6, today=TODAY)


def test_the_place_a_lesson_left_cannot_take_a_new_lesson_of_the_course(db):
    spot = empty_lesson(db)
    journal = Journal(db, spot.teacher_id)
    old_date, old_slot = one(db, "SELECT date, slot FROM lesson WHERE id = :l", l=spot.lesson_id)
    journal.move_lesson(spot.lesson_id, SATURDAY, 6)
    with pytest.raises(InvalidLesson) as refused:  # its id would be the moved lesson's (core.ids)
        journal.add_lesson(spot.course_id, dt.date.fromisoformat(old_date), old_slot)
    assert refused.value.params["why"] == "moved_away"


def test_a_lessons_summative_work_moves_with_it(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    work = journal.add_summative_work(spot.course_id, "sor", "СОР №2", 20, spot.date, lesson_id=spot.lesson_id)
    journal.move_lesson(spot.lesson_id, SATURDAY, 6, today=TODAY)
    assert one(db, "SELECT date FROM summative_work WHERE id = :w", w=work)[0] == "2026-11-21"
    with pytest.raises(LessonNotMoved) as refused:  # the work would leave its term
        journal.move_lesson(spot.lesson_id, dt.date(2027, 1, 9), 1, today=TODAY)
    assert refused.value.params["why"] == "work_term"


# -- a summative work edited or deleted -----------------------------------------------------------------------

def _free_work(db: JournalDatabase, spot: school.Spot, max_points: int = 20) -> str:
    """A СОР of the spot's course, not held in a lesson."""
    return Journal(db, spot.teacher_id).add_summative_work(spot.course_id, "sor", "СОР №4", max_points, spot.date)


def test_a_works_maximum_is_not_lowered_under_a_score_already_given(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    work = _free_work(db, spot)
    journal.enter_score(work, spot.pupil_id, 17)
    before = school.snapshot(db)

    with pytest.raises(WorkNotChanged) as refused:
        journal.edit_work(work, max_points=15)

    assert refused.value.params["why"] == "score_over_max"
    assert (refused.value.params["points"], refused.value.params["pupil_id"]) == (17, spot.pupil_id)
    assert school.snapshot(db) == before
    assert journal.edit_work(work, max_points=17)
    assert one(db, "SELECT max_points FROM summative_work WHERE id = :w", w=work)[0] == 17
    with pytest.raises(WorkNotChanged):
        journal.edit_work(work, max_points=0)


def test_a_works_date_changes_within_its_term_only(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    work = _free_work(db, spot)

    assert journal.edit_work(work, date=dt.date(2026, 11, 24), max_points=25)

    assert tuple(one(db, "SELECT date, max_points FROM summative_work WHERE id = :w", w=work)) == ("2026-11-24", 25)
    assert [(o.entity, o.field, o.value) for o in ops(db)][-2:] == [("work", "date", "2026-11-24"),
                                                                    ("work", "max_points", 25)]
    with pytest.raises(WorkNotChanged) as refused:
        journal.edit_work(work, date=dt.date(2027, 1, 12))
    assert refused.value.params["why"] == "other_term"
    held = journal.add_summative_work(spot.course_id, "sor", "СОР №5", 20, spot.date, lesson_id=spot.lesson_id)
    with pytest.raises(WorkNotChanged) as refused:
        journal.edit_work(held, date=dt.date(2026, 11, 24))
    assert refused.value.params["why"] == "in_a_lesson"


def test_a_work_is_deleted_only_while_it_holds_no_scores(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    work = _free_work(db, spot)
    journal.enter_score(work, spot.pupil_id, 11)
    with pytest.raises(WorkNotDeleted) as refused:
        journal.delete_work(work)
    assert refused.value.params == {"why": "has_scores", "count": 1, "reason": "it holds 1 score(s); clear them first"}

    journal.enter_score(work, spot.pupil_id, None)
    journal.delete_work(work)

    with db.read() as conn:
        for table, column in (("summative_work", "id"), ("summative_score", "work_id")):
            left = conn.execute(text(f"SELECT count(*) FROM {table} WHERE {column} = :w"), {"w": work}).scalar_one()
            assert left == 0
        entry = audit.entries(conn)[-1]
    last = ops(db)[-1]
    assert (last.entity, last.key, last.field, last.value) == ("work", work, "deleted", True)
    assert entry.old_value["title"] == "СОР №4" and entry.new_value is True


def test_a_move_pulled_from_the_server_takes_the_lessons_work_along_but_not_onto_a_taken_place(db):
    from storage import server_values

    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    work = journal.add_summative_work(spot.course_id, "sor", "СОР №2", 20, spot.date, lesson_id=spot.lesson_id)
    with db.write() as conn:
        assert server_values.set_field(conn, "lesson", spot.lesson_id, "moved", {"date": "2026-11-21", "slot": 6}, 5)
    assert tuple(one(db, "SELECT date, slot, server_version FROM lesson WHERE id = :l", l=spot.lesson_id)) == (
        "2026-11-21", 6, 5)
    assert one(db, "SELECT date FROM summative_work WHERE id = :w", w=work)[0] == "2026-11-21"

    taken = journal.add_lesson(spot.course_id, SATURDAY, 7)  # made here, say, and refused by the server
    with db.write() as conn:  # the move onto its place is left undone here, not a broken sync
        server_values.set_field(conn, "lesson", spot.lesson_id, "moved", {"date": "2026-11-21", "slot": 7}, 6)
    assert tuple(one(db, "SELECT date, slot FROM lesson WHERE id = :l", l=spot.lesson_id)) == ("2026-11-21", 6)
    assert tuple(one(db, "SELECT date, slot FROM lesson WHERE id = :l", l=taken)) == ("2026-11-21", 7)
