"""One class-subject journal as the grid shows it: numbered pupils as rows, lessons as columns by date,
and the filled cells; the period's СОР/СОЧ with their maxima and scores; final period marks. Loaded in a few
plain SQL queries on the driver's connection, so that the desktop can
paint a journal before it has loaded SQLAlchemy (and a switch between journals stays cheap); holds plain
values and ids, nothing from Qt.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from storage.collation import name_key


@dataclass(frozen=True)
class SheetPupil:
    id: int
    last_name: str
    first_name: str
    # The days of the period on which the pupil is in this class (moves between classes mid-year).
    active_from: dt.date
    active_to: dt.date

    @property
    def name(self) -> str:
        return f"{self.last_name} {self.first_name}"


@dataclass(frozen=True)
class SheetLesson:
    id: str
    date: dt.date
    slot: int
    kind: str  # regular, sor, soch
    cancelled: str | None = None  # why the lesson is cancelled (it takes no marks or attendance then)


@dataclass(frozen=True)
class SheetWork:
    """A СОР / СОЧ of the period: its own column, scored in points out of `max_points`."""

    id: str
    kind: str  # sor, soch
    title: str
    section: str | None
    date: dt.date
    max_points: int


@dataclass
class JournalSheet:
    course_id: int
    scale: str
    start: dt.date
    end: dt.date
    pupils: list[SheetPupil]
    lessons: list[SheetLesson]
    # (row, column) → (attendance, mark, comment) for each filled cell
    cells: dict[tuple[int, int], tuple[str | None, int | None, str | None]]
    # pupil id → the period's mark: the final one where set, else the computed one (None when neither)
    results: dict[int, int | None] = field(default_factory=dict)
    # pupil id → (final mark, its reason) where a teacher set one over the computed mark
    finals: dict[int, tuple[int, str | None]] = field(default_factory=dict)
    # pupil id → (kind, mark) of the year's exam or year test where one is set (core.final_marks.ATTESTATIONS)
    attestations: dict[int, tuple[str, int]] = field(default_factory=dict)
    grade: int = 0  # the class's
    works: list[SheetWork] = field(default_factory=list)
    # (row, work index) → (points, comment) for each scored pupil
    scores: dict[tuple[int, int], tuple[int | None, str | None]] = field(default_factory=dict)
    # (row, column) of a cell, and (row, work index) of a score, → where the school imported it from (the synced
    # field "imported": "<source>: <file>, <day>"), for the cells and scores that came from another system
    imported: dict[tuple[int, int], str] = field(default_factory=dict)
    imported_scores: dict[tuple[int, int], str] = field(default_factory=dict)
    row_of: dict[int, int] = field(init=False)
    column_of: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.row_of = {p.id: i for i, p in enumerate(self.pupils)}
        self.column_of = {lesson.id: j for j, lesson in enumerate(self.lessons)}

    def editable(self, row: int, column: int) -> bool:
        """Whether the pupil of `row` was in the class on the day of lesson `column` (and the lesson is not
        cancelled)."""
        pupil, lesson = self.pupils[row], self.lessons[column]
        return lesson.cancelled is None and pupil.active_from <= lesson.date <= pupil.active_to

    def work_editable(self, row: int, index: int) -> bool:
        """Whether the pupil of `row` was in the class on the day of work `index`."""
        pupil, work = self.pupils[row], self.works[index]
        return pupil.active_from <= work.date <= pupil.active_to


# The pupils of the class in the period, each with the days he was in it; for a subgroup's course, only those in
# the subgroup in the period, with the days that are in both (a pupil moved between language groups is in each
# group's journal for its own days).
_MEMBERS = """
SELECT id, last_name, first_name, since, until FROM (
  SELECT p.id, p.last_name, p.first_name,
         CASE WHEN s.from_date > m.from_date THEN s.from_date ELSE m.from_date END AS since,
         CASE WHEN m.to_date IS NULL THEN s.to_date WHEN s.to_date < m.to_date THEN s.to_date ELSE m.to_date END
           AS until
  FROM pupil p JOIN class_membership m ON m.pupil_id = p.id
  LEFT JOIN subgroup_member s ON s.pupil_id = p.id AND s.subgroup_id = :subgroup
  WHERE m.class_id = :class AND m.from_date <= :end AND (m.to_date IS NULL OR m.to_date >= :start)
    AND (:subgroup IS NULL OR (s.pupil_id IS NOT NULL AND (s.from_date IS NULL OR s.from_date <= :end)
                               AND (s.to_date IS NULL OR s.to_date >= :start))))
