"""The journal API: what a teacher does to the journal, validated, each change committed in one
transaction together with its outbox operation and audit entry (storage.changelog).

Every method either changes what it says and returns, or raises a core.errors.JournalError and
changes nothing. Setters return False when the value was already there (nothing is queued or audited).
The teacher's edits of lesson cells and scores in this session can be undone and redone, newest first
(`undo`, `redo`): an undo is an edit like any other, checked, queued and audited. A lesson cancelled
(`cancel_lesson`, taken back by `restore_lesson`) or moved (`move_lesson`), a summative work edited (`edit_work`)
or deleted (`delete_work`) is a field write of its own (core.synced_kinds), checked by core.write_rules as the
server checks it.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, delete, exists, func, insert, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core import final_marks, ids, record_keys, school_calendar, term_results, write_rules
from core.errors import (
    ChangedSince,
    InvalidAttestation,
    InvalidLesson,
    InvalidWork,
    JournalError,
    MarkInFuture,
    NotFound,
    PeriodClosed,
)
from core.synced_kinds import KINDS, Facts, record_of
from core.tables import (
    BellSlot,
    ClassMembership,
    Course,
    Lesson,
    LessonCell,
    Period,
    PeriodMark,
    SchoolClass,
    SubgroupMember,
    SummativeScore,
    SummativeWork,
)
from core.validation import check_attendance, check_mark, check_score, check_text
from storage import changelog, hot_sql, summative_schedule
from storage.database import JournalDatabase
from storage.journal_sheet import driver_connection

_LESSON = Lesson.__table__
_CELL = LessonCell.__table__
_COURSE = Course.__table__
_CLASS = SchoolClass.__table__
_PERIOD = Period.__table__
_MEMBER = ClassMembership.__table__
_SUBMEMBER = SubgroupMember.__table__
_WORK = SummativeWork.__table__
_SCORE = SummativeScore.__table__
_SLOT = BellSlot.__table__
_PERIOD_MARK = PeriodMark.__table__
UNDO_DEPTH = 500  # the teacher's edits of one session that Ctrl+Z can take back
_UNSET = object()  # no value expected (an edit, not an undo)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Cell:
    attendance: str | None = None
    mark: int | None = None
    comment: str | None = None
    server_version: int = 0


@dataclass(frozen=True)
class Change:
    """One field a teacher's edit changed: what an undo puts back and a redo writes again."""

    entity: str  # "cell" (record: the lesson) or "score" (record: the summative work)
    record: str
    pupil_id: int
    field: str
    old: Any
    new: Any

    def reversed(self) -> Change:
        return replace(self, old=self.new, new=self.old)


Step = tuple[Change, ...]  # what one edit changed, all in one cell (a Delete clears two fields)


@dataclass(frozen=True)
class _Target:
    """What a write into a lesson (or a summative work) is judged on (core.write_rules): where it lands, the
    closed periods holding its day, and the pupil's memberships of the class (for a write into a cell)."""

    place: write_rules.Place
    closed: list[write_rules.DateRange]
    memberships: list[write_rules.Membership]
    in_subgroup: bool


# What a write into a lesson's cell or a work's score is judged on, after the course: the closed periods holding
# the day ({day}) as "start~end,…", the pupil's memberships of the class as "from~to,…", and whether the pupil is
# in the course's subgroup. Parsed by _target_of.
_JUDGED_ON = """(SELECT group_concat(p.start_date || '~' || p.end_date, ',') FROM period p
        WHERE p.closed AND p.start_date <= {day} AND p.end_date >= {day}) AS closed,
       (SELECT group_concat(m.from_date || '~' || coalesce(m.to_date, ''), ',') FROM class_membership m
        WHERE m.pupil_id = :pupil AND m.class_id = c.class_id) AS memberships,
       c.subgroup_id IS NULL OR EXISTS (SELECT 1 FROM subgroup_member s
                                        WHERE s.subgroup_id = c.subgroup_id AND s.pupil_id = :pupil
                                          AND (s.from_date IS NULL OR s.from_date <= {day})
                                          AND (s.to_date IS NULL OR s.to_date >= {day})) AS in_subgroup"""
# Everything a write into one cell is judged on, and the cell as it is now, in one query. It runs on every mark a
# teacher types, hence storage.hot_sql. Columns, in order: see _target_of, then _CELL_FIELDS.
_CELL_TARGET = f"""
SELECT l.date, l.course_id, c.teacher_id, l.substitute_teacher_id, c.class_id, c.subgroup_id, c.scale,
       {_JUDGED_ON.format(day="l.date")},
       x.attendance, x.mark, x.comment, x.server_version, l.cancelled
FROM lesson l
JOIN course c ON c.id = l.course_id
LEFT JOIN lesson_cell x ON x.lesson_id = l.id AND x.pupil_id = :pupil
WHERE l.id = :lesson
"""
_CELL_FIELDS = {"attendance": 10, "mark": 11, "comment": 12}  # their columns in _CELL_TARGET; 13: server_version
_CELL_VERSION = 13
_CANCELLED = 14  # the lesson's, in _CELL_TARGET
# The same for a score, and the work's maximum points (column 10).
_SCORE_TARGET = f"""
SELECT w.date, w.course_id, c.teacher_id, NULL, c.class_id, c.subgroup_id, c.scale,
       {_JUDGED_ON.format(day="w.date")},
       w.max_points
FROM summative_work w
JOIN course c ON c.id = w.course_id
WHERE w.id = :work
"""

