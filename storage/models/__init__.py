"""The journal's schema as typed SQLAlchemy models, one module per part of the journal."""

from storage.models.base import Base
from storage.models.changes import AuditEntry, DeviceState, OutboxOp
from storage.models.journal import Lesson, LessonCell, PeriodMark, SummativeScore, SummativeWork
from storage.models.school import (
    AcademicYear,
    ClassMembership,
    Period,
    Pupil,
    School,
    SchoolClass,
    Subgroup,
    SubgroupMember,
    Subject,
    Teacher,
)
from storage.models.sync_state import RejectedOp, SyncConflict, SyncState
from storage.models.timetable import BellSlot, Course, TimetableEntry

__all__ = [
    "AcademicYear", "AuditEntry", "Base", "BellSlot", "ClassMembership", "Course", "DeviceState",
    "Lesson", "LessonCell", "OutboxOp", "Period", "PeriodMark", "Pupil", "RejectedOp", "School",
    "SchoolClass", "Subgroup", "SubgroupMember", "Subject", "SummativeScore", "SummativeWork", "SyncConflict",
    "SyncState", "Teacher", "TimetableEntry",
]
