"""What a device receives: the changes since its cursor that its teacher may see, and the open conflicts."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    String,
    and_,
    bindparam,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    true,
    tuple_,
    union,
)

from core import json_codec, record_keys
from core.protocol import Change, Conflict
from core.synced_kinds import KINDS
from server import feed
from server.accounts import Principal
from server.schema import tables

C, L, K, M = tables["course"], tables["lesson"], tables["school_class"], tables["class_membership"]
Y = tables["academic_year"]
CHANGE, CONFLICT = tables["change"], tables["conflict"]
MAX_CONFLICTS = 500
# The kinds of record a course's journal holds, by the shape of their keys (core.synced_kinds): its lessons and works
# (keyed by id), their cells and scores (by record and pupil), its period marks. Of a course she substitutes in, a
# teacher reads those of her lessons alone, the rest (its timetable, the calendar, the class's roster) whole.
RECORDS = tuple(sorted(k.entity for k in KINDS.values() if k.key == "id"))
PUPILS_RECORDS = tuple(sorted(k.entity for k in KINDS.values() if k.key == "pupil"))
JOURNAL_KINDS = (*RECORDS, *PUPILS_RECORDS, *(k.entity for k in KINDS.values() if k.key == "result"))
COUNTED = 5000  # how many waiting changes a pull counts exactly for the progress bar


@dataclass(frozen=True)
class Readable:
    """The courses a caller may read, asked once a sync (its pull, its conflicts and its courses' digest all use
    them): `courses` None for an admin, who reads every course of the school; `substituted` those a teacher reads
    only because an admin gave her some of their lessons as a substitute: of these she is sent those lessons alone
    (their records and cells), not the course's other lessons, works or marks."""

    courses: frozenset[int] | None
    substituted: frozenset[int] = frozenset()
    carried: frozenset[tuple[int, int]] = frozenset()
    """(course, pupil): a course of another class read for some of its pupils alone, those who since moved into a
    class of a course read whole, in the same subject and year: their marks, scores and the course's lessons and
    works (not the other pupils'), which count in the new class's term results (core.term_results)."""

    teachers: Mapping[int, int] = dataclasses.field(default_factory=dict)
    """Each of those courses' teacher, by course."""

    def carried_pupils(self) -> dict[int, list[int]]:
        """The courses read for some pupils alone, with those pupils."""
        out: dict[int, list[int]] = {}
        for course, pupil in sorted(self.carried):
            out.setdefault(course, []).append(pupil)
        return out


def readable(conn: Connection, who: Principal) -> Readable:
    """What the teacher of `who` may read (Readable). A sync asks it every time: two plain statements (three when a
    pupil came to one of her classes after the year began), each naming the school on every table (on Citus: its
    shard)."""
    if who.is_admin:
        return Readable(None)
    rows = conn.execute(_READABLE, {"school": who.school_id, "teacher": who.teacher_id}).all()
    whole = {course for course, how, *_ in rows if how == "whole"}
    lessons_only = {course for course, how, *_ in rows if how == "lessons"} - whole
    teachers = {course: teacher_id for course, _, teacher_id, *_ in rows}
    subjects: dict[int, set[int]] = {}  # the subjects read whole in each class
    for _, how, _, class_id, subject in rows:
        if how == "whole":
            subjects.setdefault(class_id, set()).add(subject)
    carried = _carried(conn, who.school_id, subjects, whole, teachers)
    return Readable(frozenset(whole | lessons_only), frozenset(lessons_only), carried, teachers)


def _carried(conn: Connection, school: int, subjects: dict[int, set[int]], whole: set[int],
             teachers: dict[int, int]) -> frozenset[tuple[int, int]]:
    """Readable.carried: for each pupil who came to one of the classes `subjects` names after the year began, his
    earlier classes' courses (of the same year) in the subjects read whole in his new class, but those read whole
    anyway (the pupil, not the course, moved). `teachers` gains those courses' teachers."""
    if not subjects:
        return frozenset()
    came = conn.execute(_CAME, {"school": school, "classes": sorted(subjects)}).all()
    if not came:
        return frozenset()
    before = conn.execute(_STAYS, {"school": school, "pupils": sorted({pupil for pupil, *_ in came})}).all()
    out = set()
    for pupil, class_id, since, year in came:
        for earlier_pupil, earlier_class, earlier_since, earlier_year, course, subject, teacher in before:
            if (earlier_pupil == pupil and earlier_class != class_id and earlier_since < since
                    and earlier_year == year and subject in subjects[class_id] and course not in whole):
                out.add((course, pupil))
                teachers[course] = teacher
    return frozenset(out)


