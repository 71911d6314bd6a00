"""The sync engine's row in the journal (storage.models.SyncState): which server and account, the pull
cursor, how far a new PC's first download got, and when the last sync went through."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, insert, select, update

from storage.models import SyncState

_STATE = SyncState.__table__


def load(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute(select(_STATE).where(_STATE.c.id == 1)).mappings().first()
    return dict(row) if row else None


def remember_login(conn: Connection, server_url: str, username: str, answer: dict[str, Any]) -> None:
    """After a successful login: the account this journal now syncs for. Another account or server on the
    same journal is refused by the caller before this."""
    values = dict(server_url=server_url, username=username, account_id=answer["account_id"], role=answer["role"],
                  teacher_id=answer["teacher_id"], school_id=answer["school_id"])
    if load(conn) is None:
        conn.execute(insert(_STATE).values(id=1, cursor=0, bootstrapped=False, **values))
    else:
        conn.execute(update(_STATE).where(_STATE.c.id == 1).values(**values))


def update_state(conn: Connection, **values: object) -> None:
    conn.execute(update(_STATE).where(_STATE.c.id == 1).values(**values))


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