WHERE until IS NULL OR since <= until
"""
_LESSONS = """
SELECT id, date, slot, kind, cancelled FROM lesson WHERE course_id = :course AND date >= :start AND date <= :end
ORDER BY date, slot
"""
_CELLS = """
SELECT x.lesson_id, x.pupil_id, x.attendance, x.mark, x.comment, x.imported
FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id
WHERE l.course_id = :course AND l.date >= :start AND l.date <= :end
"""
_RESULTS = ("SELECT pupil_id, final_mark, computed_mark, final_reason, attestation_kind, attestation_mark "
            "FROM period_mark WHERE course_id = :course AND period_id = :period")
_WORKS = """
SELECT id, kind, title, section, date, max_points FROM summative_work
WHERE course_id = :course AND date >= :start AND date <= :end ORDER BY date, kind DESC, title
"""
_SCORES = """
SELECT s.work_id, s.pupil_id, s.points, s.comment, s.imported
FROM summative_score s JOIN summative_work w ON w.id = s.work_id
WHERE w.course_id = :course AND w.date >= :start AND w.date <= :end
"""


def driver_connection(conn: Any) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy Connection, or the sqlite3 connection given."""
    inner = getattr(conn, "connection", None)
    raw: sqlite3.Connection = inner.driver_connection if inner is not None else conn
    return raw


def load(conn: Any, course_id: int, period_id: int) -> JournalSheet:
    """The journal of `course_id` over the period `period_id` (a term, a half-year or the whole year).
    `conn`: a SQLAlchemy Connection or a sqlite3 connection to the journal."""
    raw = driver_connection(conn)
    class_id, subgroup_id, scale = raw.execute(
        "SELECT class_id, subgroup_id, scale FROM course WHERE id = ?", (course_id,)).fetchone()
    start_text, end_text = raw.execute("SELECT start_date, end_date FROM period WHERE id = ?", (period_id,)).fetchone()
    start, end = dt.date.fromisoformat(start_text), dt.date.fromisoformat(end_text)
    span = {"start": start_text, "end": end_text, "course": course_id}
    pupils = sorted(
        (
            SheetPupil(pid, last, first, max(dt.date.fromisoformat(since), start),
                       min(dt.date.fromisoformat(until), end) if until else end)
            for pid, last, first, since, until in raw.execute(
                _MEMBERS, {"class": class_id, "subgroup": subgroup_id, "start": start_text, "end": end_text})
        ),
        key=lambda p: (name_key(p.last_name), name_key(p.first_name), p.id),
    )
    lessons = [SheetLesson(lesson_id, dt.date.fromisoformat(day), slot, kind, cancelled)
               for lesson_id, day, slot, kind, cancelled in raw.execute(_LESSONS, span)]
    sheet = JournalSheet(course_id, scale, start, end, pupils, lessons, {})
    rows, columns = sheet.row_of, sheet.column_of
    for lesson_id, pupil_id, attendance, mark, comment, imported in raw.execute(_CELLS, span):
        row = rows.get(pupil_id)
        if row is not None:
            sheet.cells[(row, columns[lesson_id])] = (attendance, mark, comment)
            if imported:
                sheet.imported[(row, columns[lesson_id])] = imported
    sheet.grade = raw.execute("SELECT grade FROM school_class WHERE id = ?", (class_id,)).fetchone()[0]
    for pupil_id, final, computed, reason, exam_kind, exam_mark in raw.execute(
            _RESULTS, {"course": course_id, "period": period_id}):
        sheet.results[pupil_id] = final if final is not None else computed
        if final is not None:
            sheet.finals[pupil_id] = (final, reason)
        if exam_kind is not None:
            sheet.attestations[pupil_id] = (exam_kind, exam_mark)
    sheet.works = [SheetWork(w, kind, title, section, dt.date.fromisoformat(day), top)
                   for w, kind, title, section, day, top in raw.execute(_WORKS, span)]
    work_index = {work.id: j for j, work in enumerate(sheet.works)}
    for work_id, pupil_id, points, comment, imported in raw.execute(_SCORES, span):
        row = rows.get(pupil_id)
        if row is not None and (points is not None or comment):
            sheet.scores[(row, work_index[work_id])] = (points, comment)
            if imported:
                sheet.imported_scores[(row, work_index[work_id])] = imported
    return sheet