# Asked on every sync, built once (server.operations says why): the courses a teacher reads whole (hers and her
# homeroom class's) or for her substitute lessons alone; the pupils who came to some of those classes after the
# year began; those pupils' stays in every class, with its courses.
_READABLE = union(
    select(C.c.id, literal("whole").label("how"), C.c.teacher_id, C.c.class_id, C.c.subject_id).where(
        C.c.school_id == bindparam("school"),
        or_(C.c.teacher_id == bindparam("teacher"), C.c.class_id.in_(select(K.c.id).where(
            K.c.school_id == bindparam("school"), K.c.homeroom_teacher_id == bindparam("teacher"))))),
    select(L.c.course_id, literal("lessons").label("how"), C.c.teacher_id, C.c.class_id, C.c.subject_id)
    .join(C, and_(C.c.school_id == bindparam("school"), C.c.id == L.c.course_id))
    .where(L.c.school_id == bindparam("school"), L.c.substitute_teacher_id == bindparam("teacher")),
)
_CAME = (select(M.c.pupil_id, M.c.class_id, M.c.from_date, K.c.year_id)
         .join(K, and_(K.c.school_id == bindparam("school"), K.c.id == M.c.class_id))
         .join(Y, and_(Y.c.school_id == bindparam("school"), Y.c.id == K.c.year_id))
         .where(M.c.school_id == bindparam("school"), M.c.class_id.in_(bindparam("classes", expanding=True)),
                M.c.from_date > Y.c.start_date))
_STAYS = (select(M.c.pupil_id, M.c.class_id, M.c.from_date, K.c.year_id, C.c.id, C.c.subject_id, C.c.teacher_id)
          .join(K, and_(K.c.school_id == bindparam("school"), K.c.id == M.c.class_id))
          .join(C, and_(C.c.school_id == bindparam("school"), C.c.class_id == M.c.class_id))
          .where(M.c.school_id == bindparam("school"), M.c.pupil_id.in_(bindparam("pupils", expanding=True))))


def course_ids(conn: Connection, who: Principal, courses: Readable) -> dict[int, int]:
    """Every course `who` may read, whole or in part (an admin's: the school's), with its teacher's id: the courses
    a PC holds (sync.course_set, core.protocol.courses_digest)."""
    if courses.courses is not None:
        held = courses.courses | {course for course, _ in courses.carried}
        return {course: courses.teachers[course] for course in held}
    return {course: teacher for course, teacher in conn.execute(
        select(C.c.id, C.c.teacher_id).where(C.c.school_id == who.school_id))}


def _allowed(courses: Readable) -> tuple[tuple[bool, bool, bool], dict[str, Any]]:
    """Which of the conditions of `_readable` a caller's pull needs (a teacher's: her courses; the courses she
    substitutes in; those read for some pupils alone), with their parameters."""
    if courses.courses is None:
        return (False, False, False), {}
    carried = courses.carried_pupils()
    partly = sorted(set(carried) - courses.courses)
    return (True, bool(courses.substituted), bool(partly)), {
        "courses": sorted(courses.courses | set(carried)), "substituted": sorted(courses.substituted),
        "partly": partly, "partly_pupils": [(course, str(pupil)) for course in partly for pupil in carried[course]]}


