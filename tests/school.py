"""Finding things in the demo school the way a test needs them (a lesson of a given scale, a pupil of
its class on that day, another class's pupil), with plain SQL so tests do not lean on the code they test."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text

from storage.database import JournalDatabase


@dataclass(frozen=True)
class Spot:
    lesson_id: str
    course_id: int
    class_id: int
    teacher_id: int
    date: dt.date
    pupil_id: int  # a pupil of the course on that date


def lesson_spot(db: JournalDatabase, scale: str = "criteria", *, subgroup: bool = False,
                on: str = "2026-11-20", nth: int = 0) -> Spot:
    with db.read() as conn:
        row = conn.execute(text(
            "SELECT l.id, c.id, c.class_id, c.teacher_id, l.date, c.subgroup_id FROM lesson l "
            "JOIN course c ON c.id = l.course_id "
            "WHERE c.scale = :scale AND l.date BETWEEN '2026-11-03' AND :on AND l.kind = 'regular' AND "
            f"c.subgroup_id IS {'NOT ' if subgroup else ''}NULL ORDER BY l.date DESC, c.id, l.slot "
            "LIMIT 1 OFFSET :nth"
        ), {"scale": scale, "on": on, "nth": nth}).one()
        if subgroup:
            pupil = conn.execute(text(
                "SELECT pupil_id FROM subgroup_member WHERE subgroup_id = :s ORDER BY pupil_id LIMIT 1"
            ), {"s": row[5]}).scalar_one()
        else:
            pupil = conn.execute(text(
                "SELECT pupil_id FROM class_membership WHERE class_id = :c AND from_date <= :d "
                "AND (to_date IS NULL OR to_date >= :d) ORDER BY pupil_id LIMIT 1"
            ), {"c": row[2], "d": row[4]}).scalar_one()
    return Spot(row[0], row[1], row[2], row[3], dt.date.fromisoformat(row[4]), pupil)


def pupil_of_other_class(db: JournalDatabase, class_id: int) -> int:
    with db.read() as conn:
        return conn.execute(text(
            "SELECT pupil_id FROM class_membership WHERE class_id != :c AND pupil_id NOT IN "
            "(SELECT pupil_id FROM class_membership WHERE class_id = :c) LIMIT 1"
        ), {"c": class_id}).scalar_one()


def other_teacher(db: JournalDatabase, teacher_id: int) -> int:
    with db.read() as conn:
        return conn.execute(text("SELECT id FROM teacher WHERE id != :t LIMIT 1"), {"t": teacher_id}).scalar_one()


MUTABLE_TABLES = ("lesson_cell", "lesson", "summative_work", "summative_score", "outbox_op", "audit_entry",
                  "device_state", "period_mark")


def snapshot(db: JournalDatabase) -> dict[str, list[tuple]]:
    """Every row a teacher's action could change (in primary-key order), to compare before and after."""
    with db.read() as conn:
        raw = conn.connection.driver_connection
        return {t: raw.execute(f"SELECT * FROM {t}").fetchall() for t in MUTABLE_TABLES}
