"""The school's own changes (its roster, its calendar) told to the PCs and kept in the audit log: the change rows
that tell a record to every course concerned, a field's next version, a record as a PC creates it, and the
admin's audit entry. Published by the caller through the school's feed as its transaction's last statement
(server.feed), as a period's closing is (server.periods)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, func, select

from core import json_codec
from server import audit_log
from server.accounts import Principal
from server.schema import tables

CHANGE = tables["change"]
# (entity, record id, field, value, version): one record's change, told to each course concerned.
Told = tuple[str, int | str, str, Any, int]


def record(values: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    """A record as a PC creates it: its columns, dates as ISO text."""
    return {c: v.isoformat() if isinstance(v, dt.date) else v for c, v in ((c, values[c]) for c in columns)}


def next_version(conn: Connection, school_id: int, entity: str, record_id: int | str, field: str) -> int:
    last = conn.execute(select(func.max(CHANGE.c.version)).where(
        CHANGE.c.school_id == school_id, CHANGE.c.entity == entity, CHANGE.c.entity_key == str(record_id),
        CHANGE.c.field == field)).scalar()
    return (last or 0) + 1


def told(who: Principal, now: dt.datetime, course_ids: Iterable[int], changes: list[Told]) -> list[dict[str, Any]]:
    """The change rows telling `changes` to every course of `course_ids`, in the order given."""
    courses = sorted(set(course_ids))
    return [
        dict(course_id=course, entity=entity, entity_key=str(record_id), field=field,
             value=json_codec.column(value), version=version, device_id=None, account_id=who.account_id, hlc=None,
             at=now)
        for entity, record_id, field, value, version in changes for course in courses]


def audit(conn: Connection, who: Principal, now: dt.datetime, ip: str | None, entity: str, record_id: int,
          field: str, old: dict[str, Any] | None, new: dict[str, Any]) -> None:
    """The admin's change in the audit log, with what it replaced (`old`) and what it says (`new`)."""
    audit_log.record(conn, at=now, school_id=who.school_id, account_id=who.account_id, device_id=who.device_id,
                     ip=ip, entity=entity, entity_key=str(record_id), field=field,
                     old_value=None if old is None else json.dumps(old, ensure_ascii=False),
                     new_value=json.dumps(new, ensure_ascii=False), result="admin")
