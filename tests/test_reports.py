"""«Алтын белгі» candidates and the "2s" report, from final marks set in the journal (final marks stand
over computed ones)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

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
        found = {p.pupil_id for p in school_reports.golden_candidates(driver_connection(conn), [class_id], TODAY)}
    assert gold in found and almost not in found


def test_a_two_in_one_subject_means_a_year_test_and_in_three_repeating(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:
        raw = driver_connection(conn)
        class_id, pupils, courses = _class_and_pupils(raw, 7)
        one, three, none = pupils[:3]
        _set_finals(raw, one, courses, lambda i, c: 2 if i == 0 else 4)
        _set_finals(raw, three, courses, lambda i, c: 2 if i < 3 else 4)
        _set_finals(raw, none, courses, lambda i, c: 3)
    with db.read() as conn:
        found = {r.pupil.pupil_id: r for r in school_reports.at_risk(driver_connection(conn), [class_id], TODAY)}
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
        found = {p.pupil_id: p for p in school_reports.golden_candidates(driver_connection(conn), [class_id], TODAY)}
    assert gold in found and three not in found
    assert len(found[gold].subjects) > len(courses), "his group subjects are listed with the others"


def test_the_end_of_term_report_counts_marks_quality_and_success(db) -> None:  # type: ignore[no-untyped-def]
    """Worked by hand for one subject of a 7th grade in term 1, its pupils' final marks set to 5, 5, 4, 3, 2 and
    the rest 4: of n pupils, 4s and 5s are n − 2, so quality = (n − 2) ÷ n; success = (n − 1) ÷ n."""
    with db.write() as conn:
        raw = driver_connection(conn)
        class_id, pupils, courses = _class_and_pupils(raw, 7)
        course = next(c for c in courses if not term_results.half_yearly(c[1], c[2]) and c[2] != "passfail")
        subject = raw.execute("SELECT CASE (SELECT language FROM school) WHEN 'ru' THEN s.name_ru WHEN 'en' THEN "
                              "s.name_en ELSE s.name_kk END FROM subject s JOIN course c ON c.subject_id = s.id "
                              "WHERE c.id = ?",
                              (course[0],)).fetchone()[0]
        term1, end = raw.execute("SELECT id, end_date FROM period WHERE kind = 'term' AND number = 1").fetchone()
        pupils = [r[0] for r in raw.execute(  # those in the class at the term's end
            "SELECT pupil_id FROM class_membership WHERE class_id = ? AND from_date <= ? AND (to_date IS NULL OR "
            "to_date >= ?) ORDER BY pupil_id", (class_id, end, end))]
        marks = [5, 5, 4, 3, 2] + [4] * (len(pupils) - 5)
        for pupil, mark in zip(pupils, marks, strict=True):
            raw.execute("INSERT OR REPLACE INTO period_mark (course_id, pupil_id, period_id, final_mark, final_reason, "
                        "server_version) VALUES (?, ?, ?, ?, 'set by the test', 0)", (course[0], pupil, term1, mark))
    with db.read() as conn:
        lines = {line.subject: line for line in school_reports.term_report(driver_connection(conn), class_id, term1,
                                                                           TODAY)}
    n = len(pupils)
    line = lines[subject]
    assert line.counts == {5: 2, 4: n - 4, 3: 1, 2: 1}
    assert line.quality == Fraction(100 * (n - 2), n)
    assert line.success == Fraction(100 * (n - 1), n)
    assert len(lines) > 1, "the class's other subjects are reported too"


def test_attendance_counts_each_kind_of_absence_in_the_period(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:
        raw = driver_connection(conn)
        class_id, pupils, _courses = _class_and_pupils(raw, 7)
        term1, start, end = raw.execute("SELECT id, start_date, end_date FROM period WHERE kind = 'term' "
                                        "AND number = 1").fetchone()
        pupil = pupils[0]
        raw.execute("UPDATE lesson_cell SET attendance = NULL WHERE pupil_id = ?", (pupil,))
        lessons = [r[0] for r in raw.execute(
            "SELECT l.id FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.class_id = ? AND c.subgroup_id IS "
            "NULL AND l.date BETWEEN ? AND ? ORDER BY l.date, l.slot LIMIT 6", (class_id, start, end))]
        after = raw.execute("SELECT l.id FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.class_id = ? "
                            "AND l.date > ? LIMIT 1", (class_id, end)).fetchone()[0]
        for lesson, code in zip([*lessons, after], ["ill", "ill", "absent", "excused", "late", "late", "absent"],
                                strict=True):
            raw.execute("INSERT INTO lesson_cell (lesson_id, pupil_id, attendance, server_version) VALUES (?, ?, ?, 0) "
                        "ON CONFLICT (lesson_id, pupil_id) DO UPDATE SET attendance = excluded.attendance",
                        (lesson, pupil, code))
    with db.read() as conn:
        found = {a.pupil_id: a for a in school_reports.attendance(driver_connection(conn), class_id, term1)}
    his = found[pupil]
    # 2 ill + 1 without a reason + 1 excused = 4 missed; 2 late (there); the absence after the term is not counted
    assert (his.missed, his.ill, his.without_reason, his.excused, his.late) == (4, 2, 1, 1, 2)
    assert set(found) >= set(pupils)


def test_the_days_absentees_are_listed_by_class_with_their_lessons(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:
        raw = driver_connection(conn)
        class_id, pupils, _courses = _class_and_pupils(raw, 7)
        day = "2026-11-18"
        raw.execute("UPDATE lesson_cell SET attendance = NULL WHERE lesson_id IN (SELECT id FROM lesson "
                    "WHERE date = ?)", (day,))
        lessons = raw.execute("SELECT l.id, l.slot FROM lesson l JOIN course c ON c.id = l.course_id WHERE "
                              "c.class_id = ? AND c.subgroup_id IS NULL AND l.date = ? ORDER BY l.slot",
                              (class_id, day)).fetchall()
        for (lesson, _slot), code in zip(lessons[:2], ["ill", "late"], strict=True):
            raw.execute("INSERT INTO lesson_cell (lesson_id, pupil_id, attendance, server_version) VALUES (?, ?, ?, 0) "
                        "ON CONFLICT (lesson_id, pupil_id) DO UPDATE SET attendance = excluded.attendance",
                        (lesson, pupils[1], code))
    with db.read() as conn:
        found = school_reports.absentees(driver_connection(conn), [class_id], dt.date(2026, 11, 18))
        others = school_reports.absentees(driver_connection(conn), [], dt.date(2026, 11, 18))
    assert [(a.pupil_id, a.lessons) for a in found] == [(pupils[1], ((lessons[0][1], "ill"), (lessons[1][1], "late")))]
    assert others == []
