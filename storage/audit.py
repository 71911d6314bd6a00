"""The local audit trail: who changed what, when, from which device, old → new. Append-only, and
tamper-evident: each entry's hash is chained to the previous one's (core.audit_chain), as on the
server, and `verify` names the first entry that was changed or removed. Each sync tells the server the
chain's head (`head`), which the server keeps in its own chained audit log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from core import audit_chain, json_codec
from storage import hot_sql
from storage.models import AuditEntry

_AUDIT = AuditEntry.__table__
_APPEND = (
    "INSERT INTO audit_entry (at, hlc, actor_id, device_id, entity, entity_key, field, old_value, new_value, hash) "
    "VALUES (:at, :hlc, :actor_id, :device_id, :entity, :entity_key, :field, :old_value, :new_value, :hash)"
)
_LAST_HASH = "SELECT hash FROM audit_entry WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1"
HASHED = ("at", "hlc", "actor_id", "device_id", "entity", "entity_key", "field", "old_value", "new_value")


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
    entry = {
        "at": at.astimezone(dt.UTC).isoformat(timespec="milliseconds"), "hlc": hlc, "actor_id": actor_id,
        "device_id": device_id, "entity": entity, "entity_key": key, "field": field,
        "old_value": json_codec.column(old), "new_value": json_codec.column(new),
    }
    previous = hot_sql.rows(conn, _LAST_HASH, {})
    entry["hash"] = audit_chain.entry_hash(previous[0][0] if previous else audit_chain.GENESIS, entry, HASHED)
    hot_sql.run(conn, _APPEND, entry)


def head(conn: Connection) -> tuple[int, str]:
    """(how many chained entries, the last one's hash): what each sync tells the server, so that a log
    rewritten on the PC afterwards no longer matches what the server's own chained audit recorded."""
    count, last = hot_sql.rows(conn, "SELECT count(hash), (SELECT hash FROM audit_entry WHERE hash IS NOT NULL "
                               "ORDER BY id DESC LIMIT 1) FROM audit_entry", {})[0]
    return count, last or audit_chain.GENESIS


def verify(conn: Connection, told: tuple[int, str] | None = None) -> tuple[Any, int] | None:
    """None when the chain is whole (and, given `told`, a head the server recorded, its entry number
    `told[0]` still has that hash); else (the id of the first entry that does not follow, how many did)."""
    rows = [dict(r) for r in conn.execute(select(_AUDIT).where(_AUDIT.c.hash.is_not(None)).order_by(_AUDIT.c.id)
                                          ).mappings()]
    broken = audit_chain.first_broken(rows, HASHED)
    if broken is None and told is not None:
        count, expected = told
        if count > len(rows) or (count and rows[count - 1]["hash"] != expected):
            return ("server_head", len(rows))
    return broken


def entries(conn: Connection, entity: str | None = None, key: str | None = None) -> list[Entry]:
    query = select(_AUDIT).order_by(_AUDIT.c.id)
    if entity is not None:
        query = query.where(_AUDIT.c.entity == entity)
    if key is not None:
        query = query.where(_AUDIT.c.entity_key == key)
    return [
        Entry(
            r.id, r.at, r.hlc, r.actor_id, r.device_id, r.entity, r.entity_key, r.field,
            json_codec.value(r.old_value),
            json_codec.value(r.new_value),
        )
        for r in conn.execute(query)
    ]
