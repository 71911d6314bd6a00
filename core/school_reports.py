"""Reports from the marks of the year: «Алтын белгі» candidates and pupils at risk (the "2s" report).

Each subject's term and year marks are the final ones where a teacher set them (period_mark.final_mark),
else the computed ones (core.term_results); a subject split into groups counts like any other, from the group
each pupil is in. «Алтын белгі» (Order No. 193): every term and year mark a 5,
in every graded subject, in grades 10–11; a pass/fail subject must be passed. At risk: a year mark of 2 in one
or two subjects means a summative year test; in three or more, repeating the year (shared/domain.md).
Plain SQL on the driver's connection, like term_results.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from core import grading, term_results

GOLD_GRADES = (10, 11)


@dataclass
class PupilYear:
    pupil_id: int
    name: str
    class_name: str
    # subject name → (term marks in order, year mark); a mark may be "pass"/"fail", "n/a" or None
    subjects: dict[str, tuple[list[object], object]] = field(default_factory=dict)


@dataclass(frozen=True)
class AtRisk:
    pupil: PupilYear
    failed: list[str]  # the subjects with a year mark of 2
    outcome: str  # "year_test" (1–2 subjects) or "repeat" (3 or more)


def year_marks(conn: sqlite3.Connection, class_id: int, today: dt.date) -> list[PupilYear]:
    """Every pupil of the class (at the end of the year's span) with each subject's term and year marks."""
    class_name = "{} {}".format(*conn.execute("SELECT grade, letter FROM school_class WHERE id = ?",
                                              (class_id,)).fetchone())
    pupils = conn.execute(
        "SELECT p.id, p.last_name || ' ' || p.first_name FROM pupil p JOIN class_membership m ON m.pupil_id = p.id "
        "WHERE m.class_id = ? AND m.to_date IS NULL ORDER BY p.last_name, p.first_name", (class_id,)).fetchall()
    ids = [p for p, _ in pupils]
    years = {p: PupilYear(p, name, class_name) for p, name in pupils}
    year_id = conn.execute("SELECT id FROM period WHERE kind = 'year'").fetchone()[0]
    for course_id, subject, hours, scale, subgroup in conn.execute(
            "SELECT c.id, s.name_ru, c.hours_per_week, c.scale, c.subgroup_id FROM course c JOIN subject s "
            "ON s.id = c.subject_id WHERE c.class_id = ? ORDER BY s.name_ru, c.id", (class_id,)).fetchall():
        # A subject split into groups (English, informatics) counts like any other (Order No. 193): each pupil's
        # marks are his group's, the one he is in now.
        of_course = ids if subgroup is None else sorted(set(ids) & _in_group(conn, subgroup))
        if not of_course:
            continue
        part_kind = "half_year" if term_results.half_yearly(hours, scale) else "term"
        parts = [r[0] for r in conn.execute("SELECT id FROM period WHERE kind = ? ORDER BY start_date", (part_kind,))]
        finals = {(p, period): ({1: "pass", 0: "fail"}[mark] if scale == "passfail" else mark)
                  for p, period, mark in conn.execute(
            "SELECT pupil_id, period_id, final_mark FROM period_mark WHERE course_id = ? AND final_mark IS NOT NULL",
            (course_id,))}
        computed = {period: term_results.compute(conn, course_id, period, of_course, today)
                    for period in (*parts, year_id)}
        for pupil in of_course:
            years[pupil].subjects[subject] = ([_standing(finals, computed, pupil, p) for p in parts],
                                              _standing(finals, computed, pupil, year_id))
    return list(years.values())


def _in_group(conn: sqlite3.Connection, subgroup: int) -> set[int]:
    """The pupils in the subgroup now."""
    return {p for (p,) in conn.execute("SELECT pupil_id FROM subgroup_member WHERE subgroup_id = ? AND to_date IS NULL",
                                       (subgroup,))}


def _standing(finals: dict[tuple[int, int], object], computed: dict[int, dict[int, grading.Result]],
              pupil: int, period: int) -> object:
    """A pupil's mark for a period as it stands: the final mark where one is set, else the computed one."""
    if (pupil, period) in finals:
        return finals[(pupil, period)]
    result = computed[period][pupil]
    return result.mark if result.status in ("graded", "not_attested") else None


def golden_candidates(conn: sqlite3.Connection, today: dt.date) -> list[PupilYear]:
    """Pupils of grades 10–11 with nothing but 5s (and passes) in every term and year mark so far."""
    candidates = []
    for (class_id,) in conn.execute("SELECT id FROM school_class WHERE grade IN (?, ?) ORDER BY grade, letter",
                                    GOLD_GRADES).fetchall():
        for pupil in year_marks(conn, class_id, today):
            marks = [m for terms, year in pupil.subjects.values() for m in (*terms, year) if m is not None]
            if marks and all(m in (5, "pass") for m in marks):
                candidates.append(pupil)
    return candidates


def at_risk(conn: sqlite3.Connection, today: dt.date) -> list[AtRisk]:
    """Pupils with a year mark of 2 in at least one subject, and what follows for them."""
    found = []
    for (class_id,) in conn.execute("SELECT id FROM school_class ORDER BY grade, letter").fetchall():
        for pupil in year_marks(conn, class_id, today):
            failed = [subject for subject, (_terms, year) in pupil.subjects.items() if year == 2]
            if failed:
                found.append(AtRisk(pupil, failed, "repeat" if len(failed) >= 3 else "year_test"))
    return found
