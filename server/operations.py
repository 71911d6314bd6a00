"""Applying one operation from a device: who may, whether the value is valid, whether the period is open,
and how it meets concurrent changes (per field of one record, by the record's version).

What an operation may name, and how its value is checked, is declared once in core.synced_kinds; who may
write where, open periods and class membership are core.write_rules, the same functions the teacher's PC
applies before it queues the edit. This module loads the facts for a whole batch and writes the results.

The conflict rule (docs/sync-protocol.md): an operation based on an older version of a record than the
server holds is checked against the change log of that field. No change by another device since its base:
it merges. A change to the same value: nothing to do. A different value: a conflict. The winner is the
larger (client clock stamp, device id), where a stamp is first bounded to the server's time plus
MAX_CLOCK_AHEAD, so a PC whose clock is set days or a year ahead cannot win every conflict; its stamps
still order its own edits. Both values are kept in the conflict record until a teacher resolves it.
"""

from __future__ import annotations

import datetime as dt
import functools
import secrets
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    CursorResult,
    Date,
    Table,
    Update,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)

from core import hlc, ids, json_codec, record_keys, school_calendar, write_rules
from core.errors import REFUSALS_TELLING_VALUE, InvalidLesson, JournalError, PeriodClosed
from core.protocol import Operation, Status
from core.synced_kinds import KINDS, Facts, SyncedField, SyncedKind
from core.validation import MAX_WORK_POINTS
from server import feed, serials
from server.accounts import Principal
from server.schema import tables

MAX_CLOCK_AHEAD = dt.timedelta(minutes=5)


class _Rival(NamedTuple):
    """Who wrote the value an edit meets, as the change log tells it."""

    device_id: str | None
    account_id: int | None
    hlc: int | None


# The rival of an edit whose base is older than the feed keeps: no device, account or stamp known.
_UNKNOWN_RIVAL = _Rival(None, None, None)

L, C, K, P = (tables[n] for n in ("lesson", "course", "school_class", "period"))
CELL, WORK, SCORE = tables["lesson_cell"], tables["summative_work"], tables["summative_score"]
M, SM, SLOT = tables["class_membership"], tables["subgroup_member"], tables["bell_slot"]
CHANGE, CONFLICT, PM = tables["change"], tables["conflict"], tables["period_mark"]
# The rows that go with a record a field removes (a summative work's empty score rows), by table.
_CHILDREN = {"summative_work": ((SCORE, "work_id"),)}

# The statements every sync runs, built once with their values as parameters: building a statement anew for each
# call cost more of the server's Python than running it (a sync runs some twenty; benchmarks/server_bench.py).
# Each names its school (`school`) on every table: on Citus, the school's shard.
_LESSONS = (select(L, C.c.teacher_id, C.c.class_id, C.c.subgroup_id, C.c.scale, K.c.year_id)
            .join(C, (C.c.school_id == L.c.school_id) & (C.c.id == L.c.course_id))
            .join(K, (K.c.school_id == C.c.school_id) & (K.c.id == C.c.class_id))
            .where(L.c.school_id == bindparam("school"), L.c.id.in_(bindparam("ids", expanding=True)))
            .order_by(L.c.id).with_for_update(of=L))
"""Lessons of the school by id, with what the write rules ask of their course and class, locked in id order."""
_CELLS = (select(CELL).where(CELL.c.school_id == bindparam("school"),
                             CELL.c.lesson_id.in_(bindparam("lessons", expanding=True)))
          .order_by(CELL.c.lesson_id, CELL.c.pupil_id).with_for_update())
_CLOSED = select(P.c.year_id, P.c.start_date, P.c.end_date).where(
    P.c.school_id == bindparam("school"), P.c.year_id.in_(bindparam("years", expanding=True)), P.c.closed.is_(True))
_MEMBERS = select(M.c.pupil_id, M.c.class_id, M.c.from_date, M.c.to_date).where(
    M.c.school_id == bindparam("school"), M.c.class_id.in_(bindparam("classes", expanding=True)))
_GROUP_MEMBERS = select(SM.c.subgroup_id, SM.c.pupil_id, SM.c.from_date, SM.c.to_date).where(
    SM.c.school_id == bindparam("school"), SM.c.subgroup_id.in_(bindparam("groups", expanding=True)))


class Refused(Exception):
    """A refusal only the server makes (a record it does not hold, a key of the wrong shape, another school)."""

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
    value: Any = None  # the value the field holds after the operation (told with a refusal: REFUSALS_TELLING_VALUE)
    old: Any = None
    new: Any = None


@dataclass(frozen=True)
class Landing:
    """Where a write lands: the place the write rules judge (core.write_rules.Place), and the school and
    school year holding it."""

    place: write_rules.Place
    school_id: int
    year_id: int
    max_points: int = MAX_WORK_POINTS  # a summative work's, for its scores

    @property
    def facts(self) -> Facts:
        return Facts(self.place.scale, self.max_points)


