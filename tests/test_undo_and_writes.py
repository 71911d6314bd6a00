"""A teacher's writes through the journal API: undo (and redo) of the last edits, queued and audited like any
edit; no mark into a lesson after today; Delete as one transaction; a typed conflict resolution checked
like any edit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core import errors
from storage import audit, outbox, server_values
from storage.journal import Journal
from tests import school

TODAY = dt.date(2026, 11, 22)


def _ops(db) -> list:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return outbox.pending(conn)


def _trail(db) -> list:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return audit.entries(conn)


def _refused(db, call, error: type[errors.JournalError]) -> errors.JournalError:  # type: ignore[no-untyped-def]
    before = school.snapshot(db)
    with pytest.raises(error) as caught:
        call()
    assert school.snapshot(db) == before, "a refused change left something behind"
    return caught.value


def _empty_cell(db, spot: school.Spot) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The spot's pupil in a lesson of the spot's course where nothing is written yet."""
    with db.read() as conn:
        lesson = conn.execute(text(
            "SELECT l.id FROM lesson l WHERE l.course_id = :c AND l.date BETWEEN '2026-11-03' AND '2026-11-20' "
            "AND NOT EXISTS (SELECT 1 FROM lesson_cell x WHERE x.lesson_id = l.id AND x.pupil_id = :p) "
            "ORDER BY l.date LIMIT 1"), {"c": spot.course_id, "p": spot.pupil_id}).scalar_one()
    return lesson, spot.pupil_id


def _lesson_after(db, spot: school.Spot, day: dt.date) -> tuple[str, dt.date]:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        lesson, date = conn.execute(text(
            "SELECT id, date FROM lesson WHERE course_id = :c AND date > :d ORDER BY date LIMIT 1"),
            {"c": spot.course_id, "d": day.isoformat()}).one()
    return lesson, dt.date.fromisoformat(date)


# -- a mark into a lesson after today -------------------------------------------------------------

def test_a_mark_into_a_lesson_after_today_is_refused(db) -> None:
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    lesson, date = _lesson_after(db, spot, TODAY)

    error = _refused(db, lambda: journal.set_mark(lesson, spot.pupil_id, 8, today=TODAY), errors.MarkInFuture)
    assert error.code == "mark_in_future" and error.params["date"] == date

    assert journal.set_attendance(lesson, spot.pupil_id, "excused")  # an absence known ahead
    assert journal.set_mark(lesson, spot.pupil_id, 8, today=date)  # on the lesson's own day it is a mark
    assert journal.set_mark(lesson, spot.pupil_id, None, today=TODAY)  # and taking one back is allowed


def test_today_comes_from_the_journals_clock_when_the_caller_gives_none(db) -> None:
    spot = school.lesson_spot(db)
    lesson, date = _lesson_after(db, spot, TODAY)
    at_noon = dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC)
    journal = Journal(db, spot.teacher_id, clock=lambda: at_noon)
    _refused(db, lambda: journal.set_mark(lesson, spot.pupil_id, 8), errors.MarkInFuture)
    later = Journal(db, spot.teacher_id, clock=lambda: dt.datetime.combine(date, dt.time(12), tzinfo=dt.UTC))
    assert later.set_mark(lesson, spot.pupil_id, 8)


# -- Delete: one call, one transaction ------------------------------------------------------------

def test_clearing_a_cell_clears_mark_and_attendance_in_one_transaction(db) -> None:
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    lesson, pupil = _empty_cell(db, spot)
    journal.set_mark(lesson, pupil, 7)
    journal.set_attendance(lesson, pupil, "late")
    with db.write() as conn:  # a fault in the real database in the second half: clearing the attendance
        conn.execute(text("CREATE TRIGGER fail_attendance BEFORE UPDATE OF attendance ON lesson_cell "
                          "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"))
    before = school.snapshot(db)
    with pytest.raises(Exception, match="disk trouble"):
        journal.clear_cell(lesson, pupil)
    assert school.snapshot(db) == before  # the mark was not cleared alone
    assert journal.cell(lesson, pupil).mark == 7

    with db.write() as conn:
        conn.execute(text("DROP TRIGGER fail_attendance"))
    assert journal.clear_cell(lesson, pupil)
    cell = journal.cell(lesson, pupil)
    assert (cell.mark, cell.attendance) == (None, None)
    key = f"{lesson}/{pupil}"
    assert {(o.key, o.field, o.value) for o in _ops(db)} == {(key, "mark", None), (key, "attendance", None)}

    assert {(c.field, c.new) for c in journal.undo(today=TODAY)} == {("mark", 7), ("attendance", "late")}
    cell = journal.cell(lesson, pupil)
    assert (cell.mark, cell.attendance) == (7, "late")  # one undo step put both back


