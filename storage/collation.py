"""Alphabetical order of names as Kazakh and Russian journals list pupils.

Unicode code points put Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І after Я; the Kazakh alphabet puts them beside their
Russian neighbours, and Russian order is the Kazakh order without them, so one key serves both.
PyICU would do this too, but it needs the ICU C library built on every teacher's PC for 42 letters.
"""

from __future__ import annotations

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {ch: i for i, ch in enumerate(KAZAKH_ALPHABET)}
_AFTER = len(KAZAKH_ALPHABET)


def name_key(text: str) -> tuple[int, ...]:
    """Sort key: Kazakh/Russian alphabet order, case-insensitive; other characters after, by code point."""
    return tuple(_RANK.get(ch, _AFTER + ord(ch)) for ch in text.casefold())
