"""What the teacher writes: lessons, lesson cells (one pupil in one lesson), summative works and scores,
period (term, half-year, year) marks.

Records a teacher may create offline carry ids made on the client (UUID text) so that two devices never
collide; a cell is keyed by (lesson, pupil), so two devices can never create two cells for one pupil in
one lesson. `server_version` is the version of the record the server last confirmed (0: not yet on the
server); sync uses it as the base of the next edit.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from core.tables.base import Base

LESSON_KINDS = ("regular", "sor", "soch")
WORK_KINDS = ("sor", "soch")


class Lesson(Base):
    __tablename__ = "lesson"
    __table_args__ = (
        UniqueConstraint("course_id", "date", "slot"),
        CheckConstraint("kind IN ('regular', 'sor', 'soch')", name="kind"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    slot: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[str] = mapped_column(String(8), default="regular")
    topic: Mapped[str | None] = mapped_column(Text)
    homework: Mapped[str | None] = mapped_column(Text)
    # Set when an admin assigned this lesson to another teacher (a substitution).
    substitute_teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id"))
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    # Why the lesson is cancelled (it takes no marks or attendance then); NULL for a lesson held. Last: added by
    # a later migration (storage 0005, server 0012), after the server's school_id.
    cancelled: Mapped[str | None] = mapped_column(Text)


class LessonCell(Base):
    """One pupil in one lesson: attendance, mark, comment. Absent row = nothing written yet."""

    __tablename__ = "lesson_cell"
    __table_args__ = (
        Index("ix_lesson_cell_pupil", "pupil_id"),
        {"sqlite_with_rowid": False},
    )

    lesson_id: Mapped[str] = mapped_column(ForeignKey("lesson.id"), primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), primary_key=True)
    # NULL = present / not marked; otherwise one of core.attendance.Attendance.
    attendance: Mapped[str | None] = mapped_column(String(8))
    mark: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    # Where the cell's values came from when the school imported them from another system (server.journal_import):
    # "<source>: <file>, <day>"; NULL for what a teacher wrote. Last: added by a migration.
    imported: Mapped[str | None] = mapped_column(Text)


class SummativeWork(Base):
    """A СОР/БЖБ (summative for a section) or СОЧ/ТЖБ (summative for the term), with its maximum points."""

    __tablename__ = "summative_work"
    __table_args__ = (
        Index("ix_summative_work_course", "course_id", "period_id"),
        CheckConstraint("kind IN ('sor', 'soch')", name="kind"),
        CheckConstraint("max_points > 0", name="max_points"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"))
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id"))
    lesson_id: Mapped[str | None] = mapped_column(ForeignKey("lesson.id"))
    kind: Mapped[str] = mapped_column(String(4))
    title: Mapped[str] = mapped_column(String(200))
    section: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date)
    max_points: Mapped[int] = mapped_column(SmallInteger)
    server_version: Mapped[int] = mapped_column(Integer, default=0)


class SummativeScore(Base):
    __tablename__ = "summative_score"
    __table_args__ = ({"sqlite_with_rowid": False},)

    work_id: Mapped[str] = mapped_column(ForeignKey("summative_work.id"), primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), primary_key=True)
    points: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    imported: Mapped[str | None] = mapped_column(Text)  # as a cell's


class PeriodMark(Base):
    """A pupil's mark for a term, half-year or year in one course: computed and final side by side.

    `status` is NULL for a mark, or "na" (временно не аттестован), "pass" or "fail".
    A final mark that differs from the computed one needs `final_reason`.
    """

    __tablename__ = "period_mark"
    __table_args__ = ({"sqlite_with_rowid": False},)

    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"), primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id"), primary_key=True)
    computed_percent: Mapped[float | None] = mapped_column(Float)
    computed_mark: Mapped[int | None] = mapped_column(SmallInteger)
    final_mark: Mapped[int | None] = mapped_column(SmallInteger)
    final_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(4))
    rule_version: Mapped[str | None] = mapped_column(String(40))
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    # On the year's row: the mark of the final attestation's exam (grades 9 and 11) or of the year test after a year
    # 2 (core.final_marks.ATTESTATIONS), from which the subject's final mark is computed (core.grading).
    attestation_kind: Mapped[str | None] = mapped_column(String(9))
    attestation_mark: Mapped[int | None] = mapped_column(SmallInteger)
