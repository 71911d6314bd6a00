"""The one place every journal database is opened: engine, SQLite settings, transactions, migrations.

Callers get a `JournalDatabase` and use `read()` for a consistent snapshot or `write()` for a write
transaction. Encryption at rest (SQLCipher) plugs in here and nowhere else.

SQLite settings: WAL, synchronous=FULL (a commit survives power loss), foreign keys on, a busy timeout.
The stdlib sqlite3 driver of Python 3.11 begins transactions on its own terms (not before SELECT or DDL,
never IMMEDIATE); as SQLAlchemy's SQLite dialect documents, we switch that off (`isolation_level=None`)
and emit BEGIN ourselves: `BEGIN IMMEDIATE` for writes, so a writer takes the write lock up front and
waits on the busy timeout instead of failing with SQLITE_BUSY half-way, and plain BEGIN for reads.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError as SADatabaseError

from core.errors import DatabaseProblem
from storage import hot_sql, migrate, sqlite_file

BUSY_TIMEOUT_S = sqlite_file.BUSY_TIMEOUT_S
_BEGIN_OPTION = "dala_begin"


def writer(engine: Engine) -> Engine:
    """The same engine, beginning its transactions with BEGIN IMMEDIATE (on SQLite; others ignore it)."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})


def use_wal(engine: Engine) -> None:
    """Switch the file to write-ahead logging (a lasting property of the file)."""
    raw = engine.raw_connection()
    try:
        hot_sql.driver(raw).execute("PRAGMA journal_mode=WAL")
    finally:
        raw.close()


class JournalDatabase:
    """An open journal file."""

    def __init__(self, path: Path, engine: Engine, backup: Path | None, key: bytes | None = None) -> None:
        self.path = path
        self.engine = engine
        self.key = key  # the SQLCipher key it is encrypted under (None: a plain file, as in benchmarks)
        # The copy written before this open migrated the file to a newer schema, if it did.
        self.migration_backup = backup
        self._writer_engine = writer(engine)
        # Writes go through one long-lived connection, one at a time (SQLite has one writer anyway); this
        # spares a pool checkout and reset on every mark a teacher types. Do not nest write() calls.
        self._write_lock = threading.Lock()
        self._writer: Connection | None = None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (BEGIN IMMEDIATE): committed on success, rolled back on any exception."""
        with self._write_lock:
            if self._writer is None or self._writer.closed or self._writer.invalidated:
                self._writer = self._writer_engine.connect()
            with self._writer.begin():
                yield self._writer

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot of the journal."""
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        self.engine.dispose()

    def __enter__(self) -> JournalDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_engine(path: str | os.PathLike[str], key: bytes | None = None) -> Engine:
    """An engine on the SQLite file at `path` with the journal's settings (no migration); encrypted under
    `key` (SQLCipher) when one is given."""
    # journal_mode=WAL is a property of the file, set once by open_database after the file is known to be a
    # journal: setting it on connect would rewrite the header of any SQLite file we were pointed at.
    # The URL names the file (and so the pool SQLAlchemy picks); connections come from sqlite_file.
    # Encrypted: SQLAlchemy's pysqlite dialect over sqlcipher3's DB-API module (same API as sqlite3), so its
    # errors are wrapped like sqlite3's. Not the sqlite+pysqlcipher dialect: that one keys each connection
    # from the URL's password and pools one connection per thread; here the key is raw bytes, applied and
    # checked in sqlite_file (the one place a connection is made), with the journal's usual pool.
    options: dict[str, Any] = {}
    if key is not None:
        from sqlcipher3 import dbapi2

        options["module"] = dbapi2
    engine = create_engine(f"sqlite:///{Path(path)}",
                           creator=lambda: sqlite_file.connect(path, check_same_thread=False, key=key), **options)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def open_database(path: str | os.PathLike[str], key: bytes | None = None) -> JournalDatabase:
    """Open (or create) the journal at `path`, migrating an older schema after backing the file up; `key`:
    the journal is encrypted under it (storage.keys; a new file is created encrypted).

    Raises DatabaseProblem for a file that is not a journal (or is damaged) and DatabaseFromNewerVersion
    for one written by a newer app; in both cases the file is left as it was.
    """
    path = Path(path)
    if key is not None:
        try:
            sqlite_file.connect(path, key=key).close()
        except sqlite_file.WrongKey as exc:
            raise DatabaseProblem(path=str(path), why="wrong_key", reason="the key does not open it") from exc
    engine = make_engine(path, key)
    try:
        backup = migrate.upgrade(engine, path)
    except DatabaseProblem:
        engine.dispose()
        raise
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseProblem(path=str(path), why="unreadable", reason=str(exc.orig)) from exc
    use_wal(engine)
    return JournalDatabase(path, engine, backup, key)
