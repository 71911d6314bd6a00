"""Checks of single values a teacher enters: marks by the course's scale, attendance codes, texts, scores.

Each check returns the value to store or raises a core.errors.ValidationError naming the problem.
"""

from __future__ import annotations

import re
from typing import TypeGuard

from core.attendance import Attendance
from core.errors import InvalidAttendance, InvalidMark, InvalidScore, MarksNotAllowed, NotText, TextTooLong

# Allowed lesson marks per course scale (inclusive bounds).
MARK_RANGES: dict[str, tuple[int, int]] = {
    "classic": (2, 5),
    "criteria": (0, 10),  # ФО / ҚБ points
    "passfail": (0, 1),  # 0 = незачёт, 1 = зачёт
}

MAX_WORK_POINTS = 100  # the most points a summative work may be out of

TEXT_LIMITS = {"reason": 1000, "comment": 2000, "topic": 500, "homework": 2000, "title": 200, "section": 200,
               "imported": 1000}


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def check_mark(scale: str, value: object) -> int | None:
    if value is None:
        return None
    bounds = MARK_RANGES.get(scale)
    if bounds is None:
        raise MarksNotAllowed(scale=scale)
    low, high = bounds
    if not _is_int(value) or not low <= value <= high:
        raise InvalidMark(value=value, scale=scale, allowed=f"{low}–{high}")
    return value


def check_attendance(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):  # what Attendance(value) refuses, as it would
        raise InvalidAttendance(value=value, allowed=", ".join(a.value for a in Attendance))
    try:
        return Attendance(value).value
    except ValueError:
        raise InvalidAttendance(value=value, allowed=", ".join(a.value for a in Attendance)) from None


# What no journal text keeps: control characters but tab and line breaks (a NUL pasted from another program
# cannot even be stored by PostgreSQL), and halves of a UTF-16 pair that came without the other half.
_UNKEPT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def kept(text: str) -> str:
    """The text without the characters no journal text keeps (a device's name, say)."""
    return _UNKEPT.sub("", text)


def escaped(text: str) -> str:
    """The text with each character no column keeps spelt as \\uXXXX: how the audit log records a key or a
    field name a client sent, as it was sent."""
    return _UNKEPT.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def check_text(field: str, value: object) -> str | None:
    """The text as it is kept, the same on every PC and the server: unkept characters dropped, spaces at
    either end trimmed, None for empty; refuses non-text and text over the field's limit."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise NotText(field=field, kind=type(value).__name__)
    text = _UNKEPT.sub("", value).strip()
    if len(text) > TEXT_LIMITS[field]:
        raise TextTooLong(field=field, length=len(text), limit=TEXT_LIMITS[field])
    return text or None


def check_score(value: object, max_points: int) -> int | None:
    if value is None:
        return None
    if not _is_int(value) or not 0 <= value <= max_points:
        raise InvalidScore(value=value, max_points=max_points)
    return value
