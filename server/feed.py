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

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from server.schema import change, feed


def publish(conn: Connection, school_id: int, rows: Sequence[dict[str, Any]]) -> None:
    """Write `rows` (change rows without school or position) at the end of the school's feed."""
    if not rows:
        return
    head = _advance(conn, school_id, len(rows))
    first = head - len(rows) + 1
    conn.execute(insert(change), [dict(row, school_id=school_id, position=first + i) for i, row in enumerate(rows)])


def head(conn: Connection, school_id: int) -> int:
    """The school's last committed position (0 before its first change): a new PC's cursor."""
    return conn.execute(select(feed.c.head).where(feed.c.school_id == school_id)).scalar() or 0


def _advance(conn: Connection, school_id: int, count: int) -> int:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(feed).values(school_id=school_id, head=count)
    statement = statement.on_conflict_do_update(index_elements=[feed.c.school_id],
                                                set_={"head": feed.c.head + count})
    new_head: int = conn.execute(statement.returning(feed.c.head)).scalar_one()
    return new_head


