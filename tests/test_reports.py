"""«Алтын белгі» candidates and the "2s" report, from final marks set in the journal (final marks stand
over computed ones)."""

from __future__ import annotations

import datetime as dt

from core import school_reports, term_results
from storage.journal_sheet import driver_connection

TODAY = dt.date(2027, 5, 25)


def _class_and_pupils(raw, grade: int):  # type: ignore[no-untyped-def]
    class_id = raw.execute("SELECT id FROM school_class WHERE grade = ? ORDER BY letter LIMIT 1",
                           (grade,)).fetchone()[0]
    pupils = [r[0] for r in raw.execute("SELECT pupil_id FROM class_membership WHERE class_id = ? AND to_date IS NULL "
                                        "ORDER BY pupil_id", (class_id,))]
    courses = raw.execute("SELECT id, hours_per_week, scale FROM course WHERE class_id = ? AND subgroup_id IS NULL "
                          "ORDER BY id", (class_id,)).fetchall()
    return class_id, pupils, courses


def _set_finals(raw, pupil: int, courses, mark_of) -> None:  # type: ignore[no-untyped-def]
    """Final marks for every part (term or half-year) and the year of each course: mark_of(index, course); on a
    pass/fail course a 3 or better is a pass (1), else a fail (0)."""
    for index, (course, hours, scale) in enumerate(courses):
        kind = "half_year" if term_results.half_yearly(hours, scale) else "term"
        periods = [r[0] for r in raw.execute("SELECT id FROM period WHERE kind IN (?, 'year')", (kind,))]
        for period in periods:
            mark = mark_of(index, course)
            raw.execute("INSERT OR REPLACE INTO period_mark (course_id, pupil_id, period_id, final_mark, final_reason, "
                        "server_version) VALUES (?, ?, ?, ?, 'set by the test', 0)",
                        (course, pupil, period, int(mark >= 3) if scale == "passfail" else mark))


def test_golden_candidates_have_nothing_but_fives(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:
        raw = driver_connection(conn)
        class_id, pupils, courses = _class_and_pupils(raw, 11)
        gold, almost = pupils[0], pupils[1]
        groups = raw.execute("SELECT id, hours_per_week, scale FROM course WHERE class_id = ? AND subgroup_id IS NOT "
                             "NULL", (class_id,)).fetchall()
        _set_finals(raw, gold, courses + groups, lambda i, c: 5)
        _set_finals(raw, almost, groups + courses, lambda i, c: 4 if i == len(groups + courses) - 1 else 5)
    with db.read() as conn:
        found = {p.pupil_id for p in school_reports.golden_candidates(driver_connection(conn), TODAY)}
    assert gold in found and almost not in found


def test_a_two_in_one_subject_means_a_year_test_and_in_three_repeating(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:
        raw = driver_connection(conn)
        _class_id, pupils, courses = _class_and_pupils(raw, 7)
        one, three, none = pupils[:3]
        _set_finals(raw, one, courses, lambda i, c: 2 if i == 0 else 4)
        _set_finals(raw, three, courses, lambda i, c: 2 if i < 3 else 4)
        _set_finals(raw, none, courses, lambda i, c: 3)
    with db.read() as conn:
        found = {r.pupil.pupil_id: r for r in school_reports.at_risk(driver_connection(conn), TODAY)}
    assert (len(found[one].failed), found[one].outcome) == (1, "year_test")
    assert (len(found[three].failed), found[three].outcome) == (3, "repeat")
    assert none not in found


def test_a_subject_split_into_groups_counts_like_any_other(db) -> None:  # type: ignore[no-untyped-def]
    """An 11th-grader with 5s in every whole-class subject and a 3 in his English group is no «Алтын белгі»
    candidate; one with 5s in his group too is (Order No. 193: subgroups count like any other subject)."""
    with db.write() as conn:
        raw = driver_connection(conn)
        class_id, pupils, courses = _class_and_pupils(raw, 11)
        grouped = raw.execute(
            "SELECT c.id, c.hours_per_week, c.scale, m.pupil_id FROM course c JOIN subgroup_member m "
            "ON m.subgroup_id = c.subgroup_id AND m.to_date IS NULL WHERE c.class_id = ? ORDER BY c.id, m.pupil_id",
            (class_id,)).fetchall()
        assert grouped, "the demo school's 11th grade has group courses"
        in_group = sorted({p for *_, p in grouped})
        three, gold = in_group[0], in_group[1]
        for pupil in (three, gold):
            _set_finals(raw, pupil, courses, lambda i, c: 5)
            his = [(c, h, s) for c, h, s, p in grouped if p == pupil]
            low = 3 if pupil == three else 5
            _set_finals(raw, pupil, his, lambda i, c, low=low: low if i == 0 else 5)
    with db.read() as conn:
        found = {p.pupil_id: p for p in school_reports.golden_candidates(driver_connection(conn), TODAY)}
    assert gold in found and three not in found
    assert len(found[gold].subjects) > len(courses), "his group subjects are listed with the others"
