"""The demo school's calendar: a school year's terms, breaks and public holidays, as a school keeps them.

Source: the Minister of Enlightenment's order of 5 August 2025 on the 2025–26 school year (as reported by
Zakon.kz, alau.kz and regional news; shared/domain.md): the year from 1 September to 25 May; an autumn break
of 7 days (27.10–02.11.2025), a winter one of 10 (29.12–07.01), a spring one of 11 (19.03–29.03), and for
grade 1 an extra week in February (09.02–15.02). No order for 2026–27 was found published when this was
written, so each year follows that order's pattern: the autumn break and grade 1's week from the Monday of the
week holding 27 October and 9 February, the winter and spring breaks on the same dates. A real school enters
its year's order in the admin console or its import bundle (calendar.csv); this is the demo's only.

Public holidays are the Law on holidays': a non-religious one that falls on a Saturday or a Sunday moves its
day off to the next working day (the Labour Code's rule). Kurban ait (lunar, set yearly) is left out.
"""

from __future__ import annotations

import datetime as dt

from core.school_calendar import DayOff

YEAR_END = (5, 25)
# (month, day, name, religious): the holidays that fall in a school year.
HOLIDAYS = (
    (10, 25, "Республика күні", False), (12, 16, "Тәуелсіздік күні", False), (1, 1, "Жаңа жыл", False),
    (1, 2, "Жаңа жыл", False), (1, 7, "Рождество", True), (3, 8, "Халықаралық әйелдер күні", False),
    (3, 21, "Наурыз мейрамы", False), (3, 22, "Наурыз мейрамы", False), (3, 23, "Наурыз мейрамы", False),
    (5, 1, "Қазақстан халқының бірлігі мерекесі", False), (5, 7, "Отан қорғаушы күні", False),
    (5, 9, "Жеңіс күні", False),
)


def school_year_of(today: dt.date) -> int:
    """The calendar year in which the school year containing `today` started."""
    return today.year if today.month >= 8 else today.year - 1


def _monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.isoweekday() - 1)


def breaks(start_year: int) -> list[DayOff]:
    autumn = _monday_of(dt.date(start_year, 10, 27))
    first_grade = _monday_of(dt.date(start_year + 1, 2, 9))
    return [
        DayOff(autumn, autumn + dt.timedelta(days=6), "break", "Күзгі демалыс"),
        DayOff(dt.date(start_year, 12, 29), dt.date(start_year + 1, 1, 7), "break", "Қысқы демалыс"),
        DayOff(first_grade, first_grade + dt.timedelta(days=6), "break", "1-сынып демалысы", 1, 1),
        DayOff(dt.date(start_year + 1, 3, 19), dt.date(start_year + 1, 3, 29), "break", "Көктемгі демалыс"),
    ]


def terms(start_year: int) -> list[tuple[dt.date, dt.date]]:
    """The four terms, each from the day after a break to the day before the next (grade 1's week is a day off
    inside term 3)."""
    autumn, winter, _, spring = breaks(start_year)
    day = dt.timedelta(days=1)
    return [(dt.date(start_year, 9, 1), autumn.from_date - day), (autumn.to_date + day, winter.from_date - day),
            (winter.to_date + day, spring.from_date - day),
            (spring.to_date + day, dt.date(start_year + 1, *YEAR_END))]


def holidays(start_year: int) -> list[DayOff]:
    """The public holidays from 1 September to the year's end, and the days off moved from a weekend."""
    out: list[DayOff] = []
    taken: set[dt.date] = set()
    dated = sorted((dt.date(start_year if month >= 9 else start_year + 1, month, day), name, religious)
                   for month, day, name, religious in HOLIDAYS)
    taken.update(day for day, _, _ in dated)
    for day, name, religious in dated:
        out.append(DayOff(day, day, "holiday", name))
        if day.isoweekday() >= 6 and not religious:
            moved = day + dt.timedelta(days=1)
            while moved.isoweekday() >= 6 or moved in taken:
                moved += dt.timedelta(days=1)
            taken.add(moved)
            out.append(DayOff(moved, moved, "moved", name))
    return out


def days_off(start_year: int) -> list[DayOff]:
    return sorted(breaks(start_year) + holidays(start_year), key=lambda off: (off.from_date, off.grade_from))