# -- undo and redo ----------------------------------------------------------------------------------

def test_undo_puts_back_the_last_edits_queued_and_audited_like_any_edit(db) -> None:
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    lesson, pupil = _empty_cell(db, spot)
    key = f"{lesson}/{pupil}"
    journal.set_mark(lesson, pupil, 6)
    with db.write() as conn:  # the 6 went to the server: its operation is never rewritten
        outbox.mark_sent(conn, [op.seq for op in outbox.pending(conn)])
    journal.set_mark(lesson, pupil, 9)
    journal.set_attendance(lesson, pupil, "absent")  # the stray keys

    undone = journal.undo(today=TODAY)
    assert [(c.record, c.pupil_id, c.field, c.old, c.new) for c in undone] == [(lesson, pupil, "attendance",
                                                                              "absent", None)]
    assert journal.undo(today=TODAY)
    cell = journal.cell(lesson, pupil)
    assert (cell.mark, cell.attendance) == (6, None)
    assert [(o.seq, o.field, o.value, o.sent) for o in _ops(db)] == [
        (1, "mark", 6, True), (2, "mark", 6, False), (3, "attendance", None, False)]  # new operations, none deleted
    assert [(e.entity_key, e.field, e.old_value, e.new_value) for e in _trail(db)] == [
        (key, "mark", None, 6), (key, "mark", 6, 9), (key, "attendance", None, "absent"),
        (key, "attendance", "absent", None), (key, "mark", 9, 6)]

    assert journal.redo(today=TODAY)  # Ctrl+Shift+Z: the 9 again
    assert journal.cell(lesson, pupil).mark == 9
    assert journal.undo(today=TODAY) and journal.undo(today=TODAY)  # back to before the first edit
    assert journal.cell(lesson, pupil).mark is None
    assert journal.undo(today=TODAY) == ()  # nothing left to undo
    assert len(_trail(db)) == 8


def test_a_cell_changed_since_is_not_overwritten_by_an_undo(db) -> None:
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    lesson, pupil = _empty_cell(db, spot)
    journal.set_attendance(lesson, pupil, "ill")
    journal.set_mark(lesson, pupil, 8)
    with db.write() as conn:  # a sync pulls another teacher's 3 into the cell (the sync engine's own write)
        server_values.set_field(conn, "cell", f"{lesson}/{pupil}", "mark", 3, 5)

    error = _refused(db, lambda: journal.undo(today=TODAY), errors.ChangedSince)
    assert error.code == "changed_since"
    assert journal.cell(lesson, pupil).mark == 3
    assert [c.field for c in journal.undo(today=TODAY)] == ["attendance"]  # the step before it still undoes
    assert journal.cell(lesson, pupil).attendance is None


def test_an_undo_goes_through_the_journals_checks(db) -> None:
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    lesson, pupil = _empty_cell(db, spot)
    journal.set_mark(lesson, pupil, 8)
    with db.write() as conn:  # the admin closes the term meanwhile
        conn.execute(text("UPDATE period SET closed = 1 WHERE kind = 'term' AND start_date <= :d AND end_date >= :d"),
                     {"d": spot.date.isoformat()})
    _refused(db, lambda: journal.undo(today=TODAY), errors.PeriodClosed)
    assert journal.cell(lesson, pupil).mark == 8


def test_score_edits_undo_too(db) -> None:
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    work = journal.add_summative_work(spot.course_id, "sor", "БЖБ 3", 15, dt.date(2026, 11, 18))
    journal.enter_score(work, spot.pupil_id, 12)
    journal.enter_score(work, spot.pupil_id, 2)
    assert [(c.entity, c.old) for c in journal.undo(today=TODAY)] == [("score", 2)]
    with db.read() as conn:
        assert conn.execute(text("SELECT points FROM summative_score WHERE work_id = :w AND pupil_id = :p"),
                            {"w": work, "p": spot.pupil_id}).scalar_one() == 12