_CELL_UPSERT = {
    field: (
        f"INSERT INTO lesson_cell (lesson_id, pupil_id, {field}, server_version) VALUES (:lesson, :pupil, :value, 0) "
        f"ON CONFLICT (lesson_id, pupil_id) DO UPDATE SET {field} = excluded.{field}"
    )
    for field in _CELL_FIELDS
}


def _target_of(row: Any) -> _Target:
    day, course_id, teacher_id, substitute_id, class_id, subgroup_id, scale, closed, memberships, in_subgroup = row[:10]
    day = dt.date.fromisoformat(day)
    place = write_rules.Place(course_id, teacher_id, substitute_id, class_id, subgroup_id, scale, day)
    return _Target(place, _ranges(closed), _memberships(memberships), bool(in_subgroup))


def _ranges(text: str | None) -> list[write_rules.DateRange]:
    """Closed periods as the target queries list them: "start~end,start~end"."""
    out = []
    for part in (text or "").split(","):
        if part:
            start, _, end = part.partition("~")
            out.append((dt.date.fromisoformat(start), dt.date.fromisoformat(end)))
    return out


def _memberships(text: str | None) -> list[write_rules.Membership]:
    """Memberships as the target queries list them: "from~to,from~" (no `to`: still in the class)."""
    out: list[write_rules.Membership] = []
    for part in (text or "").split(","):
        if part:
            since, _, until = part.partition("~")
            out.append((dt.date.fromisoformat(since), dt.date.fromisoformat(until) if until else None))
    return out


