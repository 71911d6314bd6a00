"""Each pupil's term result computed from what the journal holds: a pupil whose ФО, СОР and СОЧ are entered
through the journal API gets the percentage and mark of the rules; a summative work not written leaves
«н/а»; a one-hour-a-week subject gets no term mark, only a half-year one."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import grading, term_results
from core.grading import Score
from storage.journal import Journal
from storage.journal_sheet import driver_connection
from tests.school import lesson_spot


def _term(conn, number: int) -> int:  # type: ignore[no-untyped-def]
    return conn.execute("SELECT id FROM period WHERE kind = 'term' AND number = ?", (number,)).fetchone()[0]


def test_a_pupils_term_result_comes_from_the_journal(db) -> None:  # type: ignore[no-untyped-def]
    spot = lesson_spot(db, "criteria")
    journal = Journal(db, spot.teacher_id)
    with db.write() as conn:  # start the pupil's term 2 empty
        raw = driver_connection(conn)
        raw.execute("UPDATE lesson_cell SET mark = NULL WHERE pupil_id = ? AND lesson_id IN (SELECT id FROM lesson "
                    "WHERE course_id = ? AND date BETWEEN '2026-11-03' AND '2026-12-26')",
                    (spot.pupil_id, spot.course_id))
        raw.execute("DELETE FROM summative_score WHERE pupil_id = ? AND work_id IN (SELECT id FROM summative_work "
                    "WHERE course_id = ?)", (spot.pupil_id, spot.course_id))
    works = {kind: [] for kind in ("sor", "soch")}
    with db.read() as conn:
        raw = driver_connection(conn)
        term = _term(raw, 2)
        for work_id, kind, top in raw.execute("SELECT id, kind, max_points FROM summative_work WHERE course_id = ? "
                                              "AND date BETWEEN '2026-11-03' AND '2026-12-26'", (spot.course_id,)):
            works[kind].append((work_id, top))
        lessons = [r[0] for r in raw.execute("SELECT id FROM lesson WHERE course_id = ? AND kind = 'regular' AND date "
                                             "BETWEEN '2026-11-03' AND '2026-11-20' ORDER BY date LIMIT 2",
                                             (spot.course_id,))]
    if not works["sor"]:
        works["sor"].append((journal.add_summative_work(spot.course_id, "sor", "БЖБ 1", 10, dt.date(2026, 11, 10)), 10))
    if not works["soch"]:
        works["soch"].append((journal.add_summative_work(spot.course_id, "soch", "ТЖБ", 20, dt.date(2026, 12, 18)), 20))

    journal.set_mark(lessons[0], spot.pupil_id, 8)
    journal.set_mark(lessons[1], spot.pupil_id, 6)
    for work_id, top in works["sor"]:
        journal.enter_score(work_id, spot.pupil_id, top)  # every СОР in full: 100 %
    end_of_term = dt.date(2026, 12, 26)
    with db.read() as conn:
        raw = driver_connection(conn)
        result = term_results.compute(raw, spot.course_id, term, [spot.pupil_id], end_of_term)[spot.pupil_id]
        before_soch = term_results.compute(raw, spot.course_id, term, [spot.pupil_id], dt.date(2026, 11, 22))
    assert (result.status, result.mark) == ("not_attested", "n/a")  # the СОЧ was held; this pupil has no score
    assert before_soch[spot.pupil_id].status == "graded"  # before it is held, it does not count yet

    for work_id, _top in works["soch"]:
        journal.enter_score(work_id, spot.pupil_id, 0)
    with db.read() as conn:
        result = term_results.compute(driver_connection(conn), spot.course_id, term, [spot.pupil_id],
                                      end_of_term)[spot.pupil_id]
    # ФО (8 + 6) / 2 = 70 % × 0.25 + СОР 100 % × 0.25 + СОЧ 0 % × 0.5 = 42.5 % → 43 → a 3
    assert (result.status, float(result.percent), result.mark) == ("graded", 42.5, 3)


def test_a_one_hour_subject_is_graded_per_half_year(db) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 11, 22)
    with db.read() as conn:
        raw = driver_connection(conn)
        course, teacher = raw.execute(
            "SELECT c.id, c.teacher_id FROM course c JOIN school_class k ON k.id = c.class_id "
            "WHERE c.hours_per_week = 1 AND c.scale = 'criteria' AND k.grade > 1 AND c.subgroup_id IS NULL "
            "LIMIT 1").fetchone()
        pupils = [r[0] for r in raw.execute("SELECT m.pupil_id FROM class_membership m JOIN course c ON c.class_id = "
                                            "m.class_id WHERE c.id = ? AND m.to_date IS NULL ORDER BY 1", (course,))]
        held = raw.execute("SELECT id, max_points FROM summative_work WHERE course_id = ? AND date <= ?",
                           (course, today.isoformat())).fetchall()
        half = raw.execute("SELECT id FROM period WHERE kind = 'half_year' AND number = 1").fetchone()[0]
        term = _term(raw, 2)
    assert held  # a СОР already written this half-year
    journal = Journal(db, teacher)
    for work_id, top in held:  # the first pupil has written every СОР held so far
        journal.enter_score(work_id, pupils[0], top)
    with db.read() as conn:
        raw = driver_connection(conn)
        by_term = term_results.compute(raw, course, term, pupils, today)
        by_half = term_results.compute(raw, course, half, pupils, today)
    assert {r.status for r in by_term.values()} == {"half_year_only"}
    first = by_half[pupils[0]]
    assert first.status == "graded" and first.parts["soch"] is None and first.parts["sor"] == 100


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_periods_result_depends_only_on_that_periods_data(db, data) -> None:  # type: ignore[no-untyped-def]
    """Whatever is written into term 1 (marks, scores, new works) leaves every term 2 result as it was."""
    spot = lesson_spot(db, "criteria")
    today = dt.date(2026, 12, 26)
    with db.read() as conn:
        raw = driver_connection(conn)
        term1, term2 = _term(raw, 1), _term(raw, 2)
        pupils = [r[0] for r in raw.execute("SELECT pupil_id FROM class_membership WHERE class_id = ? ORDER BY 1",
                                            (spot.class_id,))]
        before = term_results.compute(raw, spot.course_id, term2, pupils, today)
        lessons = [r[0] for r in raw.execute("SELECT id FROM lesson WHERE course_id = ? AND date <= '2026-10-24'",
                                             (spot.course_id,))]
        works = raw.execute("SELECT id, max_points FROM summative_work WHERE course_id = ? AND date <= '2026-10-24'",
                            (spot.course_id,)).fetchall()
    with db.write() as conn:  # written, computed, then rolled back: every example starts from the demo school
        raw = driver_connection(conn)
        raw.execute("SAVEPOINT example")
        for _ in range(data.draw(st.integers(1, 30))):
            pupil = data.draw(st.sampled_from(pupils))
            if works and data.draw(st.booleans()):
                work, top = data.draw(st.sampled_from(works))
                raw.execute("INSERT OR REPLACE INTO summative_score (work_id, pupil_id, points, server_version) "
                            "VALUES (?, ?, ?, 0)", (work, pupil, data.draw(st.none() | st.integers(0, top))))
            else:
                raw.execute("INSERT OR REPLACE INTO lesson_cell (lesson_id, pupil_id, mark, server_version) "
                            "VALUES (?, ?, ?, 0)", (data.draw(st.sampled_from(lessons)), pupil,
                                                    data.draw(st.none() | st.integers(0, 10))))
        if data.draw(st.booleans()):
            raw.execute("INSERT INTO summative_work (id, course_id, period_id, kind, title, date, max_points, "
                        "server_version) VALUES (?, ?, ?, 'soch', 'ТЖБ', '2026-10-20', 30, 0)",
                        (str(data.draw(st.uuids())), spot.course_id, term1))
        after = term_results.compute(raw, spot.course_id, term2, pupils, today)
        raw.execute("ROLLBACK TO example")
    assert after == before


def test_a_pupil_who_came_mid_term_is_not_na_for_the_works_held_before_him(db) -> None:  # type: ignore[no-untyped-def]
    """A pupil who joined the class after the term's first СОР is judged on what was held while he was there; a
    СОЧ held after he came still counts (no score: «н/а»), and one held after a pupil left is not hers."""
    spot = lesson_spot(db, "criteria")
    journal = Journal(db, spot.teacher_id)
    sor = journal.add_summative_work(spot.course_id, "sor", "БЖБ 1", 10, dt.date(2026, 11, 10))
    soch = journal.add_summative_work(spot.course_id, "soch", "ТЖБ", 20, dt.date(2026, 12, 18))
    with db.write() as conn:  # he came on 16 November; another pupil left on 1 December
        raw = driver_connection(conn)
        class_id = raw.execute("SELECT class_id FROM course WHERE id = ?", (spot.course_id,)).fetchone()[0]
        leaver = raw.execute("SELECT pupil_id FROM class_membership WHERE class_id = ? AND pupil_id != ? "
                             "ORDER BY pupil_id LIMIT 1", (class_id, spot.pupil_id)).fetchone()[0]
        raw.execute("DELETE FROM summative_score WHERE pupil_id IN (?, ?)", (spot.pupil_id, leaver))
        raw.execute("UPDATE class_membership SET from_date = '2026-11-16' WHERE pupil_id = ? AND class_id = ?",
                    (spot.pupil_id, class_id))
        raw.execute("UPDATE class_membership SET to_date = '2026-12-01' WHERE pupil_id = ? AND class_id = ?",
                    (leaver, class_id))
        works = raw.execute("SELECT id, date, max_points FROM summative_work WHERE course_id = ? AND date BETWEEN "
                            "'2026-11-02' AND '2026-12-28'", (spot.course_id,)).fetchall()
    for work, day, top in works:  # every other work he was there for, in full; hers while she was there
        if day >= "2026-11-16" and work != soch:
            journal.enter_score(work, spot.pupil_id, top)
        if day <= "2026-12-01":
            journal.enter_score(work, leaver, top)
    assert sor in {w for w, _, _ in works}
    with db.read() as conn:
        raw = driver_connection(conn)
        term = _term(raw, 2)
        before = term_results.compute(raw, spot.course_id, term, [spot.pupil_id, leaver], dt.date(2026, 12, 26))
    assert before[spot.pupil_id].status == "not_attested", "the СОЧ held after he came is his: no score, «н/а»"
    journal.enter_score(soch, spot.pupil_id, 20)
    with db.read() as conn:
        raw = driver_connection(conn)
        after = term_results.compute(raw, spot.course_id, term, [spot.pupil_id, leaver], dt.date(2026, 12, 26))
    assert after[spot.pupil_id].status == "graded", "the СОР of 10 November, before he came, is not his"
    assert after[leaver].status == "graded", "the СОЧ of 18 December, after she left, is not hers"


def test_a_pupil_moved_to_the_parallel_class_brings_his_marks_in_the_subject(db) -> None:  # type: ignore[no-untyped-def]
    """His ФО and СОР of the old class's course, before the move, count in the new class's course of the same
    subject; the old class's result for him counts what he earned there alone."""
    spot = lesson_spot(db, "criteria")
    with db.write() as conn:
        raw = driver_connection(conn)
        subject, grade, class_a = raw.execute("SELECT c.subject_id, k.grade, k.id FROM course c JOIN school_class k "
                                              "ON k.id = c.class_id WHERE c.id = ?", (spot.course_id,)).fetchone()
        course_b, class_b, teacher_b = raw.execute(
            "SELECT c.id, c.class_id, c.teacher_id FROM course c JOIN school_class k ON k.id = c.class_id "
            "WHERE c.subject_id = ? AND k.grade = ? AND k.id <> ? AND c.subgroup_id IS NULL ORDER BY c.id",
            (subject, grade, class_a)).fetchone()
        # Term 2 of both courses empty of works, and of his marks; he moves from A to B on 18 November.
        raw.execute("DELETE FROM summative_score WHERE work_id IN (SELECT id FROM summative_work WHERE course_id "
                    "IN (?, ?) AND date >= '2026-11-03')", (spot.course_id, course_b))
        raw.execute("DELETE FROM summative_work WHERE course_id IN (?, ?) AND date >= '2026-11-03'",
                    (spot.course_id, course_b))
        raw.execute("UPDATE lesson_cell SET mark = NULL WHERE pupil_id = ?", (spot.pupil_id,))
        raw.execute("UPDATE class_membership SET to_date = '2026-11-17' WHERE pupil_id = ? AND class_id = ?",
                    (spot.pupil_id, class_a))
        raw.execute("INSERT INTO class_membership (id, pupil_id, class_id, from_date) VALUES "
                    "((SELECT max(id) + 1 FROM class_membership), ?, ?, '2026-11-18')", (spot.pupil_id, class_b))
        [in_a] = raw.execute("SELECT id FROM lesson WHERE course_id = ? AND kind = 'regular' AND date BETWEEN "
                             "'2026-11-03' AND '2026-11-17' ORDER BY date LIMIT 1", (spot.course_id,)).fetchone()
        [in_b] = raw.execute("SELECT id FROM lesson WHERE course_id = ? AND kind = 'regular' AND date BETWEEN "
                             "'2026-11-18' AND '2026-12-04' ORDER BY date LIMIT 1", (course_b,)).fetchone()
    old, new = Journal(db, spot.teacher_id), Journal(db, teacher_b)
    assert old.set_mark(in_a, spot.pupil_id, 10)
    old.enter_score(old.add_summative_work(spot.course_id, "sor", "БЖБ 2.1", 10, dt.date(2026, 11, 10)),
                    spot.pupil_id, 10)
    assert new.set_mark(in_b, spot.pupil_id, 4)
    new.enter_score(new.add_summative_work(course_b, "sor", "БЖБ 2.2", 20, dt.date(2026, 11, 24)), spot.pupil_id, 10)
    today = dt.date(2026, 12, 4)
    rule = grading.rule_for(dt.date(2026, 11, 3))
    with db.read() as conn:
        raw = driver_connection(conn)
        term = _term(raw, 2)
        in_new = term_results.compute(raw, course_b, term, [spot.pupil_id], today)[spot.pupil_id]
        in_old = term_results.compute(raw, spot.course_id, term, [spot.pupil_id], today)[spot.pupil_id]
    assert in_new.parts["fo"] == 70  # (10 + 4) / 2 of 10
    assert in_new == grading.criteria_term([10, 4], [Score(10, 10), Score(10, 20)], [], rule, grade=grade)
    assert in_old.parts["fo"] == 100
    assert in_old == grading.criteria_term([10], [Score(10, 10)], [], rule, grade=grade)


