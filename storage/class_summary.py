"""The class teacher's (сынып жетекші) summary of her class: every pupil's term and year marks in every subject
and the lessons he missed, read from the journal her PC holds (every course of the class, to read: the server
sends them to the class teacher). Marks as the year's reports take them (core.school_reports.year_marks: the final
mark where a teacher set one, else the computed one). Plain SQL on the driver's connection, like the reports."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from core import school_reports

# Attendance codes that are a missed lesson (a late pupil was there: core.attendance).
MISSED = ("absent", "ill", "excused")


@dataclass(frozen=True)
class PupilSummary:
    pupil_id: int
    name: str
    # subject → (term marks in order, year mark); a mark may be "pass"/"fail", "n/a" or None (none yet)
    subjects: dict[str, tuple[list[object], object]]
    missed: int  # lessons missed this year
    missed_ill: int  # of which ill
    # subject → its final mark, where an exam or a year test made it differ from the year mark (PupilYear.final)
    finals: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ClassSummary:
    school: str
    language: str  # the school's: the summary and a pupil's extract are saved in it
    class_id: int
    class_name: str
    subjects: list[str]
    pupils: list[PupilSummary]


def summary(conn: sqlite3.Connection, class_id: int, today: dt.date) -> ClassSummary:
    years = school_reports.year_marks(conn, class_id, today)
    missed = {pupil: (total, ill) for pupil, total, ill in conn.execute(
        "SELECT x.pupil_id, count(*), sum(x.attendance = 'ill') FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id "
        "JOIN course c ON c.id = l.course_id WHERE c.class_id = ? AND x.attendance IN (?, ?, ?) GROUP BY x.pupil_id",
        (class_id, *MISSED)).fetchall()}
    subjects = sorted({subject for pupil in years for subject in pupil.subjects})
    class_name = years[0].class_name if years else ""
    school = conn.execute("SELECT name FROM school LIMIT 1").fetchone()[0]
    return ClassSummary(school, school_reports.school_language(conn), class_id, class_name, subjects, [
        PupilSummary(p.pupil_id, p.name, p.subjects, *missed.get(p.pupil_id, (0, 0)),
                     finals={s: f for s in p.attestations if (f := p.final(s)) != p.subjects[s][1]}) for p in years])
