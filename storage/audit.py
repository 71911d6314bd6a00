"""The local audit trail: who changed what, when, from which device, old → new. Append-only."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from storage import hot_sql
from storage.models import AuditEntry
from storage.outbox import encode

_AUDIT = AuditEntry.__table__
_APPEND = (
    "INSERT INTO audit_entry (at, hlc, actor_id, device_id, entity, entity_key, field, old_value, new_value) "
    "VALUES (:at, :hlc, :actor_id, :device_id, :entity, :key, :field, :old, :new)"
)


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    hlc: int
    actor_id: int | None
    device_id: str
    entity: str
    entity_key: str
    field: str
    old_value: Any
    new_value: Any


def append(
    conn: Connection,
    *,
    at: dt.datetime,
    hlc: int,
    actor_id: int | None,
    device_id: str,
    entity: str,
    key: str,
    field: str,
    old: Any,
    new: Any,
) -> None:
    hot_sql.run(conn, _APPEND, {
        "at": at.astimezone(dt.UTC).isoformat(timespec="milliseconds"), "hlc": hlc, "actor_id": actor_id,
        "device_id": device_id, "entity": entity, "key": key, "field": field,
        "old": None if old is None else encode(old), "new": None if new is None else encode(new),
    })


def entries(conn: Connection, entity: str | None = None, key: str | None = None) -> list[Entry]:
    query = select(_AUDIT).order_by(_AUDIT.c.id)
    if entity is not None:
        query = query.where(_AUDIT.c.entity == entity)
    if key is not None:
        query = query.where(_AUDIT.c.entity_key == key)
    return [
        Entry(
            r.id, r.at, r.hlc, r.actor_id, r.device_id, r.entity, r.entity_key, r.field,
            None if r.old_value is None else json.loads(r.old_value),
            None if r.new_value is None else json.loads(r.new_value),
        )
        for r in conn.execute(query)
    ]
