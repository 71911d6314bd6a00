"""A new PC's first download: the teacher's courses, classes, rosters, timetable, calendar and bells in one
answer (`reference`), then the lessons of those courses with their cells, works and scores, in pages
ordered by lesson id (`lessons`). `reference` also gives the cursor to pull from afterwards (the school's
feed head, server.feed), read before everything else so that nothing written meanwhile is missed (a change
may arrive twice; applying a change is idempotent by version)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from server import feed
from server.accounts import Principal
from server.pull import Readable, course_ids, readable
from server.schema import journal_columns, tables

T = tables


def _plain(row: Any) -> dict:
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.time)) else v) for k, v in dict(row).items()}


def _all(conn: Connection, query: Any) -> list[dict]:
    return [_plain(r) for r in conn.execute(query).mappings()]


def _rows(name: str) -> Any:
    """A SELECT of the columns the PC's journal holds of a table (not the server's own school_id)."""
    return select(*journal_columns(name))


class _Part:
    """What a download covers of the courses `who` may read (server.pull.Readable), all of them or those in `only`
    (a PC catching up with courses it lacks: sync.course_set)."""

    def __init__(self, conn: Connection, who: Principal, only: set[int] | None) -> None:
        self.who = who
        self.readable: Readable = readable(conn, who)
        ids = set(course_ids(conn, who, self.readable))
        self.courses = sorted(ids if only is None else ids & only)
        carried = self.readable.carried_pupils()
        self.carried = {course: pupils for course, pupils in carried.items() if course in self.courses}
        self.substituted = sorted(self.readable.substituted)
        # Read whole: every course but those a teacher substitutes in or reads for some pupils alone.
        self.whole = sorted(set(self.courses) - set(self.substituted) - set(self.carried))

    def lessons(self, L: Any) -> Any:
        """The lessons the download carries: all of its courses' but those of a course she only substitutes in, of
        which only hers."""
        mine = L.c.course_id.in_(self.courses)
        if not self.substituted:
            return mine
        return and_(mine, or_(L.c.course_id.not_in(self.substituted),
                              L.c.substitute_teacher_id == self.who.teacher_id))

    def keep(self, course: int, pupil: int) -> bool:
        """Whether a pupil's row (cell, score) of `course` is carried: every pupil's of a course read whole,
        only the carried pupils' of a course read for them."""
        return course not in self.carried or pupil in self.carried[course]