def test_a_year_over_an_unattested_term_waits_until_the_term_is_attested(db) -> None:  # type: ignore[no-untyped-def]
    """A term «н/а» (a СОР held without the pupil's score) is not a mark: the year is «н/а» too, not the mean of
    the other terms; once the teacher sets the term's final mark, the year counts it (shared/domain.md)."""
    spot = lesson_spot(db, "criteria")
    journal = Journal(db, spot.teacher_id)
    with db.write() as conn:  # every work of the year his, in full, but one СОР of term 2 left unwritten
        raw = driver_connection(conn)
        works = raw.execute("SELECT id, max_points, date FROM summative_work WHERE course_id = ? ORDER BY date",
                            (spot.course_id,)).fetchall()
        raw.execute("DELETE FROM summative_score WHERE pupil_id = ? AND work_id IN (SELECT id FROM summative_work "
                    "WHERE course_id = ?)", (spot.pupil_id, spot.course_id))
    journal.add_summative_work(spot.course_id, "sor", "БЖБ 2.9", 10, dt.date(2026, 11, 11))
    for work, top, _day in works:
        journal.enter_score(work, spot.pupil_id, top)
    today = dt.date(2026, 12, 4)
    with db.read() as conn:
        raw = driver_connection(conn)
        year = raw.execute("SELECT id FROM period WHERE kind = 'year'").fetchone()[0]
        term1, term2 = _term(raw, 1), _term(raw, 2)
        terms = term_results.compute(raw, spot.course_id, term1, [spot.pupil_id], today)[spot.pupil_id]
        assert terms.status == "graded"
        assert term_results.compute(raw, spot.course_id, term2, [spot.pupil_id], today)[spot.pupil_id].status \
            == "not_attested"
        waiting = term_results.compute(raw, spot.course_id, year, [spot.pupil_id], today)[spot.pupil_id]
    assert (waiting.status, waiting.mark) == ("not_attested", "n/a")  # before: term 1's mark alone
    assert journal.set_final_mark(spot.course_id, term2, spot.pupil_id, 3, "БЖБ 2.9 жазылмады", today=today)
    with db.read() as conn:
        raw = driver_connection(conn)
        attested = term_results.compute(raw, spot.course_id, year, [spot.pupil_id], today)[spot.pupil_id]
    assert attested.status == "graded"
    assert attested.mark == grading.year_mark([terms.mark, 3])  # type: ignore[list-item]


