"""The computed result of every pupil of one journal for one period: the period's ФО marks, СОР and СОЧ
scores (or classic / pass-fail marks) gathered from the journal and handed to core.grading.

Plain SQL on the driver's connection, like storage.journal_sheet, so the grid can show results before the
app has loaded SQLAlchemy. One-hour-a-week subjects are graded per half-year from ФО and СОР only; their
terms get no mark of their own. The year: the mean of the term marks (the half-year marks for one-hour
subjects), a teacher's final term mark standing over the computed one, rounded, and a «н/а» term treated, as the
year's rule version says (core.grading.year_result: by default the year waits for the term to be attested); a
pass/fail subject's year is passed or not from its terms. A period that kept a rule version
(period_mark.rule_version) is computed under that version. A summative work still ahead (dated after
`today`) does not count yet; one held without the pupil's score leaves «н/а» until it is written. A work held
while the pupil was not in the class (before he came, after he left) is not his: it neither counts nor leaves
«н/а».

Marks follow the pupil: one who moved into the course's class from another class of the same year brings what he
earned there in the same subject while he was there (its marks, and the works held then with his scores), which
count in this course's results as its own do. The journal holds those courses, for him alone, when it does not
read them whole (server.pull.Readable.carried).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from core import grading
from core.grading import Result, Score

_WORKS = """
SELECT w.id, w.kind, w.max_points, w.date, s.pupil_id, s.points
FROM summative_work w LEFT JOIN summative_score s ON s.work_id = w.id
WHERE w.course_id = ? AND w.date BETWEEN ? AND ?
"""
_STAYS = """
SELECT m.pupil_id, m.from_date, m.to_date FROM class_membership m JOIN course c ON c.class_id = m.class_id
WHERE c.id = ?
"""
_MARKS = """
SELECT x.pupil_id, l.date, x.mark FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id
WHERE l.course_id = ? AND l.date BETWEEN ? AND ? AND x.mark IS NOT NULL
"""
# The same subject's courses of the year's other classes where a pupil of this course's class has been.
_ELSEWHERE = """
SELECT other.id FROM course this JOIN school_class here ON here.id = this.class_id
JOIN course other ON other.subject_id = this.subject_id AND other.class_id <> this.class_id
JOIN school_class there ON there.id = other.class_id AND there.year_id = here.year_id
WHERE this.id = ? AND EXISTS (SELECT 1 FROM class_membership was JOIN class_membership now
                              ON now.pupil_id = was.pupil_id AND now.class_id = this.class_id
                              WHERE was.class_id = other.class_id)