def _readable(teacher: bool, substituted: bool, partly: bool) -> Any:
    """The changes a caller may read: of a teacher's courses all, of those she substitutes in only her lessons' (a
    lesson's key is its id; a cell's begins with it), of those read for some pupils theirs (Readable.carried); an
    admin's school's all. The lists are parameters (`_allowed`), so that the statement is built once a shape."""
    if not teacher:
        return true()
    # The courses first, alone in their condition, so that the database reads the feed by them as ever; then what
    # of a course read in part she is not sent.
    allowed: list[Any] = [CHANGE.c.course_id.in_(bindparam("courses", expanding=True))]
    if substituted:  # (what the school keeps of the course, its calendar and roster, she reads too)
        her = select(cast(L.c.id, String)).where(L.c.school_id == bindparam("school"),
                                                 L.c.substitute_teacher_id == bindparam("teacher"))
        allowed.append(or_(CHANGE.c.course_id.not_in(bindparam("substituted", expanding=True)),
                           CHANGE.c.entity.not_in(JOURNAL_KINDS),
                           func.substr(CHANGE.c.entity_key, 1, 36).in_(her)))
    if partly:
        # Of a course read for some pupils: its lessons and works, and those pupils' cells and scores (whose keys
        # end with the pupil's number: core.record_keys); a course she reads whole as well, all of it.
        allowed.append(or_(CHANGE.c.course_id.not_in(bindparam("partly", expanding=True)),
                           CHANGE.c.entity.in_(RECORDS),
                           and_(CHANGE.c.entity.in_(PUPILS_RECORDS),
                                tuple_(CHANGE.c.course_id, func.substr(CHANGE.c.entity_key, record_keys.PUPIL_FROM))
                                .in_(bindparam("partly_pupils", expanding=True)))))
    return and_(*allowed)


@functools.cache
def _page(shape: tuple[bool, bool, bool], overwritten: bool) -> Select[Any]:
    """A page of the school's feed past the cursor that the caller may read (`_readable` of `shape`), in the feed's
    order, up to `span` rows; each with whether it is the device's own and, if `overwritten`, whether a later change
    of the same field stands on the feed. Built once a shape."""
    # whether a change is the device's own, asked of the database (no uuid read and spelt out a row; no device: none)
    mine = func.coalesce(CHANGE.c.device_id == bindparam("device"), False)
    columns: list[Any] = [CHANGE.c.position, CHANGE.c.entity, CHANGE.c.entity_key, CHANGE.c.field, CHANGE.c.version,
                          CHANGE.c.value, mine]
    if overwritten:
        # (The school named in the subquery itself, not only by correlation: Citus then keeps it on the school's shard.)
        later = CHANGE.alias("later")
        columns.append(exists().where(later.c.school_id == bindparam("school"), later.c.entity == CHANGE.c.entity,
                                      later.c.entity_key == CHANGE.c.entity_key, later.c.field == CHANGE.c.field,
                                      later.c.version > CHANGE.c.version))
    return (select(*columns)
            .where(CHANGE.c.school_id == bindparam("school"), CHANGE.c.position > bindparam("cursor"),
                   _readable(*shape))
            .order_by(CHANGE.c.position).limit(bindparam("span")))


