"""The demo school looks like a Kazakh school: its size, names, curriculum, calendar and timetable."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter

import pytest
from sqlalchemy import text

from core.demo_school import generator
from storage.database import open_database
from tests.conftest import TODAY


def q(db, sql, **params):
    with db.read() as conn:
        return conn.execute(text(sql), params).all()


def test_grades_one_to_eleven_two_letters_about_25_pupils(db):
    classes = q(db, "SELECT grade, letter, language FROM school_class ORDER BY grade, letter")
    assert [(g, letter) for g, letter, _ in classes] == [(g, letter) for g in range(1, 12) for letter in "АБ"]
    assert {lang for *_, lang in classes} == {"kk", "ru"}
    sizes = [n for (n,) in q(db, "SELECT count(*) FROM class_membership WHERE to_date IS NULL GROUP BY class_id")]
    assert all(22 <= n <= 28 for n in sizes), sizes


def test_names_are_kazakh_and_russian(db):
    names = [f"{a} {b}" for a, b in q(db, "SELECT last_name, first_name FROM pupil")]
    assert all(re.fullmatch(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі\- ]+", n) for n in names)
    assert any(re.search("[ӘәҒғҚқҢңӨөҰұҮүІі]", n) for n in names), "Kazakh letters appear"
    assert (any(n.split()[0].endswith(("ова", "ева")) for n in names)
            and any(n.split()[0].endswith(("ов", "ев")) for n in names))
    assert len(set(names)) > 0.8 * len(names)


def test_curriculum_scales_follow_the_rules(db):
    rows = q(db, "SELECT k.grade, s.code, c.scale FROM course c JOIN school_class k ON k.id = c.class_id "
                 "JOIN subject s ON s.id = c.subject_id")
    assert {scale for grade, _, scale in rows if grade == 1} == {"none"}, "grade 1 is not graded"
    assert all(scale == "passfail" for grade, code, scale in rows if code in {"music", "pe"} and grade > 1)
    assert {code for grade, code, _ in rows if grade == 9} >= {"kazakh_lang", "russian", "english", "algebra",
                                                              "geometry", "physics", "chemistry", "biology",
                                                              "kz_history"}
    assert any(scale == "classic" for *_, scale in rows), "a classic-mark course runs beside the criteria ones"


def test_the_year_has_four_terms_and_two_half_years(db):
    periods = q(db, "SELECT kind, number, start_date, end_date FROM period ORDER BY kind, number")
    terms = [(s, e) for kind, _, s, e in periods if kind == "term"]
    # The 2025–26 order's pattern carried to 2026–27 (core/demo_school/calendar.py says why): the terms run
    # between the autumn (26.10–01.11), winter (29.12–07.01) and spring (19.03–29.03) breaks.
    assert terms == [("2026-09-01", "2026-10-25"), ("2026-11-02", "2026-12-28"), ("2027-01-08", "2027-03-18"),
                     ("2027-03-30", "2027-05-25")]
    assert Counter(kind for kind, *_ in periods) == {"term": 4, "half_year": 2, "year": 1}


def test_the_calendar_keeps_holidays_breaks_by_grade_and_moved_days_off(db):
    days_off = q(db, "SELECT from_date, to_date, kind, grade_from, grade_to FROM day_off ORDER BY from_date")
    assert ("2026-12-16", "2026-12-16", "holiday", 0, 12) in days_off  # Independence Day, a Wednesday
    assert ("2027-02-08", "2027-02-14", "break", 1, 1) in days_off  # grade 1's extra week
    assert ("2027-05-10", "2027-05-10", "moved", 0, 12) in days_off  # Victory Day fell on a Sunday
    grades_on = dict(q(db, "SELECT l.date, group_concat(DISTINCT k.grade) FROM lesson l "
                           "JOIN course c ON c.id = l.course_id JOIN school_class k ON k.id = c.class_id "
                           "WHERE l.date IN ('2026-12-16', '2027-02-09', '2027-05-10', '2027-05-11') GROUP BY l.date"))
    assert "2026-12-16" not in grades_on and "2027-05-10" not in grades_on, "no lesson on a day off"
    assert "1" not in grades_on["2027-02-09"].split(",") and "2" in grades_on["2027-02-09"].split(",")
    assert "1" in grades_on["2027-05-11"].split(",")


def test_bells_are_45_minutes_with_short_breaks(db):
    bells = [(dt.time.fromisoformat(a[:8]), dt.time.fromisoformat(b[:8]))
             for a, b in q(db, "SELECT starts, ends FROM bell_slot ORDER BY number")]
    minutes = [(e.hour * 60 + e.minute) - (s.hour * 60 + s.minute) for s, e in bells]
    breaks = [(n[0].hour * 60 + n[0].minute) - (p[1].hour * 60 + p[1].minute) for p, n in itertools.pairwise(bells)]
    assert set(minutes) == {45}
    assert all(5 <= b <= 20 for b in breaks) and max(breaks) == 20


def test_teachers_carry_a_realistic_load(db):
    loads = [h for (h,) in q(db, "SELECT sum(hours_per_week) FROM course GROUP BY teacher_id")]
    assert max(loads) <= 30 and len(loads) >= 40


def test_lessons_follow_the_timetable_and_a_few_weeks_are_filled(db):
    (lessons,) = q(db, "SELECT count(*) FROM lesson")[0]
    (weekly,) = q(db, "SELECT count(*) FROM timetable_entry")[0]
    assert 25 * weekly <= lessons <= 34 * weekly
    (outside,) = q(db, "SELECT count(*) FROM lesson l WHERE NOT EXISTS (SELECT 1 FROM period p WHERE "
                       "p.kind = 'term' AND l.date BETWEEN p.start_date AND p.end_date)")[0]
    assert outside == 0
    filled = q(db, "SELECT min(l.date), max(l.date), count(*) FROM lesson_cell c JOIN lesson l ON l.id = c.lesson_id")
    first, last, cells = filled[0]
    assert first >= "2026-11-01" and last <= TODAY.isoformat() and cells > 10_000
    (topics,) = q(db, "SELECT count(*) FROM lesson WHERE topic IS NOT NULL AND date > :d", d=TODAY.isoformat())[0]
    assert topics == 0, "the future is not filled in"
    kinds = dict(q(db, "SELECT kind, count(*) FROM lesson GROUP BY kind"))
    assert kinds["sor"] > 0 and kinds["soch"] > 0


def test_no_pupil_is_in_two_classes_at_once(db):
    overlaps = q(db, "SELECT a.pupil_id FROM class_membership a JOIN class_membership b ON a.pupil_id = b.pupil_id "
                     "AND a.id < b.id AND a.from_date <= coalesce(b.to_date, '9999') "
                     "AND b.from_date <= coalesce(a.to_date, '9999')")
    assert overlaps == []
    assert len(q(db, "SELECT pupil_id FROM class_membership WHERE to_date IS NOT NULL")) == 1, "one pupil moved"


def test_the_same_seed_and_day_give_the_same_school(tmp_path, db):
    with open_database(tmp_path / "again.db") as again:
        generator.build(again, generator.DEMO, TODAY)
        sql = "SELECT count(*), sum(mark), group_concat(attendance) FROM lesson_cell"
        assert q(again, sql) == q(db, sql)
        assert q(again, "SELECT last_name FROM pupil ORDER BY id") == q(db, "SELECT last_name FROM pupil ORDER BY id")


@pytest.mark.parametrize("today", [dt.date(2026, 9, 3), dt.date(2027, 7, 1)])
def test_filling_stays_inside_the_school_year(tmp_path, today):
    spec = generator.Spec(grades=(5,), letters=("А",), pupils_per_class=10)
    with open_database(tmp_path / "j.db") as db:
        summary = generator.build(db, spec, today)
        year = q(db, "SELECT start_date, end_date FROM academic_year")[0]
    assert year[0] <= summary.filled_from.isoformat() <= summary.filled_to.isoformat() <= year[1]
    assert summary.cells > 0


def test_a_full_year_school_fills_every_term(tmp_path):
    spec = generator.Spec(grades=(7,), letters=("А", "Б"), pupils_per_class=35, weeks_filled=None, mark_rate=0.7)
    with open_database(tmp_path / "large.db") as db:
        summary = generator.build(db, spec, TODAY)
        per_term = q(db, "SELECT p.number, count(*) FROM lesson_cell c JOIN lesson l ON l.id = c.lesson_id "
                         "JOIN period p ON p.kind = 'term' AND l.date BETWEEN p.start_date AND p.end_date "
                         "GROUP BY p.number")
    assert [n for n, _ in per_term] == [1, 2, 3, 4]
    assert summary.pupils >= 66 and summary.cells > 0.5 * summary.pupils * 30 * 30
