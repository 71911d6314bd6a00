"""Each school's change feed, numbered in commit order: the positions a PC's pull cursor counts.

A change's `id` is taken when its row is written, not when its transaction commits, so a reader could pass
an id that another transaction commits a moment later and never pull it. Positions are given instead as the
last statement before the commit: the school's feed row is bumped (and so locked until the commit) and the
transaction's changes take the positions just below the new head. A later writer of the same school waits
on that row, so no position is ever visible before every lower one of its school is; a reader can never
overtake a change. Called once a transaction, as its last statement, by whoever writes changes (server.sync, the
admin's period closing).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Insert, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from server import serials
from server.schema import change, feed

# Asked on every sync: built once.
_HEAD = select(feed.c.head).where(feed.c.school_id == bindparam("school"))
_KEPT_FROM = select(feed.c.kept_from).where(feed.c.school_id == bindparam("school"))


def publish(conn: Connection, school_id: int, rows: Sequence[dict[str, Any]]) -> None:
    """Write `rows` (change rows without school or position) at the end of the school's feed."""
    if not rows:
        return
    head = _advance(conn, school_id, len(rows))
    first = head - len(rows) + 1
    serials.insert_rows(conn, change, [dict(row, school_id=school_id, position=first + i)
                                       for i, row in enumerate(rows)])


def head(conn: Connection, school_id: int) -> int:
    """The school's last committed position (0 before its first change): a new PC's cursor."""
    return conn.execute(_HEAD, {"school": school_id}).scalar() or 0


def kept_from(conn: Connection, school_id: int) -> int:
    """The position after which the school's feed still holds every change: a cursor below it would pull with a
    gap, and is answered "download again" instead (server.sync)."""
    return conn.execute(_KEPT_FROM, {"school": school_id}).scalar() or 0


def trim(conn: Connection, school_id: int, before: dt.datetime) -> int:
    """Drop the school's changes made before `before` (years-old ones, which no PC still waiting on them
    needs: it downloads its journal again); returns how many. The audit log keeps every operation."""
    last = conn.execute(select(func.max(change.c.position)).where(
        change.c.school_id == school_id, change.c.at < before)).scalar()
    if last is None:
        return 0
    # Up to the newest trimmed position, all of it: a later change committed with an earlier stamp goes too,
    # so what is kept is whole past kept_from.
    removed = conn.execute(delete(change).where(change.c.school_id == school_id, change.c.position <= last)).rowcount
    conn.execute(update(feed).where(feed.c.school_id == school_id).values(kept_from=last))
    return int(removed)


def _advance(conn: Connection, school_id: int, count: int) -> int:
    new_head: int = conn.execute(_advancing(conn.dialect.name), {"school": school_id, "count": count}).scalar_one()
    return new_head


@functools.cache
def _advancing(dialect_name: str) -> Insert:
    """The school's feed row made or moved on by `count`, returning its new head (built once a dialect)."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(feed).values(school_id=bindparam("school"), head=bindparam("count"))
    statement = statement.on_conflict_do_update(index_elements=[feed.c.school_id],
                                                set_={"head": feed.c.head + statement.excluded.head})
    return statement.returning(feed.c.head)


