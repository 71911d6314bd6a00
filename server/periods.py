"""Closing and reopening a period, told to the PCs: the change is logged once per course of the period's
school year (entity "period", key "<period id>@<course id>", field "closed"), so that each teacher's PC pulls
it with the rest of its courses' changes and locks (or unlocks) the period locally too."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, func, select

from core import json_codec, record_keys
from server import feed
from server.accounts import Principal
from server.schema import tables

P, C, K, CHANGE = tables["period"], tables["course"], tables["school_class"], tables["change"]


def log_closing(conn: Connection, who: Principal, period_id: int, closed: bool, now: dt.datetime) -> int:
    """Log the period's new state for every course of its year; returns how many courses were told."""
    school = who.school_id
    year = select(P.c.year_id).where(P.c.school_id == school, P.c.id == period_id).scalar_subquery()
    courses = conn.execute(select(C.c.id).join(K, (K.c.school_id == C.c.school_id) & (K.c.id == C.c.class_id))
                           .where(C.c.school_id == school, K.c.year_id == year)).scalars().all()
    if not courses:
        return 0
    keys = {course: record_keys.period(period_id, course) for course in courses}
    versions = dict(conn.execute(
        select(CHANGE.c.entity_key, func.max(CHANGE.c.version))
        .where(CHANGE.c.school_id == school, CHANGE.c.entity == "period", CHANGE.c.entity_key.in_(list(keys.values())))
        .group_by(CHANGE.c.entity_key)).all())
    feed.publish(conn, who.school_id, [
        dict(course_id=course, entity="period", entity_key=key, field="closed", value=json_codec.column(closed),
             version=versions.get(key, 0) + 1, device_id=None, account_id=who.account_id, hlc=None, at=now)
        for course, key in keys.items()])
    return len(courses)
