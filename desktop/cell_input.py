"""What a key typed into a journal cell means, by the course's scale and the school's attendance letters:
a mark, an attendance code, clearing the cell, or a refusal with the reason to show. No Qt here.

Digits typed one right after another into the same cell (each within TWO_KEY_SECONDS of the last, the cursor
not moved) are one number, as in a spreadsheet: "1" then "0" makes 10 ФО points, "1" then "5" 15 points of a
СОР. A number past what the cell takes is refused as typed — "16" on a work out of 15 is never saved as 6 —
the cell gets back what it held before the first of those digits, and digits typed right after a refused
number are more of it ("200" is refused whole, not saved as 0).

Keys count by where they are on the keyboard, whatever layout is on: the number row types digits (the
standard Kazakh layout puts " ә і ң ғ , . ү ұ қ there instead: RST KazSSR 903-90, xkb `kz` "basic", Windows
KBDKAZ), and a letter key stands for what it types on the US and on the Russian/Kazakh ЙЦУКЕН layout alike,
so the key marked ж means ж with a Latin layout on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from core.attendance import Attendance
from core.validation import MARK_RANGES

TWO_KEY_SECONDS = 1.5  # digits typed into one cell within this of each other make one number

# The main block of a PC keyboard by set-1 scan code (Windows' scan codes; Linux's evdev key codes are the
# same numbers, and X11/Wayland key codes these + 8): the number row, then each letter row as it types on
# the US layout and on the ЙЦУКЕН layout (Russian, and the letter rows of the Kazakh one).
NUMBER_ROW = {0x02 + i: digit for i, digit in enumerate("1234567890")}
_LETTER_ROWS = ((0x10, "qwertyuiop[]", "йцукенгшщзхъ"),
                (0x1E, "asdfghjkl;'`", "фывапролджэё"),  # 0x29 is the key left of 1
                (0x2C, "zxcvbnm,.", "ячсмитьбю"))
SAME_KEY: dict[int, tuple[str, str]] = {first + i: (latin[i], cyrillic[i])
                                        for first, latin, cyrillic in _LETTER_ROWS for i in range(len(latin))}
_OTHER_SCRIPT = {a: b for latin, cyrillic in SAME_KEY.values() for a, b in ((latin, cyrillic), (cyrillic, latin))}
# The letters the Kazakh layout types on the number row, for a key whose place the platform does not give.
# (Its 1, 6 and 7 type " , . — punctuation every layout has elsewhere, so only the key's place tells.)
KAZAKH_NUMBER_ROW = {"ә": "2", "і": "3", "ң": "4", "ғ": "5", "ү": "8", "ұ": "9", "қ": "0"}


@dataclass(frozen=True)
class Keystroke:
    """A key typed into a cell: the text the layout gave, the digit it stands for (if any), and what the same
    key types on the US and ЙЦУКЕН layouts."""

    text: str
    digit: str = ""
    digit_by_place: bool = False  # the digit comes from the key's place on the number row
    same_key: tuple[str, ...] = ()


def keystroke(text: str, place: int | None = None) -> Keystroke:
    """`place` is the key's set-1 scan code where the platform gives it (see journal_view.key_place)."""
    if place in NUMBER_ROW:
        return Keystroke(text, NUMBER_ROW[place], digit_by_place=True)
    if place in SAME_KEY:
        return Keystroke(text, same_key=SAME_KEY[place])
    if len(text) == 1 and text.isdigit() and text.isascii():
        return Keystroke(text, text)  # the keypad's digits, or a layout's
    if place is not None:
        return Keystroke(text)
    key = text.lower()  # where the key is is not known: guess it from what it typed
    alike = (_OTHER_SCRIPT[key],) if key in _OTHER_SCRIPT else ()
    return Keystroke(text, KAZAKH_NUMBER_ROW.get(key, ""), same_key=alike)


@dataclass(frozen=True)
class CellInput:
    kind: str  # mark, attendance, points, refused, ignored
    value: object = None
    reason: str = ""  # for refused: not_a_mark, marks_not_allowed, unknown_key, not_points, over_maximum
    allowed: str = ""  # for refused: what this cell takes, e.g. "2–5" (for over_maximum: the maximum)
    digits: str = ""  # for a mark, points or a refused number: the digits typed into the cell in a row


