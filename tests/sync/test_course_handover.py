"""A course given to another teacher from a day on, through a real server, the admin's console and the two teachers'
PCs: the lessons before that day stay the former teacher's, who gave them (what he typed offline into them is
accepted when his PC next syncs, and he may still write them, and nothing else of the course); the new teacher holds
and writes the whole course. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core.errors import NotYourCourse
from tests.server.conftest import backend_db, live_server, postgres, server_template  # noqa: F401
from tests.sync.conftest import synced_pcs
from tests.sync.test_school_year import Console

DAY = "2026-11-30"


def _handover(server):  # type: ignore[no-untyped-def]
    """A criteria course, its teacher's login (not the class teacher of its class, who would read it all), and
    another teacher free at every lesson of its week."""
    course, login, teacher = server.sql(
        "SELECT c.id, t.username, t.id FROM course c JOIN teacher t ON t.school_id = c.school_id "
        "AND t.id = c.teacher_id JOIN school_class k ON k.school_id = c.school_id AND k.id = c.class_id "
        "WHERE c.school_id = 1 AND c.scale = 'criteria' AND c.subgroup_id IS NULL "
        "AND k.homeroom_teacher_id IS DISTINCT FROM t.id ORDER BY c.id LIMIT 1")[0]
    week = set(server.sql("SELECT weekday, slot FROM timetable_entry WHERE school_id = 1 AND course_id = :c",
                          c=course))
    for other, other_login in server.sql("SELECT id, username FROM teacher WHERE school_id = 1 AND id <> :t "
                                         "AND username IS NOT NULL ORDER BY id", t=teacher):
        busy = set(server.sql("SELECT e.weekday, e.slot FROM timetable_entry e JOIN course c ON c.school_id = "
                              "e.school_id AND c.id = e.course_id WHERE e.school_id = 1 AND c.teacher_id = :t",
                              t=other))
        if not week & busy:
            return course, login, other, other_login
    raise AssertionError("no teacher of the demo school is free at every lesson of the course")


def _lesson(server, course: int, since: str, until: str) -> str:  # type: ignore[no-untyped-def]
    return str(server.sql("SELECT CAST(id AS TEXT) FROM lesson WHERE school_id = 1 AND course_id = :c AND kind = "
                          "'regular' AND date BETWEEN :s AND :u ORDER BY date, slot LIMIT 1",
                          c=course, s=since, u=until)[0][0])


def test_the_former_teacher_keeps_the_lessons_he_gave_and_what_he_typed_offline_reaches_the_server(
        live_server, tmp_path: Path) -> None:
    course, login, new_teacher, new_login = _handover(live_server)
    [old] = synced_pcs(tmp_path, live_server.url, login, "old")
    [new] = synced_pcs(tmp_path, live_server.url, new_login, "new")
    his = _lesson(live_server, course, "2026-11-23", "2026-11-27")  # the last week before the day
    later = _lesson(live_server, course, DAY, "2026-12-04")
    pupil = old.sql("SELECT m.pupil_id FROM class_membership m JOIN course c ON c.class_id = m.class_id "
                    "WHERE c.id = ? AND m.to_date IS NULL ORDER BY m.pupil_id LIMIT 1", (course,))[0][0]
    # Offline, he fills in the last week's journal; meanwhile the school gives the course to her from 30 November.
    assert old.journal.set_mark(his, pupil, 7)
    Console(live_server.url).post(f"/console/courses/{course}/teacher", teacher_id=str(new_teacher), from_date=DAY)

    old.sync()
    old.sync()  # the second sync finds the course handed over and downloads what is still his
    assert old.sql("SELECT count(*) FROM outbox_op") == [(0,)]
    assert not old.sql("SELECT * FROM rejected_op"), "what he typed before the handover was accepted"
    assert live_server.sql("SELECT mark FROM lesson_cell WHERE school_id = 1 AND CAST(lesson_id AS TEXT) = :l "
                           "AND pupil_id = :p", l=his, p=pupil) == [(7,)]
    # His PC holds the lessons he gave, and no lesson, work or final mark of the course after them.
    assert old.sql("SELECT teacher_id FROM course WHERE id = ?", (course,)) == [(new_teacher,)]
    assert old.sql("SELECT max(date) < ? FROM lesson WHERE course_id = ?", (DAY, course)) == [(1,)]
    assert old.sql("SELECT count(*) FROM period_mark WHERE course_id = ?", (course,)) == [(0,)]
    assert old.journal.set_mark(his, pupil, 8)  # still his to correct
    with pytest.raises(NotYourCourse):
        old.journal.add_summative_work(course, "sor", "СОР 3.1", 10, dt.date(2026, 11, 25))
    old.sync()
    assert live_server.sql("SELECT mark FROM lesson_cell WHERE school_id = 1 AND CAST(lesson_id AS TEXT) = :l "
                           "AND pupil_id = :p", l=his, p=pupil) == [(8,)]

    # Her PC holds the whole course as hers: his lessons show who gave them, and she writes from the day on.
    new.sync()
    new.sync()
    assert new.sql("SELECT teacher_id FROM course WHERE id = ?", (course,)) == [(new_teacher,)]
    [(old_teacher,)] = live_server.sql("SELECT id FROM teacher WHERE school_id = 1 AND username = :u", u=login)
    assert new.sql("SELECT substitute_teacher_id FROM lesson WHERE id = ?", (his,)) == [(old_teacher,)]
    assert new.sql("SELECT mark FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?", (his, pupil)) == [(8,)]
    assert new.sql("SELECT count(*) FROM lesson WHERE course_id = ?", (course,)) == live_server.sql(
        "SELECT count(*) FROM lesson WHERE school_id = 1 AND course_id = :c", c=course)
    assert new.journal.set_mark(later, pupil, 9)
    new.sync()
    assert new.sql("SELECT count(*) FROM outbox_op") == [(0,)]
    assert not new.sql("SELECT * FROM rejected_op")
    assert live_server.sql("SELECT mark FROM lesson_cell WHERE school_id = 1 AND CAST(lesson_id AS TEXT) = :l "
                           "AND pupil_id = :p", l=later, p=pupil) == [(9,)]
