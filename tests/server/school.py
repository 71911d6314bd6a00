"""Finding things in the server's demo school for a test, with plain SQL (joined on the school as well as the
id, as a Citus cluster runs joins of tables distributed by school without moving rows between nodes)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    lesson_id: str
    pupil_id: int
    course_id: int
    teacher_login: str
    teacher_id: int
    date: str

    @property
    def key(self) -> str:
        return f"{self.lesson_id}/{self.pupil_id}"


def cell(server, scale: str = "criteria", nth: int = 0, pupil_nth: int = 0) -> Cell:
    """A lesson cell of the demo school (school 1), written in by nobody yet."""
    lesson, course, teacher, login, day, class_id = server.sql(
        "SELECT l.id, c.id, t.id, t.username, l.date, c.class_id FROM lesson l "
        "JOIN course c ON c.school_id = l.school_id AND c.id = l.course_id "
        "JOIN teacher t ON t.school_id = c.school_id AND t.id = c.teacher_id "
        "WHERE c.school_id = 1 AND c.scale = :scale AND c.subgroup_id IS NULL "
        "AND l.date BETWEEN '2026-11-03' AND '2026-11-20' AND l.kind = 'regular' "
        "ORDER BY c.id, l.date, l.slot LIMIT 1 OFFSET :nth", scale=scale, nth=nth)[0]
    # A pupil with nothing written for him in that lesson yet: what a test writes there is a change, whatever the
    # demo's fill happened to give the lesson.
    pupil = server.sql(
        "SELECT m.pupil_id FROM class_membership m WHERE m.class_id = :k AND m.from_date <= :d AND "
        "(m.to_date IS NULL OR m.to_date >= :d) AND NOT EXISTS (SELECT 1 FROM lesson_cell x "
        "WHERE x.school_id = m.school_id AND x.lesson_id = :l AND x.pupil_id = m.pupil_id) "
        "ORDER BY m.pupil_id LIMIT 1 OFFSET :n", k=class_id, d=day, n=pupil_nth, l=lesson)[0][0]
    return Cell(lesson, pupil, course, login, teacher, str(day))


def readable_courses(server, teacher_id: int) -> set[int]:
    """The courses a teacher's PC holds: those they teach, those they substitute in, and every course of the class
    they are the class teacher of (server.pull.readable)."""
    return {r[0] for r in server.sql(
        "SELECT id FROM course WHERE teacher_id = :t "
        "UNION SELECT course_id FROM lesson WHERE substitute_teacher_id = :t "
        "UNION SELECT c.id FROM course c JOIN school_class k ON k.school_id = c.school_id AND k.id = c.class_id "
        "WHERE k.homeroom_teacher_id = :t", t=teacher_id)}


def other_teacher_login(server, teacher_id: int) -> str:
    return server.sql("SELECT username FROM teacher WHERE id != :t ORDER BY id LIMIT 1", t=teacher_id)[0][0]
