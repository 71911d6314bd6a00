"""The one place a connection to a journal file is made: the stdlib sqlite3 driver with the journal's
settings (synchronous=FULL, foreign keys, a busy timeout, transactions begun by us). SQLAlchemy's engine
(storage.database) gets its connections from here; so does the desktop's reader, which paints the journal
grid before the app has loaded SQLAlchemy. Encryption at rest (SQLCipher) plugs in here.

Deliberately light: importing this module loads nothing beyond the standard library.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

BUSY_TIMEOUT_S = 10.0
# The newest migration (storage/migrations/versions). A file at this revision needs no migration, so it can
# be read without loading Alembic; tests/test_migrations.py checks this against Alembic's own head.
JOURNAL_HEAD = "0003"


def connect(path: str | os.PathLike[str], *, check_same_thread: bool = True) -> sqlite3.Connection:
    conn = sqlite3.connect(Path(path), timeout=BUSY_TIMEOUT_S, check_same_thread=check_same_thread,
                           isolation_level=None)  # we emit BEGIN ourselves (storage.database)
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def revision(conn: sqlite3.Connection) -> str | None:
    """The schema revision the file is at (None for a file that is not a journal, or is empty)."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None