def test_a_pass_fail_subject_gets_a_year_result_from_its_terms(db) -> None:  # type: ignore[no-untyped-def]
    """Worked by hand: passes in every term make a passed year; one term failed (a fail mark alone in it) fails the
    year under the default rule (every term passed). Before: the year of a pass/fail subject was never graded."""
    spot = lesson_spot(db, "passfail")
    today = dt.date(2027, 5, 25)
    with db.write() as conn:
        raw = driver_connection(conn)
        raw.execute("UPDATE lesson_cell SET mark = NULL WHERE pupil_id = ? AND lesson_id IN (SELECT id FROM lesson "
                    "WHERE course_id = ?)", (spot.pupil_id, spot.course_id))
        terms = raw.execute("SELECT id, start_date, end_date FROM period WHERE kind = 'term' "
                            "ORDER BY number").fetchall()
        year = raw.execute("SELECT id FROM period WHERE kind = 'year'").fetchone()[0]
        firsts = [raw.execute("SELECT id FROM lesson WHERE course_id = ? AND date BETWEEN ? AND ? ORDER BY date "
                              "LIMIT 1", (spot.course_id, start, end)).fetchone()[0] for _term_id, start, end in terms]

    def year_with(marks: list[int]) -> grading.Result:
        with db.write() as conn:
            raw = driver_connection(conn)
            for lesson, mark in zip(firsts, marks, strict=True):
                raw.execute("UPDATE lesson_cell SET mark = ? WHERE lesson_id = ? AND pupil_id = ?",
                            (mark, lesson, spot.pupil_id))
                if not raw.execute("SELECT changes()").fetchone()[0]:
                    raw.execute("INSERT INTO lesson_cell (lesson_id, pupil_id, mark, server_version) "
                                "VALUES (?, ?, ?, 0)", (lesson, spot.pupil_id, mark))
        with db.read() as conn:
            return term_results.compute(driver_connection(conn), spot.course_id, year, [spot.pupil_id], today)[
                spot.pupil_id]

    passed = year_with([1, 1, 1, 1])
    assert (passed.status, passed.mark) == ("graded", "pass")
    assert year_with([1, 0, 1, 1]).mark == "fail"
