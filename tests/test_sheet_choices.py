"""What the window's boxes offer, read from the demo school's journal: a teacher's courses (an admin's: all)
by class and subject, and the periods, terms first."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from storage import sheet_choices
from tests import school


def test_a_teachers_courses_are_theirs_then_their_classs_to_read_with_the_subject_in_three_languages(
        db, journal_path) -> None:
    spot = school.lesson_spot(db)
    with db.read() as conn:
        expected = set(conn.execute(text("SELECT id FROM course WHERE teacher_id = :t"),
                                    {"t": spot.teacher_id}).scalars())
        of_class = set(conn.execute(text(
            "SELECT c.id FROM course c JOIN school_class k ON k.id = c.class_id WHERE k.homeroom_teacher_id = :t "
            "AND c.teacher_id != :t"), {"t": spot.teacher_id}).scalars())
        kk, ru, en = conn.execute(text("SELECT s.name_kk, s.name_ru, s.name_en FROM course c JOIN subject s "
                                       "ON s.id = c.subject_id WHERE c.id = :c"), {"c": spot.course_id}).one()
        grade, letter = conn.execute(text("SELECT k.grade, k.letter FROM course c JOIN school_class k "
                                          "ON k.id = c.class_id WHERE c.id = :c"), {"c": spot.course_id}).one()
    raw = sqlite3.connect(journal_path)  # the light reader's kind of connection
    try:
        courses = sheet_choices.courses(raw, spot.teacher_id)
    finally:
        raw.close()

    assert {c.id for c in courses if c.mine} == expected
    assert {c.id for c in courses if not c.mine} == of_class  # the class she is the class teacher of
    assert [c.mine for c in courses] == sorted((c.mine for c in courses), reverse=True)  # hers first
    chosen = next(c for c in courses if c.id == spot.course_id)
    assert chosen.subject == {"kk": kk, "ru": ru, "en": en}
    assert chosen.class_name == f"{grade} {letter}"


def test_an_admin_sees_every_course_by_class(db) -> None:
    with db.read() as conn:
        courses, periods, _classes = sheet_choices.load(conn, None)
        total = conn.execute(text("SELECT count(*) FROM course")).scalar_one()
    assert len(courses) == total
    classes = [tuple(int(part) if part.isdigit() else part for part in c.class_name.split(" ")) for c in courses]
    assert classes == sorted(classes)


def test_the_periods_come_terms_first_then_half_years_then_the_year(db) -> None:
    with db.read() as conn:
        periods = sheet_choices.periods(conn)
    kinds = [p.kind for p in periods]
    assert kinds == sorted(kinds, key=["term", "half_year", "year"].index)
    terms = [p for p in periods if p.kind == "term"]
    assert [p.number for p in terms] == [1, 2, 3, 4]
    assert all(a.end < b.start for a, b in zip(terms, terms[1:], strict=False))
