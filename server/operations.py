"""Applying one operation from a device: who may, whether the value is valid, whether the period is open,
and how it meets concurrent changes (per field of one record, by the record's version).

The conflict rule (docs/sync-protocol.md): an operation based on an older version of a record than the
server holds is checked against the change log of that field. No change by another device since its base:
it merges. A change to the same value: nothing to do. A different value: a conflict. The winner is the
larger (client clock stamp, device id), where a stamp is first bounded to the server's time plus
MAX_CLOCK_AHEAD, so a PC whose clock is set days or a year ahead cannot win every conflict; its stamps
still order its own edits. Both values are kept in the conflict record until a teacher resolves it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, exists, insert, or_, select, update

from core import final_marks, hlc, ids
from core.errors import REFUSALS_TELLING_VALUE, JournalError
from core.protocol import Operation, Status
from core.tables.journal import LESSON_KINDS, WORK_KINDS
from core.validation import MAX_WORK_POINTS, check_attendance, check_mark, check_score, check_text
from server.accounts import Principal
from server.schema import tables

MAX_CLOCK_AHEAD = dt.timedelta(minutes=5)

L, C, K, Y, P = (tables[n] for n in ("lesson", "course", "school_class", "academic_year", "period"))
CELL, WORK, SCORE = tables["lesson_cell"], tables["summative_work"], tables["summative_score"]
M, SM, SLOT = tables["class_membership"], tables["subgroup_member"], tables["bell_slot"]
CHANGE, CONFLICT, PM = tables["change"], tables["conflict"], tables["period_mark"]


def encode(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class Refused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class Outcome:
    status: Status  # applied, merged, conflict, rejected
    reason: str | None = None
    message: str | None = None
    version: int | None = None
    conflict_id: int | None = None
    value: Any = None  # on a lost conflict: the value that stands
    old: Any = None
    new: Any = None


@dataclass(frozen=True)
class Place:
    """Where a write lands: the course, its class and school, the day, and whether that day is closed."""

    course_id: int
    teacher_id: int
    substitute_id: int | None
    class_id: int
    subgroup_id: int | None
    scale: str
    school_id: int
    year_id: int
    date: dt.date


class Applier:
    """Applies one device's batch. What the checks need is loaded for the whole batch at once (prefetch)
    and kept as the batch changes it; cell and lesson writes and change-log rows are buffered and written
    set-wise by flush(). The transaction is the caller's."""

    def __init__(self, conn: Connection, who: Principal, now: dt.datetime) -> None:
        self.conn, self.who, self.now = conn, who, now
        self.hlc_limit = hlc.pack(int((now + MAX_CLOCK_AHEAD).timestamp() * 1000), 0)
        self._lessons: dict[str, tuple[Place, dict]] = {}
        self._cells: dict[tuple[str, int], dict | None] = {}
        self._closed: dict[int, list[tuple[dt.date, dt.date]]] = {}
        self._members: dict[int, dict[int, list[tuple[dt.date, dt.date | None]]]] = {}
        self._subgroups: dict[int, set[int]] = {}
        self._new_cells: dict[tuple[str, int], dict] = {}
        self._changed_cells: dict[tuple[str, int], dict] = {}
        self._changed_lessons: dict[str, dict] = {}
        self._changes: list[dict] = []
        # The version of each record when this batch first touched it: a base at or above it means every
        # newer version is this device's own, from this batch, so there can be no rival to look for.
        self._version_at_start: dict[tuple[str, str], int] = {}

    # -- loading and writing in bulk ------------------------------------------------------------

    def prefetch(self, ops: list[Operation]) -> None:
        """Load, in a few queries, the lessons, cells, rosters and closed periods the batch touches,
        locking the lessons and cells it may change (in id order, so two batches cannot deadlock)."""
        wanted: dict[str, set[int]] = {}
        for op in ops:
            if op.entity == "cell":
                record, _, pupil = op.key.rpartition("/")
                if record and pupil.isdigit():
                    wanted.setdefault(record, set()).add(int(pupil))
            elif op.entity == "lesson" and op.field in ("topic", "homework"):
                wanted.setdefault(op.key, set())
        ids = sorted(wanted)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.conn.execute(
                select(L, C.c.teacher_id, C.c.class_id, C.c.subgroup_id, C.c.scale, K.c.year_id, Y.c.school_id)
                .join(C, C.c.id == L.c.course_id).join(K, K.c.id == C.c.class_id).join(Y, Y.c.id == K.c.year_id)
                .where(L.c.id.in_(chunk)).order_by(L.c.id).with_for_update(of=L)
            ).mappings():
                self._lessons[row["id"]] = (_place_of(row), dict(row))
            for row in self.conn.execute(
                select(CELL).where(CELL.c.lesson_id.in_(chunk)).order_by(CELL.c.lesson_id, CELL.c.pupil_id)
                .with_for_update()
            ).mappings():
                self._cells[(row["lesson_id"], row["pupil_id"])] = dict(row)
            for lesson_id in chunk:
                for pupil_id in wanted[lesson_id]:
                    self._cells.setdefault((lesson_id, pupil_id), None)  # known not to exist yet
        places = [place for place, _ in self._lessons.values()]
        self._load_closed({p.year_id for p in places} - set(self._closed))
        self._load_members({p.class_id for p in places} - set(self._members))
        self._load_subgroups({p.subgroup_id for p in places if p.subgroup_id is not None} - set(self._subgroups))

    def _load_closed(self, years: set[int]) -> None:
        for year in years:
            self._closed[year] = []
        if years:
            for year, start, end in self.conn.execute(
                select(P.c.year_id, P.c.start_date, P.c.end_date).where(P.c.year_id.in_(years), P.c.closed.is_(True))
            ):
                self._closed[year].append((start, end))

    def _load_members(self, classes: set[int]) -> None:
        for class_id in classes:
            self._members[class_id] = {}
        if classes:
            for pupil, class_id, since, until in self.conn.execute(
                select(M.c.pupil_id, M.c.class_id, M.c.from_date, M.c.to_date).where(M.c.class_id.in_(classes))
            ):
                self._members[class_id].setdefault(pupil, []).append((since, until))

    def _load_subgroups(self, groups: set[int]) -> None:
        for group in groups:
            self._subgroups[group] = set()
        if groups:
            for group, pupil in self.conn.execute(
                select(SM.c.subgroup_id, SM.c.pupil_id).where(SM.c.subgroup_id.in_(groups))
            ):
                self._subgroups[group].add(pupil)

    def flush(self) -> None:
        """Write what the batch has changed so far."""
        conn = self.conn
        if self._new_cells:
            conn.execute(insert(CELL), list(self._new_cells.values()))
        if self._changed_cells:
            conn.execute(
                update(CELL).where(CELL.c.lesson_id == bindparam("k_lesson"), CELL.c.pupil_id == bindparam("k_pupil"))
                .values(attendance=bindparam("attendance"), mark=bindparam("mark"), comment=bindparam("comment"),
                        server_version=bindparam("server_version")),
                [dict(row, k_lesson=row["lesson_id"], k_pupil=row["pupil_id"]) for row in self._changed_cells.values()],
            )
        if self._changed_lessons:
            conn.execute(
                update(L).where(L.c.id == bindparam("k_id"))
                .values(topic=bindparam("topic"), homework=bindparam("homework"),
                        server_version=bindparam("server_version")),
                [{"k_id": lid, "topic": row["topic"], "homework": row["homework"],
                  "server_version": row["server_version"]} for lid, row in self._changed_lessons.items()],
            )
        if self._changes:
            conn.execute(insert(CHANGE), self._changes)
        self._new_cells, self._changed_cells, self._changed_lessons, self._changes = {}, {}, {}, []

    def apply(self, op: Operation) -> Outcome:
        handler = _HANDLERS.get((op.entity, op.field))
        try:
            if handler is None:
                raise Refused("unknown_field", f"Unknown field {op.field!r} of {op.entity!r}.")
            return handler(self, op)
        except (Refused, JournalError) as refusal:  # JournalError: storage's value checks
            code = refusal.code
            message = refusal.message if isinstance(refusal, Refused) else str(refusal)
            standing = self._standing(op) if code in REFUSALS_TELLING_VALUE else None
            return Outcome("rejected", code, message, value=standing, old=standing, new=op.value)

    def _standing(self, op: Operation) -> Any:
        """The value the field holds here, told with a rejection so the device can put it back."""
        try:
            if op.entity == "cell" and op.field in ("mark", "attendance", "comment"):
                cell = self._current_cell(*_pair(op.key))
                return cell[op.field] if cell else None
            if op.entity == "lesson" and op.field in ("topic", "homework"):
                return self._lesson_place(op.key)[1][op.field]
            if op.entity == "result" and (parts := final_marks.parse_key(op.key)) is not None:
                row = self.conn.execute(select(PM).where(PM.c.course_id == parts[0], PM.c.period_id == parts[1],
                                                         PM.c.pupil_id == parts[2])).mappings().first()
                return None if row is None else _final_of(row)
            if op.entity == "score" and op.field in ("points", "comment"):
                work_id, pupil_id = _pair(op.key)
                return self.conn.execute(select(SCORE.c[op.field]).where(
                    SCORE.c.work_id == work_id, SCORE.c.pupil_id == pupil_id)).scalar()
        except Refused:
            return None
        return None

    # -- places and rights ----------------------------------------------------------------------

    def _lesson_place(self, lesson_id: str) -> tuple[Place, dict]:
        cached = self._lessons.get(lesson_id)
        if cached is not None:
            return cached
        row = self.conn.execute(
            select(L, C.c.teacher_id, C.c.class_id, C.c.subgroup_id, C.c.scale, K.c.year_id, Y.c.school_id)
            .join(C, C.c.id == L.c.course_id).join(K, K.c.id == C.c.class_id).join(Y, Y.c.id == K.c.year_id)
            .where(L.c.id == lesson_id).with_for_update(of=L)
        ).mappings().first()
        if row is None:
            raise Refused("unknown_lesson", f"No lesson {lesson_id!r} on the server.")
        self._lessons[lesson_id] = (_place_of(row), dict(row))
        return self._lessons[lesson_id]

    def _course_place(self, course_id: int, day: dt.date) -> Place:
        row = self.conn.execute(
            select(C, K.c.year_id, Y.c.school_id).join(K, K.c.id == C.c.class_id).join(Y, Y.c.id == K.c.year_id)
            .where(C.c.id == course_id)
        ).mappings().first()
        if row is None:
            raise Refused("unknown_course", f"No course {course_id} on the server.")
        return Place(course_id, row["teacher_id"], None, row["class_id"], row["subgroup_id"], row["scale"],
                     row["school_id"], row["year_id"], day)

    def _check_rights(self, place: Place, *, substitute_ok: bool = True) -> None:
        who = self.who
        if place.school_id != who.school_id:
            raise Refused("not_your_school", "That record belongs to another school.")
        if who.is_admin:
            return
        allowed = {place.teacher_id, place.substitute_id} if substitute_ok else {place.teacher_id}
        if who.teacher_id is None or who.teacher_id not in allowed:
            raise Refused("not_your_course", f"You do not teach course {place.course_id} and are not substituting.")

    def _check_open(self, place: Place) -> None:
        if place.year_id not in self._closed:
            self._load_closed({place.year_id})
        if any(start <= place.date <= end for start, end in self._closed[place.year_id]):
            raise Refused("period_closed", f"The period containing {place.date} is closed.")

    def _check_member(self, place: Place, pupil_id: int) -> None:
        if place.class_id not in self._members:
            self._load_members({place.class_id})
        ranges = self._members[place.class_id].get(pupil_id, ())
        member = any(since <= place.date and (until is None or until >= place.date) for since, until in ranges)
        if member and place.subgroup_id is not None:
            if place.subgroup_id not in self._subgroups:
                self._load_subgroups({place.subgroup_id})
            member = pupil_id in self._subgroups[place.subgroup_id]
        if not member:
            raise Refused("pupil_not_in_course", f"Pupil {pupil_id} is not in this course's class on {place.date}.")

    def _current_cell(self, lesson_id: str, pupil_id: int) -> dict | None:
        key = (lesson_id, pupil_id)
        if key not in self._cells:
            row = self.conn.execute(
                select(CELL).where(CELL.c.lesson_id == lesson_id, CELL.c.pupil_id == pupil_id).with_for_update()
            ).mappings().first()
            self._cells[key] = dict(row) if row else None
        return self._cells[key]

    def _term_of(self, place: Place) -> int:
        term = self.conn.execute(select(P.c.id).where(
            P.c.year_id == place.year_id, P.c.kind == "term", P.c.start_date <= place.date, P.c.end_date >= place.date
        )).scalar()
        if term is None:
            raise Refused("outside_school_year", f"{place.date} is not in any term of the school year.")
        return term

    # -- one field of one record ----------------------------------------------------------------

    def _write(self, op: Operation, table: Any, pk: dict[str, Any], current: Any, value: Any,
               course_id: int) -> Outcome:
        """Set op.field := value on the record `pk` of `table` (created when `current` is None)."""
        field = op.field
        old = current[field] if current is not None else None
        version = current["server_version"] if current is not None else 0
        if old == value:  # the same value is never a conflict
            return Outcome("merged" if op.base < version else "applied", version=version, old=old, new=value)
        status: Status = "applied"
        conflict_id: int | None = None
        stamp = min(op.hlc, self.hlc_limit)
        at_start = self._version_at_start.setdefault((op.entity, op.key), version)
        if op.base < version and op.base >= at_start:
            status = "merged"  # only this batch's own earlier operations came in between
        elif op.base < version:
            rival = self.conn.execute(
                select(CHANGE.c.device_id, CHANGE.c.account_id, CHANGE.c.hlc)
                .where(CHANGE.c.entity == op.entity, CHANGE.c.entity_key == op.key, CHANGE.c.field == field,
                       CHANGE.c.version > op.base,
                       or_(CHANGE.c.device_id.is_(None), CHANGE.c.device_id != self.who.device_id))
                .order_by(CHANGE.c.version.desc()).limit(1)
            ).first()
            if rival is None:
                status = "merged"
            else:
                mine = (stamp, self.who.device_id)
                theirs = (rival.hlc or 0, rival.device_id or "")
                won = mine > theirs
                winner = (value, self.who.device_id, self.who.account_id, stamp) if won else (old, *rival)
                loser = (old, *rival) if won else (value, self.who.device_id, self.who.account_id, stamp)
                conflict_id = self.conn.execute(insert(CONFLICT).values(
                    course_id=course_id, entity=op.entity, entity_key=op.key, field=field,
                    winner_value=encode(winner[0]), winner_device_id=winner[1], winner_account_id=winner[2],
                    winner_hlc=winner[3], loser_value=encode(loser[0]), loser_device_id=loser[1],
                    loser_account_id=loser[2], loser_hlc=loser[3], created_at=self.now,
                ).returning(CONFLICT.c.id)).scalar_one()
                if not won:
                    return Outcome("conflict", version=version, conflict_id=conflict_id, value=old, old=old, new=value)
                status = "conflict"
        new_version = version + 1
        if table is CELL:
            self._buffer_cell(pk, current, field, value, new_version)
        elif table is L:
            current[field], current["server_version"] = value, new_version  # the cached lesson row
            self._changed_lessons[pk["id"]] = current
        elif table is PM:
            self._write_period_mark(pk, current, value, new_version)
        elif current is None:
            self.conn.execute(insert(table).values(**pk, **{field: value}, server_version=new_version))
        else:
            self.conn.execute(update(table).where(*(table.c[k] == v for k, v in pk.items()))
                              .values({field: value, "server_version": new_version}))
        self._log_change(course_id, op.entity, op.key, field, value, new_version, stamp)
        return Outcome(status, version=new_version, conflict_id=conflict_id, old=old, new=value)

    def _buffer_cell(self, pk: dict, current: dict | None, field: str, value: Any, version: int) -> None:
        key = (pk["lesson_id"], pk["pupil_id"])
        row = dict(current) if current is not None else {
            "lesson_id": key[0], "pupil_id": key[1], "attendance": None, "mark": None, "comment": None}
        row[field], row["server_version"] = value, version
        self._cells[key] = row
        if current is None or key in self._new_cells:
            self._new_cells[key] = row
        else:
            self._changed_cells[key] = row

    def _log_change(self, course_id: int, entity: str, key: str, field: str, value: Any, version: int,
                    stamp: int | None) -> None:
        self._changes.append(dict(
            course_id=course_id, entity=entity, entity_key=key, field=field, value=encode(value), version=version,
            device_id=self.who.device_id, account_id=self.who.account_id, hlc=stamp, at=self.now,
        ))

    # -- handlers -------------------------------------------------------------------------------

    def cell(self, op: Operation) -> Outcome:
        lesson_id, pupil_id = _pair(op.key)
        place, _lesson = self._lesson_place(lesson_id)
        self._check_rights(place)
        self._check_open(place)
        self._check_member(place, pupil_id)
        value = {"mark": lambda v: check_mark(place.scale, v), "attendance": check_attendance,
                 "comment": lambda v: check_text("comment", v)}[op.field](op.value)
        current = self._current_cell(lesson_id, pupil_id)
        return self._write(op, CELL, {"lesson_id": lesson_id, "pupil_id": pupil_id}, current, value, place.course_id)

    def lesson_text(self, op: Operation) -> Outcome:
        place, lesson = self._lesson_place(op.key)
        self._check_rights(place)
        self._check_open(place)
        value = check_text(op.field, op.value)
        return self._write(op, L, {"id": op.key}, lesson, value, place.course_id)

    def lesson_create(self, op: Operation) -> Outcome:
        v = _fields(op)
        try:
            course_id, slot, kind = int(v["course_id"]), int(v["slot"]), v.get("kind", "regular")
            day = dt.date.fromisoformat(v["date"])
        except (KeyError, TypeError, ValueError):
            raise Refused("bad_value", "A new lesson needs course_id, date (YYYY-MM-DD) and slot.") from None
        if op.key != ids.lesson_id(course_id, day, slot) or v.get("id", op.key) != op.key:
            raise Refused("bad_key", "A lesson's id must be derived from its course, date and slot.")
        if kind not in LESSON_KINDS:
            raise Refused("bad_value", f"Unknown lesson kind {kind!r}.")
        topic, homework = check_text("topic", v.get("topic")), check_text("homework", v.get("homework"))
        place = self._course_place(course_id, day)
        self._check_rights(place, substitute_ok=False)
        self._check_open(place)
        self._term_of(place)
        if not self.conn.execute(select(exists().where(SLOT.c.number == slot))).scalar():
            raise Refused("bad_value", f"Slot {slot} is not in the bell schedule.")
        if self.conn.execute(select(L.c.id).where(L.c.id == op.key)).first() is not None:
            return Outcome("merged", version=1, new=v)  # another device created the same lesson
        record = {"id": op.key, "course_id": course_id, "date": day.isoformat(), "slot": slot, "kind": kind,
                  "topic": topic, "homework": homework}
        self.conn.execute(insert(L).values(id=op.key, course_id=course_id, date=day, slot=slot, kind=kind,
                                           topic=topic, homework=homework, server_version=1))
        self._log_change(course_id, "lesson", op.key, "create", record, 1, min(op.hlc, self.hlc_limit))
        return Outcome("applied", version=1, new=record)

    def work_create(self, op: Operation) -> Outcome:
        v = _fields(op)
        try:
            course_id, kind, max_points = int(v["course_id"]), v["kind"], v["max_points"]
            day = dt.date.fromisoformat(v["date"])
        except (KeyError, TypeError, ValueError):
            raise Refused("bad_value", "A summative work needs course_id, kind, date and max_points.") from None
        title = check_text("title", v.get("title"))
        if kind not in WORK_KINDS or title is None:
            raise Refused("bad_value", "A summative work needs kind 'sor' or 'soch' and a title.")
        if not isinstance(max_points, int) or isinstance(max_points, bool) or not 1 <= max_points <= MAX_WORK_POINTS:
            raise Refused("bad_value", f"Maximum points must be a whole number 1–{MAX_WORK_POINTS}.")
        place = self._course_place(course_id, day)
        self._check_rights(place, substitute_ok=False)
        self._check_open(place)
        period_id = self._term_of(place)
        if self.conn.execute(select(WORK.c.id).where(WORK.c.id == op.key)).first() is not None:
            return Outcome("merged", version=1, new=v)
        record = {"id": op.key, "course_id": course_id, "period_id": period_id, "lesson_id": v.get("lesson_id"),
                  "kind": kind, "title": title, "section": check_text("section", v.get("section")),
                  "date": day.isoformat(), "max_points": max_points}
        self.conn.execute(insert(WORK).values(**{**record, "date": day}, server_version=1))
        self._log_change(course_id, "work", op.key, "create", record, 1, min(op.hlc, self.hlc_limit))
        return Outcome("applied", version=1, new=record)

    def score(self, op: Operation) -> Outcome:
        work_id, pupil_id = _pair(op.key)
        work = self.conn.execute(select(WORK).where(WORK.c.id == work_id)).mappings().first()
        if work is None:
            raise Refused("unknown_work", f"No summative work {work_id!r} on the server.")
        place = self._course_place(work["course_id"], work["date"])
        self._check_rights(place)
        self._check_open(place)
        self._check_member(place, pupil_id)
        value = check_score(op.value, work["max_points"]) if op.field == "points" else check_text("comment", op.value)
        current = self.conn.execute(
            select(SCORE).where(SCORE.c.work_id == work_id, SCORE.c.pupil_id == pupil_id).with_for_update()
        ).mappings().first()
        return self._write(op, SCORE, {"work_id": work_id, "pupil_id": pupil_id}, current, value, place.course_id)

    def period_mark(self, op: Operation) -> Outcome:
        """A final term, half-year or year mark over the computed one (core.final_marks): the course's own
        teacher or an admin, an open period, a pupil of the class during it, a mark in range, a reason."""
        parts = final_marks.parse_key(op.key)
        if parts is None:
            raise Refused("bad_key", "A period mark is named '<course>.<period>/<pupil>'.")
        course_id, period_id, pupil_id = parts
        period = self.conn.execute(select(P).where(P.c.id == period_id)).mappings().first()
        if period is None:
            raise Refused("unknown_period", f"No period {period_id} on the server.")
        place = self._course_place(course_id, period["end_date"])
        if period["year_id"] != place.year_id:
            raise Refused("bad_key", "That period is not in the course's school year.")
        self._check_rights(place, substitute_ok=False)
        if period["closed"]:
            raise Refused("period_closed", f"The period containing {period['end_date']} is closed.")
        self._check_open(place)
        if place.class_id not in self._members:
            self._load_members({place.class_id})
        ranges = self._members[place.class_id].get(pupil_id, ())
        if not any(since <= period["end_date"] and (until is None or until >= period["start_date"])
                   for since, until in ranges):
            raise Refused("pupil_not_in_course", f"Pupil {pupil_id} is not in this course's class in that period.")
        v = _fields(op)
        mark, reason = final_marks.check(place.scale, v.get("mark"), v.get("reason"))
        value = final_marks.value(mark, reason, v.get("computed"), v.get("percent"), v.get("rule"))
        row = self.conn.execute(select(PM).where(PM.c.course_id == course_id, PM.c.period_id == period_id,
                                                 PM.c.pupil_id == pupil_id).with_for_update()).mappings().first()
        current = None if row is None else {"final": _final_of(row), "server_version": row["server_version"]}
        return self._write(op, PM, {"course_id": course_id, "period_id": period_id, "pupil_id": pupil_id},
                           current, value, course_id)

    def _write_period_mark(self, pk: dict, current: Any, value: dict, version: int) -> None:
        columns = {"final_mark": value["mark"], "final_reason": value["reason"], "computed_mark": value["computed"],
                   "computed_percent": value["percent"], "rule_version": value["rule"], "server_version": version}
        if current is None:
            self.conn.execute(insert(PM).values(**pk, **columns))
        else:
            self.conn.execute(update(PM).where(*(PM.c[k] == v for k, v in pk.items())).values(columns))

    def resolve(self, op: Operation) -> Outcome:
        """A teacher settles a conflict by choosing one value (or typing a new one): the chosen value is
        written to the field like any edit, and the conflict is marked resolved."""
        try:
            conflict_id = int(op.key)
        except ValueError:
            raise Refused("bad_key", "A conflict is named by its number.") from None
        row = self.conn.execute(
            select(CONFLICT).where(CONFLICT.c.id == conflict_id).with_for_update()).mappings().first()
        if row is None:
            raise Refused("unknown_conflict", f"No conflict {conflict_id}.")
        if row["resolved_at"] is not None:
            raise Refused("conflict_resolved", f"Conflict {conflict_id} was already resolved.")
        inner = Operation(seq=op.seq, hlc=op.hlc, entity=row["entity"], key=row["entity_key"], field=row["field"],
                          value=op.value, base=0)
        handler = _HANDLERS[(inner.entity, inner.field)]
        current_version = self._version_of(inner)
        outcome = handler(self, inner.model_copy(update={"base": current_version}))
        if outcome.status == "rejected":
            return outcome
        self.conn.execute(update(CONFLICT).where(CONFLICT.c.id == conflict_id).values(
            resolved_at=self.now, resolved_by=self.who.account_id, resolved_value=encode(op.value)))
        outcome.conflict_id = conflict_id
        outcome.status = "applied"
        return outcome

    def _version_of(self, op: Operation) -> int:
        if op.entity == "cell":
            cell = self._current_cell(*_pair(op.key))
            return cell["server_version"] if cell else 0
        if op.entity == "lesson":
            return self._lesson_place(op.key)[1]["server_version"]
        if op.entity == "score":
            work_id, pupil_id = _pair(op.key)
            query = select(SCORE.c.server_version).where(SCORE.c.work_id == work_id, SCORE.c.pupil_id == pupil_id)
            return self.conn.execute(query).scalar() or 0
        if op.entity == "result" and (parts := final_marks.parse_key(op.key)) is not None:
            query = select(PM.c.server_version).where(PM.c.course_id == parts[0], PM.c.period_id == parts[1],
                                                      PM.c.pupil_id == parts[2])
            return self.conn.execute(query).scalar() or 0
        return 0


