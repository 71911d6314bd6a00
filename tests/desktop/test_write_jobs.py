"""Each of the window's writes (desktop.write_jobs), run on a real journal file, writes through the journal
and says what it changed, in the terms a sync run uses (storage.changed.Changed)."""

from __future__ import annotations

from sqlalchemy import text

from core.protocol import Conflict
from desktop import write_jobs
from desktop.journal_access import JournalAccess
from storage import conflicts
from storage.changed import Changed
from tests import school
from tests.desktop.conftest import TODAY


def _access(db, teacher_id: int) -> JournalAccess:  # type: ignore[no-untyped-def]
    return JournalAccess(db.path, teacher_id, db=db)


def test_a_cells_writes_and_their_undo_name_the_cell(db) -> None:
    spot = school.lesson_spot(db)
    access, pair = _access(db, spot.teacher_id), (spot.lesson_id, spot.pupil_id)
    assert write_jobs.clear_cell(access, *pair).changed == Changed(cells={pair})
    assert write_jobs.set_mark(access, *pair, 7, TODAY).changed == Changed(cells={pair})
    assert write_jobs.set_attendance(access, *pair, "late").changed == Changed(cells={pair})
    assert write_jobs.set_comment(access, *pair, "Жақсы").changed == Changed(cells={pair})
    cell = access.journal.cell(*pair)
    assert (cell.attendance, cell.mark, cell.comment) == ("late", 7, "Жақсы")

    undone = write_jobs.replay(access, "undo", TODAY)
    assert undone.changed == Changed(cells={pair}) and [c.field for c in undone.returned] == ["comment"]
    assert write_jobs.replay(access, "redo", TODAY).changed == Changed(cells={pair})
    nothing = write_jobs.replay(access, "redo", TODAY)
    assert nothing.returned == () and not nothing.changed


def test_a_lessons_text_names_the_lesson_and_a_new_lesson_its_course(db) -> None:
    spot = school.lesson_spot(db)
    access = _access(db, spot.teacher_id)
    assert write_jobs.set_lesson_text(access, spot.lesson_id, "topic", "Бөлшектер").changed == Changed(
        lessons={spot.lesson_id})
    assert write_jobs.set_lesson_text(access, spot.lesson_id, "homework", "§ 12").changed == Changed(
        lessons={spot.lesson_id})
    with db.read() as conn:
        assert conn.execute(text("SELECT topic, homework FROM lesson WHERE id = :l"),
                            {"l": spot.lesson_id}).one() == ("Бөлшектер", "§ 12")
    added = write_jobs.add_lesson(access, spot.course_id, spot.date, 7)
    assert added.changed == Changed(courses={spot.course_id})
    with db.read() as conn:
        assert conn.execute(text("SELECT course_id, slot FROM lesson WHERE id = :l"),
                            {"l": added.returned}).one() == (spot.course_id, 7)


def test_a_resolution_names_its_record_and_the_review_and_seen_refusals_only_the_review(db) -> None:
    spot = school.lesson_spot(db, "classic")
    access, key = _access(db, spot.teacher_id), f"{spot.lesson_id}/{spot.pupil_id}"
    with db.write() as conn:  # as a sync stores the server's answer
        conflicts.store_open(conn, [Conflict.model_validate({
            "id": 52, "entity": "cell", "key": key, "field": "mark", "winner_value": 3, "loser_value": 5,
            "winner_device_id": "pc-a", "loser_device_id": "pc-b", "winner_account_id": None,
            "loser_account_id": None, "created_at": "2026-11-20T10:00:00"})])
        shown = conflicts.open_conflicts(conn)[0]
        conn.execute(text(
            "INSERT INTO rejected_op (seq, entity, entity_key, field, value, reason, message, rejected_at, seen) "
            "VALUES (7, 'cell', :k, 'mark', '9', 'period_closed', 'closed', '2026-11-21T09:00:00', 0)"), {"k": key})

    resolved = write_jobs.resolve(access, 52, 4, TODAY, shown)
    assert resolved.changed == Changed(cells={(spot.lesson_id, spot.pupil_id)}, review=True)
    assert access.journal.cell(spot.lesson_id, spot.pupil_id).mark == 4
    seen = write_jobs.mark_seen(access, [7])
    assert seen.changed == Changed(review=True) and not seen.changed
    with db.read() as conn:
        assert conn.execute(text("SELECT seen FROM rejected_op WHERE seq = 7")).scalar_one() == 1
