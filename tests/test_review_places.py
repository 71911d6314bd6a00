"""Where a record under review is, in the words of the language asked for: the lesson's date, the subject's
name in Kazakh, Russian or English, and the pupil."""

from __future__ import annotations

from sqlalchemy import text

from storage import review_places
from tests import school


def test_a_cells_place_names_the_subject_in_the_language_asked_for(db) -> None:
    spot = school.lesson_spot(db)
    with db.read() as conn:
        names = conn.execute(text("SELECT s.name_kk, s.name_ru, s.name_en FROM course c JOIN subject s "
                                  "ON s.id = c.subject_id WHERE c.id = :c"), {"c": spot.course_id}).one()
        last, first = conn.execute(text("SELECT last_name, first_name FROM pupil WHERE id = :p"),
                                   {"p": spot.pupil_id}).one()
        key = f"{spot.lesson_id}/{spot.pupil_id}"
        found = {language: review_places.places(conn, [key], language)[key] for language in ("kk", "ru", "en")}
    assert [found[language].subject for language in ("kk", "ru", "en")] == list(names)
    assert len(set(names)) == 3  # three names, so the language chose
    assert all(place.date == spot.date and place.pupil == f"{last} {first}" for place in found.values())


def test_a_lessons_own_key_has_no_pupil_and_unknown_keys_are_left_out(db) -> None:
    spot = school.lesson_spot(db)
    with db.read() as conn:
        found = review_places.places(conn, [spot.lesson_id, "no-such-lesson/1", "work-id/3"], "de")
        russian = review_places.places(conn, [spot.lesson_id], "ru")
    assert set(found) == {spot.lesson_id}
    assert found[spot.lesson_id].pupil is None and found[spot.lesson_id].date == spot.date
    assert found == russian  # a language without its own name reads the Russian one
