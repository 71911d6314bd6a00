"""Conflicts in the local journal: the open ones the server reports, kept with both values for the review
screen, and a teacher's resolution, which the journal checks like any edit and which is written here at
once and queued for the server (entity `conflict`, field `resolve`). The row stays, marked with that
operation's number, until the server has it, so that a value pulled meanwhile cannot overwrite the
teacher's choice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, select, update

from core import json_codec, protocol
from core.errors import NotFound
from storage import changelog, server_values
from storage.models import SyncConflict

if TYPE_CHECKING:
    from storage.journal import Journal

_CONFLICT = SyncConflict.__table__


@dataclass(frozen=True)
class OpenConflict:
    id: int
    entity: str
    key: str
    field: str
    winner_value: Any
    loser_value: Any
    winner_device_id: str | None
    loser_device_id: str | None
    winner_account_id: int | None
    loser_account_id: int | None
    created_at: str


def store_open(conn: Connection, reported: Sequence[protocol.Conflict]) -> None:
    """Make the local list the server's list of open conflicts (one resolved elsewhere disappears), keeping
    the mark on those this device has resolved and not yet heard back about."""
    resolving = dict(conn.execute(select(_CONFLICT.c.id, _CONFLICT.c.resolved_seq)
                                  .where(_CONFLICT.c.resolved_seq.is_not(None))).all())
    conn.execute(delete(_CONFLICT).where(_CONFLICT.c.resolved_seq.is_(None)))
    fresh = [c for c in reported if c.id not in resolving]
    if fresh:
        conn.execute(insert(_CONFLICT), [
            dict(id=c.id, entity=c.entity, entity_key=c.key, field=c.field,
                 winner_value=json_codec.column(c.winner_value), loser_value=json_codec.column(c.loser_value),
                 winner_device_id=c.winner_device_id, loser_device_id=c.loser_device_id,
                 winner_account_id=c.winner_account_id, loser_account_id=c.loser_account_id,
                 created_at=c.created_at.isoformat())
            for c in fresh
        ])


def open_conflicts(conn: Connection) -> list[OpenConflict]:
    """The conflicts waiting for a teacher's choice, oldest first."""
    return [
        OpenConflict(r.id, r.entity, r.entity_key, r.field, json_codec.value(r.winner_value),
                     json_codec.value(r.loser_value), r.winner_device_id, r.loser_device_id, r.winner_account_id,
                     r.loser_account_id, r.created_at)
        for r in conn.execute(select(_CONFLICT).where(_CONFLICT.c.resolved_seq.is_(None)).order_by(_CONFLICT.c.id))
    ]


def count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(_CONFLICT).where(_CONFLICT.c.resolved_seq.is_(None))
                        ).scalar_one()


def target_of(conn: Connection, seq: int) -> tuple[str, str, str] | None:
    """The field a pending resolution (outbox operation `seq`) sets."""
    row = conn.execute(select(_CONFLICT.c.entity, _CONFLICT.c.entity_key, _CONFLICT.c.field)
                       .where(_CONFLICT.c.resolved_seq == seq)).first()
    return tuple(row) if row else None


def resolving_targets(conn: Connection) -> set[tuple[str, str, str]]:
    return {tuple(r) for r in conn.execute(select(_CONFLICT.c.entity, _CONFLICT.c.entity_key, _CONFLICT.c.field)
                                           .where(_CONFLICT.c.resolved_seq.is_not(None)))}


def forget_resolution(conn: Connection, seq: int) -> None:
    """The server has the resolution (or refused it): the row goes."""
    conn.execute(delete(_CONFLICT).where(_CONFLICT.c.resolved_seq == seq))


def resolve(journal: Journal, conflict_id: int, value: Any, *, today: dt.date | None = None) -> None:
    """The teacher keeps `value` (one of the two, or typed anew) for the conflicting field: a teacher's write,
    checked by the journal like any edit (storage.journal.Journal.check_field), refused with its JournalError
    and nothing stored when the value could not be typed there."""
    with journal.db.write() as conn:
        row = conn.execute(select(_CONFLICT).where(_CONFLICT.c.id == conflict_id,
                                                   _CONFLICT.c.resolved_seq.is_(None))).first()
        if row is None:
            raise NotFound(what="conflict", id=conflict_id)
        value = journal.check_field(conn, row.entity, row.entity_key, row.field, value, today=today)
        server_values.set_field(conn, row.entity, row.entity_key, row.field, value, 0)
        seq = changelog.record(conn, now=journal.now(), actor_id=journal.actor_id, entity="conflict",
                               key=str(conflict_id), field="resolve", old=json_codec.value(row.winner_value), new=value,
                               base_version=0)
        conn.execute(update(_CONFLICT).where(_CONFLICT.c.id == conflict_id).values(resolved_seq=seq))
