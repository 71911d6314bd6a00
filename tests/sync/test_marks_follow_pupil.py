"""A pupil moved to the parallel class takes his marks in the subject with him, through a real server and real PCs:
the new class's teacher, who teaches nothing in the old class, gets what he earned there before the move (his
marks and scores, not his old classmates'), and they count in her term result for him: after her next sync, on a
new PC's first download, and when the old teacher corrects one of them later. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from core import grading, term_results
from core.grading import Score
from storage import sheet_choices
from storage.journal_sheet import driver_connection
from tests.server.conftest import backend_db, live_server, postgres, server_template  # noqa: F401
from tests.sync.conftest import Device, synced_pcs
from tests.sync.test_roster import ORDER, _admin, _post

TODAY = dt.date(2026, 12, 4)  # in the second term, after the move


@dataclass
class Parallel:
    course_a: int
    login_a: str
    course_b: int
    class_b: int
    login_b: str
    before: list[str]  # two lessons of course A before the move
    after: str  # a lesson of course B after it


def _parallel(server) -> Parallel:  # type: ignore[no-untyped-def]
    """One subject's criteria courses in two parallel classes, taught by two teachers; B's teacher teaches
    nothing in class A and is not its class teacher (so her PC does not read course A whole)."""
    rows = server.sql(
        "SELECT a.id, ta.username, b.id, b.class_id, tb.username FROM course a "
        "JOIN school_class ka ON ka.school_id = a.school_id AND ka.id = a.class_id "
        "JOIN course b ON b.school_id = a.school_id AND b.subject_id = a.subject_id AND b.class_id <> a.class_id "
        "AND b.teacher_id <> a.teacher_id AND b.scale = 'criteria' AND b.subgroup_id IS NULL "
        "JOIN school_class kb ON kb.school_id = b.school_id AND kb.id = b.class_id AND kb.grade = ka.grade "
        "JOIN teacher ta ON ta.school_id = a.school_id AND ta.id = a.teacher_id "
        "JOIN teacher tb ON tb.school_id = b.school_id AND tb.id = b.teacher_id "
        "WHERE a.school_id = 1 AND a.scale = 'criteria' AND a.subgroup_id IS NULL AND a.hours_per_week > 1 "
        "AND ka.grade BETWEEN 5 AND 9 AND ka.homeroom_teacher_id IS DISTINCT FROM b.teacher_id "
        "AND NOT EXISTS (SELECT 1 FROM course o WHERE o.school_id = a.school_id AND o.class_id = a.class_id "
        "AND o.teacher_id = b.teacher_id) ORDER BY a.id, b.id")
    for course_a, login_a, course_b, class_b, login_b in rows:
        before = [str(r[0]) for r in server.sql(
            "SELECT CAST(id AS TEXT) FROM lesson WHERE course_id = :c AND kind = 'regular' "
            "AND date BETWEEN '2026-11-09' AND '2026-11-13' ORDER BY date, slot LIMIT 2", c=course_a)]
        after = server.sql("SELECT CAST(id AS TEXT) FROM lesson WHERE course_id = :c AND kind = 'regular' "
                           "AND date BETWEEN '2026-11-18' AND '2026-11-27' ORDER BY date, slot LIMIT 1", c=course_b)
        if len(before) == 2 and after:
            return Parallel(course_a, login_a, course_b, class_b, login_b, before, str(after[0][0]))
    raise AssertionError("the demo school has no two parallel classes with one subject's courses of two teachers")


def _score_every_work(pc: Device, course: int, pupil: int, since: str, until: str) -> None:
    """The teacher writes the pupil's score in each summative work of the term held in the span he was in the
    class (one point short of the maximum), so that his term is graded, not «н/а»."""
    for work, top in pc.sql("SELECT id, max_points FROM summative_work WHERE course_id = ? AND date BETWEEN ? AND ? "
                            "AND date >= (SELECT start_date FROM period WHERE kind = 'term' AND number = 2) "
                            "AND NOT EXISTS (SELECT 1 FROM summative_score s WHERE s.work_id = summative_work.id "
                            "AND s.pupil_id = ?)", (course, since, until, pupil)):
        assert pc.journal.enter_score(work, pupil, top - 1)


def _result(pc: Device, course: int, pupil: int) -> grading.Result:
    with pc.db.read() as conn:
        raw = driver_connection(conn)
        term = raw.execute("SELECT id FROM period WHERE kind = 'term' AND number = 2").fetchone()[0]
        return term_results.compute(raw, course, term, [pupil], TODAY)[pupil]


def _expected(server, spot: Parallel, pupil: int, typed: list[int]) -> grading.Result:  # type: ignore[no-untyped-def]
    """The term mark by the rules, from the server's records: the marks he earned in both classes (among them
    those `typed` in this test), the summative works of course A held in the term before he left it and of course
    B since he came, with his scores."""
    [(start, end, grade)] = server.sql("SELECT p.start_date, p.end_date, k.grade FROM period p JOIN school_class k "
                                  "ON k.school_id = p.school_id AND k.id = :k WHERE p.school_id = 1 "
                                  "AND p.kind = 'term' AND p.number = 2 AND p.year_id = k.year_id", k=spot.class_b)
    works = server.sql(
        "SELECT w.kind, w.max_points, s.points FROM summative_work w LEFT JOIN summative_score s "
        "ON s.school_id = w.school_id AND s.work_id = w.id AND s.pupil_id = :p WHERE w.school_id = 1 AND "
        "((w.course_id = :a AND w.date BETWEEN :s AND '2026-11-17') OR (w.course_id = :b AND w.date "
        "BETWEEN '2026-11-18' AND :t))", p=pupil, a=spot.course_a, b=spot.course_b, s=str(start), t=TODAY.isoformat())
    marks = [m for (m,) in server.sql(
        "SELECT x.mark FROM lesson_cell x JOIN lesson l ON l.school_id = x.school_id AND l.id = x.lesson_id "
        "WHERE x.school_id = 1 AND x.pupil_id = :p AND x.mark IS NOT NULL AND ((l.course_id = :a AND l.date "
        "BETWEEN :s AND '2026-11-17') OR (l.course_id = :b AND l.date BETWEEN '2026-11-18' AND :e))",
        p=pupil, a=spot.course_a, b=spot.course_b, s=str(start), e=str(end))]
    assert all(marks.count(m) >= typed.count(m) for m in typed), (typed, marks)
    sor = [Score(points, top) for kind, top, points in works if kind == "sor"]
    soch = [Score(points, top) for kind, top, points in works if kind == "soch"]
    assert Score(12, 15) in sor
    return grading.criteria_term(marks, sor, soch, grading.rule_for(dt.date.fromisoformat(str(start))), grade=grade)


def test_a_moved_pupils_marks_in_the_subject_count_in_his_new_class_and_nobody_elses_reach_its_teacher(
        live_server, tmp_path: Path) -> None:
    spot = _parallel(live_server)
    [old] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    [new] = synced_pcs(tmp_path, live_server.url, spot.login_b, "b")
    pupil = old.sql("SELECT m.pupil_id FROM class_membership m JOIN course c ON c.class_id = m.class_id "
                    "WHERE c.id = ? AND m.to_date IS NULL ORDER BY m.pupil_id LIMIT 1", (spot.course_a,))[0][0]
    # Before the move, in class A: two ФО marks and a СОР with his score (and a classmate's mark, which stays).
    assert old.journal.set_mark(spot.before[0], pupil, 9)
    assert old.journal.set_mark(spot.before[1], pupil, 10)
    classmate = old.sql("SELECT m.pupil_id FROM class_membership m JOIN course c ON c.class_id = m.class_id "
                        "WHERE c.id = ? AND m.pupil_id <> ? ORDER BY m.pupil_id LIMIT 1", (spot.course_a, pupil))[0][0]
    assert old.journal.set_mark(spot.before[0], classmate, 3)
    work = old.journal.add_summative_work(spot.course_a, "sor", "СОР 2.1", 15, dt.date(2026, 11, 12))
    assert old.journal.enter_score(work, pupil, 12)
    _score_every_work(old, spot.course_a, pupil, "0001-01-01", "2026-11-17")
    old.sync()
    answer = _post(_admin(live_server), f"/v1/admin/pupils/{pupil}/move",
                   {"class_id": spot.class_b, "from_date": "2026-11-18", "order": ORDER})
    assert answer.status_code == 200, answer.text

    new.sync()
    assert new.journal.set_mark(spot.after, pupil, 4)
    _score_every_work(new, spot.course_b, pupil, "2026-11-18", TODAY.isoformat())
    new.sync()
    assert _result(new, spot.course_b, pupil).status == "graded"
    assert _result(new, spot.course_b, pupil) == _expected(live_server, spot, pupil, [9, 10, 4])
    # What reached her of class A: his cells and his score, none of his old classmates'.
    assert new.sql("SELECT DISTINCT x.pupil_id FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id "
                   "WHERE l.course_id = ?", (spot.course_a,)) == [(pupil,)]
    assert new.sql("SELECT pupil_id FROM summative_score WHERE work_id = ?", (work,)) == [(pupil,)]
    assert new.sql("SELECT DISTINCT pupil_id FROM class_membership WHERE class_id = (SELECT class_id FROM course "
                   "WHERE id = ?)", (spot.course_a,)) == [(pupil,)]
    assert new.sql("SELECT count(*) FROM pupil WHERE id = ?", (classmate,)) == [(0,)]
    # Class A's journal is not offered to her.
    with new.db.read() as conn:
        offered = {c.id for c in sheet_choices.courses(conn, new.journal.actor_id)}
    assert spot.course_a not in offered

    # The old teacher corrects a mark of his, given before the move: it reaches the new class's teacher too.
    assert old.journal.set_mark(spot.before[1], pupil, 6)
    old.sync()
    new.sync()
    assert _result(new, spot.course_b, pupil) == _expected(live_server, spot, pupil, [9, 6, 4])

    # A new PC of hers downloads the same.
    [fresh] = synced_pcs(tmp_path, live_server.url, spot.login_b, "b-new")
    assert _result(fresh, spot.course_b, pupil) == _result(new, spot.course_b, pupil)
    # The old class's teacher is not sent the new class's journal.
    assert old.sql("SELECT count(*) FROM course WHERE id = ?", (spot.course_b,)) == [(0,)]
    assert all(pc.sql("SELECT count(*) FROM outbox_op") == [(0,)] for pc in (old, new, fresh))
