"""The journal's tables as typed SQLAlchemy models, shared by a teacher's journal and the server: the school,
its timetable and the journal itself. Each side adds its own tables beside them (storage.models for the
PC's outbox and sync bookkeeping, server.schema for accounts, devices, the change feed and the audit log)."""

from core.tables.base import Base
from core.tables.journal import Lesson, LessonCell, PeriodMark, SummativeScore, SummativeWork
from core.tables.school import (
    AcademicYear,
    ClassMembership,
    DayOff,
    Period,
    Pupil,
    School,
    SchoolClass,
    Subgroup,
    SubgroupMember,
    Subject,
    Teacher,
)
from core.tables.timetable import BellSlot, Course, TimetableEntry

# The tables a journal and the server both hold, by name: what the server copies into its own schema.
JOURNAL_TABLES = frozenset(model.__tablename__ for model in (
    School, AcademicYear, DayOff, Period, Subject, Teacher, SchoolClass, Subgroup, Pupil, SubgroupMember,
    ClassMembership, BellSlot, Course, TimetableEntry, Lesson, LessonCell, SummativeWork, SummativeScore, PeriodMark,
))

__all__ = [
    "JOURNAL_TABLES", "AcademicYear", "Base", "BellSlot", "ClassMembership", "Course", "DayOff", "Lesson", "LessonCell",
    "Period", "PeriodMark", "Pupil", "School", "SchoolClass", "Subgroup", "SubgroupMember", "Subject",
    "SummativeScore", "SummativeWork", "Teacher", "TimetableEntry",
]