class Journal:
    """The journal as one teacher (or a school admin) works on it from this device."""

    def __init__(
        self,
        db: JournalDatabase,
        actor_id: int,
        *,
        is_admin: bool = False,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._db = db
        self.actor_id = actor_id
        self.is_admin = is_admin
        self._clock = clock
        self._undo: deque[Step] = deque(maxlen=UNDO_DEPTH)
        self._redo: deque[Step] = deque(maxlen=UNDO_DEPTH)

    # -- lesson cells ---------------------------------------------------------------------------

    def set_mark(self, lesson_id: str, pupil_id: int, mark: int | None, *, today: dt.date | None = None) -> bool:
        """A mark into a lesson after `today` (the clock's local date by default) is refused."""
        return bool(self._write_cell(lesson_id, pupil_id, {"mark": mark}, today))

    def clear_mark(self, lesson_id: str, pupil_id: int) -> bool:
        return self.set_mark(lesson_id, pupil_id, None)

    def set_attendance(self, lesson_id: str, pupil_id: int, code: str | None) -> bool:
        """`code` is a core.attendance.Attendance value; None marks the pupil present."""
        return bool(self._write_cell(lesson_id, pupil_id, {"attendance": code}, None))

    def set_comment(self, lesson_id: str, pupil_id: int, text: str | None) -> bool:
        return bool(self._write_cell(lesson_id, pupil_id, {"comment": text}, None))

    def clear_cell(self, lesson_id: str, pupil_id: int) -> bool:
        """Delete: the mark and the attendance cleared together, in one transaction, one undo step (the
        comment stays)."""
        return bool(self._write_cell(lesson_id, pupil_id, {"mark": None, "attendance": None}, None))

    def cell(self, lesson_id: str, pupil_id: int) -> Cell:
        with self._db.read() as conn:
            row = conn.execute(
                select(_CELL.c.attendance, _CELL.c.mark, _CELL.c.comment, _CELL.c.server_version).where(
                    _CELL.c.lesson_id == lesson_id, _CELL.c.pupil_id == pupil_id
                )
            ).first()
        return Cell(*row) if row else Cell()

    def _write_cell(self, lesson_id: str, pupil_id: int, raw: dict[str, object], today: dt.date | None,
                    *, expected: dict[str, Any] | None = None, remember: bool = True) -> Step:
        """Set the cell's fields to the `raw` values, checked, in one transaction; returns what changed.
        With `expected`, the fields must still hold those values (an undo's or a redo's own check)."""
        now = self._clock()  # one reading for the checks and the stamps (a Delete's two fields share it)
        with self._db.write() as conn:
            row, values = self._checked_cell(conn, lesson_id, pupil_id, raw, today or now.astimezone().date())
            for field, value in (expected or {}).items():
                if row[_CELL_FIELDS[field]] != value:
                    raise ChangedSince(field=field)
            changes = []
            for field, value in values.items():
                old = row[_CELL_FIELDS[field]]
                if old == value:
                    continue
                hot_sql.run(conn, _CELL_UPSERT[field], {"lesson": lesson_id, "pupil": pupil_id, "value": value})
                self._record(conn, "cell", record_keys.cell(lesson_id, pupil_id), field, old, value,
                             row[_CELL_VERSION] or 0, now)
                changes.append(Change("cell", lesson_id, pupil_id, field, old, value))
        if remember:
            self._remember(tuple(changes))
        return tuple(changes)

    def _checked_cell(self, conn: Connection, lesson_id: str, pupil_id: int, raw: dict[str, object],
                      today: dt.date | None) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """The cell's target row (_CELL_TARGET) and the values to store, after every check of a cell write
        (`today` None: the clock's date, read only when a mark needs it)."""
        found = hot_sql.rows(conn, _CELL_TARGET, {"lesson": lesson_id, "pupil": pupil_id})
        if not found:
            raise NotFound(what="lesson", id=lesson_id)
        row = found[0]
        target = _target_of(row)
        values = {field: self._checked_cell_value(target, field, value, today) for field, value in raw.items()}
        self._check_writable(target)
        write_rules.check_member(pupil_id, target.place, target.memberships, target.in_subgroup)
        for field, value in values.items():
            write_rules.check_not_cancelled(row[_CANCELLED], target.place.date, field, value)
        return row, values

    def _checked_cell_value(self, target: _Target, field: str, raw: object, today: dt.date | None) -> Any:
        if field == "mark":
            value = check_mark(target.place.scale, raw)
            if value is not None and target.place.date > (today or self.today()):
                raise MarkInFuture(date=target.place.date)
            return value
        if field == "attendance":
            return check_attendance(raw)
        return check_text("comment", raw)

    def today(self) -> dt.date:
        """The local date on the journal's clock."""
        return self._clock().astimezone().date()

    # -- undo and redo --------------------------------------------------------------------------

    def undo(self, *, today: dt.date | None = None) -> Step:
        """Put back what the teacher's latest edit still on the undo stack changed, through the same checks,
        queued and audited as an edit; returns what the undo changed, () when there is nothing to undo.
        A field changed since (a value pulled by a sync) is not overwritten: ChangedSince is raised, and that
        step, refused like any other refusal, leaves the stack, so the next undo takes the one before it."""
        return self._replay(self._undo, self._redo, reverse=True, today=today)

    def redo(self, *, today: dt.date | None = None) -> Step:
        """Write again what the latest undo put back (until the next edit), checked the same way."""
        return self._replay(self._redo, self._undo, reverse=False, today=today)

    def _remember(self, step: Step) -> None:
        if step:
            self._undo.append(step)
            self._redo.clear()

    def _replay(self, source: deque[Step], target: deque[Step], *, reverse: bool, today: dt.date | None) -> Step:
        if not source:
            return ()
        step = source.pop()
        changes = [change.reversed() if reverse else change for change in step]
        first = changes[0]
        try:
            if first.entity == "cell":
                done = self._write_cell(first.record, first.pupil_id, {c.field: c.new for c in changes}, today,
                                        expected={c.field: c.old for c in changes}, remember=False)
            else:
                done = self._set_score(first.record, first.pupil_id, first.field, first.new, expected=first.old,
                                       remember=False)
        except JournalError:
            raise  # refused: the step is dropped
        except Exception:
            source.append(step)  # the file failed, not the check: the step can be tried again
            raise
        target.append(step)
        return done

    # -- lessons --------------------------------------------------------------------------------

    def set_topic(self, lesson_id: str, text: str | None) -> bool:
        return self._set_lesson_text(lesson_id, "topic", text)

    def set_homework(self, lesson_id: str, text: str | None) -> bool:
        return self._set_lesson_text(lesson_id, "homework", text)

    def _set_lesson_text(self, lesson_id: str, field: str, raw: object) -> bool:
        with self._db.write() as conn:
            value = self._checked_lesson_text(conn, lesson_id, field, raw)
            old, base = conn.execute(
                select(_LESSON.c[field], _LESSON.c.server_version).where(_LESSON.c.id == lesson_id)
            ).one()
            if old == value:
                return False
            conn.execute(update(_LESSON).where(_LESSON.c.id == lesson_id).values({field: value}))
            self._record(conn, "lesson", lesson_id, field, old, value, base)
            return True

    def _checked_lesson_text(self, conn: Connection, lesson_id: str, field: str, raw: object) -> str | None:
        value = check_text(field, raw)
        self._check_writable(self._lesson_target(conn, lesson_id))
        return value

    def add_lesson(
        self,
        course_id: int,
        date: dt.date,
        slot: int,
        kind: str = "regular",
        topic: str | None = None,
        homework: str | None = None,
    ) -> str:
        """Add a lesson (an extra one, or one the timetable lacks); returns its id."""
        kind, topic, homework = write_rules.new_lesson(kind, topic, homework)
        if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
            raise InvalidLesson(why="not_a_date", reason=f"{date!r} is not a date")
        with self._db.write() as conn:
            course = conn.execute(
                select(_COURSE.c.teacher_id, _COURSE.c.class_id, _COURSE.c.subgroup_id).where(
                    _COURSE.c.id == course_id
                )
            ).first()
            if course is None:
                raise NotFound(what="course", id=course_id)
            self._check_course_owner(course_id, course.teacher_id)
            if not conn.execute(select(exists().where(_SLOT.c.number == slot))).scalar():
                raise InvalidLesson(why="no_such_slot", slot=slot, reason=f"slot {slot} is not in the bell schedule")
            self._check_date_open(conn, date)
            calendar, grade = school_calendar.of_class(conn, course.class_id)
            calendar.check_lesson_day(date, grade)
            lesson_id = ids.lesson_id(course_id, date, slot)
            if conn.execute(select(exists().where(_LESSON.c.id == lesson_id))).scalar():
                if conn.execute(select(exists().where(_LESSON.c.id == lesson_id, _LESSON.c.date == date,
                                                      _LESSON.c.slot == slot))).scalar():
                    raise InvalidLesson(why="course_busy", date=date, slot=slot,
                                        reason=f"the course already has a lesson on {date} in slot {slot}")
                # Its id is the one a lesson made here got (core.ids), and that lesson was moved away since.
                raise InvalidLesson(why="moved_away", date=date, slot=slot,
                                    reason=f"the course's lesson of {date} in slot {slot} was moved; move it back")
            write_rules.check_slot_free(write_rules.SlotUser(course_id, course.class_id, course.subgroup_id,
                                                             course.teacher_id),
                                        self._slot_users(conn, date, slot), date, slot)
            record = {
                "id": lesson_id, "course_id": course_id, "date": date.isoformat(), "slot": slot,
                "kind": kind, "topic": topic, "homework": homework,
            }
            conn.execute(
                insert(_LESSON).values(
                    id=lesson_id, course_id=course_id, date=date, slot=slot, kind=kind,
                    topic=topic, homework=homework, server_version=0,
                )
            )
            self._record(conn, "lesson", lesson_id, "create", None, record, 0)
            return lesson_id

    def _slot_users(self, conn: Connection, date: dt.date, slot: int,
                    other_than: str | None = None) -> list[write_rules.SlotUser]:
        """The courses of the lessons on `date` in `slot` (but the lesson `other_than`)."""
        query = (select(_COURSE.c.id, _COURSE.c.class_id, _COURSE.c.subgroup_id, _COURSE.c.teacher_id)
                 .select_from(_LESSON.join(_COURSE, _COURSE.c.id == _LESSON.c.course_id))
                 .where(_LESSON.c.date == date, _LESSON.c.slot == slot))
        if other_than is not None:
            query = query.where(_LESSON.c.id != other_than)
        return [write_rules.SlotUser(*row) for row in conn.execute(query)]

    # -- a lesson cancelled or moved --------------------------------------------------------------

    def cancel_lesson(self, lesson_id: str, reason: str) -> bool:
        """The lesson did not take place, for `reason` (required): it takes no marks or attendance then. A lesson
        holding marks or attendance is refused (core.write_rules.check_cancellable): they are cleared first.
        Only the course's teacher or an admin, not a substitute."""
        return self._set_cancelled(lesson_id, reason)

    def restore_lesson(self, lesson_id: str) -> bool:
        """A cancellation taken back: the lesson is held after all."""
        return self._set_cancelled(lesson_id, None)

    def _set_cancelled(self, lesson_id: str, raw: object) -> bool:
        with self._db.write() as conn:
            value = self._checked_cancel(conn, lesson_id, raw)
            old, base = conn.execute(
                select(_LESSON.c.cancelled, _LESSON.c.server_version).where(_LESSON.c.id == lesson_id)).one()
            if old == value:
                return False
            conn.execute(update(_LESSON).where(_LESSON.c.id == lesson_id).values(cancelled=value))
            self._record(conn, "lesson", lesson_id, "cancelled", old, value, base)
            return True

    def _checked_cancel(self, conn: Connection, lesson_id: str, raw: object) -> str | None:
        value = KINDS["lesson"].fields["cancelled"].check(raw, Facts())
        target = self._lesson_target(conn, lesson_id)
        write_rules.check_writer(self._writer, target.place, substitute_ok=False)
        write_rules.check_open(target.place.date, target.closed)
        if value is not None:
            entries = conn.execute(select(func.count()).select_from(_CELL).where(
                _CELL.c.lesson_id == lesson_id,
                or_(_CELL.c.mark.is_not(None), _CELL.c.attendance.is_not(None)))).scalar_one()
            write_rules.check_cancellable(target.place.date, entries)
        return value  # type: ignore[no-any-return]

    def move_lesson(self, lesson_id: str, date: dt.date, slot: int, *, today: dt.date | None = None) -> bool:
        """Move the lesson to `date`, `slot`, keeping its id (and its cells, and the summative works held in it,
        whose date follows). Checked as a new lesson there (an open day of a term, a slot of the bell schedule,
        the course, its teacher and its class free then), and every pupil holding a cell must be in the class
        on the new day; a lesson holding marks is not moved after `today` (the clock's date by default). Only
        the course's teacher or an admin."""
        raw = {"date": date.isoformat() if isinstance(date, dt.date) else date, "slot": slot}
        with self._db.write() as conn:
            value = self._checked_move(conn, lesson_id, raw, today)
            old_date, old_slot, base = conn.execute(
                select(_LESSON.c.date, _LESSON.c.slot, _LESSON.c.server_version).where(_LESSON.c.id == lesson_id)
            ).one()
            old = {"date": old_date.isoformat(), "slot": old_slot}
            if old == value:
                return False
            day = dt.date.fromisoformat(value["date"])
            conn.execute(update(_LESSON).where(_LESSON.c.id == lesson_id).values(date=day, slot=value["slot"]))
            # its works go with it: the server moves them the same way when it applies the move
            conn.execute(update(_WORK).where(_WORK.c.lesson_id == lesson_id).values(date=day))
            self._record(conn, "lesson", lesson_id, "moved", old, value, base)
            return True

    def _checked_move(self, conn: Connection, lesson_id: str, raw: object, today: dt.date | None) -> dict[str, Any]:
        value: dict[str, Any] = KINDS["lesson"].fields["moved"].check(raw, Facts())
        day, slot = dt.date.fromisoformat(value["date"]), value["slot"]
        target = self._lesson_target(conn, lesson_id)
        place = target.place
        write_rules.check_writer(self._writer, place, substitute_ok=False)
        write_rules.check_open(place.date, target.closed)
        self._check_date_open(conn, day)
        slots = conn.execute(select(_SLOT.c.number)).scalars().all()
        write_rules.check_slot_exists(slot, slots, moving=True)
        write_rules.check_slot_free(
            write_rules.SlotUser(place.course_id, place.class_id, place.subgroup_id, place.teacher_id),
            self._slot_users(conn, day, slot, other_than=lesson_id), day, slot, moving=True)
        held = conn.execute(select(_CELL.c.pupil_id, _CELL.c.mark).where(
            _CELL.c.lesson_id == lesson_id,
            or_(_CELL.c.mark.is_not(None), _CELL.c.attendance.is_not(None), _CELL.c.comment.is_not(None)))).all()
        holders = []
        for pupil_id, _mark in held:
            memberships = conn.execute(select(_MEMBER.c.from_date, _MEMBER.c.to_date).where(
                _MEMBER.c.pupil_id == pupil_id, _MEMBER.c.class_id == place.class_id)).all()
            in_subgroup = place.subgroup_id is None or write_rules.in_group_on(day, conn.execute(
                select(_SUBMEMBER.c.from_date, _SUBMEMBER.c.to_date).where(
                    _SUBMEMBER.c.subgroup_id == place.subgroup_id, _SUBMEMBER.c.pupil_id == pupil_id)).all())
            holders.append((pupil_id, [(m.from_date, m.to_date) for m in memberships], in_subgroup))
        write_rules.check_holders_on(place, day, holders)
        work_terms = conn.execute(select(_WORK.c.period_id).where(_WORK.c.lesson_id == lesson_id)).scalars().all()
        write_rules.check_works_follow(day, self._terms(conn), work_terms)
        if any(mark is not None for _pupil, mark in held) and day > (today or self.today()):
            raise MarkInFuture(date=day)
        return value

    # -- summative works ------------------------------------------------------------------------

    def add_summative_work(
        self,
        course_id: int,
        kind: str,
        title: str,
        max_points: int,
        date: dt.date,
        *,
        section: str | None = None,
        lesson_id: str | None = None,
    ) -> str:
        """Add a СОР (kind "sor") or СОЧ (kind "soch") held on `date`; returns its id."""
        kind, title_text, section, max_points = write_rules.new_work(kind, title, section, max_points)
        with self._db.write() as conn:
            course = conn.execute(select(_COURSE.c.teacher_id, _COURSE.c.scale, _COURSE.c.hours_per_week,
                                         _CLASS.c.grade).join(_CLASS, _CLASS.c.id == _COURSE.c.class_id)
                                  .where(_COURSE.c.id == course_id)).first()
            if course is None:
                raise NotFound(what="course", id=course_id)
            self._check_course_owner(course_id, course.teacher_id)
            write_rules.work_fits(kind, course.scale, course.grade, course.hours_per_week)
            period_id = self._check_date_open(conn, date)
            if lesson_id is not None:
                lesson = conn.execute(
                    select(_LESSON.c.course_id, _LESSON.c.date).where(_LESSON.c.id == lesson_id)
                ).first()
                if lesson is None or lesson.course_id != course_id or lesson.date != date:
                    raise InvalidWork(why="not_the_lesson",
                                      reason="the lesson given is not this course's lesson on that date")
            work_id = ids.new_id()
            record = {
                "id": work_id, "course_id": course_id, "period_id": period_id, "lesson_id": lesson_id,
                "kind": kind, "title": title_text, "section": section, "date": date.isoformat(),
                "max_points": max_points,
            }
            conn.execute(
                insert(_WORK).values(
                    id=work_id, course_id=course_id, period_id=period_id, lesson_id=lesson_id, kind=kind,
                    title=title_text, section=section, date=date, max_points=max_points, server_version=0,
                )
            )
            self._record(conn, "work", work_id, "create", None, record, 0)
            return work_id

    def schedule_warnings(self, work_id: str) -> list[summative_schedule.Warning]:
        """The scheduling limits a summative work breaks (storage.summative_schedule), for the teacher to see."""
        with self._db.read() as conn:
            rows = conn.execute(
                select(_WORK.c.id, _WORK.c.course_id, _COURSE.c.class_id, _WORK.c.kind, _WORK.c.date,
                       _COURSE.c.subject_id)
                .join(_COURSE, _COURSE.c.id == _WORK.c.course_id)
            ).all()
            works = [summative_schedule.PlannedWork(*row) for row in rows]
            work = next((w for w in works if w.id == work_id), None)
            if work is None:
                raise NotFound(what="summative work", id=work_id)
            calendar, grade = school_calendar.of_class(conn, work.class_id)
            terms = []
            for start, end in conn.execute(select(_PERIOD.c.start_date, _PERIOD.c.end_date)
                                           .where(_PERIOD.c.kind == "term")):
                days = list(calendar.school_days(grade, since=start, until=end))
                terms.append(summative_schedule.Term(start, end, days[-1] if days else None))
        return summative_schedule.check(work, works, terms)

    def edit_work(self, work_id: str, *, date: dt.date | None = None, max_points: int | None = None) -> bool:
        """Change a summative work's date (within its term, on an open day; a work held in a lesson moves with
        the lesson instead) and/or its maximum points (1–MAX_WORK_POINTS, not under a score already given):
        each a field write of its own, both or neither. Only the course's teacher or an admin."""
        wanted: dict[str, Any] = {}
        if date is not None:
            wanted["date"] = date.isoformat() if isinstance(date, dt.date) else date
        if max_points is not None:
            wanted["max_points"] = max_points
        changed = False
        with self._db.write() as conn:
            for field, raw in wanted.items():
                value = self._checked_work_field(conn, work_id, field, raw)
                old, base = conn.execute(select(_WORK.c[field], _WORK.c.server_version)
                                         .where(_WORK.c.id == work_id)).one()
                old = old.isoformat() if isinstance(old, dt.date) else old
                if old == value:
                    continue
                stored = dt.date.fromisoformat(value) if field == "date" else value
                conn.execute(update(_WORK).where(_WORK.c.id == work_id).values({field: stored}))
                self._record(conn, "work", work_id, field, old, value, base)
                changed = True
        return changed

    def delete_work(self, work_id: str) -> None:
        """Delete a summative work that holds no scores (nor comments on them); one that does is refused
        (core.write_rules.check_deletable). The record as it was is kept in the audit trail."""
        with self._db.write() as conn:
            self._checked_work_field(conn, work_id, "deleted", True)
            row = conn.execute(select(_WORK).where(_WORK.c.id == work_id)).mappings().one()
            conn.execute(delete(_SCORE).where(_SCORE.c.work_id == work_id))  # rows emptied of every value
            conn.execute(delete(_WORK).where(_WORK.c.id == work_id))
            self._record(conn, "work", work_id, "deleted", record_of(row), True, row["server_version"])

    def _checked_work_field(self, conn: Connection, work_id: str, field: str, raw: object) -> Any:
        """The value of a write of the work's `field` (date, max_points, deleted), after its every check."""
        work = conn.execute(select(_WORK.c.course_id, _WORK.c.date, _WORK.c.period_id, _WORK.c.lesson_id,
                                   _COURSE.c.teacher_id).join(_COURSE, _COURSE.c.id == _WORK.c.course_id)
                            .where(_WORK.c.id == work_id)).first()
        if work is None:
            raise NotFound(what="summative work", id=work_id)
        value = KINDS["work"].fields[field].check(raw, Facts())
        self._check_course_owner(work.course_id, work.teacher_id)
        self._check_date_open(conn, work.date)
        if field == "max_points":
            scores = conn.execute(select(_SCORE.c.pupil_id, _SCORE.c.points).where(_SCORE.c.work_id == work_id)).all()
            write_rules.check_scores_fit(value, [(pupil, points) for pupil, points in scores])
        elif field == "date" and (day := dt.date.fromisoformat(value)) != work.date:
            write_rules.check_work_day(day, work.period_id, self._terms(conn), work.lesson_id)
            self._check_date_open(conn, day)
        elif field == "deleted":
            held = conn.execute(select(func.count()).select_from(_SCORE).where(
                _SCORE.c.work_id == work_id,
                or_(_SCORE.c.points.is_not(None), _SCORE.c.comment.is_not(None)))).scalar_one()
            write_rules.check_deletable(held)
        return value

    def enter_score(self, work_id: str, pupil_id: int, points: int | None) -> bool:
        return bool(self._set_score(work_id, pupil_id, "points", points))

    def set_score_comment(self, work_id: str, pupil_id: int, text: str | None) -> bool:
        return bool(self._set_score(work_id, pupil_id, "comment", text))

    def _set_score(self, work_id: str, pupil_id: int, field: str, raw: object, *, expected: Any = _UNSET,
                   remember: bool = True) -> Step:
        with self._db.write() as conn:
            value, old, base = self._checked_score(conn, work_id, pupil_id, field, raw)
            if expected is not _UNSET and old != expected:
                raise ChangedSince(field=field)
            if old == value:
                return ()
            upsert = sqlite_insert(_SCORE).values(work_id=work_id, pupil_id=pupil_id, server_version=0)
            upsert = upsert.values({field: value}).on_conflict_do_update(
                index_elements=[_SCORE.c.work_id, _SCORE.c.pupil_id], set_={field: value}
            )
            conn.execute(upsert)
            self._record(conn, "score", record_keys.score(work_id, pupil_id), field, old, value, base)
        step = (Change("score", work_id, pupil_id, field, old, value),)
        if remember:
            self._remember(step)
        return step

    def _checked_score(self, conn: Connection, work_id: str, pupil_id: int, field: str,
                       raw: object) -> tuple[Any, Any, int]:
        """(the value to store, the one stored now, its server version) after every check of a score write."""
        found = hot_sql.rows(conn, _SCORE_TARGET, {"work": work_id, "pupil": pupil_id})
        if not found:
            raise NotFound(what="summative work", id=work_id)
        target = _target_of(found[0])
        max_points = found[0][10]
        value = check_score(raw, max_points) if field == "points" else check_text("comment", raw)
        self._check_writable(target)
        write_rules.check_member(pupil_id, target.place, target.memberships, target.in_subgroup)
        old_row = conn.execute(
            select(_SCORE.c[field], _SCORE.c.server_version).where(
                _SCORE.c.work_id == work_id, _SCORE.c.pupil_id == pupil_id
            )
        ).first()
        old, base = (old_row[0], old_row[1]) if old_row else (None, 0)
        return value, old, base

    # -- period marks -----------------------------------------------------------------------------

    def set_final_mark(self, course_id: int, period_id: int, pupil_id: int, mark: int | None,
                       reason: str | None = None, *, today: dt.date | None = None) -> bool:
        """Set the pupil's final mark for the period over the computed one (core.final_marks): a mark that
        differs needs a reason; the computed mark itself, or None, removes the override. Only the course's
        teacher or an admin, only while the period is open. The computed result and its rule version are
        kept beside the final mark; `today` is the day the computed mark is taken on (the clock's by default)."""
        with self._db.write() as conn:
            course = self._final_target(conn, course_id, period_id, pupil_id)
            today = today or self._clock().date()
            result = term_results.compute(driver_connection(conn), course_id, period_id, [pupil_id], today)[pupil_id]
            computed = final_marks.computed_number(result.status, result.mark)
            if mark is not None and mark == computed:
                mark = None  # the computed mark needs no override
            mark, reason = final_marks.check(course.scale, mark, reason)
            percent = None if result.percent is None else round(float(result.percent), 2)
            rule = result.rule or None
            where = (_PERIOD_MARK.c.course_id == course_id, _PERIOD_MARK.c.period_id == period_id,
                     _PERIOD_MARK.c.pupil_id == pupil_id)
            row = conn.execute(select(_PERIOD_MARK.c.final_mark, _PERIOD_MARK.c.final_reason,
                                      _PERIOD_MARK.c.server_version).where(*where)).first()
            old_mark, old_reason, base = (row[0], row[1], row[2]) if row else (None, None, 0)
            if (old_mark, old_reason) == (mark, reason):
                return False
            values = {"computed_percent": percent, "computed_mark": computed, "final_mark": mark,
                      "final_reason": reason, "status": "na" if result.status == "not_attested" else None,
                      "rule_version": rule}
            upsert = sqlite_insert(_PERIOD_MARK).values(course_id=course_id, period_id=period_id, pupil_id=pupil_id,
                                                        server_version=0, **values)
            conn.execute(upsert.on_conflict_do_update(
                index_elements=[_PERIOD_MARK.c.course_id, _PERIOD_MARK.c.pupil_id, _PERIOD_MARK.c.period_id],
                set_=values))
            old = None if row is None else final_marks.value(old_mark, old_reason, None, None, None)
            new = final_marks.value(mark, reason, computed, percent, rule)
            self._record(conn, "result", record_keys.result(course_id, period_id, pupil_id), "final", old, new, base)
            return True

    def set_attestation(self, course_id: int, period_id: int, pupil_id: int, kind: str | None, mark: int | None = None,
                        *, today: dt.date | None = None) -> bool:
        """Set the pupil's exam mark (the final attestation, grades 9 and 11) or year test mark (after a year 2) in
        the subject, on the year; None clears it. The subject's final mark follows from it (core.grading,
        core.school_reports). Checked as a final mark is (the course's teacher or an admin, an open year, a pupil of
        the class), and by core.write_rules.attestation_fits; a year test only where the year mark stands at 2."""
        with self._db.write() as conn:
            value = self._checked_attestation(conn, course_id, period_id, pupil_id,
                                              None if kind is None else {"kind": kind, "mark": mark}, today)
            where = (_PERIOD_MARK.c.course_id == course_id, _PERIOD_MARK.c.period_id == period_id,
                     _PERIOD_MARK.c.pupil_id == pupil_id)
            row = conn.execute(select(_PERIOD_MARK.c.attestation_kind, _PERIOD_MARK.c.attestation_mark,
                                      _PERIOD_MARK.c.server_version).where(*where)).first()
            old = {"kind": row[0], "mark": row[1]} if row else {"kind": None, "mark": None}
            if old == value:
                return False
            values = {"attestation_kind": value["kind"], "attestation_mark": value["mark"]}
            upsert = sqlite_insert(_PERIOD_MARK).values(course_id=course_id, period_id=period_id, pupil_id=pupil_id,
                                                        server_version=0, **values)
            conn.execute(upsert.on_conflict_do_update(
                index_elements=[_PERIOD_MARK.c.course_id, _PERIOD_MARK.c.pupil_id, _PERIOD_MARK.c.period_id],
                set_=values))
            self._record(conn, "result", record_keys.result(course_id, period_id, pupil_id), "attestation",
                         old if row else None, value, row[2] if row else 0)
            return True

    def _checked_attestation(self, conn: Connection, course_id: int, period_id: int, pupil_id: int, raw: object,
                             today: dt.date | None) -> dict[str, Any]:
        course = self._final_target(conn, course_id, period_id, pupil_id)
        value = final_marks.check_attestation(raw)
        if value["kind"] is None:
            return value
        kind = conn.execute(select(_PERIOD.c.kind).where(_PERIOD.c.id == period_id)).scalar_one()
        grade = conn.execute(select(_CLASS.c.grade).where(_CLASS.c.id == course.class_id)).scalar_one()
        write_rules.attestation_fits(value["kind"], kind, grade)
        if value["kind"] == "year_test":
            final = conn.execute(select(_PERIOD_MARK.c.final_mark).where(
                _PERIOD_MARK.c.course_id == course_id, _PERIOD_MARK.c.period_id == period_id,
                _PERIOD_MARK.c.pupil_id == pupil_id)).scalar()
            year = final if final is not None else term_results.compute(
                driver_connection(conn), course_id, period_id, [pupil_id], today or self._clock().date())[pupil_id].mark
            if year != 2:
                raise InvalidAttestation(why="no_year_two", reason="a year test is written after a year mark of 2")
        return value

    def _final_target(self, conn: Connection, course_id: int, period_id: int, pupil_id: int) -> Any:
        """The course (its teacher and scale) after the checks of a final mark's write: the course's teacher or
        an admin, an open period, a pupil of the class in it."""
        course = conn.execute(select(_COURSE.c.teacher_id, _COURSE.c.scale, _COURSE.c.class_id)
                              .where(_COURSE.c.id == course_id)).first()
        if course is None:
            raise NotFound(what="course", id=course_id)
        period = conn.execute(select(_PERIOD.c.start_date, _PERIOD.c.end_date, _PERIOD.c.closed)
                              .where(_PERIOD.c.id == period_id)).first()
        if period is None:
            raise NotFound(what="period", id=period_id)
        self._check_course_owner(course_id, course.teacher_id)
        if period.closed:
            raise PeriodClosed(date=period.end_date)
        memberships = conn.execute(select(_MEMBER.c.from_date, _MEMBER.c.to_date).where(
            _MEMBER.c.pupil_id == pupil_id, _MEMBER.c.class_id == course.class_id)).all()
        write_rules.check_member_during(pupil_id, (period.start_date, period.end_date),
                                        [(m.from_date, m.to_date) for m in memberships])
        return course

    # -- a teacher's write made elsewhere -------------------------------------------------------

    def check_field(self, conn: Connection, entity: str, key: str, field: str, raw: object, *,
                    today: dt.date | None = None) -> Any:
        """The value a teacher's write of `field` of the synced record `key` (the sync protocol's entity and key)
        stores, checked as this journal's own setters check it (scale, pupil, closed period, rights, no mark
        after today), inside the caller's write transaction `conn`: for a write another module makes on the
        teacher's behalf, as a conflict's resolution (storage.conflicts). Raises the JournalError the setter would."""
        kind = KINDS.get(entity)
        synced = kind.fields.get(field) if kind is not None else None
        pk = kind.key_of(key) if kind is not None else None
        if kind is None or synced is None or pk is None or kind.conflicts != "field" or not synced.from_devices:
            raise NotFound(what=f"{entity} {field}", id=key)  # only a field a teacher writes
        if entity == "cell":
            return self._checked_cell(conn, pk["lesson_id"], pk["pupil_id"], {field: raw}, today)[1][field]
        if entity == "score":
            return self._checked_score(conn, pk["work_id"], pk["pupil_id"], field, raw)[0]
        if entity == "lesson" and field == "cancelled":
            return self._checked_cancel(conn, pk["id"], raw)
        if entity == "lesson" and field == "moved":
            return self._checked_move(conn, pk["id"], raw, today)
        if entity == "lesson":
            return self._checked_lesson_text(conn, pk["id"], field, raw)
        if entity == "work":
            return self._checked_work_field(conn, pk["id"], field, raw)
        if field == "attestation":
            return self._checked_attestation(conn, pk["course_id"], pk["period_id"], pk["pupil_id"], raw, today)
        course = self._final_target(conn, pk["course_id"], pk["period_id"], pk["pupil_id"])
        final: dict[str, Any] = raw if isinstance(raw, dict) else {"mark": raw}  # the wire's values, unchecked
        mark = None if final.get("mark") == final.get("computed") else final.get("mark")
        mark, reason = final_marks.check(course.scale, mark, final.get("reason"))
        return final_marks.value(mark, reason, final.get("computed"), final.get("percent"), final.get("rule"))

    def now(self) -> dt.datetime:
        """The journal's clock, which stamps its changes."""
        return self._clock()

    @property
    def db(self) -> JournalDatabase:
        return self._db

    # -- checks shared by the writes above ------------------------------------------------------

    def _lesson_target(self, conn: Connection, lesson_id: str) -> _Target:
        found = hot_sql.rows(conn, _CELL_TARGET, {"lesson": lesson_id, "pupil": None})
        if not found:
            raise NotFound(what="lesson", id=lesson_id)
        return _target_of(found[0])

    @property
    def _writer(self) -> write_rules.Writer:
        return write_rules.Writer(self.actor_id, self.is_admin)

    def _check_writable(self, target: _Target) -> None:
        write_rules.check_writer(self._writer, target.place)
        write_rules.check_open(target.place.date, target.closed)

    def _check_course_owner(self, course_id: int, teacher_id: int) -> None:
        """What outlives a lesson (a new lesson or work, a final mark) is the course's own teacher's or an admin's."""
        place = write_rules.Place(course_id, teacher_id, None, 0, None, "", dt.date.min)
        write_rules.check_writer(self._writer, place, substitute_ok=False)

    def _check_date_open(self, conn: Connection, date: dt.date) -> int:
        """The id of the term containing `date`; refuses dates outside every term and closed periods."""
        periods = conn.execute(select(_PERIOD.c.id, _PERIOD.c.kind, _PERIOD.c.start_date, _PERIOD.c.end_date,
                                      _PERIOD.c.closed)).all()
        term = write_rules.term_of(date, [(p.id, p.start_date, p.end_date) for p in periods if p.kind == "term"])
        write_rules.check_open(date, [(p.start_date, p.end_date) for p in periods if p.closed])
        return term

    def _terms(self, conn: Connection) -> list[tuple[int, dt.date, dt.date]]:
        return [(p.id, p.start_date, p.end_date) for p in conn.execute(
            select(_PERIOD.c.id, _PERIOD.c.start_date, _PERIOD.c.end_date).where(_PERIOD.c.kind == "term"))]

    def _record(self, conn: Connection, entity: str, key: str, field: str, old: Any, new: Any, base: int,
                now: dt.datetime | None = None) -> None:
        changelog.record(
            conn, now=now or self._clock(), actor_id=self.actor_id, entity=entity, key=key, field=field,
            old=old, new=new, base_version=base,
        )
