"""This journal's device identity, its outbox sequence counter and its hybrid clock, kept in one row.

Called only inside a write transaction (BEGIN IMMEDIATE), so numbers are handed out one writer at a time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from storage import hlc
from storage.models import DeviceState

_STATE = DeviceState.__table__


@dataclass(frozen=True)
class Tick:
    device_id: str
    hlc: int
    next_seq: int  # the sequence number the next new outbox operation will take


def device_id(conn: Connection) -> str:
    """This journal's device id, created on first use."""
    return _load(conn).device_id


def _load(conn: Connection) -> Tick:
    row = conn.execute(select(_STATE.c.device_id, _STATE.c.hlc, _STATE.c.next_seq).where(_STATE.c.id == 1)).first()
    if row is not None:
        return Tick(row.device_id, row.hlc, row.next_seq)
    new_id = str(uuid.uuid4())
    conn.execute(insert(_STATE).values(id=1, device_id=new_id, next_seq=1, hlc=0))
    return Tick(new_id, 0, 1)


def tick(conn: Connection, now_ms: int) -> Tick:
    """Advance the clock for one local change and return the new stamp."""
    state = _load(conn)
    stamp = hlc.tick(state.hlc, now_ms)
    conn.execute(update(_STATE).where(_STATE.c.id == 1).values(hlc=stamp))
    return Tick(state.device_id, stamp, state.next_seq)


def take_seq(conn: Connection, current: Tick) -> int:
    """Consume the next outbox sequence number (gap-free: the server refuses gaps)."""
    conn.execute(update(_STATE).where(_STATE.c.id == 1).values(next_seq=current.next_seq + 1))
    return current.next_seq
