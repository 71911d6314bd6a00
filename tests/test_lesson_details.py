"""A lesson's topic and homework as the lesson panel reads them, after the journal wrote them."""

from __future__ import annotations

from storage import lesson_details
from storage.journal import Journal
from tests import school


def test_the_topic_and_homework_written_are_read_back(db) -> None:
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    journal.set_topic(spot.lesson_id, "Бөлшектер")
    journal.set_homework(spot.lesson_id, "§ 12, 3-есеп")
    with db.read() as conn:
        assert lesson_details.topic_and_homework(conn, spot.lesson_id) == ("Бөлшектер", "§ 12, 3-есеп")
    journal.set_homework(spot.lesson_id, None)
    with db.read() as conn:
        assert lesson_details.topic_and_homework(conn, spot.lesson_id) == ("Бөлшектер", None)


def test_a_lesson_the_journal_does_not_hold_has_neither(db) -> None:
    with db.read() as conn:
        assert lesson_details.topic_and_homework(conn, "no-such-lesson") == (None, None)
