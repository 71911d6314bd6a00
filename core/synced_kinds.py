"""The synced kinds of record, each declared once: its entity name, table, key, fields and their checks, who
may write it and how it conflicts. The protocol accepts what is declared here, the server's applier
dispatches and checks by it, and the PC's journal writes the server's values by it (storage.server_values).

Adding a synced field is one SyncedField in its kind, with its check (tests/test_synced_kinds.py shows it).

Conflicts (docs/sync-protocol.md):
- "field": each field of a record is versioned with the record; an edit based on an older version meets the
  field's change log, and a rival value makes a conflict both values are kept in (the larger clock wins);
- "create": the record is made once; the same record made again (the same lesson added on two PCs
  offline, whose ids are derived from course, date and slot) is merged, not doubled;
- "resolve": a teacher's choice settling an open conflict, written to the conflicting field like an edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

from core import final_marks, record_keys, write_rules
from core.errors import BadValue
from core.validation import MAX_WORK_POINTS, check_attendance, check_mark, check_score, check_text

KeyShape = Literal["id", "pupil", "result", "period", "number", "grouping"]
# Where the server finds the course, day and teacher a device's write lands on; "class" for the roster, which only
# the school writes (no device sends it).
Place = Literal["lesson", "work", "course", "period", "conflict", "class"]
ConflictRule = Literal["field", "create", "resolve", "none"]


@dataclass(frozen=True)
class Facts:
    """What a value's check may need to know about where it lands: the course's grading scale, a work's
    maximum points."""

    scale: str = "classic"
    max_points: int = MAX_WORK_POINTS


@dataclass(frozen=True)
class SyncedField:
    """One field of a synced kind: the columns it sets and how its value is checked.

    `column` names the one column the value goes into; a value that is an object spreads over `parts`
    instead ((column, key in the value) pairs). `check(raw, facts)` returns the value to keep or raises a
    core.errors.ValidationError. `substitute_may`: a lesson's substitute may write it too. `from_devices`:
    False for what only the school sets (a period's closing, from the admin console); a device sending it
    is refused. `removes`: the value true removes the record (a summative work deleted); both sides delete its
    row, and a refusal tells the record as it stands (`record_of`), so the PC that removed it puts it back."""

    name: str
    check: Callable[[Any, Facts], Any]
    column: str | None = None
    parts: tuple[tuple[str, str], ...] = ()
    substitute_may: bool = True
    from_devices: bool = True
    removes: bool = False

    def columns(self, value: Any) -> dict[str, Any]:
        """The value as column → stored value."""
        if self.column is not None:
            return {self.column: value}
        spread = value if isinstance(value, Mapping) else {}
        return {column: spread.get(part) for column, part in self.parts}

    def value_of(self, row: Mapping[str, Any]) -> Any:
        """The field's value as the wire has it, from a row of its table (a day as ISO text)."""
        if self.removes:
            return record_of(row)
        if self.column is not None:
            return _wire(row[self.column])
        return {part: _wire(row[column]) for column, part in self.parts}


def _wire(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def record_of(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A record's columns as a `create` value carries them (the server's own school_id and version left out)."""
    return {name: _wire(value) for name, value in row.items() if name not in ("school_id", "server_version")}


@dataclass(frozen=True, eq=False)  # one declaration is one kind: compared and hashed by identity
class SyncedKind:
    """A kind of record the protocol syncs.

    `key` is its key's shape (core.record_keys) and `key_columns` the columns the key's parts fill, in the
    key's order; `parents` are the tables those columns refer to (a journal not holding the parent, a class
    this teacher does not have, skips the record). `place` is how the server finds the course, day and
    teacher a write lands on. `creates` is the field that makes a new record ("create"), if the kind has one."""

    entity: str
    table: str
    key: KeyShape
    key_columns: tuple[str, ...]
    parents: tuple[str, ...]
    place: Place
    conflicts: ConflictRule
    fields: Mapping[str, SyncedField] = field(default_factory=dict)
    creates: str | None = None

    def key_of(self, key: str) -> dict[str, Any] | None:
        """The record's key columns from its protocol key; None when the key is not this kind's shape."""
        parts: tuple[Any, ...] | None
        if self.key == "id":
            record = record_keys.record_id(key)
            parts = None if record is None else (record,)
        elif self.key == "pupil":
            pupil = record_keys.parse_pupil_key(key)
            parts = None if pupil is None else (pupil.record, pupil.pupil)
        elif self.key == "result":
            result = record_keys.parse_result(key)
            parts = None if result is None else (result.course, result.period, result.pupil)
        elif self.key == "period":
            period = record_keys.parse_period(key)
            parts = None if period is None else (period.period,)
        elif self.key == "grouping":
            parts = record_keys.parse_grouping(key)
        else:
            number = record_keys.parse_number(key)
            parts = None if number is None else (number,)
        return None if parts is None else dict(zip(self.key_columns, parts, strict=True))


def _text(name: str) -> Callable[[Any, Facts], Any]:
    return lambda raw, _facts: check_text(name, raw)


def _final_mark(raw: Any, facts: Facts) -> dict[str, Any]:
    """A final period mark over the computed one: a mark in range with a reason, or none (cleared)."""
    return final_marks.check_value(facts.scale, raw)


def _record(raw: Any, _facts: Facts) -> Any:
    """A new record's fields: each is checked where the creating side reads it (server.operations)."""
    return raw


def _closed(raw: Any, _facts: Facts) -> bool:
    return bool(raw)


def _date(raw: Any, _facts: Facts) -> str | None:
    """A day as ISO text (YYYY-MM-DD), or none."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise BadValue(field="date", why="a day as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(raw).isoformat()
    except ValueError:
        raise BadValue(field="date", why="a day as YYYY-MM-DD") from None


def _day(raw: Any, facts: Facts) -> str:
    """A day that must be given (a work's date)."""
    day = _date(raw, facts)
    if day is None:
        raise BadValue(field="date", why="a day as YYYY-MM-DD")
    return day


def _removed(raw: Any, _facts: Facts) -> bool:
    if raw is not True:
        raise BadValue(field="deleted", why="true (a record is deleted, never undeleted)")
    return True


def _teacher(raw: Any, _facts: Facts) -> int | None:
    if raw is not None and (not isinstance(raw, int) or isinstance(raw, bool)):
        raise BadValue(field="substitute", why="a teacher's id, or none")
    return raw


def _declare(*kinds: SyncedKind) -> dict[str, SyncedKind]:
    return {kind.entity: kind for kind in kinds}


def _fields(*fields: SyncedField) -> dict[str, SyncedField]:
    return {f.name: f for f in fields}


KINDS: dict[str, SyncedKind] = _declare(
    SyncedKind(
        "cell", "lesson_cell", "pupil", ("lesson_id", "pupil_id"), ("lesson", "pupil"), "lesson", "field",
        _fields(
            SyncedField("mark", lambda raw, facts: check_mark(facts.scale, raw), "mark"),
            SyncedField("attendance", lambda raw, _facts: check_attendance(raw), "attendance"),
            SyncedField("comment", _text("comment"), "comment"),
            # where the school imported the cell's values from (server.journal_import); kept, not shown as typed
            SyncedField("imported", _text("imported"), "imported", substitute_may=False, from_devices=False),
        ),
    ),
    SyncedKind(
        "lesson", "lesson", "id", ("id",), ("lesson",), "lesson", "field",
        _fields(
            SyncedField("topic", _text("topic"), "topic"),
            SyncedField("homework", _text("homework"), "homework"),
            SyncedField("create", _record, substitute_may=False),
            # the reason the lesson is cancelled, or none (held after all); a lesson moved keeps its id
            SyncedField("cancelled", lambda raw, _facts: write_rules.cancel_reason(raw), "cancelled",
                        substitute_may=False),
            SyncedField("moved", lambda raw, _facts: write_rules.move_target(raw),
                        parts=(("date", "date"), ("slot", "slot")), substitute_may=False),
            # taken away by the school: a lesson a new week no longer plans (server.timetable_changes)
            SyncedField("removed", _removed, removes=True, from_devices=False),
            # the teacher the school gave the lesson to (a substitution: server.substitutions), or none
            SyncedField("substitute", _teacher, "substitute_teacher_id", from_devices=False),
        ),
        creates="create",
    ),
    SyncedKind(
        "work", "summative_work", "id", ("id",), ("summative_work",), "work", "field",
        _fields(
            SyncedField("create", _record, substitute_may=False),
            SyncedField("date", _day, "date", substitute_may=False),
            SyncedField("max_points", lambda raw, _facts: write_rules.work_max_points(raw), "max_points",
                        substitute_may=False),
            SyncedField("deleted", _removed, substitute_may=False, removes=True),
        ),
        creates="create",
    ),
    SyncedKind(
        "score", "summative_score", "pupil", ("work_id", "pupil_id"), ("summative_work", "pupil"), "work", "field",
        _fields(
            SyncedField("points", lambda raw, facts: check_score(raw, facts.max_points), "points"),
            SyncedField("comment", _text("comment"), "comment"),
            SyncedField("imported", _text("imported"), "imported", substitute_may=False, from_devices=False),
        ),
    ),
    SyncedKind(
        "result", "period_mark", "result", ("course_id", "period_id", "pupil_id"), ("course", "period", "pupil"),
        "period", "field",
        _fields(SyncedField("final", _final_mark, parts=(
            ("final_mark", "mark"), ("final_reason", "reason"), ("computed_mark", "computed"),
            ("computed_percent", "percent"), ("rule_version", "rule"),
        ), substitute_may=False),
            # the year's exam or year test mark (core.final_marks.ATTESTATIONS), from which the final mark follows
            SyncedField("attestation", lambda raw, _facts: final_marks.check_attestation(raw), parts=(
                ("attestation_kind", "kind"), ("attestation_mark", "mark")), substitute_may=False)),
    ),
    SyncedKind(
        "conflict", "conflict", "number", ("id",), (), "conflict", "resolve",
        _fields(SyncedField("resolve", _record)),
    ),
    SyncedKind(
        "period", "period", "period", ("id",), ("period",), "period", "none",
        _fields(SyncedField("closed", _closed, "closed", from_devices=False)),
    ),
    # The roster, kept by the school (server.roster) and told to the PCs of each class's courses: a pupil's record
    # (created once; sent again to a class he moves into, the same record at the same version), and his place in
    # a class from one day to another (created on arrival or a move; its last day set when he leaves or moves).
    SyncedKind(
        "pupil", "pupil", "number", ("id",), (), "class", "create",
        _fields(SyncedField("create", _record, from_devices=False)),
        creates="create",
    ),
    # The school's calendar, kept by the school (server.calendar_changes) and told to the PCs of the courses of the
    # grades a day off holds for.
    SyncedKind(
        "day_off", "day_off", "number", ("id",), (), "class", "none",
        _fields(SyncedField("create", _record, from_devices=False),
                SyncedField("removed", _removed, removes=True, from_devices=False)),
        creates="create",
    ),
    # A pupil's place in a subgroup of his class (a language group) from one day to another, kept by the school
    # (server.subgroups): made when he joins the group, its last day set when he moves to another.
    SyncedKind(
        "grouping", "subgroup_member", "grouping", ("subgroup_id", "pupil_id"), ("subgroup", "pupil"), "class",
        "none",
        _fields(SyncedField("create", _record, from_devices=False),
                SyncedField("to_date", _date, "to_date", from_devices=False)),
        creates="create",
    ),
    # A teacher of the school a PC must know by name: a lesson's substitute (server.substitutions).
    SyncedKind(
        "teacher", "teacher", "number", ("id",), (), "course", "none",
        _fields(SyncedField("create", _record, from_devices=False)),
        creates="create",
    ),
    # The timetable's entries of a course, kept by the school (server.timetable_changes): a new week from a day on,
    # the last day of the one before.
    SyncedKind(
        "weekly", "timetable_entry", "number", ("id",), (), "course", "none",
        _fields(SyncedField("create", _record, from_devices=False),
                SyncedField("valid_to", _date, "valid_to", from_devices=False),
                SyncedField("removed", _removed, removes=True, from_devices=False)),
        creates="create",
    ),
    SyncedKind(
        "member", "class_membership", "number", ("id",), ("pupil", "school_class"), "class", "none",
        _fields(SyncedField("create", _record, from_devices=False),
                SyncedField("to_date", _date, "to_date", from_devices=False)),
        creates="create",
    ),
)

def from_devices(entity: str) -> bool:
    """Whether a device may send operations on this kind (the protocol's Operation.entity)."""
    kind = KINDS.get(entity)
    return kind is not None and any(f.from_devices for f in kind.fields.values())


DEVICE_ENTITIES = tuple(e for e in KINDS if from_devices(e))  # as declared above, for the protocol's schema


def synced_field(entity: str, name: str) -> SyncedField | None:
    kind = KINDS.get(entity)
    return None if kind is None else kind.fields.get(name)


def tells_value(entity: str, name: str) -> bool:
    """Whether an operation's answer tells the value the field then holds (docs/sync-protocol.md): a field
    write or a conflict's resolution does, a new record does not."""
    kind = KINDS.get(entity)
    return kind is not None and kind.conflicts in ("field", "resolve") and name != kind.creates


@contextmanager
def declared(kind: SyncedKind) -> Iterator[SyncedKind]:
    """`kind` declared in place of the kind of its name while the block runs (a test's new synced field)."""
    before = KINDS.get(kind.entity)
    KINDS[kind.entity] = kind
    try:
        yield kind
    finally:
        if before is None:
            del KINDS[kind.entity]
        else:
            KINDS[kind.entity] = before
