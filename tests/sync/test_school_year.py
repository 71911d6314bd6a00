"""A school year from September to May through a real server and three teachers' PCs that downloaded their
journals in September: the admin keeps the school in the console (an arrival, a departure, a move, a timetable
change, a course given to another teacher, a week of substitution, a quarantine) while the teachers write in their
lessons and sync; at the end every PC holds exactly what the server holds of its courses. On SQLite, PostgreSQL
and Citus."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from server import demo
from tests.server.conftest import (  # noqa: F401  (fixtures)
    LiveServer,
    citus,
    citus_template,
    every_db,
    postgres,
    running_server,
    server_template,
)
from tests.sync.conftest import Device, synced_pcs
from tests.sync.test_roster import _spot


class Console:
    """The admin's console as her browser uses it: a signed-in session, each form with the page's CSRF token."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, follow_redirects=False, timeout=60)
        signed_in = self.http.post("/console/login", data={"username": demo.ADMIN_LOGIN,
                                                            "password": demo.DEMO_PASSWORD})
        assert signed_in.status_code == 303
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', self.http.get("/console/classes").text)
        assert found is not None
        self.csrf = found.group(1)

    def post(self, path: str, **form: str | list[str]) -> str:
        """Send a form; the page it leads to (a refusal fails the test with the page's error)."""
        answer = self.http.post(path, data={**form, "csrf": self.csrf})
        assert answer.status_code == 303, re.findall(r'id="error">([^<]*)', answer.text)
        return answer.headers["location"]


@pytest.fixture
def live_server(every_db: str) -> Iterator[LiveServer]:
    """The server on SQLite, PostgreSQL and a Citus cluster distributed by school."""
    with running_server(every_db) as server:
        yield server


@pytest.fixture
def console(live_server: LiveServer) -> Iterator[Console]:
    console = Console(live_server.url)
    yield console
    console.http.close()


def _lessons(server: LiveServer, course: int, since: str, until: str) -> list[str]:
    return [str(r[0]) for r in server.sql("SELECT CAST(id AS TEXT) FROM lesson WHERE course_id = :c AND date "
                                          "BETWEEN :s AND :u ORDER BY date, slot", c=course, s=since, u=until)]


def _write(pc: Device, lesson: str, code: str = "late") -> None:
    """The teacher marks the first pupil of the lesson's class present that day as late, and syncs."""
    [(course, day)] = pc.sql("SELECT course_id, date FROM lesson WHERE id = ?", (lesson,))
    pupil = pc.sql("SELECT m.pupil_id FROM class_membership m JOIN course c ON c.class_id = m.class_id "
                   "WHERE c.id = ? AND m.from_date <= ? AND (m.to_date IS NULL OR m.to_date >= ?) ORDER BY m.pupil_id "
                   "LIMIT 1", (course, day, day))[0][0]
    pc.journal.set_attendance(lesson, pupil, code)
    pc.sync()


def _partly(pc: Device, server: LiveServer, courses: list[int]) -> dict[int, list[int]]:
    """The PC's courses it holds for some pupils alone, with those pupils: a course of another class in the subject
    of a course the teacher reads whole (hers, or of the class she is the class teacher of), for the pupils who
    moved from that class into the other (their marks follow them: server.pull.Readable.carried)."""
    [(teacher,)] = server.sql("SELECT id FROM teacher WHERE school_id = 1 AND username = :u", u=pc.username)
    ids = ",".join(map(str, courses)) or "-1"
    whole = {c for (c,) in server.sql(
        "SELECT c.id FROM course c JOIN school_class k ON k.school_id = c.school_id AND k.id = c.class_id "
        f"WHERE c.school_id = 1 AND c.id IN ({ids}) AND (c.teacher_id = :t OR k.homeroom_teacher_id = :t)",
        t=teacher)}
    out: dict[int, list[int]] = {}
    for course in sorted(set(courses) - whole - set(_substituted(server, pc, courses))):
        out[course] = sorted({p for (p,) in server.sql(
            "SELECT was.pupil_id FROM course a JOIN class_membership was ON was.school_id = a.school_id "
            "AND was.class_id = a.class_id JOIN class_membership now ON now.school_id = a.school_id "
            "AND now.pupil_id = was.pupil_id AND now.from_date > was.from_date JOIN course b "
            "ON b.school_id = a.school_id AND b.class_id = now.class_id AND b.subject_id = a.subject_id "
            f"WHERE a.school_id = 1 AND a.id = :a AND b.id IN ({','.join(map(str, sorted(whole))) or '-1'})",
            a=course)})
        assert out[course], f"{pc.username} holds course {course}, which it may not read"
    return out


