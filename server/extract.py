"""A pupil's marks extract (выписка из журнала): what the school gives a pupil who leaves, or prints for his
parents. For each subject of every class he was in this school year: his marks and absences by date, and each
period's mark as the teachers' PCs computed it and the final one where a teacher set it (the server keeps what
the PCs sent: the period marks it holds)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, select

from server.schema import tables

PUPIL, MEMBER, CLASS, COURSE, SUBJECT = (tables[n] for n in ("pupil", "class_membership", "school_class", "course",
                                                            "subject"))
LESSON, CELL, PERIOD, PERIOD_MARK = (tables[n] for n in ("lesson", "lesson_cell", "period", "period_mark"))
WORK, SCORE = tables["summative_work"], tables["summative_score"]


@dataclass
class SubjectLine:
    """One subject: the marks and absences by date, and each period's mark (final over computed)."""

    names: dict[str, str]  # language → the subject's name
    marks: list[tuple[dt.date, str | None, str | None]] = field(default_factory=list)  # (day, mark, attendance code)
    works: list[tuple[dt.date, str, int, int]] = field(default_factory=list)  # (day, title, points, out of)
    periods: list[tuple[str, int, object]] = field(default_factory=list)  # (kind, number, mark)


@dataclass(frozen=True)
class Extract:
    name: str
    born: dt.date | None
    stays: list[tuple[str, dt.date, dt.date | None]]  # (class, first day, last day)
    subjects: list[SubjectLine]


def of_pupil(conn: Connection, school_id: int, pupil_id: int) -> Extract | None:
    pupil = conn.execute(select(PUPIL).where(PUPIL.c.school_id == school_id, PUPIL.c.id == pupil_id)).mappings().first()
    if pupil is None:
        return None
    stays = conn.execute(select(CLASS.c.id, CLASS.c.grade, CLASS.c.letter, MEMBER.c.from_date, MEMBER.c.to_date)
                         .join(CLASS, and_(CLASS.c.school_id == MEMBER.c.school_id, CLASS.c.id == MEMBER.c.class_id))
                         .where(MEMBER.c.school_id == school_id, MEMBER.c.pupil_id == pupil_id)
                         .order_by(MEMBER.c.from_date)).all()
    lines: dict[int, SubjectLine] = {}
    courses = select(COURSE.c.id).where(COURSE.c.school_id == school_id,
                                        COURSE.c.class_id.in_([s.id for s in stays]))
    for subject_id, kk, ru, en, day, mark, attendance in conn.execute(
            select(SUBJECT.c.id, SUBJECT.c.name_kk, SUBJECT.c.name_ru, SUBJECT.c.name_en, LESSON.c.date, CELL.c.mark,
                   CELL.c.attendance)
            .join(LESSON, and_(LESSON.c.school_id == CELL.c.school_id, LESSON.c.id == CELL.c.lesson_id))
            .join(COURSE, and_(COURSE.c.school_id == LESSON.c.school_id, COURSE.c.id == LESSON.c.course_id))
            .join(SUBJECT, SUBJECT.c.id == COURSE.c.subject_id)
            .where(CELL.c.school_id == school_id, CELL.c.pupil_id == pupil_id, LESSON.c.course_id.in_(courses),
                   (CELL.c.mark.is_not(None)) | (CELL.c.attendance.is_not(None)))
            .order_by(LESSON.c.date, LESSON.c.slot)):
        line = lines.setdefault(subject_id, SubjectLine({"kk": kk, "ru": ru, "en": en}))
        line.marks.append((day, None if mark is None else str(mark), attendance))
    for subject_id, kk, ru, en, day, title, points, top in conn.execute(
            select(SUBJECT.c.id, SUBJECT.c.name_kk, SUBJECT.c.name_ru, SUBJECT.c.name_en, WORK.c.date, WORK.c.title,
                   SCORE.c.points, WORK.c.max_points)
            .join(WORK, and_(WORK.c.school_id == SCORE.c.school_id, WORK.c.id == SCORE.c.work_id))
            .join(COURSE, and_(COURSE.c.school_id == WORK.c.school_id, COURSE.c.id == WORK.c.course_id))
            .join(SUBJECT, SUBJECT.c.id == COURSE.c.subject_id)
            .where(SCORE.c.school_id == school_id, SCORE.c.pupil_id == pupil_id, WORK.c.course_id.in_(courses),
                   SCORE.c.points.is_not(None))
            .order_by(WORK.c.date, WORK.c.title)):
        line = lines.setdefault(subject_id, SubjectLine({"kk": kk, "ru": ru, "en": en}))
        line.works.append((day, title, points, top))
    for subject_id, kk, ru, en, kind, number, computed, final in conn.execute(
            select(SUBJECT.c.id, SUBJECT.c.name_kk, SUBJECT.c.name_ru, SUBJECT.c.name_en, PERIOD.c.kind,
                   PERIOD.c.number, PERIOD_MARK.c.computed_mark, PERIOD_MARK.c.final_mark)
            .join(COURSE, and_(COURSE.c.school_id == PERIOD_MARK.c.school_id, COURSE.c.id == PERIOD_MARK.c.course_id))
            .join(SUBJECT, SUBJECT.c.id == COURSE.c.subject_id)
            .join(PERIOD, and_(PERIOD.c.school_id == PERIOD_MARK.c.school_id, PERIOD.c.id == PERIOD_MARK.c.period_id))
            .where(PERIOD_MARK.c.school_id == school_id, PERIOD_MARK.c.pupil_id == pupil_id,
                   PERIOD_MARK.c.course_id.in_(courses))
            .order_by(PERIOD.c.start_date, PERIOD.c.kind)):
        line = lines.setdefault(subject_id, SubjectLine({"kk": kk, "ru": ru, "en": en}))
        line.periods.append((kind, number, final if final is not None else computed))
    name = " ".join(p for p in (pupil["last_name"], pupil["first_name"], pupil["patronymic"]) if p)
    return Extract(name, pupil["birth_date"], [(f"{s.grade} «{s.letter}»", s.from_date, s.to_date) for s in stays],
                   sorted(lines.values(), key=lambda line: line.names["ru"]))


