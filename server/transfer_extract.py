"""A pupil's record leaving with him (issue 21): his year's marks, attendance and summative scores as journal pages in
the open layout another school's Dala imports (docs/journal-import.md: one page a subject and term, the class named
as it was here; the receiving school imports them into its own class with `import-journal --into-class`), with
`pupil.json`: who he is, the classes he was in and each period's mark (final over computed), as the extract
(server.extract) shows them, and `extract.pdf`: the same extract to print, in the admin's language
(server.extract_pdf)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any

from sqlalchemy import Connection, and_, select

from core.attendance import DEFAULT_LETTERS
from server import extract, extract_pdf
from server.journal_import import WORK_KINDS
from server.schema import tables

PUPIL, MEMBER, CLASS, COURSE, SUBJECT = (tables[n] for n in ("pupil", "class_membership", "school_class", "course",
                                                            "subject"))
LESSON, CELL, PERIOD = tables["lesson"], tables["lesson_cell"], tables["period"]
WORK, SCORE, SUBGROUP = tables["summative_work"], tables["summative_score"], tables["subgroup"]
# the pages' attendance letters: the Russian ones of the journal's own letters
LETTERS = {attendance.value: letter for letter, attendance in DEFAULT_LETTERS["ru"].items()}
KINDS = {"sor": "СОР", "soch": "СОЧ"}


def pages(conn: Connection, school_id: int, pupil_id: int, language: str, today: dt.date) -> dict[str, bytes] | None:
    """The transfer extract's files by name (CSV pages, pupil.json, extract.pdf in `language`, issued `today`); None
    when the school has no such pupil. extract_pdf.NoFont when the server has no font for the PDF."""
    about = extract.of_pupil(conn, school_id, pupil_id)
    if about is None:
        return None
    pupil = conn.execute(select(PUPIL.c.last_name, PUPIL.c.first_name).where(
        PUPIL.c.school_id == school_id, PUPIL.c.id == pupil_id)).one()
    classes = {cid: f"{grade}{letter}" for cid, grade, letter in conn.execute(
        select(CLASS.c.id, CLASS.c.grade, CLASS.c.letter).join(MEMBER, and_(
            MEMBER.c.school_id == CLASS.c.school_id, MEMBER.c.class_id == CLASS.c.id))
        .where(CLASS.c.school_id == school_id, MEMBER.c.pupil_id == pupil_id))}
    terms = conn.execute(select(PERIOD.c.id, PERIOD.c.number, PERIOD.c.start_date, PERIOD.c.end_date).where(
        PERIOD.c.school_id == school_id, PERIOD.c.kind == "term").order_by(PERIOD.c.start_date)).all()
    by_page: dict[tuple[str, int, str], dict[str, Any]] = {}

    def page_of(class_id: int, code: str, subgroup: str | None, day: Any) -> dict[str, Any] | None:
        term = next((t for t in terms if t.start_date <= day <= t.end_date), None)
        if term is None:
            return None
        return by_page.setdefault((code, term.number, subgroup or ""), {"class": classes[class_id], "cells": {},
                                                                        "works": []})

    courses = (select(COURSE.c.id, COURSE.c.class_id, SUBJECT.c.code, SUBGROUP.c.name.label("subgroup"))
               .join(SUBJECT, SUBJECT.c.id == COURSE.c.subject_id)
               .outerjoin(SUBGROUP, and_(SUBGROUP.c.school_id == COURSE.c.school_id,
                                         SUBGROUP.c.id == COURSE.c.subgroup_id))
               .where(COURSE.c.school_id == school_id, COURSE.c.class_id.in_(list(classes))).subquery())
    for class_id, code, subgroup, day, mark, attendance in conn.execute(
            select(courses.c.class_id, courses.c.code, courses.c.subgroup, LESSON.c.date, CELL.c.mark,
                   CELL.c.attendance)
            .join(LESSON, and_(LESSON.c.school_id == CELL.c.school_id, LESSON.c.id == CELL.c.lesson_id))
            .join(courses, courses.c.id == LESSON.c.course_id)
            .where(CELL.c.school_id == school_id, CELL.c.pupil_id == pupil_id,
                   (CELL.c.mark.is_not(None)) | (CELL.c.attendance.is_not(None)))
            .order_by(LESSON.c.date, LESSON.c.slot)):
        found = page_of(class_id, code, subgroup, day)
        if found is not None:
            said = [str(mark)] if mark is not None else []
            said += [LETTERS[attendance]] if attendance else []
            found["cells"][day.isoformat()] = " ".join(said)
    for class_id, code, subgroup, kind, title, day, top, points in conn.execute(
            select(courses.c.class_id, courses.c.code, courses.c.subgroup, WORK.c.kind, WORK.c.title,
                   WORK.c.date, WORK.c.max_points, SCORE.c.points)
            .join(WORK, and_(WORK.c.school_id == SCORE.c.school_id, WORK.c.id == SCORE.c.work_id))
            .join(courses, courses.c.id == WORK.c.course_id)
            .where(SCORE.c.school_id == school_id, SCORE.c.pupil_id == pupil_id, SCORE.c.points.is_not(None))
            .order_by(WORK.c.date)):
        found = page_of(class_id, code, subgroup, day)
        if found is not None:
            label = title if title and title.split()[0].casefold() in WORK_KINDS else f"{KINDS[kind]} {title or ''}"
            label = label.strip()  # a title that names its kind already ("СОР №1") is not named twice
            found["works"].append((f"{label} ({top}) {day:%d.%m.%Y}", str(points)))
    name = f"{pupil.last_name} {pupil.first_name}"
    files = {}
    for (code, term, group), page in sorted(by_page.items()):
        rows = [["Класс", page["class"]], ["Предмет", code], ["Четверть", str(term)]]
        rows += [["Группа", group]] if group else []
        days = sorted(page["cells"])
        rows.append(["ФИО", *days, *(head for head, _ in page["works"])])
        rows.append([name, *(page["cells"][d] for d in days), *(points for _, points in page["works"])])
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(rows)
        files[f"{code}{'-' + group if group else ''}-term-{term}.csv"] = text.getvalue().encode("utf-8-sig")
    files["pupil.json"] = json.dumps({
        "format": "dala-transfer-extract", "version": 1, "pupil": about.name,
        "birth_date": about.born.isoformat() if about.born else None,
        "classes": [{"class": c, "from": f.isoformat(), "to": t.isoformat() if t else None} for c, f, t in about.stays],
        "period_marks": [{"subject": line.names, "periods": [{"kind": k, "number": n, "mark": m}
                                                             for k, n, m in line.periods]} for line in about.subjects],
    }, ensure_ascii=False, indent=1).encode("utf-8")
    files["extract.pdf"] = extract_pdf.render(about, language, today)
    return files


def page_count(files: dict[str, bytes]) -> int:
    """How many journal pages the extract holds."""
    return sum(name.endswith(".csv") for name in files)


def zipped(files: dict[str, bytes]) -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return packed.getvalue()