def _substituted(server: LiveServer, pc: Device, courses: list[int]) -> list[int]:
    """The PC's courses whose teacher it is not, in which its teacher gave some lessons (a substitute, or their
    former teacher): of these it holds those lessons alone."""
    return [c for (c,) in server.sql(
        "SELECT DISTINCT l.course_id FROM lesson l JOIN course c ON c.school_id = l.school_id AND c.id = l.course_id "
        "JOIN teacher t ON t.school_id = l.school_id AND t.id = l.substitute_teacher_id "
        f"WHERE l.school_id = 1 AND t.username = :u AND c.teacher_id <> t.id AND l.course_id IN "
        f"({','.join(map(str, courses)) or '-1'})", u=pc.username)]


def _same_as_the_server(pc: Device, server: LiveServer) -> None:
    """What the PC holds of its courses is what the server holds: lessons, cells, timetable, the classes' rosters
    and the days off of their grades; of a course it holds for the pupils who moved from its class alone, those
    pupils' cells and places."""
    courses = sorted(c for (c,) in pc.sql("SELECT id FROM course"))
    ids = ",".join(map(str, courses)) or "-1"  # (a teacher left with no course: nothing on either side)
    partly = _partly(pc, server, courses)
    # A cell or a place of a pupil of a course held for some pupils, not one of them: neither side counts it.
    others = " OR ".join(f"({{course}} = {c} AND {{pupil}} NOT IN ({','.join(map(str, p))}))"
                         for c, p in partly.items()) or "0 = 1"
    whole_ids = ",".join(str(c) for c in courses if c not in partly) or "-1"
    # Of a course whose lessons it holds only where its teacher gave them: those lessons alone.
    [(teacher,)] = server.sql("SELECT id FROM teacher WHERE school_id = 1 AND username = :u", u=pc.username)
    given = " OR ".join(f"({{lesson}}.course_id = {c} AND {{lesson}}.substitute_teacher_id IS DISTINCT FROM {teacher})"
                        for c in _substituted(server, pc, courses)) or "0 = 1"
    # (on the PC, on the server): the server's queries name the school on every join (on Citus: its shard)
    school = "school_id = 1"
    checks = {
        "lessons": (f"SELECT CAST(id AS TEXT), date, slot, substitute_teacher_id FROM lesson "
                    f"WHERE course_id IN ({ids})",
                    f"SELECT CAST(id AS TEXT), date, slot, substitute_teacher_id FROM lesson WHERE {school} "
                    f"AND course_id IN ({ids}) AND NOT ({given.format(lesson='lesson')})"),
        "cells": (f"SELECT CAST(c.lesson_id AS TEXT), c.pupil_id, c.attendance, c.mark, c.comment FROM lesson_cell c "
                  f"JOIN lesson l ON l.id = c.lesson_id WHERE l.course_id IN ({ids}) "
                  f"AND NOT ({others.format(course='l.course_id', pupil='c.pupil_id')})",
                  f"SELECT CAST(c.lesson_id AS TEXT), c.pupil_id, c.attendance, c.mark, c.comment FROM lesson_cell c "
                  f"JOIN lesson l ON l.school_id = c.school_id AND l.id = c.lesson_id WHERE c.{school} "
                  f"AND l.course_id IN ({ids}) AND NOT ({others.format(course='l.course_id', pupil='c.pupil_id')}) "
                  f"AND NOT ({given.format(lesson='l')})"),
        "timetable": (f"SELECT course_id, weekday, slot, valid_from, valid_to FROM timetable_entry "
                      f"WHERE course_id IN ({whole_ids})",
                      f"SELECT course_id, weekday, slot, valid_from, valid_to FROM timetable_entry "
                      f"WHERE {school} AND course_id IN ({whole_ids})"),
        "memberships": (f"SELECT pupil_id, class_id, from_date, to_date FROM class_membership WHERE class_id IN "
                        f"(SELECT class_id FROM course WHERE id IN ({whole_ids})) OR pupil_id IN "
                        f"({','.join(str(p) for ps in partly.values() for p in ps) or '-1'})",
                        f"SELECT pupil_id, class_id, from_date, to_date FROM class_membership WHERE {school} "
                        f"AND (class_id IN (SELECT class_id FROM course WHERE {school} AND id IN ({whole_ids})) "
                        f"OR (pupil_id IN ({','.join(str(p) for ps in partly.values() for p in ps) or '-1'}) "
                        f"AND class_id IN (SELECT class_id FROM course WHERE {school} AND id IN ({ids}))))"),
        "days off": ("SELECT d.from_date, d.to_date, d.grade_from, d.grade_to, d.name FROM day_off d WHERE EXISTS "
                     f"(SELECT 1 FROM course c JOIN school_class k ON k.id = c.class_id WHERE c.id IN ({ids}) "
                     "AND k.grade BETWEEN d.grade_from AND d.grade_to)",
                     f"SELECT d.from_date, d.to_date, d.grade_from, d.grade_to, d.name FROM day_off d WHERE d.{school} "
                     "AND EXISTS (SELECT 1 FROM course c JOIN school_class k ON k.school_id = c.school_id "
                     f"AND k.id = c.class_id WHERE c.school_id = d.school_id AND c.id IN ({ids}) "
                     "AND k.grade BETWEEN d.grade_from AND d.grade_to)"),
    }
    for what, (on_pc_query, on_server_query) in checks.items():
        on_pc = sorted(tuple(str(v) if v is not None else None for v in row) for row in pc.sql(on_pc_query))
        on_server = sorted(tuple(str(v) if v is not None else None for v in row)
                           for row in server.sql(on_server_query))
        assert on_pc == on_server, f"{pc.username}'s {what} differ from the server's"


