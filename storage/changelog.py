"""Writes what one accepted change leaves behind besides the new value: a clock tick, the outbox
operation for sync and the local audit entry. Always called inside the change's own write transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection

from storage import audit, device, outbox


def record(
    conn: Connection,
    *,
    now: dt.datetime,
    actor_id: int | None,
    entity: str,
    key: str,
    field: str,
    old: Any,
    new: Any,
    base_version: int,
) -> int:
    """Queue the change for the server and audit it; returns the outbox sequence number."""
    stamp = device.tick(conn, int(now.timestamp() * 1000))
    seq = outbox.enqueue(conn, stamp, entity, key, field, new, base_version)
    audit.append(
        conn, at=now, hlc=stamp.hlc, actor_id=actor_id, device_id=stamp.device_id,
        entity=entity, key=key, field=field, old=old, new=new,
    )
    return seq