@dataclass(frozen=True)
class Shown:
    """An extract as its page and its PDF say it, in one language: each stay in a class, and a row a subject (its
    name, its marks and absences by date, its summative works' points, its period marks)."""

    name: str
    born: str | None
    stays: list[str]
    rows: list[tuple[str, str, str, str]]


def shown(extract: Extract, language: str) -> Shown:
    """The extract's words in `language` (console_text), days as DD.MM.YYYY."""
    from server.console_text import text  # (the texts of the console, which shows the extract)

    def stay(klass: str, first: dt.date, last: dt.date | None) -> str:
        until = text("stay_until", language, day=f"{last:%d.%m.%Y}") if last else ""
        return text("stay", language, klass=klass, day=f"{first:%d.%m.%Y}", until=until)

    def cell(mark: str | None, attendance: str | None) -> str:
        return " ".join(part for part in (text(f"attendance_{attendance}", language) if attendance else None, mark)
                        if part)

    rows = [(line.names.get(language, line.names["en"]),
             ", ".join(f"{day:%d.%m}: {cell(mark, attendance)}" for day, mark, attendance in line.marks),
             "; ".join(f"{title} ({day:%d.%m}): {points}/{top}" for day, title, points, top in line.works),
             "; ".join(f"{text('period_' + kind, language, number=number)}: {'–' if mark is None else mark}"
                       for kind, number, mark in line.periods))
            for line in extract.subjects]
    return Shown(extract.name, f"{extract.born:%d.%m.%Y}" if extract.born else None,
                 [stay(*place) for place in extract.stays], rows)
