"""The school's roster through the year: a pupil arrives in a class, leaves the school, or moves to another class.

Each change is dated and carries the school's order (бұйрық) that made it; it is written whole or not at all,
kept in the audit log with that order, and told to the PCs through the school's feed (server.feed), once for
each course of each class concerned, as a period's closing is (server.periods), so that every teacher of the
class pulls it with the rest of their courses' changes:

- an arrival: the pupil's record, then his place in the class from the day he comes;
- a departure: the last day of his place in his class (his marks stay; the PCs refuse marks after that day);
- a move: the last day of his place in the old class; to the new class's courses his record (the PCs there do
  not hold it) and his place there from the day he comes.

A pupil's record is told at version 1 each time (a record created once): told again for another class, it does
not make the first telling look overwritten to a PC that has not pulled it yet (server.pull sends a field's latest
version only).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, select, update

from core import record_keys
from core.errors import ValidationError
from core.protocol import RecordNumber
from core.validation import check_text
from server import feed, school_changes, serials
from server.accounts import Principal
from server.schema import tables

PUPIL, MEMBER, CLASS = tables["pupil"], tables["class_membership"], tables["school_class"]
GROUP, IN_GROUP = tables["subgroup"], tables["subgroup_member"]
YEAR, COURSE = tables["academic_year"], tables["course"]
NAME_LIMIT = 100
ORDER_LIMIT = 60
# What a PC holds of a pupil: no birth date (the bootstrap sends none either).
PUPIL_COLUMNS = ("id", "school_id", "last_name", "first_name", "patronymic", "sex")
MEMBER_COLUMNS = ("id", "pupil_id", "class_id", "from_date", "to_date")


class RosterRefused(ValidationError):
    """A change of the school's roster that does not fit the journal; `why` names the cause, one of `causes`. The
    admin's refusal (the API's answer, the console's page), never a PC's: no device sends the roster."""

    causes = ("no_such_class", "no_such_pupil", "not_in_a_class", "date_outside_year", "date_before_joining",
              "same_class", "name_required", "bad_sex", "order_required")
    code = "roster_refused"
    template = "The roster change was refused: {reason}"


class Arrival(BaseModel):
    """A new pupil's arrival: his class, his name, the day he comes, the school's order."""

    model_config = ConfigDict(extra="forbid")
    class_id: RecordNumber
    last_name: str
    first_name: str
    from_date: dt.date
    order: str
    patronymic: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None


class Departure(BaseModel):
    """A pupil leaves the school: his last day, the school's order."""

    model_config = ConfigDict(extra="forbid")
    last_day: dt.date
    order: str


class Move(BaseModel):
    """A pupil moves to another class of the school: the class, his first day there, the school's order."""

    model_config = ConfigDict(extra="forbid")
    class_id: RecordNumber
    from_date: dt.date
    order: str


def _refuse(why: str, reason: str) -> RosterRefused:
    assert why in RosterRefused.causes, why
    return RosterRefused(why=why, reason=reason)


def check_order(order: str) -> str:
    """The school's order (бұйрық: its number and date) as kept; refused when missing or too long."""
    text = check_text("title", order)
    if text is None or len(text) > ORDER_LIMIT:
        raise _refuse("order_required", f"the school's order (its number and date, up to {ORDER_LIMIT} characters) "
                                        "is required")
    return text


def _name(what: str, value: str | None, required: bool) -> str | None:
    text = check_text("title", value)
    if text is not None and len(text) > NAME_LIMIT:
        raise _refuse("name_required", f"the {what} is longer than {NAME_LIMIT} characters")
    if required and text is None:
        raise _refuse("name_required", f"the {what} is required")
    return text