@dataclass(frozen=True)
class _Write:
    """One checked field write: the kind, the field, the record's key columns, where it lands, the value."""

    kind: SyncedKind
    field: SyncedField
    pk: dict[str, Any]
    landing: Landing
    value: Any


class Applier:
    """Applies one device's batch. What the checks need is loaded for the whole batch at once (prefetch)
    and kept as the batch changes it; cell and lesson writes are buffered and written set-wise by flush(), the
    change-log rows handed over by take_changes() for the school's feed. The transaction is the caller's."""

    def __init__(self, conn: Connection, who: Principal, now: dt.datetime, *, by_school: bool = False) -> None:
        """`by_school`: the school's own writes (server.journal_import), which may set the fields no device may."""
        self.conn, self.who, self.now, self.by_school = conn, who, now, by_school
        self.school = who.school_id  # named in every statement: a record of another school is not found at all
        self.writer = write_rules.Writer(who.teacher_id, who.is_admin)
        self.hlc_limit = hlc.pack(int((now + MAX_CLOCK_AHEAD).timestamp() * 1000), 0)
        self._lessons: dict[str, tuple[Landing, dict[str, Any]]] = {}
        self._cells: dict[tuple[str, int], dict[str, Any] | None] = {}
        self._closed: dict[int, list[write_rules.DateRange]] = {}
        self._members: dict[int, dict[int, list[write_rules.Membership]]] = {}
        self._subgroups: dict[int, dict[int, list[tuple[Any, Any]]]] = {}  # subgroup → pupil → his stays
        self._periods: dict[int, Any] = {}
        self._new_cells: dict[tuple[str, int], dict[str, Any]] = {}
        self._changed_cells: dict[tuple[str, int], dict[str, Any]] = {}
        self._changed_lessons: dict[str, dict[str, Any]] = {}
        self._changes: list[dict[str, Any]] = []
        # The version of each record when this batch first touched it: a base at or above it means every
        # newer version is this device's own, from this batch, so there can be no rival to look for.
        self._version_at_start: dict[tuple[str, str], int] = {}
        self._kept_from: int | None = None  # where the school's feed starts (server.feed.kept_from), once read

    # -- loading and writing in bulk ------------------------------------------------------------

    def prefetch(self, ops: list[Operation]) -> None:
        """Load, in a few queries, the lessons, cells, rosters and closed periods the batch touches,
        locking the lessons and cells it may change (in id order, so two batches cannot deadlock)."""
        wanted: dict[str, set[int]] = {}
        for op in ops:
            if op.entity == "cell" and (cell := record_keys.parse_pupil_key(op.key)) is not None:
                wanted.setdefault(cell.record, set()).add(cell.pupil)
            elif op.entity == "lesson" and op.field != "create":
                wanted.setdefault(op.key, set())
        lesson_ids = sorted(wanted)
        for start in range(0, len(lesson_ids), 500):
            chunk = lesson_ids[start : start + 500]
            for row in _dicts(self.conn.execute(_LESSONS, {"school": self.school, "ids": chunk})):
                self._lessons[row["id"]] = (_landing_of(row), row)
            for row in _dicts(self.conn.execute(_CELLS, {"school": self.school, "lessons": chunk})):
                self._cells[(row["lesson_id"], row["pupil_id"])] = row
            for lesson_id in chunk:
                for pupil_id in wanted[lesson_id]:
                    self._cells.setdefault((lesson_id, pupil_id), None)  # known not to exist yet
        landings = [landing for landing, _ in self._lessons.values()]
        self._load_closed({landing.year_id for landing in landings} - set(self._closed))
        self._load_members({landing.place.class_id for landing in landings} - set(self._members))
        self._load_subgroups({g for landing in landings if (g := landing.place.subgroup_id) is not None}
                             - set(self._subgroups))

    def _load_closed(self, years: set[int]) -> None:
        for year in years:
            self._closed[year] = []
        if years:
            for year, start, end in self.conn.execute(_CLOSED, {"school": self.school, "years": sorted(years)}).all():
                self._closed[year].append((start, end))

    def _load_members(self, classes: set[int]) -> None:
        for class_id in classes:
            self._members[class_id] = {}
        if classes:
            for pupil, class_id, since, until in self.conn.execute(
                    _MEMBERS, {"school": self.school, "classes": sorted(classes)}).all():
                self._members[class_id].setdefault(pupil, []).append((since, until))

    def _load_subgroups(self, groups: set[int]) -> None:
        for group in groups:
            self._subgroups[group] = {}
        if groups:
            for group, pupil, since, until in self.conn.execute(
                    _GROUP_MEMBERS, {"school": self.school, "groups": sorted(groups)}).all():
                self._subgroups[group].setdefault(pupil, []).append((since, until))

    def flush(self) -> None:
        """Write what the batch has changed so far."""
        conn = self.conn
        serials.write_rows(conn, CELL, list(self._new_cells.values()))
        if self._changed_cells:
            statement = _updating(CELL, ("lesson_id", "pupil_id"), (*_synced_columns("cell"), "server_version"))
            conn.execute(statement, [dict(row, k_school=self.school, k_lesson_id=row["lesson_id"],
                                          k_pupil_id=row["pupil_id"]) for row in self._changed_cells.values()])
        if self._changed_lessons:
            columns = (*_synced_columns("lesson"), "server_version")
            conn.execute(_updating(L, ("id",), columns), [{"k_school": self.school, "k_id": lid,
                                                          **{c: row[c] for c in columns}}
                                                         for lid, row in self._changed_lessons.items()])
        self._new_cells, self._changed_cells, self._changed_lessons = {}, {}, {}

    def take_changes(self) -> list[dict[str, Any]]:
        """The change rows of the batch so far, for the school's feed (server.feed.publish, at the commit)."""
        changes, self._changes = self._changes, []
        return changes

    def apply(self, op: Operation) -> Outcome:
        kind = KINDS.get(op.entity)
        field = kind.fields.get(op.field) if kind is not None else None
        try:
            if kind is None or field is None or not (field.from_devices or self.by_school):
                raise Refused("unknown_field", f"Unknown field {op.field!r} of {op.entity!r}.")
            if kind.conflicts == "resolve":
                return self.resolve(op)
            if op.field == kind.creates:
                return self._create(kind, op)
            write = self._checked(kind, field, op)
            return self._write(op, write, self._current(write.kind, write.pk))
        except (Refused, JournalError) as refusal:  # JournalError: the shared write rules and value checks
            code = refusal.code
            message = refusal.message if isinstance(refusal, Refused) else str(refusal)
            standing = self._standing(op) if code in REFUSALS_TELLING_VALUE else None
            # A removal refused tells the record with its version: the PC that removed it makes it again as it is.
            version = self._version_of(kind, field, op.key) if kind and field and field.removes else None
            return Outcome("rejected", code, message, version=version or None, value=standing, old=standing,
                           new=op.value)

    # -- where a write lands, and the write rules ------------------------------------------------

    def _checked(self, kind: SyncedKind, field: SyncedField, op: Operation, *, base: int | None = None) -> _Write:
        """Every check of a field write, in the order a refusal is reported: the key, the record, the rights,
        an open period, the pupil's membership, the value."""
        pk = kind.key_of(op.key)
        if pk is None:
            raise Refused("bad_key", f"{op.key!r} is not a key of a {kind.entity}.")
        landing = self._landing(kind, pk)
        self._check_rights(landing, substitute_ok=field.substitute_may)
        if kind.place == "period" and (period := self._period(pk["period_id"]))["closed"]:
            raise PeriodClosed(date=period["end_date"])  # a final mark's period itself, closed
        self._check_open(landing)
        if "pupil_id" in pk:
            self._check_member(kind, landing, pk)
        write = _Write(kind, field, pk, landing, field.check(op.value, landing.facts))
        if field.name == "attestation" and write.value["kind"] is not None:
            grade = self.conn.execute(select(K.c.grade).where(K.c.school_id == self.school,
                                                              K.c.id == landing.place.class_id)).scalar_one()
            write_rules.attestation_fits(write.value["kind"], self._period(pk["period_id"])["kind"], grade)
        self._judge(write)
        return write

    def _judge(self, write: _Write) -> None:
        """The checks of a write that ask about the record's other rows (core.write_rules, as the PC asks them):
        no mark or attendance into a cancelled lesson; a lesson holding marks is not cancelled; a lesson moves
        only to an open day and a free slot, with the pupils holding its cells in the class that day; a work's
        maximum stays over its scores, its day in its term; a work with scores is not deleted."""
        entity, name, pk, place, value = (write.kind.entity, write.field.name, write.pk, write.landing.place,
                                          write.value)
        if entity == "cell":
            lesson = self._lesson(pk["lesson_id"])[1]
            write_rules.check_not_cancelled(lesson["cancelled"], place.date, name, value)
        elif entity == "lesson" and name == "cancelled" and value is not None:
            self.flush()  # this batch's cells, for the count
            entries = self.conn.execute(select(func.count()).select_from(CELL).where(
                CELL.c.school_id == self.school, CELL.c.lesson_id == pk["id"],
                or_(CELL.c.mark.is_not(None), CELL.c.attendance.is_not(None)))).scalar_one()
            write_rules.check_cancellable(place.date, int(entries))
        elif entity == "lesson" and name == "moved":
            self._judge_move(pk["id"], write.landing, dt.date.fromisoformat(value["date"]), value["slot"])
        elif entity == "work" and name == "max_points":
            scores = self.conn.execute(select(SCORE.c.pupil_id, SCORE.c.points).where(
                SCORE.c.school_id == self.school, SCORE.c.work_id == pk["id"])).all()
            write_rules.check_scores_fit(value, [(pupil, points) for pupil, points in scores])
        elif entity == "work" and name == "date":
            work = self._current(write.kind, pk)
            assert work is not None  # its landing was found
            day = dt.date.fromisoformat(value)
            if day != work["date"]:
                moved = replace(write.landing, place=replace(place, date=day))
                write_rules.check_work_day(day, work["period_id"], self._terms(moved), work["lesson_id"])
                self._check_open(moved)
        elif entity == "work" and name == "deleted":
            held = self.conn.execute(select(func.count()).select_from(SCORE).where(
                SCORE.c.school_id == self.school, SCORE.c.work_id == pk["id"],
                or_(SCORE.c.points.is_not(None), SCORE.c.comment.is_not(None)))).scalar_one()
            write_rules.check_deletable(int(held))

    def _judge_move(self, lesson_id: str, landing: Landing, day: dt.date, slot: int) -> None:
        """A lesson moved is checked as a new lesson there (an open day of a term, a slot of the bell schedule,
        the course, its teacher and class free), and its cells' pupils and its works must fit the new day."""
        place = landing.place
        moved = replace(landing, place=replace(place, date=day))
        self._check_open(moved)
        terms = self._terms(moved)
        write_rules.term_of(day, terms)
        slots = self.conn.execute(select(SLOT.c.number).where(SLOT.c.school_id == self.school)).scalars().all()
        write_rules.check_slot_exists(slot, slots, moving=True)
        write_rules.check_slot_free(
            write_rules.SlotUser(place.course_id, place.class_id, place.subgroup_id, place.teacher_id),
            self._slot_users(day, slot, other_than=lesson_id), day, slot, moving=True)
        self.flush()  # this batch's cells, for the pupils holding them
        holders = self.conn.execute(select(CELL.c.pupil_id).where(
            CELL.c.school_id == self.school, CELL.c.lesson_id == lesson_id,
            or_(CELL.c.mark.is_not(None), CELL.c.attendance.is_not(None), CELL.c.comment.is_not(None)))
        ).scalars().all()
        if place.class_id not in self._members:
            self._load_members({place.class_id})
        if place.subgroup_id is not None and place.subgroup_id not in self._subgroups:
            self._load_subgroups({place.subgroup_id})
        group = self._subgroups.get(place.subgroup_id) if place.subgroup_id is not None else None
        write_rules.check_holders_on(place, day, [
            (pupil, self._members[place.class_id].get(pupil, []),
             group is None or write_rules.in_group_on(day, group.get(pupil, ())))
            for pupil in holders])
        work_terms = self.conn.execute(select(WORK.c.period_id).where(
            WORK.c.school_id == self.school, WORK.c.lesson_id == lesson_id)).scalars().all()
        write_rules.check_works_follow(day, terms, work_terms)

    def _slot_users(self, day: dt.date, slot: int, *, other_than: str | None = None) -> list[write_rules.SlotUser]:
        """The courses of the school's lessons on `day` in `slot` (but `other_than`)."""
        query = (select(C.c.id, C.c.class_id, C.c.subgroup_id, C.c.teacher_id)
                 .join(L, (L.c.school_id == C.c.school_id) & (L.c.course_id == C.c.id))
                 .where(L.c.school_id == self.school, L.c.date == day, L.c.slot == slot))
        if other_than is not None:
            query = query.where(L.c.id != other_than)
        return [write_rules.SlotUser(*row) for row in self.conn.execute(query)]

    def _landing(self, kind: SyncedKind, pk: dict[str, Any]) -> Landing:
        if kind.place == "lesson":
            return self._lesson(pk["lesson_id"] if "lesson_id" in pk else pk["id"])[0]
        if kind.place == "work":
            work_id = pk["work_id"] if "work_id" in pk else pk["id"]
            work = self.conn.execute(select(WORK).where(WORK.c.school_id == self.school, WORK.c.id == work_id)
                                     ).mappings().first()
            if work is None:
                raise Refused("unknown_work", f"No summative work {work_id!r} on the server.")
            landing = self._course_landing(work["course_id"], work["date"])
            return Landing(landing.place, landing.school_id, landing.year_id, work["max_points"])
        if kind.place == "period":
            return self._period_landing(pk)
        raise Refused("unknown_field", f"A {kind.entity} is not written by field.")

    def _lesson(self, lesson_id: str) -> tuple[Landing, dict[str, Any]]:
        cached = self._lessons.get(lesson_id)
        if cached is not None:
            return cached
        row = self.conn.execute(_LESSONS, {"school": self.school, "ids": [lesson_id]}).mappings().first()
        if row is None:
            raise Refused("unknown_lesson", f"No lesson {lesson_id!r} on the server.")
        self._lessons[lesson_id] = (_landing_of(row), dict(row))
        return self._lessons[lesson_id]

    def _course_landing(self, course_id: int, day: dt.date) -> Landing:
        row = self.conn.execute(
            select(C, K.c.year_id).join(K, (K.c.school_id == C.c.school_id) & (K.c.id == C.c.class_id))
            .where(C.c.school_id == self.school, C.c.id == course_id)
        ).mappings().first()
        if row is None:
            raise Refused("unknown_course", f"No course {course_id} on the server.")
        place = write_rules.Place(course_id, row["teacher_id"], None, row["class_id"], row["subgroup_id"],
                                  row["scale"], day)
        return Landing(place, row["school_id"], row["year_id"])

    def _period_landing(self, pk: dict[str, Any]) -> Landing:
        """A final mark lands on the last day of its period, which must be open and in the course's year."""
        period = self._period(pk["period_id"])
        landing = self._course_landing(pk["course_id"], period["end_date"])
        if period["year_id"] != landing.year_id:
            raise Refused("bad_key", "That period is not in the course's school year.")
        return landing

    def _period(self, period_id: int) -> Any:
        if period_id not in self._periods:
            period = self.conn.execute(select(P).where(P.c.school_id == self.school, P.c.id == period_id)
                                       ).mappings().first()
            if period is None:
                raise Refused("unknown_period", f"No period {period_id} on the server.")
            self._periods[period_id] = period
        return self._periods[period_id]

    def _check_rights(self, landing: Landing, *, substitute_ok: bool = True) -> None:
        write_rules.check_writer(self.writer, landing.place, substitute_ok=substitute_ok)

    def _check_open(self, landing: Landing) -> None:
        if landing.year_id not in self._closed:
            self._load_closed({landing.year_id})
        write_rules.check_open(landing.place.date, self._closed[landing.year_id])

    def _check_member(self, kind: SyncedKind, landing: Landing, pk: dict[str, Any]) -> None:
        place, pupil_id = landing.place, pk["pupil_id"]
        if place.class_id not in self._members:
            self._load_members({place.class_id})
        ranges = self._members[place.class_id].get(pupil_id, ())
        if kind.place == "period":
            period = self._period(pk["period_id"])
            write_rules.check_member_during(pupil_id, (period["start_date"], period["end_date"]), ranges)
            return
        in_subgroup = True
        if place.subgroup_id is not None:
            if place.subgroup_id not in self._subgroups:
                self._load_subgroups({place.subgroup_id})
            in_subgroup = write_rules.in_group_on(place.date, self._subgroups[place.subgroup_id].get(pupil_id, ()))
        write_rules.check_member(pupil_id, place, ranges, in_subgroup)

    def _term_of(self, landing: Landing) -> int:
        return write_rules.term_of(landing.place.date, self._terms(landing))

    def _terms(self, landing: Landing) -> list[tuple[int, dt.date, dt.date]]:
        """The terms of the landing's school year: (id, first day, last day)."""
        terms = self.conn.execute(select(P.c.id, P.c.start_date, P.c.end_date).where(
            P.c.school_id == self.school, P.c.year_id == landing.year_id, P.c.kind == "term")).all()
        return [(t[0], t[1], t[2]) for t in terms]

    # -- the record as it stands ----------------------------------------------------------------

    def _current(self, kind: SyncedKind, pk: dict[str, Any]) -> dict[str, Any] | None:
        """The record's row as it stands (None: no row yet); the lessons and cells of the batch are cached."""
        if kind.table == "lesson_cell":
            return self._current_cell(pk["lesson_id"], pk["pupil_id"])
        if kind.table == "lesson":
            return self._lesson(pk["id"])[1]
        table = tables[kind.table]
        row = self.conn.execute(select(table).where(table.c.school_id == self.school, *_matching(table, pk))
                                .with_for_update()).mappings().first()
        return None if row is None else dict(row)

    def _current_cell(self, lesson_id: str, pupil_id: int) -> dict[str, Any] | None:
        key = (lesson_id, pupil_id)
        if key not in self._cells:
            row = self.conn.execute(
                select(CELL).where(CELL.c.school_id == self.school, CELL.c.lesson_id == lesson_id,
                                   CELL.c.pupil_id == pupil_id).with_for_update()
            ).mappings().first()
            self._cells[key] = dict(row) if row else None
        return self._cells[key]

    def _standing(self, op: Operation) -> Any:
        """The value the field holds here, told with a rejection so the device can put it back."""
        kind = KINDS.get(op.entity)
        field = kind.fields.get(op.field) if kind is not None else None
        pk = kind.key_of(op.key) if kind is not None else None
        if kind is None or field is None or pk is None or kind.conflicts != "field" or op.field == kind.creates:
            return None
        try:
            current = self._current(kind, pk)
        except Refused:
            return None
        return None if current is None else field.value_of(current)

    def _version_of(self, kind: SyncedKind, field: SyncedField, key: str) -> int:
        pk = kind.key_of(key)
        if pk is None:
            return 0
        try:
            current = self._current(kind, pk)
        except Refused:
            return 0
        return 0 if current is None else int(current["server_version"])

    # -- one field of one record ----------------------------------------------------------------

    def _write(self, op: Operation, write: _Write, current: dict[str, Any] | None) -> Outcome:
        """Set the field := the checked value on its record (created when `current` is None)."""
        field, value = write.field.name, write.value
        old = write.field.value_of(current) if current is not None else None
        version = current["server_version"] if current is not None else 0
        # Every write that stands is a change: the same value again raises the version and is logged like any
        # other, so a later edit based on the version before it meets it (as a rival, when its value differs)
        # instead of overwriting it unseen. Only a conflict needs a different value. (An empty value for a
        # record not made yet still makes it: every PC then holds the same rows.)
        status: Status = "applied"
        conflict_id: int | None = None
        stamp = min(op.hlc, self.hlc_limit)
        course_id = write.landing.place.course_id
        at_start = self._version_at_start.setdefault((op.entity, op.key), version)
        if op.base < version and (op.base >= at_start or old == value):
            status = "merged"  # only this batch's own earlier operations came in between, or the values agree
        elif op.base < version:
            rival: Any = self.conn.execute(
                select(CHANGE.c.device_id, CHANGE.c.account_id, CHANGE.c.hlc)
                .where(CHANGE.c.school_id == self.school, CHANGE.c.entity == op.entity, CHANGE.c.entity_key == op.key,
                       CHANGE.c.field == field,
                       CHANGE.c.version > op.base,
                       or_(CHANGE.c.device_id.is_(None), CHANGE.c.device_id != self.who.device_id))
                .order_by(CHANGE.c.version.desc()).limit(1)
            ).first()
            if rival is None and self._changes_trimmed(op.entity, op.key, op.base, version):
                rival = _UNKNOWN_RIVAL  # its writer is gone with the trimmed changes: both values are kept
            if rival is None:
                status = "merged"
            else:
                mine = (stamp, self.who.device_id)
                theirs = (rival.hlc or 0, rival.device_id or "")
                won = mine > theirs
                winner = (value, self.who.device_id, self.who.account_id, stamp) if won else (old, *rival)
                loser = (old, *rival) if won else (value, self.who.device_id, self.who.account_id, stamp)
                # Drawn at random, unique within the school (its key is (school_id, id)): taken from one sequence
                # for every school, the ids a teacher is told would count all schools' conflicts between two of
                # hers. A clash (one in two billion a pair) fails the insert, and the sync's retry draws again.
                conflict_id = secrets.randbelow(2**31 - 1) + 1
                self.conn.execute(insert(CONFLICT).values(
                    id=conflict_id, school_id=self.school, course_id=course_id, entity=op.entity,
                    entity_key=op.key, field=field,
                    winner_value=json_codec.column(winner[0]), winner_device_id=winner[1], winner_account_id=winner[2],
                    winner_hlc=winner[3], loser_value=json_codec.column(loser[0]), loser_device_id=loser[1],
                    loser_account_id=loser[2], loser_hlc=loser[3], created_at=self.now))
                if not won:
                    return Outcome("conflict", version=version, conflict_id=conflict_id, value=old, old=old, new=value)
                status = "conflict"
        new_version = version + 1
        self._store(write, current, new_version)
        self._log_change(course_id, op.entity, op.key, field, value, new_version, stamp)
        if op.entity == "lesson" and field == "moved":
            self._move_works(op.key, course_id, value["date"], stamp)
        return Outcome(status, version=new_version, conflict_id=conflict_id, value=value, old=old, new=value)

    def _move_works(self, lesson_id: str, course_id: int, day: str, stamp: int) -> None:
        """The summative works held in a lesson moved go with it: each one's date is a change of its own."""
        works = self.conn.execute(select(WORK.c.id, WORK.c.server_version).where(
            WORK.c.school_id == self.school, WORK.c.lesson_id == lesson_id).with_for_update()).all()
        for work_id, version in works:
            self.conn.execute(update(WORK).where(WORK.c.school_id == self.school, WORK.c.id == work_id)
                              .values(date=dt.date.fromisoformat(day), server_version=version + 1))
            self._log_change(course_id, "work", str(work_id), "date", day, version + 1, stamp)

    def _changes_trimmed(self, entity: str, key: str, base: int, version: int) -> bool:
        """Whether some of the record's changes after `base` were trimmed from the feed (server.feed.trim):
        each version of a record is one change, so fewer kept than the versions since tells it."""
        if self._kept_from is None:
            self._kept_from = feed.kept_from(self.conn, self.school)
        if self._kept_from == 0:  # never trimmed: every change is here
            return False
        kept = self.conn.execute(select(func.count()).select_from(CHANGE).where(
            CHANGE.c.school_id == self.school, CHANGE.c.entity == entity, CHANGE.c.entity_key == key,
            CHANGE.c.version > base)).scalar_one()
        return int(kept) < version - base

    def _store(self, write: _Write, current: dict[str, Any] | None, version: int) -> None:
        table, pk = tables[write.kind.table], write.pk
        columns = _typed(table, write.field.columns(write.value))
        if write.field.removes:
            for child, column in _CHILDREN.get(table.name, ()):
                self.conn.execute(delete(child).where(child.c.school_id == self.school,
                                                      child.c[column] == pk["id"]))
            self.conn.execute(delete(table).where(table.c.school_id == self.school, *_matching(table, pk)))
        elif table is CELL:
            self._buffer_cell(pk, current, columns, version)
        elif table is L and current is not None:
            current.update(columns, server_version=version)  # the cached lesson row
            self._changed_lessons[pk["id"]] = current
            if "date" in columns:  # moved: later writes into it land on its new day
                self._lessons[pk["id"]] = (_landing_of(current), current)
        elif current is None:
            self.conn.execute(insert(table).values(school_id=self.school, **pk, **columns, server_version=version))
        else:
            self.conn.execute(update(table).where(table.c.school_id == self.school, *_matching(table, pk))
                              .values({**columns, "server_version": version}))

    def _buffer_cell(self, pk: dict[str, Any], current: dict[str, Any] | None, columns: dict[str, Any],
                     version: int) -> None:
        key = (pk["lesson_id"], pk["pupil_id"])
        row = dict(current) if current is not None else {
            "school_id": self.school, "lesson_id": key[0], "pupil_id": key[1], **dict.fromkeys(_synced_columns("cell"))}
        row.update(columns, server_version=version)
        self._cells[key] = row
        if current is None or key in self._new_cells:
            self._new_cells[key] = row
        else:
            self._changed_cells[key] = row

    def _log_change(self, course_id: int, entity: str, key: str, field: str, value: Any, version: int,
                    stamp: int | None) -> None:
        self._changes.append(dict(
            course_id=course_id, entity=entity, entity_key=key, field=field, value=json_codec.column(value),
            version=version,
            device_id=self.who.device_id, account_id=self.who.account_id, hlc=stamp, at=self.now,
        ))

    # -- new records ----------------------------------------------------------------------------

    def _create(self, kind: SyncedKind, op: Operation) -> Outcome:
        return self.lesson_create(op) if kind.entity == "lesson" else self.work_create(op)

    def lesson_create(self, op: Operation) -> Outcome:
        v = _fields(op)
        try:
            course_id, slot, kind = int(v["course_id"]), int(v["slot"]), v.get("kind", "regular")
            day = dt.date.fromisoformat(v["date"])
        except (KeyError, TypeError, ValueError):
            raise Refused("bad_value", "A new lesson needs course_id, date (YYYY-MM-DD) and slot.") from None
        if op.key != ids.lesson_id(course_id, day, slot) or v.get("id", op.key) != op.key:
            raise Refused("bad_key", "A lesson's id must be derived from its course, date and slot.")
        kind, topic, homework = write_rules.new_lesson(kind, v.get("topic"), v.get("homework"))
        landing = self._course_landing(course_id, day)
        self._check_rights(landing, substitute_ok=False)
        self._check_open(landing)
        self._term_of(landing)
        calendar, grade = school_calendar.of_class(self.conn, landing.place.class_id, tables, self.school)
        calendar.check_lesson_day(day, grade)
        if not self.conn.execute(select(exists().where(SLOT.c.school_id == landing.school_id,
                                                      SLOT.c.number == slot))).scalar():
            raise Refused("bad_value", f"Slot {slot} is not in the bell schedule.")
        if self.conn.execute(select(L.c.id).where(L.c.school_id == self.school, L.c.id == op.key)).first() is not None:
            return Outcome("merged", version=1, new=v)  # another device created the same lesson (moved since, maybe)
        if self.conn.execute(select(L.c.id).where(L.c.school_id == self.school, L.c.course_id == course_id,
                                                  L.c.date == day, L.c.slot == slot)).first() is not None:
            raise InvalidLesson(why="course_busy", date=day, slot=slot,  # a lesson moved there
                                reason=f"the course already has a lesson on {day} in slot {slot}")
        record = {"id": op.key, "course_id": course_id, "date": day.isoformat(), "slot": slot, "kind": kind,
                  "topic": topic, "homework": homework}
        self.conn.execute(insert(L).values(school_id=self.school, id=op.key, course_id=course_id, date=day, slot=slot,
                                           kind=kind,
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
        kind, title, section, max_points = write_rules.new_work(kind, v.get("title"), v.get("section"), max_points)
        landing = self._course_landing(course_id, day)
        self._check_rights(landing, substitute_ok=False)
        hours, grade = self.conn.execute(
            select(C.c.hours_per_week, K.c.grade).join(K, (K.c.school_id == C.c.school_id) & (K.c.id == C.c.class_id))
            .where(C.c.school_id == self.school, C.c.id == course_id)).one()
        write_rules.work_fits(kind, landing.place.scale, grade, hours)
        self._check_open(landing)
        period_id = self._term_of(landing)
        lesson_id = v.get("lesson_id")
        if lesson_id is not None and self.conn.execute(select(L.c.id).where(
                L.c.school_id == self.school, L.c.id == lesson_id, L.c.course_id == course_id)).first() is None:
            raise Refused("unknown_lesson", f"No lesson {lesson_id!r} of that course on the server.")
        if self.conn.execute(select(WORK.c.id).where(WORK.c.school_id == self.school, WORK.c.id == op.key)
                             ).first() is not None:
            return Outcome("merged", version=1, new=v)
        record = {"id": op.key, "course_id": course_id, "period_id": period_id, "lesson_id": lesson_id,
                  "kind": kind, "title": title, "section": section,
                  "date": day.isoformat(), "max_points": max_points}
        self.conn.execute(insert(WORK).values(**{**record, "date": day}, school_id=self.school, server_version=1))
        self._log_change(course_id, "work", op.key, "create", record, 1, min(op.hlc, self.hlc_limit))
        return Outcome("applied", version=1, new=record)

    # -- a conflict settled ---------------------------------------------------------------------

    def resolve(self, op: Operation) -> Outcome:
        """A teacher settles a conflict by choosing one value (or typing a new one): the chosen value is
        written to the field like any edit, and the conflict is marked resolved."""
        conflict_id = record_keys.parse_number(op.key)
        if conflict_id is None:
            raise Refused("bad_key", "A conflict is named by its number.")
        row = self.conn.execute(
            select(CONFLICT).where(CONFLICT.c.school_id == self.school, CONFLICT.c.id == conflict_id)
            .with_for_update()).mappings().first()
        if row is None:
            raise Refused("unknown_conflict", f"No conflict {conflict_id}.")
        if row["resolved_at"] is not None:
            raise Refused("conflict_resolved", f"Conflict {conflict_id} was already resolved.")
        kind = KINDS[row["entity"]]
        field = kind.fields[row["field"]]
        inner = Operation(seq=op.seq, hlc=op.hlc, entity=row["entity"], key=row["entity_key"], field=row["field"],
                          value=op.value, base=self._version_of(kind, field, row["entity_key"]))
        write = self._checked(kind, field, inner)
        outcome = self._write(inner, write, self._current(write.kind, write.pk))
        self.conn.execute(update(CONFLICT).where(CONFLICT.c.school_id == self.school,
                                                 CONFLICT.c.id == conflict_id).values(
            resolved_at=self.now, resolved_by=self.who.account_id, resolved_value=json_codec.column(outcome.new)))
        outcome.conflict_id = conflict_id
        outcome.status = "applied"
        return outcome


def _landing_of(row: Any) -> Landing:
    place = write_rules.Place(row["course_id"], row["teacher_id"], row["substitute_teacher_id"], row["class_id"],
                              row["subgroup_id"], row["scale"], row["date"])
    return Landing(place, row["school_id"], row["year_id"])


def _synced_columns(entity: str) -> tuple[str, ...]:
    """The columns of a kind's table its fields write (core.synced_kinds)."""
    return tuple(c for f in KINDS[entity].fields.values() for c in (f.column,) + tuple(c for c, _ in f.parts)
                 if c is not None)


@functools.cache
def _updating(table: Table, keys: tuple[str, ...], columns: tuple[str, ...]) -> Update:
    """The statement writing `columns` of a row of `table` found by the school (`k_school`) and `keys` (`k_<key>`),
    built once a shape (Applier.flush writes a batch's changed cells and lessons with it; the synced columns are read
    from the declarations, core.synced_kinds, when the batch is written)."""
    return (update(table).where(table.c.school_id == bindparam("k_school"),
                                *(table.c[key] == bindparam(f"k_{key}") for key in keys))
            .values({c: bindparam(c) for c in columns}))


def _dicts(result: CursorResult[Any]) -> list[dict[str, Any]]:
    """A result's rows as dicts of their columns: half the Python of dict(row) over `.mappings()` (measured on 1,500
    rows), which counts as a batch's prefetch reads every cell of each lesson it touches."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.all()]


def _typed(table: Table, columns: dict[str, Any]) -> dict[str, Any]:
    """Values as the table's columns take them: a day given as ISO text (the wire's form) as a date."""
    return {name: dt.date.fromisoformat(value) if isinstance(value, str) and isinstance(table.c[name].type, Date)
            else value for name, value in columns.items()}


def _matching(table: Table, pk: dict[str, Any]) -> list[Any]:
    return [table.c[k] == v for k, v in pk.items()]


def _fields(op: Operation) -> dict[str, Any]:
    """The fields of an operation's dict value as the client sent them (each is checked where it is read)."""
    return op.value if isinstance(op.value, dict) else {}
