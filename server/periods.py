"""Closing and reopening a period, told to the PCs: the change is logged once per course of the period's
school year (entity "period", key "<period id>@<course id>", field "closed"), so that each teacher's PC pulls
it with the rest of its courses' changes and locks (or unlocks) the period locally too."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import Connection, func, select, update

from core import json_codec, record_keys
from server import audit_log, feed
from server.accounts import Principal
from server.schema import device, tables

P, C, K, CHANGE = tables["period"], tables["course"], tables["school_class"], tables["change"]


def set_closed(conn: Connection, who: Principal, now: dt.datetime, period_id: int, closed: bool,
               ip: str | None) -> bool:
    """Close or reopen the school's period, audited and told to the PCs; False when the school has no such period.
    (The API and the admin console both do it here.)"""
    row = conn.execute(select(P.c.closed).where(P.c.school_id == who.school_id, P.c.id == period_id)).first()
    if row is None:
        return False
    conn.execute(update(P).where(P.c.school_id == who.school_id, P.c.id == period_id).values(closed=closed))
    audit_admin(conn, who, now, ip, "period", str(period_id), "closed", "true" if row.closed else "false",
                "true" if closed else "false")
    log_closing(conn, who, period_id, closed, now)
    return True


def revoke_device(conn: Connection, who: Principal, now: dt.datetime, device_id: str, ip: str | None) -> bool:
    """Revoke a device of the school (its token no longer syncs), audited; False when the school has no such
    device. (Kept here beside the period's closing: the admin's two actions on the school's running year.)"""
    if record_keys.record_id(device_id) is None:  # no device id at all (a device id is a UUID)
        return False
    found = conn.execute(select(device.c.id).where(device.c.school_id == who.school_id,
                                                   device.c.id == device_id)).first()
    if found is None:
        return False
    conn.execute(update(device).where(device.c.school_id == who.school_id, device.c.id == device_id)
                 .values(revoked_at=now))
    audit_admin(conn, who, now, ip, "device", device_id, "revoked", None, "true")
    return True


def restore_device(conn: Connection, who: Principal, now: dt.datetime, device_id: str, ip: str | None) -> bool:
    """Undo a device's revocation (a PC found again): its teacher may log in on it again, and its waiting work
    syncs on; audited. False when the school has no such revoked device."""
    if record_keys.record_id(device_id) is None:
        return False
    restored = conn.execute(update(device).where(device.c.school_id == who.school_id, device.c.id == device_id,
                                                 device.c.revoked_at.is_not(None)).values(revoked_at=None)).rowcount
    if restored:
        audit_admin(conn, who, now, ip, "device", device_id, "revoked", "true", "false")
    return bool(restored)


def audit_admin(conn: Connection, who: Principal, now: dt.datetime, ip: str | None, entity: str, key: str,
                field: str, old: str | None, new: str) -> None:
    audit_log.record(conn, at=now, school_id=who.school_id, account_id=who.account_id, device_id=who.device_id,
                     ip=ip, entity=entity, entity_key=key, field=field, old_value=old, new_value=new, result="admin")


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


# What an admin does to a device, by the name her request gives (the API's and the console's routes alike).
DeviceAction = Literal["revoke", "restore"]
DEVICE_ACTIONS = {"revoke": revoke_device, "restore": restore_device}
