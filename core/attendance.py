"""Attendance of a pupil in a lesson, and the letters teachers type for it.

No official list of letters exists (see shared/domain.md): these are defaults per interface language,
which the app lets a school change. The stored value is the language-neutral code.
"""

from __future__ import annotations

from enum import StrEnum


class Attendance(StrEnum):
    ABSENT = "absent"  # absent without a reason
    ILL = "ill"  # absent, ill
    EXCUSED = "excused"  # absent for another valid reason
    LATE = "late"


# Present is the default and is stored as NULL, so it has no letter.
DEFAULT_LETTERS: dict[str, dict[str, Attendance]] = {
    "kk": {"ж": Attendance.ABSENT, "а": Attendance.ILL, "с": Attendance.EXCUSED, "к": Attendance.LATE},
    "ru": {"н": Attendance.ABSENT, "б": Attendance.ILL, "у": Attendance.EXCUSED, "о": Attendance.LATE},
    "en": {"a": Attendance.ABSENT, "i": Attendance.ILL, "e": Attendance.EXCUSED, "l": Attendance.LATE},
}
