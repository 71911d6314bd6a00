"""The sync outbox: the operations still to reach the server, one per changed field, numbered per device.

A later edit of a field whose operation has not been put on the wire yet rewrites that operation in place
(same sequence number, so numbers stay gap-free, and the same base version, since that is the server
state the teacher last saw). Once the sync engine marks an operation sent, later edits get new ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from core import json_codec, protocol
from storage import device, hot_sql
from storage.models import OutboxOp

_OPS = OutboxOp.__table__


@dataclass(frozen=True)
class Operation:
    """A queued operation: the protocol's operation (core.protocol.Operation) and whether it went out.
    (The journal's column for `key` is `entity_key`, for `base` `base_version`.)"""

    device_id: str
    seq: int
    hlc: int
    entity: str
    key: str
    field: str
    value: Any
    base: int
    sent: bool

    def message(self) -> protocol.Operation:
        """As it goes on the wire (built from the journal's own row: not validated again)."""
        return protocol.Operation.model_construct(seq=self.seq, hlc=self.hlc, entity=self.entity, key=self.key,
                                                  field=self.field, value=self.value, base=self.base)


# A new operation takes the next sequence number; an unsent one for the same field is rewritten in place
# (the partial unique index uq_outbox_op_unsent_field is the conflict target), keeping its seq and base.
_ENQUEUE = (
    "INSERT INTO outbox_op (seq, device_id, hlc, entity, entity_key, field, value, base_version, sent) "
    "VALUES (:seq, :device_id, :hlc, :entity, :key, :field, :value, :base, 0) "
    "ON CONFLICT (entity, entity_key, field) WHERE sent = 0 "
    "DO UPDATE SET value = excluded.value, hlc = excluded.hlc "
    "RETURNING seq"
)


def enqueue(
    conn: Connection, stamp: device.Tick, entity: str, key: str, field: str, value: Any, base_version: int
) -> int:
    """Queue `field` of `entity` `key` := `value`; returns the operation's sequence number."""
    seq: int
    [(seq,)] = hot_sql.rows(conn, _ENQUEUE, {
        "seq": stamp.next_seq, "device_id": stamp.device_id, "hlc": stamp.hlc, "entity": entity, "key": key,
        "field": field, "value": json_codec.text(value), "base": base_version,
    })
    if seq == stamp.next_seq:
        device.take_seq(conn)
    return seq


def pending(conn: Connection, limit: int | None = None, *, up_to: int | None = None) -> list[Operation]:
    """Operations not yet acknowledged by the server, in sequence order (those numbered `up_to` at most)."""
    query = select(_OPS).order_by(_OPS.c.seq)
    if up_to is not None:
        query = query.where(_OPS.c.seq <= up_to)
    if limit is not None:
        query = query.limit(limit)
    return [
        Operation(
            r.device_id, r.seq, r.hlc, r.entity, r.entity_key, r.field, json_codec.value(r.value), r.base_version,
            r.sent,
        )
        for r in conn.execute(query)
    ]


def count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(_OPS)).scalar_one()


def mark_sent(conn: Connection, seqs: Sequence[int]) -> None:
    """The operations are going on the wire: from now on they are never rewritten."""
    conn.execute(update(_OPS).where(_OPS.c.seq.in_(seqs)).values(sent=True))


def acknowledge(conn: Connection, seqs: Sequence[int]) -> None:
    """The server has applied (or finally refused) these operations: they leave the outbox."""
    conn.execute(delete(_OPS).where(_OPS.c.seq.in_(seqs)))