def _fields(op: Operation) -> dict[str, Any]:
    """The fields of an operation's dict value as the client sent them (each is checked where it is read)."""
    return op.value if isinstance(op.value, dict) else {}


def _final_of(row: Any) -> dict:
    """A period_mark row as the wire value of its final mark (core.final_marks)."""
    return final_marks.value(row["final_mark"], row["final_reason"], row["computed_mark"], row["computed_percent"],
                             row["rule_version"])


def _place_of(row: Any) -> Place:
    return Place(row["course_id"], row["teacher_id"], row["substitute_teacher_id"], row["class_id"],
                 row["subgroup_id"], row["scale"], row["school_id"], row["year_id"], row["date"])


def _pair(key: str) -> tuple[str, int]:
    record, _, pupil = key.rpartition("/")
    if not record or not pupil.isdigit():
        raise Refused("bad_key", f"Expected '<record>/<pupil>', got {key!r}.")
    return record, int(pupil)


_HANDLERS = {
    ("cell", "mark"): Applier.cell,
    ("cell", "attendance"): Applier.cell,
    ("cell", "comment"): Applier.cell,
    ("lesson", "topic"): Applier.lesson_text,
    ("lesson", "homework"): Applier.lesson_text,
    ("lesson", "create"): Applier.lesson_create,
    ("work", "create"): Applier.work_create,
    ("score", "points"): Applier.score,
    ("score", "comment"): Applier.score,
    ("result", "final"): Applier.period_mark,
    ("conflict", "resolve"): Applier.resolve,
}
