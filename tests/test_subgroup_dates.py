"""A pupil moved from one language group to another from a day on: each group's journal shows him for its own
days, and a mark is written for him only where he was that day; his marks in the old group stay."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import PupilNotInCourse
from storage import journal_sheet
from storage.journal import Journal
from storage.journal_sheet import driver_connection

MOVED_ON = dt.date(2026, 11, 16)


def _two_groups(db):  # type: ignore[no-untyped-def]
    """Two courses of one subject in one class, each of its own subgroup, and a pupil of the first group."""
    with db.read() as conn:
        raw = driver_connection(conn)
        row = raw.execute(
            "SELECT a.id, a.subgroup_id, a.teacher_id, b.id, b.subgroup_id, b.teacher_id FROM course a JOIN course b "
            "ON b.class_id = a.class_id AND b.subject_id = a.subject_id AND b.id > a.id "
            "WHERE a.subgroup_id IS NOT NULL AND b.subgroup_id IS NOT NULL ORDER BY a.id LIMIT 1").fetchone()
        first, second = row[:3], row[3:]
        pupil = raw.execute("SELECT pupil_id FROM subgroup_member WHERE subgroup_id = ? AND pupil_id NOT IN "
                            "(SELECT pupil_id FROM subgroup_member WHERE subgroup_id = ?) ORDER BY pupil_id LIMIT 1",
                            (first[1], second[1])).fetchone()[0]
        term = raw.execute("SELECT id FROM period WHERE kind = 'term' AND number = 2").fetchone()[0]
    return first, second, pupil, term


def _lesson(db, course: int, after: bool) -> str:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return driver_connection(conn).execute(
            f"SELECT id FROM lesson WHERE course_id = ? AND date {'>=' if after else '<'} ? AND date >= '2026-11-02' "
            f"AND kind = 'regular' ORDER BY date {'ASC' if after else 'DESC'} LIMIT 1",
            (course, MOVED_ON.isoformat())).fetchone()[0]


def test_each_group_shows_the_moved_pupil_for_its_own_days(db) -> None:  # type: ignore[no-untyped-def]
    (course_a, group_a, teacher_a), (course_b, group_b, teacher_b), pupil, term = _two_groups(db)
    before = _lesson(db, course_a, after=False)
    Journal(db, teacher_a).set_attendance(before, pupil, "late")  # written in the old group before the move
    with db.write() as conn:  # as the server's change tells it (server.subgroups)
        raw = driver_connection(conn)
        raw.execute("UPDATE subgroup_member SET to_date = ? WHERE subgroup_id = ? AND pupil_id = ?",
                    ((MOVED_ON - dt.timedelta(days=1)).isoformat(), group_a, pupil))
        raw.execute("INSERT INTO subgroup_member (subgroup_id, pupil_id, from_date) VALUES (?, ?, ?)",
                    (group_b, pupil, MOVED_ON.isoformat()))
    with db.read() as conn:
        sheet_a = journal_sheet.load(conn, course_a, term)
        sheet_b = journal_sheet.load(conn, course_b, term)
    row_a = sheet_a.pupils[sheet_a.row_of[pupil]]
    row_b = sheet_b.pupils[sheet_b.row_of[pupil]]
    assert row_a.active_to == MOVED_ON - dt.timedelta(days=1) and row_b.active_from == MOVED_ON
    assert sheet_a.cells[(sheet_a.row_of[pupil], sheet_a.column_of[before])][0] == "late", "his old marks stay"

    with pytest.raises(PupilNotInCourse):
        Journal(db, teacher_a).set_attendance(_lesson(db, course_a, after=True), pupil, "absent")
    with pytest.raises(PupilNotInCourse):
        Journal(db, teacher_b).set_attendance(_lesson(db, course_b, after=False), pupil, "absent")
    assert Journal(db, teacher_b).set_attendance(_lesson(db, course_b, after=True), pupil, "absent")
