"""The reports are the whole school's, through a real server and real PCs: a class teacher's PC, which holds every
course of her class (its groups' too), reports on her class exactly as the server computes from every course on its
side (server.report_copy); a subject teacher's PC, which holds parts of classes, reports on none. On SQLite and
PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from core import school_reports
from server import report_copy
from server.db import open_server_db
from storage import sheet_choices
from storage.journal_sheet import driver_connection
from tests.server.conftest import TODAY, backend_db, live_server, postgres, server_template  # noqa: F401
from tests.sync.conftest import synced_pcs


def _class_teacher_and_subject_teacher(server) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """A 7th-grade class with groups, its class teacher's login, and a teacher of one of its subjects who is no
    class teacher."""
    [(class_id, homeroom)] = server.sql(
        "SELECT k.id, t.username FROM school_class k JOIN teacher t ON t.school_id = k.school_id AND "
        "t.id = k.homeroom_teacher_id WHERE k.school_id = 1 AND k.grade = 7 AND EXISTS (SELECT 1 FROM course c "
        "WHERE c.school_id = 1 AND c.class_id = k.id AND c.subgroup_id IS NOT NULL) ORDER BY k.id LIMIT 1")
    [(other,)] = server.sql(
        "SELECT t.username FROM course c JOIN teacher t ON t.school_id = c.school_id AND t.id = c.teacher_id "
        "WHERE c.school_id = 1 AND c.class_id = :k AND NOT EXISTS (SELECT 1 FROM school_class h WHERE "
        "h.school_id = 1 AND h.homeroom_teacher_id = t.id) ORDER BY c.id LIMIT 1", k=class_id)
    return class_id, homeroom, other


def test_a_class_teachers_pc_reports_on_her_class_as_the_server_does(live_server, backend_db: str,  # noqa: F811
                                                                     tmp_path: Path) -> None:
    class_id, homeroom, other = _class_teacher_and_subject_teacher(live_server)
    [hers] = synced_pcs(tmp_path, live_server.url, homeroom, "class-teacher")
    [theirs] = synced_pcs(tmp_path, live_server.url, other, "subject-teacher")
    # The subject teacher gives a pupil of the class a mark today; it reaches the server, then the class teacher's PC.
    lesson, pupil, scale = theirs.sql(
        "SELECT l.id, m.pupil_id, c.scale FROM lesson l JOIN course c ON c.id = l.course_id JOIN class_membership m "
        "ON m.class_id = c.class_id AND m.to_date IS NULL WHERE c.class_id = ? AND c.subgroup_id IS NULL AND "
        "c.scale IN ('criteria', 'classic') AND l.kind = 'regular' AND l.date <= ? ORDER BY l.date DESC, m.pupil_id "
        "LIMIT 1", (class_id, TODAY.isoformat()))[0]
    assert theirs.journal.set_mark(lesson, pupil, 2 if scale == "classic" else 1)
    theirs.sync()
    hers.sync()
    with hers.db.read() as conn:
        raw = driver_connection(conn)
        mine = sheet_choices.classes(raw, hers.journal.actor_id)
        periods = [p for (p,) in raw.execute("SELECT id FROM period WHERE kind IN ('term', 'year') ORDER BY id")]
        on_pc = [school_reports.class_report(raw, class_id, period, TODAY) for period in periods]
    assert [k for k, _ in mine] == [class_id]
    engine = open_server_db(backend_db)
    try:
        with engine.connect() as conn:
            on_server = [report_copy.class_report(conn, 1, class_id, period, TODAY) for period in periods]
    finally:
        engine.dispose()
    assert on_pc == on_server
    assert any(sum(line.counts.values()) for report in on_server for line in report.subjects), "marks are counted"
    grouped = live_server.sql("SELECT DISTINCT s.name_kk FROM course c JOIN subject s ON s.id = c.subject_id "
                              "WHERE c.school_id = 1 AND c.class_id = :k AND c.subgroup_id IS NOT NULL", k=class_id)
    reported = {line.subject for report in on_server for line in report.subjects}  # (a one-hour one: in the year)
    assert {name for (name,) in grouped} <= reported, "the groups' subjects count"
    with theirs.db.read() as conn:
        assert sheet_choices.classes(driver_connection(conn), theirs.journal.actor_id) == []


def test_an_exam_mark_typed_on_a_teachers_pc_reaches_the_server_and_the_class_teachers_report(
        live_server, backend_db: str, tmp_path: Path) -> None:  # noqa: F811
    """A 9th-grade subject teacher types a pupil's exam mark (the final attestation) on her PC; the server keeps it,
    and the class teacher's PC, after its sync, reports the class's finals as the server does."""
    [(class_id, homeroom, course, login)] = live_server.sql(
        "SELECT k.id, h.username, c.id, t.username FROM school_class k JOIN teacher h ON h.school_id = k.school_id "
        "AND h.id = k.homeroom_teacher_id JOIN course c ON c.school_id = k.school_id AND c.class_id = k.id AND "
        "c.subgroup_id IS NULL AND c.scale IN ('criteria', 'classic') AND c.teacher_id <> k.homeroom_teacher_id "
        "JOIN teacher t ON t.school_id = c.school_id AND t.id = c.teacher_id WHERE k.school_id = 1 AND k.grade = 9 "
        "ORDER BY k.id, c.id LIMIT 1")
    [theirs] = synced_pcs(tmp_path, live_server.url, login, "subject-teacher")
    [hers] = synced_pcs(tmp_path, live_server.url, homeroom, "class-teacher")
    [(year,)] = theirs.sql("SELECT id FROM period WHERE kind = 'year'")
    [(pupil,)] = theirs.sql("SELECT pupil_id FROM class_membership WHERE class_id = ? AND to_date IS NULL "
                            "ORDER BY pupil_id LIMIT 1", (class_id,))
    assert theirs.journal.set_attestation(course, year, pupil, "exam", 5, today=TODAY)
    theirs.sync()
    assert live_server.sql("SELECT attestation_kind, attestation_mark FROM period_mark WHERE school_id = 1 AND "
                           "course_id = :c AND period_id = :y AND pupil_id = :p", c=course, y=year, p=pupil) \
        == [("exam", 5)]
    hers.sync()
    with hers.db.read() as conn:
        on_pc = school_reports.year_marks(driver_connection(conn), class_id, TODAY)
    engine = open_server_db(backend_db)
    try:
        with engine.connect() as conn:
            copy = report_copy.of_classes(conn, 1, [class_id])
            on_server = school_reports.year_marks(copy, class_id, TODAY)
            copy.close()
    finally:
        engine.dispose()
    assert on_pc == on_server
    his = next(p for p in on_pc if p.pupil_id == pupil)
    assert list(his.attestations.values()) == [("exam", 5)]
