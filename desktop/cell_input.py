"""What a key typed into a journal cell means, by the course's scale and the school's attendance letters:
a mark, an attendance code, clearing the cell, or a refusal with the reason to show. No Qt here.

ФО points go up to 10: a "1" followed at once by "0" in the same cell makes 10, as in a spreadsheet; a
СОР/СОЧ score cell takes points up to the work's maximum the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.attendance import Attendance
from storage.validation import MARK_RANGES


@dataclass(frozen=True)
class CellInput:
    kind: str  # mark, attendance, points, refused, ignored
    value: object = None
    reason: str = ""  # for refused: not_a_mark, marks_not_allowed, unknown_key, not_points
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


def score_input(text: str, max_points: int, previous: str = "") -> CellInput:
    """A key typed into a СОР/СОЧ score cell: points 0–max_points. Digits typed one right after another in
    the same cell build one number while it stays within the maximum ("1", "5" → 15 of 20)."""
    if not text or not text.isprintable() or text.isspace():
        return CellInput("ignored")
    if not (text.isdigit() and len(text) == 1):
        return CellInput("refused", value=text, reason="not_points", allowed=f"0–{max_points}")
    if previous.isdigit() and int(previous + text) <= max_points:
        return CellInput("points", int(previous + text))
    if int(text) <= max_points:
        return CellInput("points", int(text))
    return CellInput("refused", value=int(text), reason="not_points", allowed=f"0–{max_points}")
