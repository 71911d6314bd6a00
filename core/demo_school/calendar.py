"""The school calendar the demo uses: term dates and public holidays.

Real dates are set each year by Ministry order; the pattern here follows the 2025–26 order as shown in
shared/domain.md (02.09–24.10, 03.11–26.12, 08.01–18.03, 30.03–25.05), moved to the wanted year.
"""

from __future__ import annotations

import datetime as dt

# (month, day) pairs: (start, end) per term; terms 3–4 fall in the following calendar year.
TERM_PATTERN = (((9, 2), (10, 24)), ((11, 3), (12, 26)), ((1, 8), (3, 18)), ((3, 30), (5, 25)))

# Kazakhstan's public holidays that fall in the school year (fixed dates).
HOLIDAYS = ((10, 25), (12, 16), (1, 1), (1, 2), (1, 7), (3, 8), (3, 21), (3, 22), (3, 23), (5, 1), (5, 7),
            (5, 9))


def school_year_of(today: dt.date) -> int:
    """The calendar year in which the school year containing `today` started."""
    return today.year if today.month >= 8 else today.year - 1


def terms(start_year: int) -> list[tuple[dt.date, dt.date]]:
    out = []
    for number, ((sm, sd), (em, ed)) in enumerate(TERM_PATTERN, start=1):
        year = start_year if number <= 2 else start_year + 1
        out.append((dt.date(year, sm, sd), dt.date(year, em, ed)))
    return out


def is_holiday(day: dt.date) -> bool:
    return (day.month, day.day) in HOLIDAYS