def _class_year(conn: Connection, school_id: int, class_id: int) -> tuple[dt.date, dt.date]:
    row = conn.execute(select(YEAR.c.start_date, YEAR.c.end_date).join(
        CLASS, (CLASS.c.school_id == YEAR.c.school_id) & (CLASS.c.year_id == YEAR.c.id))
        .where(CLASS.c.school_id == school_id, CLASS.c.id == class_id)).first()
    if row is None:
        raise _refuse("no_such_class", f"there is no class {class_id} in this school")
    return row.start_date, row.end_date


def check_in_year(conn: Connection, school_id: int, class_id: int, day: dt.date) -> None:
    """Refuse a day outside the class's school year."""
    start, end = _class_year(conn, school_id, class_id)
    if not start <= day <= end:
        raise _refuse("date_outside_year", f"{day} is not in the class's school year ({start} – {end})")


def _current_place(conn: Connection, school_id: int, pupil_id: int) -> Any:
    """The pupil's open place in a class (no last day yet), locked for this change."""
    if conn.execute(select(PUPIL.c.id).where(PUPIL.c.school_id == school_id, PUPIL.c.id == pupil_id)).first() is None:
        raise _refuse("no_such_pupil", f"there is no pupil {pupil_id} in this school")
    row = conn.execute(select(MEMBER).where(MEMBER.c.school_id == school_id, MEMBER.c.pupil_id == pupil_id,
                                            MEMBER.c.to_date.is_(None))
                       .order_by(MEMBER.c.from_date.desc()).limit(1).with_for_update()).first()
    if row is None:
        raise _refuse("not_in_a_class", f"pupil {pupil_id} is in no class now (he has left the school)")
    return row


def arrive(conn: Connection, who: Principal, now: dt.datetime, arrival: Arrival, ip: str | None) -> int:
    """A new pupil joins a class from `arrival.from_date`; his id."""
    order = check_order(arrival.order)
    last_name = _name("last name", arrival.last_name, True)
    first_name = _name("first name", arrival.first_name, True)
    patronymic = _name("patronymic", arrival.patronymic, False)
    if arrival.sex not in (None, "m", "f"):
        raise _refuse("bad_sex", "sex is m or f, or left empty")
    check_in_year(conn, who.school_id, arrival.class_id, arrival.from_date)
    pupil = dict(school_id=who.school_id, last_name=last_name, first_name=first_name, patronymic=patronymic,
                 birth_date=arrival.birth_date, sex=arrival.sex)
    pupil_id = serials.add_one(conn, PUPIL, **pupil)
    member = dict(school_id=who.school_id, pupil_id=pupil_id, class_id=arrival.class_id,
                  from_date=arrival.from_date, to_date=None)
    member_id = serials.add_one(conn, MEMBER, **member)
    school_changes.audit(conn, who, now, ip, "pupil", pupil_id, "arrive", None,
           {"class_id": arrival.class_id, "from": arrival.from_date.isoformat(), "order": order})
    feed.publish(conn, who.school_id, told_to_class(conn, who, now, arrival.class_id, [
        ("pupil", pupil_id, "create", school_changes.record(dict(pupil, id=pupil_id), PUPIL_COLUMNS), 1),
        ("member", member_id, "create", school_changes.record(dict(member, id=member_id), MEMBER_COLUMNS), 1),
    ]))
    return pupil_id


def leave(conn: Connection, who: Principal, now: dt.datetime, pupil_id: int, last_day: dt.date, order: str,
          ip: str | None) -> None:
    """The pupil leaves the school after `last_day` (his last day in his class)."""
    order = check_order(order)
    place = _current_place(conn, who.school_id, pupil_id)
    groups_left = _close(conn, who, place, last_day)
    school_changes.audit(conn, who, now, ip, "pupil", pupil_id, "leave", {"class_id": place.class_id},
           {"last_day": last_day.isoformat(), "order": order})
    feed.publish(conn, who.school_id, told_to_class(conn, who, now, place.class_id, [
        ("member", place.id, "to_date", last_day.isoformat(),
         school_changes.next_version(conn, who.school_id, "member", place.id, "to_date")), *groups_left]))


