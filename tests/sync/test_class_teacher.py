"""The class teacher (сынып жетекші) of a class she teaches nothing in, through a real server and real PCs: her PC
downloads the whole class across subjects (its pupils, every course's lessons and marks), lists those courses to
read, keeps them current at each sync, and writes into none of them; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import NotYourCourse
from storage import sheet_choices
from tests.server.conftest import backend_db, live_server, postgres, server_template  # noqa: F401
from tests.sync.conftest import synced_pcs


def _class_teacher(server):  # type: ignore[no-untyped-def]
    """A class whose class teacher keeps no course in it; (class id, her login, a course of the class, its
    teacher's login)."""
    class_id, login = server.sql(
        "SELECT k.id, t.username FROM school_class k JOIN teacher t ON t.id = k.homeroom_teacher_id "
        "WHERE k.grade >= 5 AND NOT EXISTS (SELECT 1 FROM course c WHERE c.class_id = k.id "
        "AND c.teacher_id = k.homeroom_teacher_id) ORDER BY k.id LIMIT 1")[0]
    course, teacher = server.sql(
        "SELECT c.id, t.username FROM course c JOIN teacher t ON t.id = c.teacher_id WHERE c.class_id = :k "
        "AND c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY c.id LIMIT 1", k=class_id)[0]
    return class_id, login, course, teacher


def test_the_class_teacher_downloads_her_class_across_subjects_follows_it_and_writes_none_of_it(
        live_server, tmp_path: Path) -> None:
    class_id, login, course, teacher = _class_teacher(live_server)
    [own] = synced_pcs(tmp_path, live_server.url, login, "class-teacher")
    [keeper] = synced_pcs(tmp_path, live_server.url, teacher, "subject-teacher")

    pupils = live_server.sql("SELECT count(*) FROM class_membership WHERE class_id = :k", k=class_id)[0][0]
    lessons = live_server.sql("SELECT count(*) FROM lesson l JOIN course c ON c.id = l.course_id "
                              "WHERE c.class_id = :k", k=class_id)[0][0]
    cells = live_server.sql("SELECT count(*) FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id "
                            "JOIN course c ON c.id = l.course_id WHERE c.class_id = :k", k=class_id)[0][0]
    assert pupils > 20 and lessons > 100 and cells > 0
    assert own.sql("SELECT count(*) FROM class_membership WHERE class_id = ?", (class_id,))[0][0] == pupils
    assert own.sql("SELECT count(*) FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.class_id = ?",
                   (class_id,))[0][0] == lessons
    assert own.sql("SELECT count(*) FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id "
                   "JOIN course c ON c.id = l.course_id WHERE c.class_id = ?", (class_id,))[0][0] == cells

    with own.db.read() as conn:
        offered = sheet_choices.courses(conn, own.journal.actor_id)
    of_class = {c.id for c in offered if not c.mine}
    assert course in of_class
    assert of_class == {r[0] for r in live_server.sql("SELECT id FROM course WHERE class_id = :k", k=class_id)}

    lesson, pupil = live_server.sql(
        "SELECT CAST(l.id AS TEXT), m.pupil_id FROM lesson l JOIN class_membership m ON m.class_id = :k "
        "AND m.from_date <= l.date AND (m.to_date IS NULL OR m.to_date >= l.date) WHERE l.course_id = :c "
        "AND l.date BETWEEN '2026-11-03' AND '2026-11-20' ORDER BY l.date, m.pupil_id LIMIT 1", k=class_id, c=course)[0]
    assert keeper.journal.set_mark(lesson, pupil, 9)
    keeper.sync()
    own.sync()
    assert own.sql("SELECT mark FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?", (lesson, pupil))[0][0] == 9

    with pytest.raises(NotYourCourse):
        own.journal.set_mark(lesson, pupil, 3)
    api = live_server.client()  # and a modified client's write is refused by the server too
    assert api.login(login).status_code == 200
    result = api.sync([api.op("cell", f"{lesson}/{pupil}", "mark", 3, base=99)])["results"][0]
    assert (result["status"], result["reason"]) == ("rejected", "not_your_course")
    assert live_server.sql("SELECT mark FROM lesson_cell WHERE CAST(lesson_id AS TEXT) = :l AND pupil_id = :p",
                           l=lesson, p=pupil)[0][0] == 9
