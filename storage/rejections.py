"""Edits the server refused for good (a closed period, a course that is not the teacher's, an invalid
value): taken out of the outbox so they are not retried forever, and kept here with the reason until the
teacher has seen them, so that none is dropped silently."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from core import json_codec
from storage import sync_state
from storage.models import RejectedOp
from storage.outbox import Operation

_REJECTED = RejectedOp.__table__


@dataclass(frozen=True)
class Rejection:
    seq: int
    entity: str
    key: str
    field: str
    value: Any
    reason: str
    message: str | None
    rejected_at: str


def store(conn: Connection, op: Operation, reason: str, message: str | None) -> None:
    conn.execute(insert(_REJECTED).prefix_with("OR IGNORE").values(
        seq=op.seq, entity=op.entity, entity_key=op.key, field=op.field, value=json_codec.column(op.value),
        reason=reason, message=message, rejected_at=sync_state.now_text(), seen=False))


def unseen(conn: Connection) -> list[Rejection]:
    return [
        Rejection(r.seq, r.entity, r.entity_key, r.field, json_codec.value(r.value), r.reason, r.message, r.rejected_at)
        for r in conn.execute(select(_REJECTED).where(_REJECTED.c.seen.is_(False)).order_by(_REJECTED.c.seq))
    ]


def count_unseen(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(_REJECTED).where(_REJECTED.c.seen.is_(False))).scalar_one()


def mark_seen(conn: Connection, seqs: Sequence[int]) -> None:
    conn.execute(update(_REJECTED).where(_REJECTED.c.seq.in_(seqs)).values(seen=True))
