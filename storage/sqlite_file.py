"""The one place a connection to a journal file is made: the stdlib sqlite3 driver with the journal's
settings (synchronous=FULL, foreign keys, a busy timeout, transactions begun by us). SQLAlchemy's engine
(storage.database) gets its connections from here; so does the desktop's reader, which paints the journal
grid before the app has loaded SQLAlchemy.

Encryption at rest: given a key (storage.keys), the connection is SQLCipher's (the `sqlcipher3` package, the
same DB-API as sqlite3) keyed with it before anything else is read, so the file, its WAL and every copy of
it are ciphertext. A wrong key is told at once (WrongKey), not at the first query.

Deliberately light: importing this module loads nothing beyond the standard library (sqlcipher3 loads only
for an encrypted journal).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_S = 10.0
# The newest migration (storage/migrations/versions). A file at this revision needs no migration, so it can
# be read without loading Alembic; tests/test_migrations.py checks this against Alembic's own head.
JOURNAL_HEAD = "0012"


class WrongKey(Exception):
    """The key does not open this journal file (or the file is not an encrypted journal)."""


def connect(path: str | os.PathLike[str], *, check_same_thread: bool = True,
            key: bytes | None = None) -> sqlite3.Connection:
    driver: Any = sqlite3
    if key is not None:
        from sqlcipher3 import dbapi2

        driver = dbapi2
    conn: sqlite3.Connection = driver.connect(
        Path(path), timeout=BUSY_TIMEOUT_S, check_same_thread=check_same_thread,
        isolation_level=None)  # we emit BEGIN ourselves (storage.database)
    if key is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our WrongKey, not lines on stderr
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except driver.DatabaseError as exc:
            conn.close()
            raise WrongKey(str(Path(path))) from exc
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def revision(conn: sqlite3.Connection) -> str | None:
    """The schema revision the file is at (None for a file that is not a journal, or is empty)."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except conn.DatabaseError:  # sqlite3 or sqlcipher3, whichever made it
        return None
    return row[0] if row else None

