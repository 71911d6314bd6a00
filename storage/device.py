"""This journal's device identity, its outbox sequence counter and its hybrid clock, kept in one row.

Called only inside a write transaction (BEGIN IMMEDIATE), so numbers are handed out one writer at a time.
The statements run on every change a teacher makes, so they go through storage.hot_sql.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection

from core import hlc
from storage import hot_sql


@dataclass(frozen=True)
class Tick:
    device_id: str
    hlc: int
    next_seq: int  # the sequence number the next new outbox operation will take


# hlc.tick in SQL: max(now packed, last + 1).
_TICK = "UPDATE device_state SET hlc = max(:stamp, hlc + 1) WHERE id = 1 RETURNING device_id, hlc, next_seq"
_TAKE_SEQ = "UPDATE device_state SET next_seq = next_seq + 1 WHERE id = 1"
_READ = "SELECT device_id FROM device_state WHERE id = 1"
_CREATE = "INSERT INTO device_state (id, device_id, next_seq, hlc) VALUES (1, :device_id, 1, 0)"


def device_id(conn: Connection) -> str:
    """This journal's device id, created on first use."""
    found = hot_sql.rows(conn, _READ, {})
    if found:
        known: str = found[0][0]
        return known
    new_id = str(uuid.uuid4())
    hot_sql.run(conn, _CREATE, {"device_id": new_id})
    return new_id


def tick(conn: Connection, now_ms: int) -> Tick:
    """Advance the clock for one local change and return the new stamp."""
    found = hot_sql.rows(conn, _TICK, {"stamp": hlc.pack(now_ms, 0)})
    if not found:
        device_id(conn)
        found = hot_sql.rows(conn, _TICK, {"stamp": hlc.pack(now_ms, 0)})
    return Tick(*found[0])


def take_seq(conn: Connection) -> None:
    """Consume the sequence number a new outbox operation just took (gap-free: the server refuses gaps)."""
    hot_sql.run(conn, _TAKE_SEQ, {})


_WITNESS = "UPDATE device_state SET hlc = max(hlc, :stamp) WHERE id = 1"


def witness(conn: Connection, remote_ms: int) -> None:
    """Hearing the server's time: later stamps of this device are never below it (a PC whose clock is
    behind still orders its edits after what it has seen)."""
    hot_sql.run(conn, _WITNESS, {"stamp": hlc.pack(remote_ms, 0)})


_CONTINUE = "UPDATE device_state SET next_seq = max(next_seq, :after + 1) WHERE id = 1"


def continue_after(conn: Connection, last_seq: int) -> None:
    """The server has processed this device's numbers up to `last_seq` (told at login): new operations
    number after it. Matters when the journal was restored from an older copy, whose counter lags."""
    device_id(conn)
    hot_sql.run(conn, _CONTINUE, {"after": last_seq})
