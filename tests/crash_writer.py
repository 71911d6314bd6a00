"""Child process of the crash-safety test: writes through the journal API in a loop and prints the index
of each write once it has committed. `python -m tests.crash_writer DB SEED START`.

The writes follow a plan that depends only on (seed, index), so the test can replay it.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass

from sqlalchemy import text

from storage.database import JournalDatabase, open_database
from storage.journal import Journal

COMMENTS = (None, "Жақсы", "Молодец", "Қайталау керек")
ATTENDANCE = (None, "absent", "ill", "excused", "late")
TOPICS = (None, "Пропорция", "Теңдеулер", "Дроби")


@dataclass(frozen=True)
class Targets:
    teacher_id: int
    lessons: list[str]
    pupils: list[int]


def targets(db: JournalDatabase) -> Targets:
    with db.read() as conn:
        course, teacher, class_id = conn.execute(text(
            "SELECT id, teacher_id, class_id FROM course WHERE scale = 'criteria' AND subgroup_id IS NULL "
            "ORDER BY id LIMIT 1")).one()
        lessons = conn.execute(text(
            "SELECT id FROM lesson WHERE course_id = :c AND date BETWEEN '2026-11-03' AND '2026-11-22' "
            "ORDER BY date, slot LIMIT 4"), {"c": course}).scalars().all()
        pupils = conn.execute(text(
            "SELECT pupil_id FROM class_membership WHERE class_id = :k AND to_date IS NULL ORDER BY pupil_id "
            "LIMIT 5"), {"k": class_id}).scalars().all()
    return Targets(teacher, list(lessons), list(pupils))


def planned(t: Targets, seed: int, index: int) -> tuple[str, str, int | None, object]:
    """(entity, field, pupil or None, value) of write number `index`; the lesson is chosen below."""
    rng = random.Random(f"{seed}:{index}")
    lesson = rng.choice(t.lessons)
    roll = rng.random()
    if roll < 0.1:
        return lesson, "topic", None, rng.choice(TOPICS)
    pupil = rng.choice(t.pupils)
    if roll < 0.55:
        return lesson, "mark", pupil, rng.choice([None, *range(11)])
    if roll < 0.85:
        return lesson, "attendance", pupil, rng.choice(ATTENDANCE)
    return lesson, "comment", pupil, rng.choice(COMMENTS)


def apply(journal: Journal, lesson: str, field: str, pupil: int | None, value: object) -> bool:
    if field == "topic":
        return journal.set_topic(lesson, value)  # type: ignore[arg-type]
    setter = {"mark": journal.set_mark, "attendance": journal.set_attendance, "comment": journal.set_comment}
    return setter[field](lesson, pupil, value)  # type: ignore[arg-type]


def main(path: str, seed: int, start: int) -> None:
    db = open_database(path)
    t = targets(db)
    journal = Journal(db, t.teacher_id)
    print("ready", flush=True)
    index = start
    while True:
        apply(journal, *planned(t, seed, index))
        print(index, flush=True)
        index += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
