"""The sync engine's row in the journal (storage.models.SyncState): which server and account, the pull
cursor, how far a new PC's first download got, and when the last sync went through."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from core.bundle import KeyPair
from storage.models import SyncState

_STATE = SyncState.__table__


@dataclass(frozen=True)
class Account:
    """Whose journal this is on the server, as a login answered (core.protocol.LoginResponse)."""

    account_id: int | None
    role: str
    teacher_id: int | None
    school_id: int | None


def load(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute(select(_STATE).where(_STATE.c.id == 1)).mappings().first()
    return dict(row) if row else None


def remember_login(conn: Connection, server_url: str, username: str, account: Account) -> None:
    """After a successful login: the account this journal now syncs for. Another account or server on the
    same journal is refused by the caller before this."""
    values = dict(server_url=server_url, username=username, account_id=account.account_id, role=account.role,
                  teacher_id=account.teacher_id, school_id=account.school_id)
    if load(conn) is None:
        conn.execute(insert(_STATE).values(id=1, cursor=0, bootstrapped=False, **values))
    else:
        conn.execute(update(_STATE).where(_STATE.c.id == 1).values(**values))


def update_state(conn: Connection, **values: object) -> None:
    conn.execute(update(_STATE).where(_STATE.c.id == 1).values(**values))


def bundle_keys(conn: Connection) -> KeyPair:
    """This PC's bundle keys (core.bundle), made and kept in the journal the first time they are asked for."""
    held = conn.execute(select(_STATE.c.bundle_key).where(_STATE.c.id == 1)).scalar()
    if held:
        return KeyPair.from_private(held)
    keys = KeyPair.generate()
    update_state(conn, bundle_key=keys.private())
    return keys


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