def move(conn: Connection, who: Principal, now: dt.datetime, pupil_id: int, class_id: int, from_date: dt.date,
         order: str, ip: str | None) -> int:
    """The pupil moves to class `class_id` from `from_date` (his last day in the old class the day before); the id
    of his new place."""
    order = check_order(order)
    place = _current_place(conn, who.school_id, pupil_id)
    if place.class_id == class_id:
        raise _refuse("same_class", f"pupil {pupil_id} is already in class {class_id}")
    check_in_year(conn, who.school_id, class_id, from_date)
    groups_left = _close(conn, who, place, from_date - dt.timedelta(days=1))
    member = dict(school_id=who.school_id, pupil_id=pupil_id, class_id=class_id, from_date=from_date, to_date=None)
    member_id = serials.add_one(conn, MEMBER, **member)
    pupil = conn.execute(select(PUPIL).where(PUPIL.c.school_id == who.school_id, PUPIL.c.id == pupil_id)).one()
    school_changes.audit(conn, who, now, ip, "pupil", pupil_id, "move", {"class_id": place.class_id},
           {"class_id": class_id, "from": from_date.isoformat(), "order": order})
    last_day = (from_date - dt.timedelta(days=1)).isoformat()
    feed.publish(conn, who.school_id, [
        *told_to_class(conn, who, now, place.class_id, [
            ("member", place.id, "to_date", last_day,
             school_changes.next_version(conn, who.school_id, "member", place.id, "to_date")), *groups_left]),
        *told_to_class(conn, who, now, class_id, [
            ("pupil", pupil_id, "create", school_changes.record(pupil._mapping, PUPIL_COLUMNS), 1),
            ("member", member_id, "create", school_changes.record(dict(member, id=member_id), MEMBER_COLUMNS), 1)]),
    ])
    return member_id


def _close(conn: Connection, who: Principal, place: Any, last_day: dt.date) -> list[school_changes.Told]:
    """End the pupil's place in his class on `last_day`, and his places in the class's subgroups with it; the
    subgroup places' ends, to tell the class's PCs."""
    if last_day < place.from_date:
        raise _refuse("date_before_joining", f"{last_day} is before the pupil joined the class ({place.from_date})")
    check_in_year(conn, who.school_id, place.class_id, last_day)
    conn.execute(update(MEMBER).where(MEMBER.c.school_id == who.school_id, MEMBER.c.id == place.id)
                 .values(to_date=last_day))
    groups = list(conn.execute(select(IN_GROUP.c.subgroup_id).join(
        GROUP, (GROUP.c.school_id == IN_GROUP.c.school_id) & (GROUP.c.id == IN_GROUP.c.subgroup_id)).where(
        IN_GROUP.c.school_id == who.school_id, IN_GROUP.c.pupil_id == place.pupil_id, IN_GROUP.c.to_date.is_(None),
        GROUP.c.class_id == place.class_id)).scalars())
    if groups:
        conn.execute(update(IN_GROUP).where(IN_GROUP.c.school_id == who.school_id,
                                            IN_GROUP.c.pupil_id == place.pupil_id,
                                            IN_GROUP.c.subgroup_id.in_(groups)).values(to_date=last_day))
    keys = [record_keys.grouping(group, place.pupil_id) for group in groups]
    return [("grouping", key, "to_date", last_day.isoformat(),
             school_changes.next_version(conn, who.school_id, "grouping", key, "to_date")) for key in keys]


def told_to_class(conn: Connection, who: Principal, now: dt.datetime, class_id: int,
          told: list[school_changes.Told]) -> list[dict[str, Any]]:
    """The change rows telling `told` to every course of the class."""
    course_ids = conn.execute(select(COURSE.c.id).where(COURSE.c.school_id == who.school_id,
                                                        COURSE.c.class_id == class_id)).scalars()
    return school_changes.told(who, now, course_ids, told)
