"""The cells, scores and conflicted cells a journal on screen re-reads to patch itself, read after the
journal's own writes (and a conflict stored as a sync stores it)."""

from __future__ import annotations

from sqlalchemy import text

from core.protocol import Conflict
from storage import conflicts, sheet_cells
from storage.journal import Journal
from tests import school


def test_a_cell_reads_as_written_and_an_emptied_one_as_none(db) -> None:
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    journal.clear_cell(spot.lesson_id, spot.pupil_id)
    journal.set_comment(spot.lesson_id, spot.pupil_id, None)
    journal.set_mark(spot.lesson_id, spot.pupil_id, 7)
    journal.set_comment(spot.lesson_id, spot.pupil_id, "Жақсы")
    pair = (spot.lesson_id, spot.pupil_id)
    with db.read() as conn:
        assert sheet_cells.cells(conn, [pair]) == {pair: (None, 7, "Жақсы")}
    journal.set_mark(spot.lesson_id, spot.pupil_id, None)
    journal.set_comment(spot.lesson_id, spot.pupil_id, None)  # the row stays, holding nothing
    with db.read() as conn:
        assert sheet_cells.cells(conn, [pair, ("no-such-lesson", spot.pupil_id)]) == {
            pair: None, ("no-such-lesson", spot.pupil_id): None}


def test_a_score_reads_as_entered_and_one_without_points_or_comment_as_none(db) -> None:
    with db.read() as conn:
        work_id, course_id, day = conn.execute(text(
            "SELECT w.id, w.course_id, w.date FROM summative_work w JOIN course c ON c.id = w.course_id "
            "WHERE c.subgroup_id IS NULL AND w.date BETWEEN '2026-11-03' AND '2026-11-20' ORDER BY w.date, w.id "
            "LIMIT 1")).one()
        teacher, class_id = conn.execute(text("SELECT teacher_id, class_id FROM course WHERE id = :c"),
                                         {"c": course_id}).one()
        pupil = conn.execute(text(
            "SELECT pupil_id FROM class_membership WHERE class_id = :k AND from_date <= :d "
            "AND (to_date IS NULL OR to_date >= :d) ORDER BY pupil_id LIMIT 1"), {"k": class_id, "d": day}).scalar_one()
    journal = Journal(db, teacher)
    journal.enter_score(work_id, pupil, 3)
    journal.set_score_comment(work_id, pupil, "Қайта жазады")
    with db.read() as conn:
        assert sheet_cells.scores(conn, [(work_id, pupil)]) == {(work_id, pupil): (3, "Қайта жазады")}
    journal.enter_score(work_id, pupil, None)
    journal.set_score_comment(work_id, pupil, None)
    with db.read() as conn:
        assert sheet_cells.scores(conn, [(work_id, pupil)]) == {(work_id, pupil): None}


def test_only_open_conflicts_of_cells_are_conflicted_cells(db) -> None:
    spot = school.lesson_spot(db)

    def reported(conflict_id: int, entity: str, key: str, field: str) -> Conflict:
        return Conflict.model_validate({
            "id": conflict_id, "entity": entity, "key": key, "field": field, "winner_value": 3, "loser_value": 5,
            "winner_device_id": "pc-a", "loser_device_id": "pc-b", "winner_account_id": None,
            "loser_account_id": None, "created_at": "2026-11-20T10:00:00"})

    with db.write() as conn:
        conflicts.store_open(conn, [reported(1, "cell", f"{spot.lesson_id}/{spot.pupil_id}", "mark"),
                                    reported(2, "lesson", spot.lesson_id, "topic")])
    with db.read() as conn:
        assert sheet_cells.conflicted_cells(conn) == {(spot.lesson_id, spot.pupil_id)}
    with db.write() as conn:
        conn.execute(text("UPDATE sync_conflict SET resolved_seq = 1 WHERE id = 1"))
    with db.read() as conn:
        assert sheet_cells.conflicted_cells(conn) == set()
