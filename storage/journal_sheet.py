"""One class-subject journal as the grid shows it: numbered pupils as rows, lessons as columns by date,
and the filled cells. Loaded in four queries; holds plain values and ids, nothing from Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, or_, select

from storage.collation import name_key
from storage.models import (
    ClassMembership,
    Course,
    Lesson,
    LessonCell,
    Period,
    PeriodMark,
    Pupil,
    SubgroupMember,
)


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
    row_of: dict[int, int] = field(init=False)
    column_of: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.row_of = {p.id: i for i, p in enumerate(self.pupils)}
        self.column_of = {lesson.id: j for j, lesson in enumerate(self.lessons)}

    def editable(self, row: int, column: int) -> bool:
        """Whether the pupil of `row` was in the class on the day of lesson `column`."""
        pupil, lesson = self.pupils[row], self.lessons[column]
        return pupil.active_from <= lesson.date <= pupil.active_to


_C, _L, _P = Course.__table__, Lesson.__table__, Pupil.__table__
_M, _SM, _CELL = ClassMembership.__table__, SubgroupMember.__table__, LessonCell.__table__
_PERIOD, _MARK = Period.__table__, PeriodMark.__table__


def load(conn: Connection, course_id: int, period_id: int) -> JournalSheet:
    """The journal of `course_id` over the period `period_id` (a term, a half-year or the whole year)."""
    course = conn.execute(select(_C.c.class_id, _C.c.subgroup_id, _C.c.scale).where(_C.c.id == course_id)).one()
    start, end = conn.execute(
        select(_PERIOD.c.start_date, _PERIOD.c.end_date).where(_PERIOD.c.id == period_id)
    ).one()

    members = (
        select(_P.c.id, _P.c.last_name, _P.c.first_name, _M.c.from_date, _M.c.to_date)
        .join(_M, _M.c.pupil_id == _P.c.id)
        .where(_M.c.class_id == course.class_id, _M.c.from_date <= end,
               or_(_M.c.to_date.is_(None), _M.c.to_date >= start))
    )
    if course.subgroup_id is not None:
        members = members.join(_SM, and_(_SM.c.pupil_id == _P.c.id, _SM.c.subgroup_id == course.subgroup_id))
    pupils = sorted(
        (
            SheetPupil(pid, last, first, max(since, start), min(until, end) if until else end)
            for pid, last, first, since, until in conn.execute(members)
        ),
        key=lambda p: (name_key(p.last_name), name_key(p.first_name), p.id),
    )

    lessons = [
        SheetLesson(*row)
        for row in conn.execute(
            select(_L.c.id, _L.c.date, _L.c.slot, _L.c.kind)
            .where(_L.c.course_id == course_id, _L.c.date >= start, _L.c.date <= end)
            .order_by(_L.c.date, _L.c.slot)
        )
    ]
    sheet = JournalSheet(course_id, course.scale, start, end, pupils, lessons, {})
    rows, columns = sheet.row_of, sheet.column_of
    cells = conn.execute(
        select(_CELL.c.lesson_id, _CELL.c.pupil_id, _CELL.c.attendance, _CELL.c.mark, _CELL.c.comment)
        .join(_L, _L.c.id == _CELL.c.lesson_id)
        .where(_L.c.course_id == course_id, _L.c.date >= start, _L.c.date <= end)
    )
    for lesson_id, pupil_id, attendance, mark, comment in cells:
        row = rows.get(pupil_id)
        if row is not None:
            sheet.cells[(row, columns[lesson_id])] = (attendance, mark, comment)
    for pupil_id, final, computed in conn.execute(
        select(_MARK.c.pupil_id, _MARK.c.final_mark, _MARK.c.computed_mark)
        .where(_MARK.c.course_id == course_id, _MARK.c.period_id == period_id)
    ):
        sheet.results[pupil_id] = final if final is not None else computed
    return sheet
