"""Who and when: school, academic year and its periods, classes, pupils and their moves, teachers, subjects.

These records come from the school (the server); their integer ids are the server's.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.tables.base import Base


class School(Base):
    __tablename__ = "school"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(200))
    # Default interface language for the school's PCs: "kk", "ru" or "en".
    language: Mapped[str] = mapped_column(String(2), default="kk")


class AcademicYear(Base):
    __tablename__ = "academic_year"
    __table_args__ = (
        UniqueConstraint("school_id", "start_date"),
        CheckConstraint("start_date < end_date", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"))
    name: Mapped[str] = mapped_column(String(20))  # "2026–2027"
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    # Days a week with lessons: 5 (Monday–Friday) or 6 (Monday–Saturday).
    week_days: Mapped[int] = mapped_column(SmallInteger, default=5, server_default="5")


class DayOff(Base):
    """Days without lessons in the school's calendar, first and last both included: a public holiday, a break
    (каникулы), or a day off moved from a holiday that fell on a weekend; for the grades `grade_from`–`grade_to`
    (grade 1's extra break is a break for grade 1 alone). core.school_calendar reads them."""

    __tablename__ = "day_off"
    __table_args__ = (
        Index("ix_day_off_year", "year_id", "from_date"),
        CheckConstraint("from_date <= to_date", name="dates"),
        CheckConstraint("grade_from <= grade_to", name="grades"),
        CheckConstraint("kind IN ('holiday', 'break', 'moved')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id"))
    from_date: Mapped[dt.date] = mapped_column(Date)
    to_date: Mapped[dt.date] = mapped_column(Date)
    grade_from: Mapped[int] = mapped_column(SmallInteger, default=0)
    grade_to: Mapped[int] = mapped_column(SmallInteger, default=12)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120))


class Period(Base):
    """A term (четверть/тоқсан), a half-year (полугодие) or the whole year, with its dates."""

    __tablename__ = "period"
    __table_args__ = (
        UniqueConstraint("year_id", "kind", "number"),
        CheckConstraint("kind IN ('term', 'half_year', 'year')", name="kind"),
        CheckConstraint("start_date <= end_date", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id"))
    kind: Mapped[str] = mapped_column(String(10))
    number: Mapped[int] = mapped_column(SmallInteger)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    # A closed period's cells and marks are locked; reopening is an admin action.
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class SchoolClass(Base):
    """A class of one academic year, e.g. 7 «Б»."""

    __tablename__ = "school_class"
    __table_args__ = (
        UniqueConstraint("year_id", "grade", "letter"),
        CheckConstraint("grade BETWEEN 0 AND 12", name="grade"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id"))
    grade: Mapped[int] = mapped_column(SmallInteger)
    letter: Mapped[str] = mapped_column(String(4))
    # Language of instruction: "kk" or "ru".
    language: Mapped[str] = mapped_column(String(2))
    homeroom_teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teacher.id"))


class Pupil(Base):
    __tablename__ = "pupil"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"))
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(1))


class ClassMembership(Base):
    """A pupil belongs to a class from one date to another (pupils move between classes mid-year).

    `to_date` is the last day in the class, inclusive; NULL while the pupil is still there.
    """

    __tablename__ = "class_membership"
    __table_args__ = (
        Index("ix_class_membership_class", "class_id", "from_date"),
        Index("ix_class_membership_pupil", "pupil_id"),
        CheckConstraint("to_date IS NULL OR from_date <= to_date", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"))
    class_id: Mapped[int] = mapped_column(ForeignKey("school_class.id"))
    from_date: Mapped[dt.date] = mapped_column(Date)
    to_date: Mapped[dt.date | None] = mapped_column(Date)


class Teacher(Base):
    __tablename__ = "teacher"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"))
    username: Mapped[str] = mapped_column(String(64), unique=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str | None] = mapped_column(String(100))


class Subject(Base):
    __tablename__ = "subject"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_kk: Mapped[str] = mapped_column(String(120))
    name_ru: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))


class Subgroup(Base):
    """Part of a class taught separately (foreign languages, informatics in large classes)."""

    __tablename__ = "subgroup"
    __table_args__ = (UniqueConstraint("class_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("school_class.id"))
    name: Mapped[str] = mapped_column(String(40))


class SubgroupMember(Base):
    """A pupil in a subgroup from one day to another, both included (NULL: from the year's start / still there).
    One stay per pupil and subgroup: a pupil who moves to another group and back is told by the admin's console
    to ask for it anew (server.subgroups)."""

    __tablename__ = "subgroup_member"

    subgroup_id: Mapped[int] = mapped_column(ForeignKey("subgroup.id"), primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupil.id"), primary_key=True)
    from_date: Mapped[dt.date | None] = mapped_column(Date)
    to_date: Mapped[dt.date | None] = mapped_column(Date)