def changes_since(conn: Connection, who: Principal, cursor: int, limit: int,
                  writing: Mapping[tuple[str, str, str], int] | None = None,
                  courses: Readable | None = None) -> tuple[list[Change], int, bool, int]:
    """(changes, next cursor, more, how many remain): the changes past `cursor` in the school's feed, in the
    feed's order (server.feed: positions in commit order, so no change is ever passed). The device's own
    changes advance the cursor but are not sent back: it learnt their versions from its operation results.

    Only a field's latest change is sent: one overwritten since (a later version of the same field) is
    skipped. Besides saving bytes, this keeps a device from taking an older value of a field over its own
    newer one, which it is not sent back (a rival's edit the server ordered before the device's). `writing`:
    the fields (entity, key, field) this transaction is writing, with their new versions, which join the feed
    only at its end (server.feed) but overwrite older changes all the same. `courses`: what `who` may read, when
    the caller has asked already."""
    writing = writing or {}
    shape, params = _allowed(courses if courses is not None else readable(conn, who))
    params.update(school=who.school_id, teacher=who.teacher_id, device=who.device_id, cursor=cursor)

    def page(span: int, overwritten: bool) -> list[tuple[Any, ...]]:
        # The columns a device is sent and those that decide whether it is, as plain tuples, fetched at once: a pull
        # reads up to `limit` rows on every sync, so what each row costs counts.
        return list(conn.execute(_page(shape, overwritten), {**params, "span": span + 1}).all())

    rows = page(limit, False)
    more = len(rows) > limit
    if more:
        # The device's own changes on the page are not sent: the page reaches as far past them, so that a pull
        # after a push is not cut short by what the push wrote (and made to call again for the rest).
        span = limit + sum(1 for row in rows[:limit] if row[6])
        # The page ends before the feed does, so a change on it may have been overwritten further on, by this
        # device too (which is not sent its own): asked of the database, row by row.
        rows = page(span, True)
        more = len(rows) > span
        rows = rows[:span]
        overwritten = [row[-1] for row in rows]
    else:
        # The page reaches the end of the feed (every change this device made before is on it: its syncs take
        # turns on its row): a change is overwritten only by a later one on the page. Most pulls end here, and
        # spare the database a lookup a row.
        newest: dict[tuple[str, str, str], int] = {}
        for row in rows:
            newest[row[1:4]] = max(newest.get(row[1:4], 0), row[4])
        overwritten = [row[4] < newest[row[1:4]] for row in rows]
    told: set[tuple[str, str, str, int]] = set()  # a change told to several courses the device reads: sent once
    out = []
    for (position, entity, key, field, version, value, own, *_), skip in zip(rows, overwritten, strict=True):
        same = (entity, key, field, version)
        if (not own and not skip and same not in told
                and writing.get(same[:3], 0) <= version):
            told.add(same)
            # Built without validation: every field comes from the feed's own typed columns and JSON (up to a
            # thousand a pull; validating each took a sixth of the pull's time).
            out.append(Change.model_construct(id=position, entity=entity, key=key, field=field,
                                              value=json_codec.value(value), version=version))
    next_cursor = rows[-1][0] if rows else cursor
    remaining = 0
    if more:  # counted up to COUNTED only (each page of a long pull would count the whole rest of the feed again)
        waiting = (select(CHANGE.c.position)
                   .where(CHANGE.c.school_id == who.school_id, CHANGE.c.position > next_cursor, _readable(*shape),
                          or_(CHANGE.c.device_id.is_(None), CHANGE.c.device_id != who.device_id))
                   .limit(COUNTED).subquery())
        remaining = conn.execute(select(func.count()).select_from(waiting), params).scalar_one()
        if remaining == COUNTED:  # more than that: the feed's length past the cursor, an upper bound
            remaining = max(COUNTED, feed.head(conn, who.school_id) - next_cursor)
        elif remaining == 0:
            # What is left past the page is the device's own changes (or others' it may not read), none to send: the
            # cursor passes them now, and the device is not made to call again for answers that would carry nothing.
            # (Every position up to the last one this snapshot sees is committed: server.feed.)
            last = conn.execute(select(func.max(CHANGE.c.position)).where(
                CHANGE.c.school_id == who.school_id, CHANGE.c.position > next_cursor)).scalar()
            next_cursor, more = last if last is not None else next_cursor, False
    return out, next_cursor, more, remaining


def open_conflicts(conn: Connection, who: Principal, courses: Readable | None = None) -> list[Conflict]:
    courses = courses if courses is not None else readable(conn, who)
    rows = conn.execute(_open_conflicts(courses.courses is not None),
                        {"school": who.school_id, "courses": sorted(courses.courses or ())}).mappings()
    return [
        Conflict(id=r["id"], entity=r["entity"], key=r["entity_key"], field=r["field"],
                 winner_value=json_codec.value(r["winner_value"]), loser_value=json_codec.value(r["loser_value"]),
                 winner_device_id=r["winner_device_id"], loser_device_id=r["loser_device_id"],
                 winner_account_id=r["winner_account_id"], loser_account_id=r["loser_account_id"],
                 created_at=r["created_at"])
        for r in rows
    ]


@functools.cache
def _open_conflicts(teacher: bool) -> Select[Any]:
    """The school's open conflicts, the oldest first (of a teacher's courses alone): built once."""
    mine = CONFLICT.c.course_id.in_(bindparam("courses", expanding=True)) if teacher else true()
    return (select(CONFLICT).where(CONFLICT.c.school_id == bindparam("school"), CONFLICT.c.resolved_at.is_(None), mine)
            .order_by(CONFLICT.c.created_at, CONFLICT.c.id).limit(MAX_CONFLICTS))