def reference(conn: Connection, who: Principal, only: set[int] | None = None) -> dict:
    # The school's feed head first, then the rows: a change committed after this read stands past the cursor
    # (and may also be in the rows: pulled again, it changes nothing); one committed before is in the rows.
    # Every statement names the school on every table it reads (on Citus: one shard).
    cursor = feed.head(conn, who.school_id)
    school = who.school_id
    part = _Part(conn, who, only)
    C, K, Y, W = T["course"], T["school_class"], T["academic_year"], T["summative_work"]
    M, SM, PU, P, L = T["class_membership"], T["subgroup_member"], T["pupil"], T["period"], T["lesson"]
    TE, PM, SS, TC = T["timetable_entry"], T["period_mark"], T["summative_score"], T["teacher"]
    course_rows = _all(conn, _rows("course").where(C.c.school_id == school, C.c.id.in_(part.courses))
                       .order_by(C.c.id))
    class_ids = sorted({c["class_id"] for c in course_rows})
    # A class known only through a course read for some pupils: those pupils' places in it alone.
    partly = {c["class_id"] for c in course_rows if c["id"] in part.carried} - {
        c["class_id"] for c in course_rows if c["id"] not in part.carried}
    visitors = sorted({p for c in course_rows if c["class_id"] in partly for p in part.carried[c["id"]]})
    places = and_(M.c.school_id == school, M.c.class_id.in_(class_ids),
                  or_(M.c.class_id.not_in(sorted(partly)), M.c.pupil_id.in_(visitors)))
    subgroup_ids = sorted({c["subgroup_id"] for c in course_rows if c["subgroup_id"] is not None})
    partly_grouped = sorted({c["subgroup_id"] for c in course_rows if c["id"] in part.carried} - {
        c["subgroup_id"] for c in course_rows if c["id"] not in part.carried})
    year_ids = select(K.c.year_id).where(K.c.school_id == school, K.c.id.in_(class_ids))
    substitutes = conn.execute(select(L.c.substitute_teacher_id).distinct().where(
        L.c.school_id == school, L.c.course_id.in_(part.courses), L.c.substitute_teacher_id.is_not(None))).scalars()
    homeroom = conn.execute(select(K.c.homeroom_teacher_id).where(
        K.c.school_id == school, K.c.id.in_(class_ids), K.c.homeroom_teacher_id.is_not(None))).scalars()
    # Every teacher the rows below name: course teachers, this teacher, substitutes, homeroom teachers.
    teacher_ids = sorted({c["teacher_id"] for c in course_rows} | ({who.teacher_id} if who.teacher_id else set())
                         | set(substitutes) | set(homeroom))
    # Of a course she only substitutes in, a teacher gets her lessons alone: no marks, works or other lessons.
    marked = sorted(set(part.whole) | set(part.carried))
    free_works = _all(conn, _rows("summative_work").where(W.c.school_id == school, W.c.course_id.in_(marked),
                                                          W.c.lesson_id.is_(None)))
    course_of_work = {w["id"]: w["course_id"] for w in free_works}
    return {
        "cursor": cursor,
        "school": _all(conn, select(T["school"]).where(T["school"].c.id == school))[0],
        "years": _all(conn, _rows("academic_year").where(Y.c.school_id == school, Y.c.id.in_(year_ids))),
        "periods": _all(conn, _rows("period").where(P.c.school_id == school, P.c.year_id.in_(year_ids))
                        .order_by(P.c.id)),
        "days_off": _all(conn, _rows("day_off").where(T["day_off"].c.school_id == school,
                                                      T["day_off"].c.year_id.in_(year_ids)).order_by(T["day_off"].c.id)),
        "bell_slots": _all(conn, _rows("bell_slot").where(T["bell_slot"].c.school_id == school)),
        "subjects": _all(conn, select(T["subject"]).where(
            T["subject"].c.id.in_({c["subject_id"] for c in course_rows}))),
        "teachers": _all(conn, select(TC.c.id, TC.c.school_id, TC.c.username, TC.c.last_name, TC.c.first_name,
                                      TC.c.patronymic).where(TC.c.school_id == school, TC.c.id.in_(teacher_ids))),
        "classes": _all(conn, _rows("school_class").where(K.c.school_id == school, K.c.id.in_(class_ids))),
        "courses": course_rows,
        "subgroups": _all(conn, _rows("subgroup").where(T["subgroup"].c.school_id == school,
                                                        T["subgroup"].c.id.in_(subgroup_ids))),
        "subgroup_members": _all(conn, _rows("subgroup_member").where(
            SM.c.school_id == school, SM.c.subgroup_id.in_(subgroup_ids),
            or_(SM.c.subgroup_id.not_in(partly_grouped), SM.c.pupil_id.in_(visitors)))),
        "pupils": _all(conn, select(PU.c.id, PU.c.school_id, PU.c.last_name, PU.c.first_name, PU.c.patronymic, PU.c.sex)
                       .where(PU.c.school_id == school, PU.c.id.in_(select(M.c.pupil_id).where(places)))),
        "memberships": _all(conn, _rows("class_membership").where(places)),
        "timetable": _all(conn, _rows("timetable_entry").where(TE.c.school_id == school,
                                                               TE.c.course_id.in_(part.courses),
                                                               TE.c.course_id.not_in(sorted(part.carried)))),
        "period_marks": _all(conn, _rows("period_mark").where(PM.c.school_id == school,
                                                              PM.c.course_id.in_(part.whole))),
        # Summative works not tied to a lesson (the page of lessons carries the others) and their scores.
        "free_works": free_works,
        "free_scores": [s for s in _all(conn, _rows("summative_score").where(
            SS.c.school_id == school, SS.c.work_id.in_(sorted(course_of_work))))
            if part.keep(course_of_work[s["work_id"]], s["pupil_id"])],
        "lessons_total": conn.execute(select(func.count()).select_from(L).where(
            L.c.school_id == school, part.lessons(L))).scalar_one(),
    }


def lessons(conn: Connection, who: Principal, after: str, limit: int, only: set[int] | None = None) -> dict:
    L, CELL, W, S = T["lesson"], T["lesson_cell"], T["summative_work"], T["summative_score"]
    school = who.school_id
    part = _Part(conn, who, only)
    query = _rows("lesson").where(L.c.school_id == school, part.lessons(L))
    if after:  # "" is the first page ("" is no uuid, and every id sorts after it)
        query = query.where(L.c.id > after)
    page = _all(conn, query.order_by(L.c.id).limit(limit + 1))
    more = len(page) > limit
    page = page[:limit]
    ids = [lesson["id"] for lesson in page]
    course_of = {lesson["id"]: lesson["course_id"] for lesson in page}
    works = _all(conn, _rows("summative_work").where(W.c.school_id == school, W.c.lesson_id.in_(ids)))
    course_of |= {w["id"]: w["course_id"] for w in works}
    # Of a course read for some pupils, those pupils' cells and scores alone (_Part.keep).
    return {
        "lessons": page,
        "cells": [c for c in _all(conn, _rows("lesson_cell").where(CELL.c.school_id == school,
                                                                   CELL.c.lesson_id.in_(ids)))
                  if part.keep(course_of[c["lesson_id"]], c["pupil_id"])],
        "works": works,
        "scores": [s for s in _all(conn, _rows("summative_score").where(S.c.school_id == school,
                                                                       S.c.work_id.in_([w["id"] for w in works])))
                   if part.keep(course_of[s["work_id"]], s["pupil_id"])],
        "next": ids[-1] if ids else after,
        "more": more,
    }
