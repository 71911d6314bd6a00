"""The local audit trail: who changed what, when, from which device, old → new. Append-only."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from storage.models import AuditEntry
from storage.outbox import encode

_AUDIT = AuditEntry.__table__


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
    conn.execute(
        insert(_AUDIT).values(
            at=at.astimezone(dt.UTC).isoformat(timespec="milliseconds"),
            hlc=hlc,
            actor_id=actor_id,
            device_id=device_id,
            entity=entity,
            entity_key=key,
            field=field,
            old_value=None if old is None else encode(old),
            new_value=None if new is None else encode(new),
        )
    )


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
