"""What a key typed into a journal cell means, by the course's scale and the school's attendance letters:
a mark, an attendance code, clearing the cell, or a refusal with the reason to show. No Qt here.

ФО points go up to 10: a "1" followed at once by "0" in the same cell makes 10, as in a spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.attendance import Attendance
from storage.validation import MARK_RANGES


@dataclass(frozen=True)
class CellInput:
    kind: str  # mark, attendance, clear, refused, ignored
    value: object = None
    reason: str = ""  # for refused: not_a_mark, marks_not_allowed, unknown_key
    allowed: str = ""  # for refused: what this cell takes, e.g. "2–5"


def interpret(text: str, scale: str, letters: dict[str, Attendance], previous: str = "") -> CellInput:
    """`text` is the key's character; `previous` the key typed just before in the same cell, if any."""
    if not text or not text.isprintable() or text.isspace():
        return CellInput("ignored")
    key = text.lower()
    if key in letters:
        return CellInput("attendance", letters[key].value)
    bounds = MARK_RANGES.get(scale)
    if key.isdigit() and len(key) == 1:
        if bounds is None:
            return CellInput("refused", reason="marks_not_allowed")
        low, high = bounds
        number = int(key)
        if previous.isdigit() and low <= int(previous + key) <= high:
            number = int(previous + key)  # "1" then "0" → 10
        if low <= number <= high:
            return CellInput("mark", number)
        return CellInput("refused", value=number, reason="not_a_mark", allowed=f"{low}–{high}")
    allowed = ", ".join(sorted(letters))
    return CellInput("refused", value=text, reason="unknown_key", allowed=allowed)
