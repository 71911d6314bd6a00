"""What a sync run changed in the local journal, record by record, so that whoever shows the journal re-reads
only what it touched: lesson cells, СОР/СОЧ scores, lessons' topics and homework, the courses whose
shape changed (a lesson or a work arrived, a final period mark was set), and whether a class's pupils changed.
A run that pulled nothing changed nothing; a first download changed everything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core import record_keys

Pair = tuple[str, int]  # (lesson or work id, pupil id)


@dataclass
class Changed:
    cells: set[Pair] = field(default_factory=set)  # (lesson id, pupil id)
    scores: set[Pair] = field(default_factory=set)  # (work id, pupil id)
    lessons: set[str] = field(default_factory=set)  # lessons whose topic or homework changed
    courses: set[int] = field(default_factory=set)  # a lesson or work added, a period mark set
    roster: bool = False  # a pupil arrived, left or moved: the classes' lists of pupils changed
    everything: bool = False  # a first download: the whole journal is new
    review: bool = False  # the open conflicts changed (also noted as the records they are about)
    reshaped: bool = False  # a lesson cancelled or moved, a work changed or deleted: some journal's columns changed

    def __bool__(self) -> bool:
        return bool(self.everything or self.roster or self.reshaped or self.cells or self.scores or self.lessons
                    or self.courses)

    def note(self, entity: str, key: str, field_name: str, value: Any = None) -> None:
        """The server's value of one field was written here (or a conflict about it opened or closed)."""
        if entity in ("pupil", "member"):
            self.roster = True
        elif entity in ("cell", "score"):
            pupil_key = record_keys.parse_pupil_key(key)
            if pupil_key is not None:
                (self.cells if entity == "cell" else self.scores).add((pupil_key.record, pupil_key.pupil))
        elif entity == "lesson" and field_name in ("cancelled", "moved", "removed"):
            self.lessons.add(key)
            self.reshaped = True
        elif entity == "work" and field_name != "create":
            self.reshaped = True
        elif entity == "lesson" and field_name != "create":
            self.lessons.add(key)
        elif entity in ("lesson", "work") and isinstance(value, dict) and value.get("course_id") is not None:
            self.courses.add(int(value["course_id"]))
        elif entity == "result":
            result = record_keys.parse_result(key)
            if result is not None:
                self.courses.add(result.course)

    def merge(self, other: Changed) -> None:
        self.cells |= other.cells
        self.scores |= other.scores
        self.lessons |= other.lessons
        self.courses |= other.courses
        self.everything = self.everything or other.everything
        self.roster = self.roster or other.roster
        self.reshaped = self.reshaped or other.reshaped
        self.review = self.review or other.review
