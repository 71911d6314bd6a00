"""Record keys: how the protocol names one record, built and read here and nowhere else.

- a lesson or a summative work: its id (storage makes lesson ids from course, date and slot: core.ids);
- a lesson cell or a summative score: "<lesson or work id>/<pupil id>";
- a period mark: "<course id>.<period id>/<pupil id>";
- a period closed or reopened for one course: "<period id>@<course id>";
- a pupil's place in a subgroup: "<subgroup id>:<pupil id>";
- a conflict: its number.

A key is read back only in its one canonical spelling (plain ASCII digits, no leading zero), so one record
never goes by two names: "L/007" is not a name of pupil 7's cell, it is no key at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAX_DIGITS = 18  # a whole number that fits the databases' 64-bit integers
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # as str(uuid.UUID) spells it


@dataclass(frozen=True)
class PupilKey:
    """A lesson cell's or a summative score's key: the lesson or work, and the pupil."""

    record: str
    pupil: int

    def __str__(self) -> str:
        return f"{self.record}/{self.pupil}"


@dataclass(frozen=True)
class ResultKey:
    """A period mark's key."""

    course: int
    period: int
    pupil: int

    def __str__(self) -> str:
        return f"{self.course}.{self.period}/{self.pupil}"


@dataclass(frozen=True)
class PeriodKey:
    """A period's closing, as told to the PCs of one course."""

    period: int
    course: int

    def __str__(self) -> str:
        return f"{self.period}@{self.course}"


def cell(lesson_id: str, pupil_id: int) -> str:
    return str(PupilKey(lesson_id, pupil_id))


score = cell  # a score is keyed like a cell: its work and the pupil
# Where a cell's or a score's pupil number begins in its key, counted from 1 as SQL's substr counts: after the
# record's id (a canonical UUID, 36 characters) and the slash. The server's pull picks a pupil's cells by it.
PUPIL_FROM = 36 + 1 + 1


def result(course_id: int, period_id: int, pupil_id: int) -> str:
    return str(ResultKey(course_id, period_id, pupil_id))


def period(period_id: int, course_id: int) -> str:
    return str(PeriodKey(period_id, course_id))


def number(text: str) -> int | None:
    """A canonical whole number (ASCII digits, no leading zero), or None."""
    if text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS and (text == "0" or text[0] != "0"):
        return int(text)
    return None


def record_id(text: str) -> str | None:
    """A lesson's or a summative work's id: a UUID in its one canonical spelling (lowercase, dashed: core.ids
    makes them so), which the server keeps in a native uuid column; anything else is None: it names no record
    and never reaches a query."""
    return text if _UUID.fullmatch(text) else None


def parse_pupil_key(key: str) -> PupilKey | None:
    record, slash, tail = key.rpartition("/")
    pupil = number(tail) if slash and record_id(record) is not None else None
    return None if pupil is None else PupilKey(record, pupil)


def parse_result(key: str) -> ResultKey | None:
    record, _, tail = key.rpartition("/")
    course, _, period_part = record.partition(".")
    parts = number(course), number(period_part), number(tail)
    if parts[0] is None or parts[1] is None or parts[2] is None:
        return None
    return ResultKey(parts[0], parts[1], parts[2])


def parse_period(key: str) -> PeriodKey | None:
    period_part, _, course = key.partition("@")
    parts = number(period_part), number(course)
    return None if parts[0] is None or parts[1] is None else PeriodKey(parts[0], parts[1])


def grouping(subgroup_id: int, pupil_id: int) -> str:
    return f"{subgroup_id}:{pupil_id}"


def parse_grouping(key: str) -> tuple[int, int] | None:
    group, _, pupil = key.partition(":")
    parts = number(group), number(pupil)
    return None if parts[0] is None or parts[1] is None else (parts[0], parts[1])


def parse_number(key: str) -> int | None:
    """A conflict's key."""
    return number(key)
