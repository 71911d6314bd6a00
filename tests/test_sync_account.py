"""The journal's sync account read at the start with the light reader: from a plain and from an encrypted
(SQLCipher) journal; nothing from a missing file, a wrong key, a file that is not a journal at its head."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storage import keys, sync_account
from storage.database import open_database


def _remember(db, teacher_id: int, bootstrapped: bool) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:  # as a login and a first download leave it
        conn.exec_driver_sql(
            "INSERT INTO sync_state (id, server_url, username, account_id, role, teacher_id, school_id, cursor, "
            "bootstrapped) VALUES (1, 'https://dala.example', 'aigul', 5, 'teacher', ?, 1, 12, ?)",
            (teacher_id, bootstrapped))


def test_a_plain_journals_account_is_read_by_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    with open_database(path) as db:
        assert sync_account.read(path) == {}  # no account yet
        _remember(db, 17, True)
    state = sync_account.read(path)
    assert state is not None
    assert (state["teacher_id"], state["role"], state["username"], state["bootstrapped"], state["cursor"]) == (
        17, "teacher", "aigul", 1, 12)


def test_an_encrypted_journals_account_is_read_with_its_key_only(tmp_path: Path) -> None:
    path, key = tmp_path / "journal.db", keys.new_key()
    with open_database(path, key=key) as db:
        _remember(db, 23, False)
    state = sync_account.read(path, key)
    assert state is not None and state["teacher_id"] == 23 and not state["bootstrapped"]
    assert sync_account.read(path, keys.new_key()) is None  # a wrong key


def test_a_missing_file_or_one_that_is_not_a_journal_reads_as_none(tmp_path: Path) -> None:
    assert sync_account.read(tmp_path / "none.db") is None
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert sync_account.read(other) is None
