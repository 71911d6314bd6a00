"""Reports from the marks of the year: «Алтын белгі» candidates and pupils at risk (the "2s" report); the
end-of-term report (5/4/3/2 per class and subject, «качество знаний», «успеваемость»); attendance per pupil and
period; the day's absentees.

Each subject's term and year marks are the final ones where a teacher set them (period_mark.final_mark),
else the computed ones (core.term_results); a subject split into groups counts like any other, from the group
each pupil is in. «Алтын белгі» (Order No. 193): every term and year mark a 5,
in every graded subject, in grades 10–11; a pass/fail subject must be passed. At risk: a year mark of 2 in one
or two subjects means a summative year test; in three or more, repeating the year (shared/domain.md).
Plain SQL on a journal's sqlite3 connection, like term_results: the PC's journal of the classes it holds whole (a
class teacher's class, an admin's school), or the server's copy of a school's classes (server.report_copy): the same
code on both, so a report on a PC and on the server agree.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from core import final_marks, grading, term_results

GOLD_GRADES = (10, 11)


@dataclass
class PupilYear:
    pupil_id: int
    name: str
    class_name: str
    # subject name → (term marks in order, year mark); a mark may be "pass"/"fail", "n/a" or None
    subjects: dict[str, tuple[list[object], object]] = field(default_factory=dict)
    grade: int = 0
    # subject name → the year's exam or year test, where one is set: (kind, mark) (core.final_marks.ATTESTATIONS)
    attestations: dict[str, tuple[str, int]] = field(default_factory=dict)

    def final(self, subject: str) -> object:
        """The subject's final mark: the year mark, or where an exam was held the year and exam weighed, or where a
        year test was written after a year 2 the mean of the two (core.grading); «н/а» or None while the year is."""
        year = self.subjects[subject][1]
        if subject not in self.attestations or not isinstance(year, int):
            return year
        kind, mark = self.attestations[subject]
        if kind == "exam":
            return grading.attestation_final(year, mark)
        return grading.after_year_test(year, mark) if year == 2 else year

    def finals(self) -> list[object]:
        return [self.final(subject) for subject in self.subjects]


@dataclass(frozen=True)
class AtRisk:
    pupil: PupilYear
    failed: list[str]  # the subjects with a year mark of 2 (whose year test, if written, left the final at 2)
    outcome: str  # "year_test" (1–2 subjects, a test still to write) or "repeat" (3 or more, or a test failed)


def year_marks(conn: sqlite3.Connection, class_id: int, today: dt.date) -> list[PupilYear]:
    """Every pupil of the class (at the end of the year's span) with each subject's term and year marks."""
    class_name = "{} {}".format(*conn.execute("SELECT grade, letter FROM school_class WHERE id = ?",
                                              (class_id,)).fetchone())
    pupils = conn.execute(
        "SELECT p.id, p.last_name || ' ' || p.first_name FROM pupil p JOIN class_membership m ON m.pupil_id = p.id "
        "WHERE m.class_id = ? AND m.to_date IS NULL ORDER BY p.last_name, p.first_name", (class_id,)).fetchall()
    ids = [p for p, _ in pupils]
    grade = conn.execute("SELECT grade FROM school_class WHERE id = ?", (class_id,)).fetchone()[0]
    years = {p: PupilYear(p, name, class_name, grade=grade) for p, name in pupils}
    year_id = conn.execute("SELECT id FROM period WHERE kind = 'year'").fetchone()[0]
    for course in _courses(conn, class_id, ids):
        for pupil, kind, mark in conn.execute(
                "SELECT pupil_id, attestation_kind, attestation_mark FROM period_mark WHERE course_id = ? AND "
                "period_id = ? AND attestation_kind IS NOT NULL", (course.id, year_id)):
            if pupil in years:
                years[pupil].attestations[course.subject] = (kind, mark)
        part_kind = "half_year" if term_results.half_yearly(course.hours, course.scale) else "term"
        parts = [r[0] for r in conn.execute("SELECT id FROM period WHERE kind = ? ORDER BY start_date", (part_kind,))]
        marks = {period: _marks(conn, course, period, today) for period in (*parts, year_id)}
        for pupil in course.pupils:
            years[pupil].subjects[course.subject] = ([marks[p][pupil] for p in parts], marks[year_id][pupil])
    return list(years.values())


@dataclass(frozen=True)
class _Course:
    id: int
    subject: str
    hours: int
    scale: str
    pupils: list[int]  # of the pupils asked for, those it marks: a group's, those in the group now


def _courses(conn: sqlite3.Connection, class_id: int, pupils: list[int]) -> list[_Course]:
    """The class's courses, each with those of `pupils` it marks. A subject split into groups (English, informatics)
    counts like any other (Order No. 193): each pupil's marks are his group's, the one he is in now."""
    found = []
    language = school_language(conn)
    name = f"s.name_{language}"  # one of three known columns, never text from outside
    for course_id, subject, hours, scale, subgroup in conn.execute(
            f"SELECT c.id, {name}, c.hours_per_week, c.scale, c.subgroup_id FROM course c JOIN subject s "  # noqa: S608
            f"ON s.id = c.subject_id WHERE c.class_id = ? ORDER BY {name}, c.id", (class_id,)).fetchall():
        of_course = pupils if subgroup is None else sorted(set(pupils) & _in_group(conn, subgroup))
        if of_course:
            found.append(_Course(course_id, subject, hours, scale, of_course))
    return found


def school_language(conn: sqlite3.Connection) -> str:
    """The school's language ("kk", "ru" or "en"): the reports' subjects are named, and printed, in it."""
    row = conn.execute("SELECT language FROM school LIMIT 1").fetchone()
    return row[0] if row and row[0] in ("kk", "ru", "en") else "kk"


def _marks(conn: sqlite3.Connection, course: _Course, period_id: int, today: dt.date) -> dict[int, object]:
    """Each of the course's pupils' mark for the period as it stands: the final mark where one is set, else the
    computed one (None: nothing to grade yet, or not graded)."""
    finals = {pupil: ({1: "pass", 0: "fail"}[mark] if course.scale == "passfail" else mark)
              for pupil, mark in conn.execute(
        "SELECT pupil_id, final_mark FROM period_mark WHERE course_id = ? AND period_id = ? AND final_mark IS NOT NULL",
        (course.id, period_id))}
    computed = term_results.compute(conn, course.id, period_id, course.pupils, today)
    return {pupil: finals[pupil] if pupil in finals else
            (computed[pupil].mark if computed[pupil].status in ("graded", "not_attested") else None)
            for pupil in course.pupils}


def _in_group(conn: sqlite3.Connection, subgroup: int) -> set[int]:
    """The pupils in the subgroup now."""
    return {p for (p,) in conn.execute("SELECT pupil_id FROM subgroup_member WHERE subgroup_id = ? AND to_date IS NULL",
                                       (subgroup,))}


def golden_candidates(conn: sqlite3.Connection, classes: Sequence[int], today: dt.date) -> list[PupilYear]:
    """Pupils of `classes` in grades 10–11 with nothing but 5s (and passes) in every term, year and final mark so far
    (Order No. 193; the final attestation's exams count through the final marks). This year's marks alone: grade 10's
    of a pupil now in grade 11 are in last year's journal."""
    return [p for class_id in _of_grades(conn, classes, GOLD_GRADES) for p in year_marks(conn, class_id, today)
            if _golden(p)]


def with_honours(conn: sqlite3.Connection, classes: Sequence[int], today: dt.date) -> list[PupilYear]:
    """Pupils of `classes` in grades 9 and 11 whose final mark is a 5 (a pass in a pass/fail subject) in every subject:
    the certificate with honours (Order No. 125, as school sites cite it; shared/domain.md)."""
    return [p for class_id in _of_grades(conn, classes, final_marks.EXAM_GRADES)
            for p in year_marks(conn, class_id, today) if _honoured(p)]


def at_risk(conn: sqlite3.Connection, classes: Sequence[int], today: dt.date) -> list[AtRisk]:
    """Pupils of `classes` with a year mark of 2 in at least one subject, and what follows for them: a year test in
    one or two subjects (a subject whose test was passed is no longer at risk), repeating the year with three or more,
    or when a year test left the final mark at 2."""
    return [r for class_id in _of_grades(conn, classes, range(1, 13)) for p in year_marks(conn, class_id, today)
            if (r := _risk(p)) is not None]


def _golden(pupil: PupilYear) -> bool:
    marks = [m for terms, year in pupil.subjects.values() for m in (*terms, year) if m is not None]
    marks += [m for m in pupil.finals() if m is not None]
    return bool(marks) and all(m in (5, "pass") for m in marks)


def _honoured(pupil: PupilYear) -> bool:
    finals = pupil.finals()
    return bool(finals) and all(m in (5, "pass") for m in finals)


def _risk(pupil: PupilYear) -> AtRisk | None:
    twos = [subject for subject, (_terms, year) in pupil.subjects.items() if year == 2]
    failed = [subject for subject in twos if pupil.final(subject) == 2]
    if not failed:
        return None
    tested = any(subject in pupil.attestations for subject in failed)
    return AtRisk(pupil, failed, "repeat" if len(twos) >= 3 or tested else "year_test")


def _of_grades(conn: sqlite3.Connection, classes: Sequence[int], grades: Iterable[int]) -> list[int]:
    """Those of `classes` in `grades`, by grade and letter."""
    wanted, of_grades = set(classes), set(grades)
    return [class_id for class_id, grade in conn.execute("SELECT id, grade FROM school_class ORDER BY grade, letter")
            if class_id in wanted and grade in of_grades]


@dataclass
class SubjectTerm:
    """One line of the end-of-term report: a class's subject in a period. Counts are of the pupils in the class at
    the period's end (a group's from their groups); «качество знаний» = 4s and 5s ÷ pupils with a result,
    «успеваемость» = pupils without a 2 ÷ pupils with a result, a «н/а» pupil counting in neither's numerator."""

    subject: str
    counts: dict[object, int] = field(default_factory=lambda: {5: 0, 4: 0, 3: 0, 2: 0})  # mark → pupils
    not_attested: int = 0
    passed: int = 0  # pass/fail subjects: passes and fails instead of marks
    failed: int = 0

    @property
    def judged(self) -> int:
        return sum(self.counts.values()) + self.not_attested + self.passed + self.failed

    @property
    def quality(self) -> Fraction | None:
        """«Качество знаний» in percent: the share of 4s and 5s (None for a pass/fail subject or none judged)."""
        graded = sum(self.counts.values()) + self.not_attested
        return Fraction(100 * (self.counts[5] + self.counts[4]), graded) if graded else None

    @property
    def success(self) -> Fraction | None:
        """«Успеваемость» in percent: the share with no 2 (nor a fail, nor «н/а»)."""
        if not self.judged:
            return None
        return Fraction(100 * (self.judged - self.counts[2] - self.not_attested - self.failed), self.judged)


def term_report(conn: sqlite3.Connection, class_id: int, period_id: int, today: dt.date) -> list[SubjectTerm]:
    """The class's end-of-term report for a term, a half-year or the year: every subject graded in that period (a
    one-hour subject's terms are not: it is graded by half-year), its groups' courses together."""
    end = conn.execute("SELECT end_date FROM period WHERE id = ?", (period_id,)).fetchone()[0]
    pupils = [p for (p,) in conn.execute(
        "SELECT pupil_id FROM class_membership WHERE class_id = ? AND from_date <= ? AND (to_date IS NULL OR "
        "to_date >= ?) ORDER BY pupil_id", (class_id, end, min(end, today.isoformat())))]
    lines: dict[str, SubjectTerm] = {}
    for course in _courses(conn, class_id, pupils):
        results = term_results.compute(conn, course.id, period_id, course.pupils, today)
        if all(r.status in ("half_year_only", "not_graded") for r in results.values()):
            continue
        line = lines.setdefault(course.subject, SubjectTerm(course.subject))
        for mark in _marks(conn, course, period_id, today).values():
            if mark in line.counts:
                line.counts[mark] += 1
            line.not_attested += mark == "n/a"
            line.passed += mark == "pass"
            line.failed += mark == "fail"
    return list(lines.values())


@dataclass(frozen=True)
class PupilAttendance:
    """A pupil's lessons missed in a period (core.attendance): in all, ill, without a reason, for another valid
    reason; and the lessons he came late to (he was there: not missed)."""

    pupil_id: int
    name: str
    missed: int
    ill: int
    without_reason: int
    excused: int
    late: int


def attendance(conn: sqlite3.Connection, class_id: int, period_id: int) -> list[PupilAttendance]:
    """Every pupil of the class in the period (one who left or came counts for his days in it), with the lessons of
    the class's courses he missed while he was in it."""
    start, end = conn.execute("SELECT start_date, end_date FROM period WHERE id = ?", (period_id,)).fetchone()
    counted = {row[0]: row[1:] for row in conn.execute(
        "SELECT x.pupil_id, sum(x.attendance = 'ill'), sum(x.attendance = 'absent'), sum(x.attendance = 'excused'), "
        "sum(x.attendance = 'late') FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id "
        "JOIN course c ON c.id = l.course_id JOIN class_membership m ON m.pupil_id = x.pupil_id "
        "AND m.class_id = c.class_id AND l.date BETWEEN m.from_date AND coalesce(m.to_date, l.date) "
        "WHERE c.class_id = ? AND l.date BETWEEN ? AND ? AND x.attendance IS NOT NULL GROUP BY x.pupil_id",
        (class_id, start, end))}
    found = []
    for pupil, name in conn.execute(
            "SELECT DISTINCT p.id, p.last_name || ' ' || p.first_name FROM pupil p JOIN class_membership m "
            "ON m.pupil_id = p.id WHERE m.class_id = ? AND m.from_date <= ? AND (m.to_date IS NULL OR m.to_date >= ?) "
            "ORDER BY p.last_name, p.first_name", (class_id, end, start)):
        ill, absent, excused, late = (int(n or 0) for n in counted.get(pupil, (0, 0, 0, 0)))
        found.append(PupilAttendance(pupil, name, ill + absent + excused, ill, absent, excused, late))
    return found


@dataclass(frozen=True)
class Absentee:
    """A pupil missing (or late) on a day: his class, and each lesson's slot with what was marked."""

    class_name: str
    pupil_id: int
    name: str
    lessons: tuple[tuple[int, str], ...]  # (slot, attendance code), by slot


def absentees(conn: sqlite3.Connection, classes: Sequence[int], day: dt.date) -> list[Absentee]:
    """The pupils of `classes` marked absent, ill, excused or late in any lesson of the day, by class and name."""
    wanted = set(classes)
    by_pupil: dict[tuple[int, int], list[tuple[int, str]]] = {}
    names: dict[int, tuple[str, str, tuple[int, str, str]]] = {}
    for class_id, grade, letter, pupil, last, first, slot, code in conn.execute(
            "SELECT k.id, k.grade, k.letter, p.id, p.last_name, p.first_name, l.slot, x.attendance "
            "FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id JOIN course c ON c.id = l.course_id "
            "JOIN school_class k ON k.id = c.class_id JOIN pupil p ON p.id = x.pupil_id "
            "WHERE l.date = ? AND x.attendance IS NOT NULL ORDER BY l.slot", (day.isoformat(),)):
        if class_id in wanted:
            by_pupil.setdefault((class_id, pupil), []).append((slot, code))
            names[pupil] = (f"{grade} «{letter}»", f"{last} {first}", (grade, letter, f"{last} {first}"))
    ordered = sorted(by_pupil, key=lambda key: names[key[1]][2])
    return [Absentee(names[pupil][0], pupil, names[pupil][1], tuple(by_pupil[(class_id, pupil)]))
            for class_id, pupil in ordered]


@dataclass(frozen=True)
class ClassReport:
    """Everything the reports window shows for one class and period, read in one go."""

    school: str
    language: str  # the school's: the report is saved in it
    class_id: int
    class_name: str
    period_id: int
    subjects: list[SubjectTerm]  # the period's end-of-term report
    terms: list[tuple[int, dict[object, int]]]  # each term's id and its marks over every subject (5/4/3/2 → count)
    attendance: list[PupilAttendance]
    golden: list[PupilYear]
    honours: list[PupilYear]
    at_risk: list[AtRisk]
    absent_today: list[Absentee]


def class_report(conn: sqlite3.Connection, class_id: int, period_id: int, today: dt.date) -> ClassReport:
    grade, letter = conn.execute("SELECT grade, letter FROM school_class WHERE id = ?", (class_id,)).fetchone()
    chosen: list[SubjectTerm] | None = None
    terms = []
    for (term,) in conn.execute("SELECT id FROM period WHERE kind = 'term' ORDER BY start_date").fetchall():
        lines = term_report(conn, class_id, term, today)
        if term == period_id:
            chosen = lines  # the period asked for is a term: reported once
        counts: dict[object, int] = {5: 0, 4: 0, 3: 0, 2: 0}
        for line in lines:
            for mark, count in line.counts.items():
                counts[mark] += count
        terms.append((term, counts))
    # The year's marks read once for the three outcomes (each would read every course's every period again).
    years = year_marks(conn, class_id, today)
    school = conn.execute("SELECT name FROM school LIMIT 1").fetchone()[0]
    return ClassReport(school, school_language(conn), class_id, f"{grade} «{letter}»", period_id,
                       chosen if chosen is not None else term_report(conn, class_id, period_id, today), terms,
                       attendance(conn, class_id, period_id),
                       [p for p in years if grade in GOLD_GRADES and _golden(p)],
                       [p for p in years if grade in final_marks.EXAM_GRADES and _honoured(p)],
                       [r for p in years if (r := _risk(p)) is not None], absentees(conn, [class_id], today))
