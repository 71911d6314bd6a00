"""What is taught when: courses (class or subgroup × subject × teacher), the bell schedule, the weekly timetable."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, SmallInteger, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.tables.base import Base

# How a course is marked: classic 2–5, criteria-based ФО points 0–10, pass/fail, or not graded (grade 1).
SCALES = ("classic", "criteria", "passfail", "none")


class Course(Base):
    __tablename__ = "course"
    __table_args__ = (
        Index("ix_course_class", "class_id"),
        Index("ix_course_teacher", "teacher_id"),
        CheckConstraint("scale IN ('classic', 'criteria', 'passfail', 'none')", name="scale"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("school_class.id"))
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id"))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("teacher.id"))
    subgroup_id: Mapped[int | None] = mapped_column(ForeignKey("subgroup.id"))
    scale: Mapped[str] = mapped_column(String(10))
    hours_per_week: Mapped[int] = mapped_column(SmallInteger)


class BellSlot(Base):
    """One lesson slot of the bell schedule, e.g. slot 1 = 08:00–08:45 in the first shift."""

    __tablename__ = "bell_slot"
    __table_args__ = (
        UniqueConstraint("school_id", "shift", "number"),
        CheckConstraint("starts < ends", name="times"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"))
    shift: Mapped[int] = mapped_column(SmallInteger, default=1)
    number: Mapped[int] = mapped_column(SmallInteger)
    starts: Mapped[dt.time] = mapped_column(Time)
    ends: Mapped[dt.time] = mapped_column(Time)


class TimetableEntry(Base):
    """A course is taught on this weekday (1 = Monday) in this slot, from one date to another."""

    __tablename__ = "timetable_entry"
    __table_args__ = (
        UniqueConstraint("course_id", "weekday", "slot", "valid_from"),
        CheckConstraint("weekday BETWEEN 1 AND 7", name="weekday"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"))
    weekday: Mapped[int] = mapped_column(SmallInteger)
    slot: Mapped[int] = mapped_column(SmallInteger)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
