"""The year's exam (final attestation, grades 9 and 11) and year test (after a year 2) marks: set on the year alone, an
exam only in grades 9 and 11 and a year test only after a year 2, queued for the server; the final marks, the
certificate with honours, «Алтын белгі» and the year's 2s follow from them, worked by hand (core.grading)."""

from __future__ import annotations

import datetime as dt

import pytest

from core import school_reports
from core.errors import InvalidAttestation
from storage.journal import Journal
from storage.journal_sheet import driver_connection
from tests.test_reports import _class_and_pupils, _set_finals

TODAY = dt.date(2027, 5, 25)


def _clock() -> dt.datetime:
    return dt.datetime(2027, 5, 25, 10, 0, tzinfo=dt.UTC)


def _year(raw) -> int:  # type: ignore[no-untyped-def]
    return raw.execute("SELECT id FROM period WHERE kind = 'year'").fetchone()[0]


def _course_teacher(raw, course: int) -> int:  # type: ignore[no-untyped-def]
    return raw.execute("SELECT teacher_id FROM course WHERE id = ?", (course,)).fetchone()[0]


def _graded(courses):  # type: ignore[no-untyped-def]
    """The courses graded by marks (not pass/fail), whose finals an exam or a test changes."""
    return [c for c in courses if c[2] != "passfail"]


def test_an_exam_mark_is_set_on_the_year_of_grades_9_and_11_and_queued(db) -> None:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        raw = driver_connection(conn)
        _class9, pupils9, courses9 = _class_and_pupils(raw, 9)
        _class7, pupils7, courses7 = _class_and_pupils(raw, 7)
        year = _year(raw)
        term = raw.execute("SELECT id FROM period WHERE kind = 'term' AND number = 2").fetchone()[0]
        nine, seven = _graded(courses9)[0][0], _graded(courses7)[0][0]
        teacher9, teacher7 = _course_teacher(raw, nine), _course_teacher(raw, seven)
    journal = Journal(db, teacher9, clock=_clock)
    assert journal.set_attestation(nine, year, pupils9[0], "exam", 4, today=TODAY)
    with db.read() as conn:
        stored = conn.exec_driver_sql("SELECT attestation_kind, attestation_mark FROM period_mark WHERE course_id = ? "
                                      "AND period_id = ? AND pupil_id = ?", (nine, year, pupils9[0])).one()
        queued = conn.exec_driver_sql("SELECT entity, field, value FROM outbox_op ORDER BY seq DESC LIMIT 1").one()
    assert tuple(stored) == ("exam", 4)
    assert queued[:2] == ("result", "attestation") and '"kind":"exam"' in queued[2].replace(" ", "")
    assert not journal.set_attestation(nine, year, pupils9[0], "exam", 4, today=TODAY), "unchanged: nothing queued"
    with pytest.raises(InvalidAttestation) as on_term:
        journal.set_attestation(nine, term, pupils9[0], "exam", 4, today=TODAY)
    assert on_term.value.params["why"] == "not_year"
    with pytest.raises(InvalidAttestation) as in_seven:
        Journal(db, teacher7, clock=_clock).set_attestation(seven, year, pupils7[0], "exam", 4, today=TODAY)
    assert in_seven.value.params["why"] == "not_exam_grade"
    with pytest.raises(InvalidAttestation) as no_two:
        journal.set_attestation(nine, year, pupils9[1], "year_test", 3, today=TODAY)
    assert no_two.value.params["why"] == "no_year_two"
    assert journal.set_attestation(nine, year, pupils9[0], None, today=TODAY)  # cleared
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT attestation_kind FROM period_mark WHERE course_id = ? AND period_id = ? "
                                    "AND pupil_id = ?", (nine, year, pupils9[0])).scalar() is None


