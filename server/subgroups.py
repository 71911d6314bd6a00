"""A pupil moved from one subgroup of his class to another (an English or informatics group) from a day on.

His place in the old group ends the day before, his place in the new one begins that day (a pupil who came to the
class joins a group from no other): each group's journal shows him for its own days, and his marks in each stay
where they were written. Written whole or not at all, audited with the school's order, and told to the PCs of the
class's courses (server.roster does the same for the class itself, and ends his groups' places when he leaves it).
A pupil keeps one stay per group: moving back to a group he left this year is refused.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, select, update

from core import record_keys
from core.errors import ValidationError
from server import feed, roster, school_changes
from server.accounts import Principal
from server.schema import tables

GROUP, MEMBER, CLASS_PLACE = tables["subgroup"], tables["subgroup_member"], tables["class_membership"]
COLUMNS = ("subgroup_id", "pupil_id", "from_date", "to_date")


class SubgroupRefused(ValidationError):
    """A move between subgroups that does not fit; `why` names the cause, one of `causes`."""

    causes = ("no_such_group", "not_in_group", "other_class", "was_in_group", "date_before_joining",
              "date_outside_year", "order_required")
    code = "subgroup_refused"
    template = "The move between groups was refused: {reason}"


class GroupMove(BaseModel):
    """The pupil's move to `to_group` from `from_date`: from `from_group`, or (None) joining it from no group of
    its subject (a pupil who came to the class)."""

    model_config = ConfigDict(extra="forbid")
    from_group: int | None
    to_group: int
    from_date: dt.date
    order: str


def move(conn: Connection, who: Principal, now: dt.datetime, pupil_id: int, change: GroupMove,
         ip: str | None) -> None:
    school = who.school_id
    try:
        order = roster.check_order(change.order)
    except roster.RosterRefused:
        raise SubgroupRefused(why="order_required", reason="the school's order is required") from None
    wanted = [change.to_group] if change.from_group is None else [change.from_group, change.to_group]
    groups = {g.id: g.class_id for g in conn.execute(select(GROUP.c.id, GROUP.c.class_id).where(
        GROUP.c.school_id == school, GROUP.c.id.in_(wanted)))}
    if len(groups) != len(set(wanted)) or change.from_group == change.to_group:
        raise SubgroupRefused(why="no_such_group", reason="two different subgroups of the school are needed")
    class_id = groups[change.to_group]
    if change.from_group is not None and groups[change.from_group] != class_id:
        raise SubgroupRefused(why="other_class", reason="the two subgroups are of different classes")
    if conn.execute(select(CLASS_PLACE.c.id).where(
            CLASS_PLACE.c.school_id == school, CLASS_PLACE.c.pupil_id == pupil_id,
            CLASS_PLACE.c.class_id == class_id, CLASS_PLACE.c.to_date.is_(None))).first() is None:
        raise SubgroupRefused(why="other_class", reason=f"pupil {pupil_id} is not in the group's class now")
    try:
        roster.check_in_year(conn, school, class_id, change.from_date)
    except roster.RosterRefused:
        raise SubgroupRefused(why="date_outside_year", reason=f"{change.from_date} is not in the school year") from None
    stays = {r.subgroup_id: r for r in conn.execute(select(MEMBER).where(
        MEMBER.c.school_id == school, MEMBER.c.pupil_id == pupil_id, MEMBER.c.subgroup_id.in_(wanted))
        .with_for_update())}
    if change.to_group in stays:
        raise SubgroupRefused(why="was_in_group", reason=f"pupil {pupil_id} was in subgroup {change.to_group} "
                                                         "this year")
    told: list[school_changes.Told] = []
    if change.from_group is not None:
        old = stays.get(change.from_group)
        if old is None or old.to_date is not None:
            raise SubgroupRefused(why="not_in_group",
                                  reason=f"pupil {pupil_id} is not in subgroup {change.from_group}")
        last = change.from_date - dt.timedelta(days=1)
        if old.from_date is not None and last < old.from_date:
            raise SubgroupRefused(why="date_before_joining", reason=f"he joined the group on {old.from_date}")
        conn.execute(update(MEMBER).where(MEMBER.c.school_id == school, MEMBER.c.pupil_id == pupil_id,
                                          MEMBER.c.subgroup_id == change.from_group).values(to_date=last))
        old_key = record_keys.grouping(change.from_group, pupil_id)
        told.append(("grouping", old_key, "to_date", last.isoformat(),
                     school_changes.next_version(conn, school, "grouping", old_key, "to_date")))
    row = dict(subgroup_id=change.to_group, pupil_id=pupil_id, from_date=change.from_date, to_date=None)
    conn.execute(MEMBER.insert().values(school_id=school, **row))
    told.append(("grouping", record_keys.grouping(change.to_group, pupil_id), "create",
                 school_changes.record(row, COLUMNS), 1))
    school_changes.audit(conn, who, now, ip, "pupil", pupil_id, "subgroup", {"subgroup_id": change.from_group},
                         {"subgroup_id": change.to_group, "from": change.from_date.isoformat(), "order": order})
    feed.publish(conn, school, roster.told_to_class(conn, who, now, class_id, told))