def _letter(stroke: Keystroke, letters: dict[str, Attendance]) -> Attendance | None:
    for key in (stroke.text.lower(), *stroke.same_key):
        if key in letters:
            return letters[key]
    return None


def _typed(stroke: Keystroke) -> str:
    return stroke.text if stroke.text and stroke.text.isprintable() and not stroke.text.isspace() else ""


def interpret(stroke: Keystroke, scale: str, letters: dict[str, Attendance], previous: str = "") -> CellInput:
    """`previous`: the digits typed into this cell just before, one right after another (DigitRuns)."""
    if not _typed(stroke):
        return CellInput("ignored")
    code = _letter(stroke, letters)
    if code is not None and not stroke.digit_by_place:
        return CellInput("attendance", code.value)
    if stroke.digit:
        bounds = MARK_RANGES.get(scale)
        if bounds is None:
            return CellInput("refused", reason="marks_not_allowed")
        low, high = bounds
        digits = previous + stroke.digit
        if low <= int(digits) <= high:
            return CellInput("mark", int(digits), digits=digits)
        return CellInput("refused", value=int(digits), reason="not_a_mark", allowed=f"{low}–{high}", digits=digits)
    return CellInput("refused", value=stroke.text, reason="unknown_key", allowed=", ".join(sorted(letters)))


def score_input(stroke: Keystroke, max_points: int, previous: str = "") -> CellInput:
    """A key typed into a СОР/СОЧ score cell: points 0–max_points, the digits typed in a row as one number."""
    if not _typed(stroke):
        return CellInput("ignored")
    if not stroke.digit:
        return CellInput("refused", value=stroke.text, reason="not_points", allowed=f"0–{max_points}")
    digits = previous + stroke.digit
    if int(digits) <= max_points:
        return CellInput("points", int(digits), digits=digits)
    return CellInput("refused", value=int(digits), reason="over_maximum", allowed=str(max_points), digits=digits)


@dataclass(frozen=True)
class DigitRun:
    cell: tuple[int, int]
    digits: str
    at: float
    before: object  # what the cell held before the run's first digit
    refused: bool = False


class DigitRuns:
    """The digits being typed into one cell one right after another, and what the cell held before them."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.run: DigitRun | None = None

    def previous(self, cell: tuple[int, int]) -> str:
        run = self.run
        if run is None or run.cell != cell or self.clock() - run.at >= TWO_KEY_SECONDS:
            return ""
        return run.digits

    def typed(self, cell: tuple[int, int], digits: str, shown: object) -> None:
        """`digits` (the run so far) were saved into `cell`, which showed `shown` before this key."""
        run = self.run
        goes_on = len(digits) > 1 and run is not None and run.cell == cell and not run.refused
        # after a refused "0", the cell still shows what it did
        before = run.before if goes_on and run is not None else shown
        self.run = DigitRun(cell, digits, self.clock(), before)

    def refused(self, cell: tuple[int, int], refusal: CellInput) -> DigitRun | None:
        """A key refused in `cell`. A refused number goes on: digits typed right after it are more of it (and so
        refused too); any other refused key ends the run. Returns the run whose first digits were saved and must
        now be put back (to its `before`), if there is one."""
        run, self.run = self.run, None
        if refusal.digits:
            self.run = DigitRun(cell, refusal.digits, self.clock(), None, refused=True)
        if run is not None and run.cell == cell and not run.refused and len(refusal.digits) > 1:
            return run
        return None

    def moved_to(self, cell: tuple[int, int]) -> None:
        """The cursor is on `cell` now: a run elsewhere ends (coming back starts a new number). A journal re-read
        that puts the cursor back where it was does not end it."""
        if self.run is not None and self.run.cell != cell:
            self.run = None

    def stop(self) -> None:
        """End the run: a key that is not one of its digits, or the cursor moved."""
        self.run = None

    def held_at(self, cell: tuple[int, int]) -> bool:
        """Whether the number last typed into `cell` was refused: Enter then stays on the cell (and ends the run),
        so that the next pupil's number is not typed one row too high."""
        run = self.run
        held = run is not None and run.cell == cell and run.refused
        if held:
            self.run = None
        return held