@pytest.mark.parametrize("grade", [9, 11])
def test_honours_need_a_final_five_in_every_subject_an_exam_included(db, grade: int) -> None:  # type: ignore[no-untyped-def]
    """Worked by hand: 5s in every term and year; an exam of 5 keeps the final a 5 (5·0.7 + 5·0.3 = 5): honours. An
    exam of 3 in one subject makes its final 5·0.7 + 3·0.3 = 4.4 → 4: no honours, and (grade 11) no «Алтын белгі»."""
    with db.write() as conn:
        raw = driver_connection(conn)
        class_id, pupils, courses = _class_and_pupils(raw, grade)
        groups = raw.execute("SELECT id, hours_per_week, scale FROM course WHERE class_id = ? AND subgroup_id IS NOT "
                             "NULL", (class_id,)).fetchall()
        year = _year(raw)
        his = [(c, h, s) for c, h, s in groups if raw.execute(
            "SELECT 1 FROM course c JOIN subgroup_member m ON m.subgroup_id = c.subgroup_id AND m.to_date IS NULL "
            "WHERE c.id = ? AND m.pupil_id = ?", (c, pupils[0])).fetchone()]
        _set_finals(raw, pupils[0], courses + his, lambda i, c: 5)
        examined = _graded(courses)[0][0]
        teacher = _course_teacher(raw, examined)
    journal = Journal(db, teacher, clock=_clock)
    assert journal.set_attestation(examined, year, pupils[0], "exam", 5, today=TODAY)
    with db.read() as conn:
        honoured = {p.pupil_id for p in school_reports.with_honours(driver_connection(conn), [class_id], TODAY)}
        golden = {p.pupil_id for p in school_reports.golden_candidates(driver_connection(conn), [class_id], TODAY)}
    assert pupils[0] in honoured
    assert (pupils[0] in golden) == (grade == 11)
    journal.set_attestation(examined, year, pupils[0], "exam", 3, today=TODAY)
    with db.read() as conn:
        years = {p.pupil_id: p for p in school_reports.year_marks(driver_connection(conn), class_id, TODAY)}
        honoured = {p.pupil_id for p in school_reports.with_honours(driver_connection(conn), [class_id], TODAY)}
        golden = {p.pupil_id for p in school_reports.golden_candidates(driver_connection(conn), [class_id], TODAY)}
    subject = next(s for s in years[pupils[0]].attestations)
    assert years[pupils[0]].final(subject) == 4
    assert pupils[0] not in honoured and pupils[0] not in golden


def test_a_passed_year_test_lifts_the_two_and_a_failed_one_means_repeating(db) -> None:  # type: ignore[no-untyped-def]
    """Worked by hand: a year 2 in one subject (the rest 4s) is a year test; the test written with a 4 makes the final
    (2 + 4) ÷ 2 = 3 and the pupil is no longer at risk; with a 2 the final stays 2 and he repeats the year."""
    with db.write() as conn:
        raw = driver_connection(conn)
        class_id, pupils, courses = _class_and_pupils(raw, 7)
        graded = _graded(courses)
        _set_finals(raw, pupils[0], courses, lambda i, c: 2 if c == graded[0][0] else 4)
        year = _year(raw)
        teacher = _course_teacher(raw, graded[0][0])
    with db.read() as conn:
        before = {r.pupil.pupil_id: r for r in school_reports.at_risk(driver_connection(conn), [class_id], TODAY)}
    assert before[pupils[0]].outcome == "year_test"
    journal = Journal(db, teacher, clock=_clock)
    assert journal.set_attestation(graded[0][0], year, pupils[0], "year_test", 4, today=TODAY)
    with db.read() as conn:
        passed = {r.pupil.pupil_id for r in school_reports.at_risk(driver_connection(conn), [class_id], TODAY)}
        summary = {p.pupil_id: p for p in school_reports.year_marks(driver_connection(conn), class_id, TODAY)}
    assert pupils[0] not in passed
    assert set(summary[pupils[0]].attestations) and summary[pupils[0]].finals().count(3) == 1
    journal.set_attestation(graded[0][0], year, pupils[0], "year_test", 2, today=TODAY)
    with db.read() as conn:
        failed = {r.pupil.pupil_id: r for r in school_reports.at_risk(driver_connection(conn), [class_id], TODAY)}
    assert failed[pupils[0]].outcome == "repeat"
