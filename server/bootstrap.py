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
from server.pull import substituted_only, visible_courses
from server.schema import journal_columns, tables

T = tables


def _plain(row: Any) -> dict:
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.time)) else v) for k, v in dict(row).items()}


def _all(conn: Connection, query: Any) -> list[dict]:
    return [_plain(r) for r in conn.execute(query).mappings()]


def _rows(name: str) -> Any:
    """A SELECT of the columns the PC's journal holds of a table (not the server's own school_id)."""
    return select(*journal_columns(name))


def _courses(who: Principal, only: set[int] | None) -> Any:
    """The course ids the download covers: all `who` may read, or those of them in `only` (a PC catching up with
    courses it lacks: sync.course_set)."""
    visible = visible_courses(who)
    if only is None:
        return visible
    C = T["course"]
    return select(C.c.id).where(C.c.school_id == who.school_id, C.c.id.in_(visible), C.c.id.in_(sorted(only)))


def _her_part(L: Any, who: Principal, courses: Any, substituted: list[int]) -> Any:
    """The lessons of `courses` the download carries: all but those of a course she only substitutes in, of which
    only hers (server.pull.substituted_only)."""
    if not substituted:
        return L.c.course_id.in_(courses)
    return and_(L.c.course_id.in_(courses), or_(L.c.course_id.not_in(substituted),
                                                L.c.substitute_teacher_id == who.teacher_id))


def reference(conn: Connection, who: Principal, only: set[int] | None = None) -> dict:
    # The school's feed head first, then the rows: a change committed after this read stands past the cursor
    # (and may also be in the rows: pulled again, it changes nothing); one committed before is in the rows.
    # Every statement names the school on every table it reads (on Citus: one shard).
    cursor = feed.head(conn, who.school_id)
    school = who.school_id
    C, K, Y, W = T["course"], T["school_class"], T["academic_year"], T["summative_work"]
    M, SM, PU, P, L = T["class_membership"], T["subgroup_member"], T["pupil"], T["period"], T["lesson"]
    TE, PM, SS, TC = T["timetable_entry"], T["period_mark"], T["summative_score"], T["teacher"]
    courses = select(C.c.id).where(C.c.school_id == school, C.c.id.in_(_courses(who, only))).scalar_subquery()
    course_rows = _all(conn, _rows("course").where(C.c.school_id == school, C.c.id.in_(_courses(who, only)))
                       .order_by(C.c.id))
    class_ids = sorted({c["class_id"] for c in course_rows})
    subgroup_ids = sorted({c["subgroup_id"] for c in course_rows if c["subgroup_id"] is not None})
    year_ids = select(K.c.year_id).where(K.c.school_id == school, K.c.id.in_(class_ids))
    substitutes = conn.execute(select(L.c.substitute_teacher_id).distinct().where(
        L.c.school_id == school, L.c.course_id.in_(courses), L.c.substitute_teacher_id.is_not(None))).scalars()
    homeroom = conn.execute(select(K.c.homeroom_teacher_id).where(
        K.c.school_id == school, K.c.id.in_(class_ids), K.c.homeroom_teacher_id.is_not(None))).scalars()
    # Every teacher the rows below name: course teachers, this teacher, substitutes, homeroom teachers.
    teacher_ids = sorted({c["teacher_id"] for c in course_rows} | ({who.teacher_id} if who.teacher_id else set())
                         | set(substitutes) | set(homeroom))
    # Of a course she only substitutes in, a teacher gets her lessons alone: no marks, works or other lessons.
    substituted = substituted_only(conn, who)
    whole = select(C.c.id).where(C.c.school_id == school, C.c.id.in_(_courses(who, only)),
                                 C.c.id.not_in(substituted)).scalar_subquery()
    free_works = select(W.c.id).where(W.c.school_id == school, W.c.course_id.in_(whole), W.c.lesson_id.is_(None))
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
        "subgroup_members": _all(conn, _rows("subgroup_member").where(SM.c.school_id == school,
                                                                      SM.c.subgroup_id.in_(subgroup_ids))),
        "pupils": _all(conn, select(PU.c.id, PU.c.school_id, PU.c.last_name, PU.c.first_name, PU.c.patronymic, PU.c.sex)
                       .where(PU.c.school_id == school, PU.c.id.in_(
                           select(M.c.pupil_id).where(M.c.school_id == school, M.c.class_id.in_(class_ids))))),
        "memberships": _all(conn, _rows("class_membership").where(M.c.school_id == school,
                                                                  M.c.class_id.in_(class_ids))),
        "timetable": _all(conn, _rows("timetable_entry").where(TE.c.school_id == school, TE.c.course_id.in_(courses))),
        "period_marks": _all(conn, _rows("period_mark").where(PM.c.school_id == school, PM.c.course_id.in_(whole))),
        # Summative works not tied to a lesson (the page of lessons carries the others) and their scores.
        "free_works": _all(conn, _rows("summative_work").where(W.c.school_id == school, W.c.id.in_(free_works))),
        "free_scores": _all(conn, _rows("summative_score").where(SS.c.school_id == school,
                                                                 SS.c.work_id.in_(free_works))),
        "lessons_total": conn.execute(select(func.count()).select_from(L).where(
            L.c.school_id == school, _her_part(L, who, courses, substituted))).scalar_one(),
    }


def lessons(conn: Connection, who: Principal, after: str, limit: int, only: set[int] | None = None) -> dict:
    L, CELL, W, S = T["lesson"], T["lesson_cell"], T["summative_work"], T["summative_score"]
    school = who.school_id
    query = _rows("lesson").where(L.c.school_id == school,
                                  _her_part(L, who, _courses(who, only), substituted_only(conn, who)))
    if after:  # "" is the first page ("" is no uuid, and every id sorts after it)
        query = query.where(L.c.id > after)
    page = _all(conn, query.order_by(L.c.id).limit(limit + 1))
    more = len(page) > limit
    page = page[:limit]
    ids = [lesson["id"] for lesson in page]
    works = _all(conn, _rows("summative_work").where(W.c.school_id == school, W.c.lesson_id.in_(ids)))
    return {
        "lessons": page,
        "cells": _all(conn, _rows("lesson_cell").where(CELL.c.school_id == school, CELL.c.lesson_id.in_(ids))),
        "works": works,
        "scores": _all(conn, _rows("summative_score").where(S.c.school_id == school,
                                                           S.c.work_id.in_([w["id"] for w in works]))),
        "next": ids[-1] if ids else after,
        "more": more,
    }
