"""A lesson cancelled or moved, a summative work edited or deleted, through a real server and two real PCs of one
teacher (the school's PC and the one at home, both with the downloaded journal): what one PC did the other shows
after its sync, the server audits each, and a deletion the server refuses (the other PC scored the work
meanwhile) comes back to the PC that deleted it as a refusal, with the work and the score back in its journal.
On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from storage import rejections
from tests.server.conftest import backend_db, live_server, postgres, server_template  # noqa: F401
from tests.sync.conftest import Device, synced_pcs

SATURDAY = dt.date(2026, 11, 28)  # no timetable lessons


def _teacher_and_lessons(server):  # type: ignore[no-untyped-def]
    """A teacher of a criteria course (no subgroup), the course, two of its lessons after the demo's today (empty),
    and a pupil of its class."""
    course, login, class_id = server.sql(
        "SELECT c.id, t.username, c.class_id FROM course c JOIN teacher t ON t.school_id = c.school_id "
        "AND t.id = c.teacher_id WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY c.id LIMIT 1")[0]
    lessons = [str(r[0]) for r in server.sql(
        "SELECT CAST(id AS TEXT) FROM lesson WHERE course_id = :c AND kind = 'regular' "
        "AND date BETWEEN '2026-11-23' AND '2026-11-27' ORDER BY date, slot LIMIT 2", c=course)]
    pupil = server.sql("SELECT pupil_id FROM class_membership WHERE class_id = :k AND to_date IS NULL "
                       "ORDER BY pupil_id LIMIT 1", k=class_id)[0][0]
    return login, course, lessons, pupil


def _lesson(pc: Device, lesson: str) -> tuple:
    return tuple(pc.sql("SELECT date, slot, cancelled FROM lesson WHERE id = ?", (lesson,))[0])


def _work(pc: Device, work: str) -> tuple | None:
    rows = pc.sql("SELECT date, max_points FROM summative_work WHERE id = ?", (work,))
    return tuple(rows[0]) if rows else None


def test_a_lessons_and_a_works_edits_reach_the_teachers_other_pc_and_a_refused_deletion_loses_nothing(
        live_server, tmp_path: Path) -> None:
    login, course, (cancelled, moved), pupil = _teacher_and_lessons(live_server)
    school_pc, home_pc = synced_pcs(tmp_path, live_server.url, login, "school", "home")
    at_school = school_pc.journal
    kept = at_school.add_summative_work(course, "sor", "СОР №3", 20, dt.date(2026, 11, 24))
    dropped = at_school.add_summative_work(course, "sor", "СОР №4", 15, dt.date(2026, 11, 25))
    contested = at_school.add_summative_work(course, "soch", "ТЖБ", 25, dt.date(2026, 11, 26))
    school_pc.sync()
    home_pc.sync()
    assert _work(home_pc, dropped) == ("2026-11-25", 15)

    assert at_school.cancel_lesson(cancelled, "Мұғалімдер кеңесі")
    assert at_school.move_lesson(moved, SATURDAY, 6)
    assert at_school.edit_work(kept, date=dt.date(2026, 12, 2), max_points=30)
    at_school.delete_work(dropped)
    at_school.delete_work(contested)  # ... while the home PC, offline, scores it
    assert home_pc.journal.enter_score(contested, pupil, 21)
    home_pc.sync()  # the score reaches the server first
    school_pc.sync()
    home_pc.sync()

    for pc in (school_pc, home_pc):
        assert _lesson(pc, cancelled)[2] == "Мұғалімдер кеңесі"
        assert _lesson(pc, moved)[:2] == ("2026-11-28", 6)
        assert _work(pc, kept) == ("2026-12-02", 30)
        assert _work(pc, dropped) is None
        # the contested work stands everywhere with its score: the school PC's deletion came back refused
        assert _work(pc, contested) == ("2026-11-26", 25)
        assert pc.sql("SELECT points FROM summative_score WHERE work_id = ? AND pupil_id = ?",
                      (contested, pupil)) == [(21,)]
        assert pc.sql("SELECT count(*) FROM outbox_op") == [(0,)]
    with school_pc.db.read() as conn:
        refused = [(r.entity, r.key, r.field, r.reason) for r in rejections.unseen(conn)]
    assert refused == [("work", contested, "deleted", "work_not_deleted")]
    assert str(live_server.sql("SELECT cancelled FROM lesson WHERE CAST(id AS TEXT) = :l", l=cancelled)[0][0]) \
        == "Мұғалімдер кеңесі"
    assert live_server.sql("SELECT count(*) FROM summative_work WHERE CAST(id AS TEXT) = :w", w=dropped) == [(0,)]
    audited = {(str(r[0]), r[1], "rejected" if r[2] == "rejected" else "taken") for r in live_server.sql(
        "SELECT entity_key, field, result FROM audit_log WHERE device_id = :d AND entity IN ('lesson', 'work')",
        d=school_pc.engine.device_id)}  # taken: applied, or merged after the batch's own edit of the work
    assert {(cancelled, "cancelled", "taken"), (moved, "moved", "taken"), (kept, "date", "taken"),
            (kept, "max_points", "taken"), (dropped, "deleted", "taken"),
            (contested, "deleted", "rejected")} <= audited


def test_marks_typed_offline_into_a_lesson_cancelled_meanwhile_come_back_refused(live_server, tmp_path: Path) -> None:
    login, _course, (lesson, _other), pupil = _teacher_and_lessons(live_server)
    school_pc, home_pc = synced_pcs(tmp_path, live_server.url, login, "school", "home")
    assert school_pc.journal.cancel_lesson(lesson, "Ауа райы: сабақ болмады")
    school_pc.sync()
    assert home_pc.journal.set_attendance(lesson, pupil, "absent")  # offline: the home PC does not know yet
    home_pc.sync()

    assert home_pc.sql("SELECT attendance FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
                       (lesson, pupil)) == []  # the server's value put back: no cell, as the server holds none
    assert _lesson(home_pc, lesson)[2] == "Ауа райы: сабақ болмады"
    with home_pc.db.read() as conn:
        assert [(r.field, r.value, r.reason) for r in rejections.unseen(conn)] == [
            ("attendance", "absent", "lesson_cancelled")]