def test_a_school_year_with_its_changes_ends_with_every_pc_equal_to_the_server(
        live_server: LiveServer, console: Console, tmp_path: Path) -> None:
    server = live_server
    spot = _spot(server)
    course_a, course_b = spot.course_a, spot.course_b
    [(grade,)] = server.sql("SELECT grade FROM school_class WHERE id = :k", k=spot.class_a)
    # A third teacher, free at every lesson of course A in the week of 1 March: she substitutes then, and takes
    # course B over in February.
    week = server.sql("SELECT date, slot FROM lesson WHERE course_id = :c AND date BETWEEN '2027-03-01' AND "
                      "'2027-03-05'", c=course_a)
    times = " OR ".join(f"(l.date = '{d}' AND l.slot = {s})" for d, s in week)
    busy = {t for (t,) in server.sql("SELECT c.teacher_id FROM lesson l JOIN course c ON c.school_id = l.school_id "
                                     f"AND c.id = l.course_id WHERE {times}")}
    b_week = {(w, s) for w, s in server.sql("SELECT weekday, slot FROM timetable_entry WHERE course_id = :c",
                                            c=course_b)}
    third = next(
        (t, login) for t, login in server.sql(
            "SELECT t.id, t.username FROM teacher t WHERE EXISTS (SELECT 1 FROM course c "
            "WHERE c.school_id = t.school_id AND c.teacher_id = t.id) ORDER BY t.id")
        if t not in busy and login not in (spot.login_a, spot.login_b) and not b_week & {
            (w, s) for w, s in server.sql("SELECT e.weekday, e.slot FROM timetable_entry e JOIN course c "
                                          "ON c.school_id = e.school_id AND c.id = e.course_id WHERE c.teacher_id = :t",
                                          t=t)})
    teacher_c, login_c = third
    [pc_a] = synced_pcs(tmp_path, server.url, spot.login_a, "a")
    [pc_b] = synced_pcs(tmp_path, server.url, spot.login_b, "b")
    [pc_c] = synced_pcs(tmp_path, server.url, login_c, "c")
    pcs = (pc_a, pc_b, pc_c)

    # September–October: the teachers write; a pupil arrives in class A.
    _write(pc_a, _lessons(server, course_a, "2026-09-07", "2026-09-11")[0])
    _write(pc_b, _lessons(server, course_b, "2026-09-07", "2026-09-11")[0])
    console.post("/console/pupils", class_id=str(spot.class_a), last_name="Жұмабаев", first_name="Ерлан",
                 from_date="2026-10-05", order="№ 41, 02.10.2026")
    # November: a pupil of class B leaves; one of class A moves to class B.
    leaver = pc_b.sql("SELECT pupil_id FROM class_membership WHERE class_id = ? ORDER BY pupil_id DESC LIMIT 1",
                      (spot.class_b,))[0][0]
    console.post(f"/console/pupils/{leaver}/leave", class_id=str(spot.class_b), last_day="2026-11-13",
                 order="№ 77, 13.11.2026")
    mover = pc_a.sql("SELECT pupil_id FROM class_membership WHERE class_id = ? ORDER BY pupil_id LIMIT 1 OFFSET 1",
                     (spot.class_a,))[0][0]
    console.post(f"/console/pupils/{mover}/move", from_class=str(spot.class_a), class_id=str(spot.class_b),
                 from_date="2026-11-16", order="№ 78, 13.11.2026")
    for pc in pcs:
        pc.sync()
    _write(pc_b, _lessons(server, course_b, "2026-11-16", "2026-11-20")[0])
    # January: course A's week changes from 11 January.
    old = {(w, s) for w, s in server.sql("SELECT weekday, slot FROM timetable_entry WHERE course_id = :c",
                                         c=course_a)}
    busy_a = {(w, s) for w, s in server.sql(
        "SELECT e.weekday, e.slot FROM timetable_entry e JOIN course c ON c.school_id = e.school_id "
        "AND c.id = e.course_id JOIN course a ON a.school_id = c.school_id AND a.id = :c "
        "WHERE (c.class_id = a.class_id OR c.teacher_id = a.teacher_id OR c.teacher_id = :t) "
        "AND e.valid_to IS NULL", c=course_a, t=teacher_c)}
    free = next((w, s) for s in range(1, 8) for w in range(1, 6) if (w, s) not in busy_a)
    new_week = sorted(old)[1:] + [free]
    console.post(f"/console/courses/{course_a}/week", from_date="2027-01-11",
                 slot=[f"{w}-{s}" for w, s in new_week])
    # February: course B goes to the third teacher.
    console.post(f"/console/courses/{course_b}/teacher", teacher_id=str(teacher_c), from_date="2027-02-01")
    for pc in pcs:
        pc.sync()
    _write(pc_c, _lessons(server, course_b, "2027-02-01", "2027-02-05")[0])
    # March: a week of substitution in course A by the third teacher, who writes there.
    console.post(f"/console/courses/{course_a}/substitute", teacher_id=str(teacher_c), from_date="2027-03-01",
                 to_date="2027-03-05")
    pc_c.sync()
    _write(pc_c, _lessons(server, course_a, "2027-03-01", "2027-03-05")[0], "absent")
    console.post(f"/console/courses/{course_a}/substitute", teacher_id="", from_date="2027-03-01",
                 to_date="2027-03-05")
    # April: a quarantine of the grade for two days; May: the last lessons written.
    console.post("/console/calendar", from_date="2027-04-12", to_date="2027-04-13", kind="break",
                 grade_from=str(grade), grade_to=str(grade), name="Карантин")
    for pc in pcs:
        pc.sync()
    _write(pc_a, _lessons(server, course_a, "2027-05-17", "2027-05-21")[0])
    _write(pc_c, _lessons(server, course_b, "2027-05-17", "2027-05-21")[0])
    for pc in pcs:
        pc.sync()

    # B's course went to C from February: B keeps the lessons she gave before, and only those.
    assert pc_b.sql("SELECT min(date) < '2027-02-01', max(date) < '2027-02-01' FROM lesson WHERE course_id = ?",
                    (course_b,)) == [(1, 1)], "B's lessons before February stay hers"
    assert pc_b.sql("SELECT count(*) FROM summative_work WHERE course_id = ? AND (lesson_id IS NULL OR lesson_id "
                    "NOT IN (SELECT id FROM lesson))", (course_b,)) == [(0,)], "no work but those of her lessons"
    assert pc_b.sql("SELECT count(*) FROM period_mark WHERE course_id = ?", (course_b,)) == [(0,)]
    assert {c for (c,) in pc_c.sql("SELECT id FROM course")} >= {course_b}
    assert course_a not in {c for (c,) in pc_c.sql("SELECT id FROM course")}, "the substitution is over"
    assert not [row for row in server.sql(
        "SELECT l.date FROM lesson l JOIN course c ON c.school_id = l.school_id AND c.id = l.course_id "
        "WHERE c.id IN (:a, :b) "
        "AND l.date BETWEEN '2027-04-12' AND '2027-04-13'", a=course_a, b=course_b)], "no lesson in the quarantine"
    assert all(dt.date.fromisoformat(str(d)) < dt.date(2027, 1, 11) or (dt.date.fromisoformat(str(d)).isoweekday(),
                                                                        s) in new_week
               for d, s in server.sql("SELECT date, slot FROM lesson WHERE course_id = :c AND kind = 'regular' "
                                      "AND topic IS NULL", c=course_a)), "course A follows its new week"
    for pc in pcs:
        assert pc.sql("SELECT count(*) FROM outbox_op") == [(0,)]
        _same_as_the_server(pc, server)
