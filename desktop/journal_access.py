"""How the window reaches the journal file, from the worker's thread only.

Reads (the grid, the course list, a lesson's topic) run on a plain SQLite connection from
storage.sqlite_file, which is cheap to open: the grid paints before the app has loaded SQLAlchemy, which
takes about half a second on a school PC. Writes go through storage.journal.Journal on a JournalDatabase,
opened on the worker right after the first paint, or handed in when the app had to open it first (a first
run with its login and download, or a file that needed migrating)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage import sqlite_file

if TYPE_CHECKING:
    from storage.database import JournalDatabase
    from storage.journal import Journal


class JournalAccess:
    def __init__(self, path: str | os.PathLike[str], actor_id: int, *, is_admin: bool = False,
                 db: JournalDatabase | None = None, key: bytes | None = None) -> None:
        self.path = Path(path)
        self.key = key  # the profile's journal key (SQLCipher); None for a plain file (benchmarks, tests)
        self.actor_id, self.is_admin = actor_id, is_admin
        self.db = db
        self._journal: Journal | None = None
        self._reader: sqlite3.Connection | None = None

    def read(self, query: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run `query` on the reader in one read transaction (one consistent snapshot)."""
        if self._reader is None:
            # closed from the UI thread, hence check_same_thread=False
            self._reader = sqlite_file.connect(self.path, check_same_thread=False, key=self.key)
        self._reader.execute("BEGIN")
        try:
            return query(self._reader)
        finally:
            self._reader.execute("COMMIT")

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            self.open_for_writing()
        assert self._journal is not None
        return self._journal

    def open_for_writing(self) -> JournalDatabase:
        from storage.database import open_database
        from storage.journal import Journal

        if self.db is None:
            self.db = open_database(self.path, key=self.key)
        if self._journal is None:
            self._journal = Journal(self.db, self.actor_id, is_admin=self.is_admin)
        return self.db

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
