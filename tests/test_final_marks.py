"""A teacher's final period mark over the computed one: it needs a reason, the computed mark itself removes
the override, it is queued and audited with its reason, the year mark follows the final term marks, and a
closed period or another teacher's course refuses it with nothing changed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core import record_keys, term_results
from core.errors import InvalidMark, NotYourCourse, PeriodClosed, ReasonRequired
from storage import audit, outbox
from storage.journal import Journal
from storage.journal_sheet import driver_connection
from tests import school

TODAY = dt.date(2026, 12, 26)  # the last day of term 2


def _clock() -> dt.datetime:
    return dt.datetime(2026, 12, 26, 10, 0, tzinfo=dt.UTC)


def _setup(db):  # type: ignore[no-untyped-def]
    """A classic course's pupil with 4, 5, 4 in term 2 (computed term mark: a 4)."""
    spot = school.lesson_spot(db, "classic")
    with db.read() as conn:
        raw = driver_connection(conn)
        term, year = (raw.execute("SELECT id FROM period WHERE kind = ? AND number = ?", (kind, n)).fetchone()[0]
                      for kind, n in (("term", 2), ("year", 1)))
        lessons = [r[0] for r in raw.execute(
            "SELECT id FROM lesson WHERE course_id = ? AND kind = 'regular' AND date BETWEEN '2026-11-03' AND "
            "'2026-11-20' ORDER BY date", (spot.course_id,))]
    journal = Journal(db, spot.teacher_id, clock=_clock)
    for lesson in lessons:
        journal.set_mark(lesson, spot.pupil_id, None)
    for lesson, mark in zip(lessons, (4, 5, 4), strict=False):
        journal.set_mark(lesson, spot.pupil_id, mark)
    with db.write() as conn:
        conn.execute(text("DELETE FROM outbox_op"))
        conn.execute(text("DELETE FROM audit_entry"))
    return spot, term, year, journal


def _computed(db, spot, period):  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return term_results.compute(driver_connection(conn), spot.course_id, period, [spot.pupil_id],
                                    TODAY)[spot.pupil_id]


def _stored(db, spot, period):  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return conn.execute(text("SELECT final_mark, final_reason, computed_mark, rule_version FROM period_mark "
                                 "WHERE course_id = :c AND period_id = :p AND pupil_id = :u"),
                            {"c": spot.course_id, "p": period, "u": spot.pupil_id}).first()


def test_an_override_needs_a_reason_and_is_queued_and_audited_with_it(db):
    spot, term, _year, journal = _setup(db)
    computed = _computed(db, spot, term)
    assert (computed.status, computed.mark) == ("graded", 4)
    other = 5
    with pytest.raises(ReasonRequired):
        journal.set_final_mark(spot.course_id, term, spot.pupil_id, other, None)
    with pytest.raises(ReasonRequired):
        journal.set_final_mark(spot.course_id, term, spot.pupil_id, other, "  ")
    assert _stored(db, spot, term) is None

    assert journal.set_final_mark(spot.course_id, term, spot.pupil_id, other, "Олимпиада жеңімпазы")
    assert tuple(_stored(db, spot, term)) == (other, "Олимпиада жеңімпазы", computed.mark, computed.rule)
    with db.read() as conn:
        [op] = outbox.pending(conn)
        [entry] = audit.entries(conn, entity="result")
    assert (op.entity, op.key, op.field) == ("result", record_keys.result(spot.course_id, term, spot.pupil_id),
                                                    "final")
    assert op.value["mark"] == other and op.value["computed"] == computed.mark and op.value["reason"]
    assert entry.new_value["reason"] == "Олимпиада жеңімпазы" and entry.actor_id == spot.teacher_id

    # Setting the computed mark removes the override; no reason is needed for that.
    assert journal.set_final_mark(spot.course_id, term, spot.pupil_id, computed.mark)
    assert tuple(_stored(db, spot, term))[:2] == (None, None)


def test_the_year_mark_follows_the_final_term_marks(db):
    spot, term, year, journal = _setup(db)
    before = _computed(db, spot, year)
    journal.set_final_mark(spot.course_id, term, spot.pupil_id, 2, "a reason")  # computed: a 4
    after = _computed(db, spot, year)
    assert before.status == after.status == "graded"
    with db.read() as conn:
        terms = [r[0] for r in driver_connection(conn).execute(
            "SELECT id FROM period WHERE kind = 'term' AND start_date <= ? ORDER BY start_date", (TODAY.isoformat(),))]
    marks = []
    for period in terms:
        stored = _stored(db, spot, period)
        marks.append(stored[0] if stored is not None and stored[0] is not None else _computed(db, spot, period).mark)
    from core.grading import year_mark

    assert 2 in marks and after.mark == year_mark([m for m in marks if isinstance(m, int)])
    assert after.mark != before.mark


def test_refusals_leave_everything_as_it_was(db):
    spot, term, _year, journal = _setup(db)
    with pytest.raises(InvalidMark):
        journal.set_final_mark(spot.course_id, term, spot.pupil_id, 7, "a reason")
    stranger = Journal(db, school.other_teacher(db, spot.teacher_id), clock=_clock)
    with pytest.raises(NotYourCourse):
        stranger.set_final_mark(spot.course_id, term, spot.pupil_id, 5, "a reason")
    with db.write() as conn:
        conn.execute(text("UPDATE period SET closed = 1 WHERE id = :p"), {"p": term})
    with pytest.raises(PeriodClosed):
        journal.set_final_mark(spot.course_id, term, spot.pupil_id, 5, "a reason")
    assert _stored(db, spot, term) is None
    with db.read() as conn:
        assert outbox.pending(conn) == [] and audit.entries(conn, entity="result") == []
