"""Opening journal files: settings, locking, and refusing files that are not (or not yet) ours untouched."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time

import pytest
from sqlalchemy import text

from core import errors
from storage.database import open_database


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sqlite_settings(db):
    with db.read() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_a_write_transaction_takes_the_write_lock_at_begin(db, journal_path):
    """BEGIN IMMEDIATE: while one writer is open, a second writer (another process's connection) cannot
    start, but readers still read."""
    other = sqlite3.connect(journal_path, timeout=0.2, isolation_level=None)
    with db.write():
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        assert other.execute("SELECT count(*) FROM pupil").fetchone()[0] > 0
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_a_waiting_writer_goes_through_once_the_lock_is_free(db):
    done = []

    def second_writer():
        with db.write() as conn:
            conn.execute(text("UPDATE school SET region = 'second'"))
        done.append(time.monotonic())

    with db.write() as conn:
        conn.execute(text("UPDATE school SET region = 'first'"))
        worker = threading.Thread(target=second_writer)
        worker.start()
        time.sleep(0.3)
        assert not done, "the second writer must wait for the first"
    worker.join(5)
    with db.read() as conn:
        assert conn.execute(text("SELECT region FROM school")).scalar() == "second"


def test_a_corrupted_file_is_refused_with_its_name_and_left_as_it_was(tmp_path):
    path = tmp_path / "journal.db"
    path.write_bytes(b"this is not a database, it is a teacher's shopping list\n" * 100)
    before = digest(path)
    with pytest.raises(errors.DatabaseProblem, match="journal.db") as caught:
        open_database(path)
    assert caught.value.code == "database_problem"
    assert digest(path) == before


def test_a_damaged_journal_is_refused(journal_path):
    data = bytearray(journal_path.read_bytes())
    data[0:16] = b"\x00" * 16  # the SQLite header is gone
    journal_path.write_bytes(bytes(data))
    with pytest.raises(errors.DatabaseProblem):
        open_database(journal_path)


def test_a_sqlite_file_of_another_program_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(errors.DatabaseProblem, match="not a Dala Journal database"):
        open_database(path)
    assert digest(path) == before


def test_a_file_from_a_newer_app_is_refused_untouched(journal_path):
    con = sqlite3.connect(journal_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = digest(journal_path)
    with pytest.raises(errors.DatabaseFromNewerVersion, match="newer version") as caught:
        open_database(journal_path)
    assert caught.value.params["revision"] == "9999"
    assert digest(journal_path) == before

