"""The roster through the year, through a real server and real PCs that already did their first download: the
school's admin records a pupil's arrival, departure or move (the admin API, as the console sends it); the PCs
sync; each teacher's grid shows the class as it now is, takes marks exactly on the days the pupil is in the class,
and nothing typed before is lost. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from core.errors import PupilNotInCourse
from storage import journal_sheet
from storage.journal_sheet import JournalSheet
from tests.server.conftest import Api, backend_db, live_server, postgres, server_template  # noqa: F401
from tests.sync.conftest import Device, synced_pcs

ORDER = "№ 112, 13.11.2026"


@dataclass
class Spot:
    course_a: int
    class_a: int
    login_a: str
    course_b: int
    class_b: int
    login_b: str
    before: str  # a lesson of course A before 2026-11-16
    after: str  # a lesson of course A from 2026-11-18 to 2026-11-20
    in_b: str  # a lesson of course B from 2026-11-18 to 2026-11-20


def _spot(server) -> Spot:  # type: ignore[no-untyped-def]
    """Two parallel classes of one grade, each with a criteria course of its own teacher; B's teacher has no course
    in class A and is not its class teacher."""
    courses = server.sql(
        "SELECT c.id, c.class_id, t.username, k.grade, t.id FROM course c "
        "JOIN teacher t ON t.school_id = c.school_id AND t.id = c.teacher_id "
        "JOIN school_class k ON k.school_id = c.school_id AND k.id = c.class_id "
        "WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL AND k.grade BETWEEN 5 AND 6 ORDER BY c.id")
    for a in courses:
        for b in courses:
            if b[3] == a[3] and b[1] != a[1] and b[4] != a[4] and not server.sql(
                    "SELECT 1 FROM course WHERE teacher_id = :t AND class_id = :k UNION "
                    "SELECT 1 FROM school_class WHERE id = :k AND homeroom_teacher_id = :t", t=b[4], k=a[1]):
                lessons = (_lesson(server, a[0], "2026-11-03", "2026-11-13"),
                           _lesson(server, a[0], "2026-11-18", "2026-11-20"),
                           _lesson(server, b[0], "2026-11-18", "2026-11-20"))
                if all(lessons):
                    return Spot(a[0], a[1], a[2], b[0], b[1], b[2], *lessons)  # type: ignore[arg-type]
    raise AssertionError("the demo school has no two parallel classes with criteria courses of two teachers")


def _lesson(server, course: int, start: str, end: str) -> str | None:  # type: ignore[no-untyped-def]
    rows = server.sql("SELECT CAST(id AS TEXT) FROM lesson WHERE course_id = :c AND kind = 'regular' "
                      "AND date BETWEEN :s AND :e ORDER BY date, slot LIMIT 1", c=course, s=start, e=end)
    return str(rows[0][0]) if rows else None


def _admin(server) -> Api:  # type: ignore[no-untyped-def]
    api = server.client()
    assert api.login("admin").status_code == 200
    return api


def _post(api: Api, path: str, body: dict) -> httpx.Response:
    return api.http.post(path, json=body, headers=api.headers())


def _sheet(pc: Device, course_id: int) -> JournalSheet:
    with pc.db.read() as conn:
        term = conn.exec_driver_sql("SELECT id FROM period WHERE kind = 'term' AND number = 2").scalar_one()
        return journal_sheet.load(conn, course_id, term)


def _row(sheet: JournalSheet, pupil_id: int):  # type: ignore[no-untyped-def]
    found = [p for p in sheet.pupils if p.id == pupil_id]
    return found[0] if found else None


def _server_mark(server, lesson: str, pupil: int):  # type: ignore[no-untyped-def]
    rows = server.sql("SELECT mark FROM lesson_cell WHERE CAST(lesson_id AS TEXT) = :l AND pupil_id = :p",
                      l=lesson, p=pupil)
    return rows[0][0] if rows else None


def test_a_pupil_who_arrives_mid_term_reaches_every_pc_of_his_class_and_takes_marks_from_his_first_day(
        live_server, tmp_path: Path) -> None:
    spot = _spot(live_server)
    school_pc, home_pc = synced_pcs(tmp_path, live_server.url, spot.login_a, "a-school", "a-home")
    outsider = live_server.sql(  # a teacher with courses, none of them in class A, and not its class teacher
        "SELECT t.username FROM teacher t WHERE EXISTS (SELECT 1 FROM course c WHERE c.teacher_id = t.id) "
        "AND NOT EXISTS (SELECT 1 FROM course c WHERE c.teacher_id = t.id AND c.class_id = :k) "
        "AND NOT EXISTS (SELECT 1 FROM school_class k WHERE k.id = :k AND k.homeroom_teacher_id = t.id) "
        "ORDER BY t.id LIMIT 1",
        k=spot.class_a)[0][0]
    other = synced_pcs(tmp_path, live_server.url, outsider, "other")[0]
    answer = _post(_admin(live_server), "/v1/admin/pupils", {
        "class_id": spot.class_a, "last_name": "Әлиев", "first_name": "Нұрлан", "sex": "m",
        "birth_date": "2014-03-02", "from_date": "2026-11-16", "order": ORDER})
    assert answer.status_code == 200, answer.text
    pupil = answer.json()["pupil_id"]
    school_pc.sync()
    row = _row(_sheet(school_pc, spot.course_a), pupil)
    assert row is not None and row.name == "Әлиев Нұрлан" and row.active_from == dt.date(2026, 11, 16)
    with pytest.raises(PupilNotInCourse):  # a lesson before he came
        school_pc.journal.set_mark(spot.before, pupil, 7)
    assert school_pc.journal.set_mark(spot.after, pupil, 8)
    school_pc.sync()
    assert _server_mark(live_server, spot.after, pupil) == 8
    home_pc.sync()
    sheet = _sheet(home_pc, spot.course_a)
    row = _row(sheet, pupil)
    assert row is not None
    assert sheet.cells[(sheet.row_of[pupil], sheet.column_of[spot.after])][1] == 8
    other.sync()  # a teacher of another class does not get him
    assert other.sql("SELECT count(*) FROM pupil WHERE id = ?", (pupil,))[0][0] == 0
    assert all(pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0 for pc in (school_pc, home_pc, other))


def test_a_pupil_who_leaves_is_kept_with_his_marks_until_his_last_day_and_takes_none_after(
        live_server, tmp_path: Path) -> None:
    spot = _spot(live_server)
    [pc] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    pupil = _sheet(pc, spot.course_a).pupils[0].id
    assert pc.journal.set_mark(spot.before, pupil, 9)
    pc.sync()
    answer = _post(_admin(live_server), f"/v1/admin/pupils/{pupil}/leave", {"last_day": "2026-11-17",
                                                                          "order": ORDER})
    assert answer.status_code == 200, answer.text
    pc.sync()
    sheet = _sheet(pc, spot.course_a)
    row = _row(sheet, pupil)
    assert row is not None and row.active_to == dt.date(2026, 11, 17)  # shown until his last day
    assert sheet.cells[(sheet.row_of[pupil], sheet.column_of[spot.before])][1] == 9  # his marks stay
    assert not sheet.editable(sheet.row_of[pupil], sheet.column_of[spot.after])
    with pytest.raises(PupilNotInCourse):
        pc.journal.set_mark(spot.after, pupil, 6)
    assert _server_mark(live_server, spot.before, pupil) == 9


def test_a_pupil_who_moves_to_the_parallel_class_reaches_its_teacher_and_his_old_class_keeps_him_until_the_day(
        live_server, tmp_path: Path) -> None:
    spot = _spot(live_server)
    [old] = synced_pcs(tmp_path, live_server.url, spot.login_a, "a")
    [new] = synced_pcs(tmp_path, live_server.url, spot.login_b, "b")
    pupil = _sheet(old, spot.course_a).pupils[-1].id
    assert new.sql("SELECT count(*) FROM pupil WHERE id = ?", (pupil,))[0][0] == 0
    answer = _post(_admin(live_server), f"/v1/admin/pupils/{pupil}/move",
                   {"class_id": spot.class_b, "from_date": "2026-11-18", "order": ORDER})
    assert answer.status_code == 200, answer.text
    old.sync()
    new.sync()
    row = _row(_sheet(old, spot.course_a), pupil)
    assert row is not None and row.active_to == dt.date(2026, 11, 17)
    row = _row(_sheet(new, spot.course_b), pupil)
    assert row is not None and row.active_from == dt.date(2026, 11, 18)
    assert new.journal.set_mark(spot.in_b, pupil, 10)
    with pytest.raises(PupilNotInCourse):
        old.journal.set_mark(spot.after, pupil, 5)
    new.sync()
    assert _server_mark(live_server, spot.in_b, pupil) == 10


def test_a_roster_change_that_does_not_fit_is_refused_with_its_cause_and_changes_nothing(
        live_server, tmp_path: Path) -> None:
    spot = _spot(live_server)
    admin = _admin(live_server)
    pupil = live_server.sql("SELECT pupil_id FROM class_membership WHERE class_id = :k AND to_date IS NULL "
                            "ORDER BY pupil_id LIMIT 1", k=spot.class_a)[0][0]
    before = live_server.sql("SELECT (SELECT count(*) FROM pupil), (SELECT count(*) FROM class_membership), "
                             "(SELECT count(*) FROM change)")[0]
    arrival = {"class_id": spot.class_a, "last_name": "Сейтов", "first_name": "Арман", "from_date": "2026-11-16",
               "order": ORDER}
    refusals = [
        ("/v1/admin/pupils", dict(arrival, class_id=999999), 404, "no_such_class"),
        ("/v1/admin/pupils", dict(arrival, from_date="2027-08-01"), 422, "date_outside_year"),
        ("/v1/admin/pupils", dict(arrival, last_name="  "), 422, "name_required"),
        ("/v1/admin/pupils", dict(arrival, order=""), 422, "order_required"),
        ("/v1/admin/pupils", dict(arrival, sex="x"), 422, "bad_sex"),
        (f"/v1/admin/pupils/{pupil}/leave", {"last_day": "2026-08-01", "order": ORDER}, 422, "date_before_joining"),
        ("/v1/admin/pupils/999999/leave", {"last_day": "2026-11-17", "order": ORDER}, 404, "no_such_pupil"),
        (f"/v1/admin/pupils/{pupil}/move", {"class_id": spot.class_a, "from_date": "2026-11-18", "order": ORDER},
         422, "same_class"),
    ]
    for path, body, status, why in refusals:
        answer = _post(admin, path, body)
        assert (answer.status_code, answer.json()["error"], answer.json()["detail"]["why"]) == (
            status, "roster_refused", why), (path, body)
    malformed = _post(admin, "/v1/admin/pupils", dict(arrival, from_date="16.11.2026"))
    assert malformed.status_code == 422 and malformed.json()["error"] == "invalid_request"
    teacher = live_server.client()
    assert teacher.login(spot.login_a).status_code == 200
    assert _post(teacher, "/v1/admin/pupils", arrival).status_code == 403
    assert live_server.sql("SELECT (SELECT count(*) FROM pupil), (SELECT count(*) FROM class_membership), "
                           "(SELECT count(*) FROM change)")[0] == before
