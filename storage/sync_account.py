"""The journal file's sync account (storage.models.SyncState: which server and account, whether the first
download is done) read at the start with the light reader, before the app has loaded SQLAlchemy: by the
cursor's column names, so that it reads an encrypted journal's (sqlcipher3) connection as well as sqlite3's."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from storage import sqlite_file


def read(path: str | os.PathLike[str], key: bytes | None = None) -> dict[str, Any] | None:
    """The sync account's row as a dict ({} when the journal has none yet); None when the file is missing,
    `key` does not open it, it is not a journal, or it needs migrating first."""
    if not Path(path).is_file():
        return None
    try:
        conn = sqlite_file.connect(path, key=key)
    except sqlite_file.WrongKey:
        return None
    try:
        if sqlite_file.revision(conn) != sqlite_file.JOURNAL_HEAD:
            return None
        # Not a row factory: sqlite3.Row takes only the stdlib's cursors, and an encrypted journal's
        # connection is sqlcipher3's.
        cursor = conn.execute("SELECT * FROM sync_state WHERE id = 1")
        row = cursor.fetchone()
        return dict(zip((column[0] for column in cursor.description), row, strict=True)) if row else {}
    except conn.DatabaseError:  # sqlite3's or sqlcipher3's
        return None
    finally:
        conn.close()