ORDER BY other.id
"""
Stays = dict[int, list[tuple[str, str | None]]]


@dataclass(frozen=True)
class _Course:
    id: int
    scale: str
    hours: int
    grade: int


def compute(conn: sqlite3.Connection, course_id: int, period_id: int, pupils: list[int],
            today: dt.date) -> dict[int, Result]:
    course = _Course(course_id, *conn.execute(
        "SELECT c.scale, c.hours_per_week, k.grade FROM course c JOIN school_class k ON k.id = c.class_id "
        "WHERE c.id = ?", (course_id,)).fetchone())
    kind, start, end = conn.execute("SELECT kind, start_date, end_date FROM period WHERE id = ?",
                                    (period_id,)).fetchone()
    # What the period holds, read once (for the year, once for all its terms).
    until = min(end, today.isoformat())
    marks = conn.execute(_MARKS, (course_id, start, end)).fetchall()
    works = conn.execute(_WORKS, (course_id, start, until)).fetchall()
    stays = _stays(conn, course_id)
    stays_by_work: dict[str, Stays] = {}  # a work of another class: counted for those who were there that day
    for (other,) in conn.execute(_ELSEWHERE, (course_id,)).fetchall():
        there = _before(_stays(conn, other), stays)
        marks += [m for m in conn.execute(_MARKS, (other, start, end)) if m[0] in pupils and _in_class(there, *m[:2])]
        for work in conn.execute(_WORKS, (other, start, until)):
            works.append(work)
            stays_by_work[work[0]] = there
    if kind != "year":
        return _period(conn, course, period_id, kind, start, end, marks, works, pupils, stays, stays_by_work)
    part_kind = "half_year" if half_yearly(course.hours, course.scale) else "term"
    parts = conn.execute("SELECT id, start_date, end_date FROM period WHERE kind = ? AND start_date >= ? "
                         "AND end_date <= ? ORDER BY start_date", (part_kind, start, end)).fetchall()
    by_part = [_period(conn, course, part, part_kind, first, last, marks, works, pupils, stays, stays_by_work)
               for part, first, last in parts]
    finals = {(part, pupil): mark for part, pupil, mark in conn.execute(
        "SELECT period_id, pupil_id, final_mark FROM period_mark WHERE course_id = ? AND final_mark IS NOT NULL",
        (course_id,))}
    rule = _rule(conn, course_id, period_id)
    passfail = course.scale == "passfail"
    results = {}
    for pupil in pupils:
        standing: list[int | str | None] = []  # each term's mark as it stands: the teacher's final over the computed
        for (part, _first, _last), computed in zip(parts, by_part, strict=True):
            final, result = finals.get((part, pupil)), computed[pupil]
            if final is not None:
                standing.append({1: "pass", 0: "fail"}[final] if passfail else final)
            elif result.status in ("graded", "not_attested"):
                standing.append(result.mark)
        results[pupil] = grading.year_result(standing, rule)
    return results


def _period(conn: sqlite3.Connection, course: _Course, period_id: int, kind: str, start: str, end: str,
            all_marks: list[Any], all_works: list[Any], pupils: list[int], stays: Stays,
            stays_by_work: dict[str, Stays]) -> dict[int, Result]:
    rule = _rule(conn, course.id, period_id)
    if course.scale == "none" or course.grade == 1:
        return {p: Result("not_graded", rule=rule.name) for p in pupils}
    one_hour = half_yearly(course.hours, course.scale)
    if one_hour and kind == "term":
        return {p: Result("half_year_only", rule=rule.name) for p in pupils}
    marks: dict[int, list[int]] = defaultdict(list)
    for pupil, day, mark in all_marks:
        if start <= day <= end:
            marks[pupil].append(mark)
    if course.scale == "classic":
        return {p: grading.classic_term(marks[p], rule, grade=course.grade) for p in pupils}
    if course.scale == "passfail":
        return {p: grading.passfail_term(marks[p], rule) for p in pupils}
    works: dict[str, tuple[str, int, str]] = {}
    points: dict[tuple[str, int], int | None] = {}
    for work_id, work_kind, max_points, day, pupil, score in all_works:
        if start <= day <= end:
            works[work_id] = (work_kind, max_points, day)
            if pupil is not None:
                points[(work_id, pupil)] = score
    def _his(work: str, pupil: int, day: str) -> bool:
        """Whether a work was the pupil's: held while he was in its course's class."""
        if work in stays_by_work:
            return _in_class(stays_by_work[work], pupil, day)
        return not stays or _in_class(stays, pupil, day)

    results = {}
    for pupil in pupils:
        his = {w: (k, top) for w, (k, top, day) in works.items() if _his(w, pupil, day)}
        sor = [Score(points.get((w, pupil)), top) for w, (k, top) in his.items() if k == "sor"]
        soch = [Score(points.get((w, pupil)), top) for w, (k, top) in his.items() if k == "soch"]
        results[pupil] = grading.criteria_term(marks[pupil], sor, soch, rule, grade=course.grade, half_year=one_hour)
    return results


def _stays(conn: sqlite3.Connection, course_id: int) -> Stays:
    """When each pupil was in the course's class."""
    stays: Stays = defaultdict(list)
    for pupil, since, until in conn.execute(_STAYS, (course_id,)):
        stays[pupil].append((since, until))
    return stays


def _before(there: Stays, here: Stays) -> Stays:
    """The stays in another class of the pupils of this one, up to the day each first came here (what he earned
    there before; not what he earns there after leaving this class)."""
    out: Stays = {}
    for pupil, spans in there.items():
        if pupil in here:
            came = min(since for since, _ in here[pupil])
            out[pupil] = [(since, until if until is not None and until < came else _day_before(came))
                          for since, until in spans if since < came]
    return out


def _day_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def _in_class(stays: Stays, pupil: int, day: str) -> bool:
    """Whether the pupil was in the course's class on `day`."""
    return any(since <= day and (until is None or day <= until) for since, until in stays.get(pupil, ()))


def half_yearly(hours_per_week: int, scale: str) -> bool:
    """One-hour-a-week criteria-based subjects are graded per half-year (Order No. 125)."""
    return hours_per_week == 1 and scale == "criteria"


def _rule(conn: sqlite3.Connection, course_id: int, period_id: int) -> grading.RuleVersion:
    row = conn.execute("SELECT rule_version FROM period_mark WHERE course_id = ? AND period_id = ? "
                       "AND rule_version IS NOT NULL LIMIT 1", (course_id, period_id)).fetchone()
    if row and row[0] in grading.RULES:
        return grading.RULES[row[0]]
    start = conn.execute("SELECT start_date FROM period WHERE id = ?", (period_id,)).fetchone()[0]
    return grading.rule_for(dt.date.fromisoformat(start))
