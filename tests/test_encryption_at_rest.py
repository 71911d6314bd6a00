"""Encryption at rest: a profile's journal (SQLCipher under a random key) shows no pupil's name or mark in
the raw bytes of the file, its WAL or its migration backup; the key opens it, another key or none does not,
and the key is kept only wrapped (offline password, server recovery key): in the keychain, or beside the journal
on a PC without one. The device token is sealed under the journal key wherever it is kept."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

import pytest
from keyring.backends import fail, null
from sqlalchemy import text

from core.demo_school import generator
from core.errors import DatabaseProblem
from storage import keys, sqlite_file
from storage.database import make_engine, open_database
from storage.journal import Journal
from storage.keychain import Keychain
from storage.profile_secrets import KEY_FILE
from storage.profiles import FIRST_WAIT_S, FREE_TRIES, NoRecovery, Profiles, Throttled, WrongPassword
from tests.conftest import TODAY
from tests.keyring_backend import BrokenKeyring, MemoryKeyring

NO_KEYCHAIN = [fail.Keyring, null.Keyring, BrokenKeyring]  # none, one that forgets, one that errors

CHEAP = keys.Argon2Cost(time_cost=1, memory_kib=8 * 1024, parallelism=1)  # tests only: fast to derive
NAMES = ("Жанайдарова", "Айгерім", "Ковальчук")


def _encrypted_demo(path: Path, key: bytes) -> tuple[int, int, str]:
    """The demo school in an encrypted journal, with known names; returns (pupil, teacher, lesson) to mark."""
    with open_database(path, key=key) as db:
        generator.build(db, generator.DEMO, TODAY)
        with db.write() as conn:
            lesson, teacher, class_id = conn.execute(text(
                "SELECT l.id, c.teacher_id, c.class_id FROM lesson l JOIN course c ON c.id = l.course_id "
                "WHERE c.scale = 'classic' AND c.subgroup_id IS NULL AND l.date BETWEEN '2026-11-03' AND '2026-11-20' "
                "LIMIT 1")).one()
            pupil = conn.execute(text("SELECT pupil_id FROM class_membership WHERE class_id = :k AND to_date IS NULL "
                                      "ORDER BY pupil_id LIMIT 1"), {"k": class_id}).scalar_one()
            conn.execute(text("UPDATE pupil SET last_name = :l, first_name = :f, patronymic = :p WHERE id = :id"),
                         {"l": NAMES[0], "f": NAMES[1], "p": NAMES[2], "id": pupil})
    return pupil, teacher, lesson


def _leaks(data: bytes) -> list[str]:
    found = [n for n in NAMES if n.encode("utf-8") in data]
    found += [w for w in ("Ақылды бала", "CREATE TABLE", "SQLite format 3") if w.encode("utf-8") in data]
    return found


def test_no_name_or_mark_can_be_read_from_the_file_its_wal_or_its_backup(tmp_path: Path) -> None:
    key = keys.new_key()
    path = tmp_path / "journal.db"
    pupil, teacher, lesson = _encrypted_demo(path, key)
    db = open_database(path, key=key)
    Journal(db, teacher).set_comment(lesson, pupil, "Ақылды бала")  # lands in the WAL first
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    for part in (path, wal):
        assert _leaks(part.read_bytes()) == [], part
    with db.read() as conn:  # the key reads everything back
        row = conn.execute(text("SELECT last_name FROM pupil WHERE id = :p"), {"p": pupil}).scalar_one()
    assert row == NAMES[0]
    db.close()

    # A migration backup is a byte copy of the encrypted file: as unreadable as the journal.
    engine = make_engine(path, key)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0011'")  # as the previous version left it
        conn.exec_driver_sql("ALTER TABLE lesson_cell DROP COLUMN imported")  # 0012's
        conn.exec_driver_sql("ALTER TABLE summative_score DROP COLUMN imported")
    engine.dispose()
    reopened = open_database(path, key=key)
    assert reopened.migration_backup is not None and reopened.migration_backup.is_file()
    assert _leaks(reopened.migration_backup.read_bytes()) == []
    reopened.close()


def test_another_key_or_no_key_does_not_open_it_and_changes_nothing(tmp_path: Path) -> None:
    key = keys.new_key()
    path = tmp_path / "journal.db"
    with open_database(path, key=key):
        pass
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem):
        open_database(path, key=keys.new_key())
    with pytest.raises(DatabaseProblem):
        open_database(path)
    with pytest.raises(sqlite_file.WrongKey):
        sqlite_file.connect(path, key=keys.new_key())
    assert path.read_bytes() == before


def test_the_key_is_kept_only_wrapped_in_the_keychain(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    profiles = Profiles(tmp_path / "profiles", Keychain(backend), cost=CHEAP)
    profile, key = profiles.create("aigerim.t", "көктем-2026", "Айгерім Т.")
    assert [p.username for p in profiles.list()] == ["aigerim.t"]
    with open_database(profile.journal, key=key):
        pass
    stored = " ".join(backend.secrets.values())
    assert key.hex() not in stored and base64.b64encode(key).decode() not in stored
    on_disk = b"".join(p.read_bytes() for p in (tmp_path / "profiles").rglob("*") if p.is_file())
    assert key not in on_disk and key.hex().encode() not in on_disk
    assert "көктем-2026".encode() not in on_disk and "көктем-2026" not in stored
    assert profiles.unlock("aigerim.t", "көктем-2026") == key
    assert not (profile.folder / KEY_FILE).exists()  # the keychain works: nothing beside the journal
    profiles.remove("aigerim.t", key)  # a new profile whose first online login did not happen
    assert profiles.list() == [] and backend.secrets == {} and not profile.folder.exists()


def test_wrong_offline_passwords_are_throttled(tmp_path: Path) -> None:
    now = [1_000_000.0]
    profiles = Profiles(tmp_path, Keychain(MemoryKeyring()), cost=CHEAP, clock=lambda: now[0])
    _profile, key = profiles.create("teacher1", "right one")
    for attempt in range(1, FREE_TRIES):
        with pytest.raises(WrongPassword) as wrong:
            profiles.unlock("teacher1", f"guess {attempt}")
        assert wrong.value.wait_s == 0
    with pytest.raises(WrongPassword) as wrong:
        profiles.unlock("teacher1", "guess 3")
    assert wrong.value.wait_s == FIRST_WAIT_S
    with pytest.raises(Throttled):  # even the right password waits its turn
        profiles.unlock("teacher1", "right one")
    now[0] += FIRST_WAIT_S
    with pytest.raises(WrongPassword) as wrong:
        profiles.unlock("teacher1", "guess 4")
    assert wrong.value.wait_s == 2 * FIRST_WAIT_S  # doubling
    now[0] += 2 * FIRST_WAIT_S
    assert profiles.unlock("teacher1", "right one") == key
    with pytest.raises(WrongPassword) as wrong:  # a success starts the count again
        profiles.unlock("teacher1", "guess 5")
    assert wrong.value.wait_s == 0


def test_a_forgotten_password_is_recovered_with_the_servers_recovery_key(tmp_path: Path) -> None:
    profiles = Profiles(tmp_path, Keychain(MemoryKeyring()), cost=CHEAP)
    _profile, key = profiles.create("teacher1", "forgotten")
    recovery = base64.b64encode(secrets.token_bytes(32)).decode()
    profiles.keep_recovery("teacher1", key, recovery, "device-of-teacher1")
    assert profiles.get("teacher1").device_id == "device-of-teacher1"
    with pytest.raises(keys.WrongSecret):
        profiles.recover("teacher1", base64.b64encode(secrets.token_bytes(32)).decode(), "new")
    assert profiles.recover("teacher1", recovery, "a new password") == key
    assert profiles.unlock("teacher1", "a new password") == key
    with pytest.raises(WrongPassword):
        profiles.unlock("teacher1", "forgotten")


def test_an_encrypted_journals_errors_are_sqlalchemys_like_a_plain_ones(tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    with open_database(tmp_path / "journal.db", key=keys.new_key()) as db:
        with pytest.raises(IntegrityError), db.write() as conn:
            conn.execute(text("INSERT INTO school (id, name, language) VALUES (1, 'A', 'kk')"))
            conn.execute(text("INSERT INTO school (id, name, language) VALUES (1, 'B', 'kk')"))
        with db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM school")).scalar_one() == 0  # rolled back whole


@pytest.mark.parametrize("backend", NO_KEYCHAIN, ids=["fail", "null", "erroring"])
def test_a_pc_without_a_keychain_keeps_the_wrapped_keys_beside_the_journal(tmp_path: Path, backend) -> None:
    root = tmp_path / "profiles"
    profiles = Profiles(root, Keychain(backend()), cost=CHEAP)
    profile, key = profiles.create("aigerim.t", "көктем-2026", "Айгерім Т.")
    with open_database(profile.journal, key=key):
        pass
    recovery = base64.b64encode(secrets.token_bytes(32)).decode()
    profiles.keep_recovery("aigerim.t", key, recovery, "device-1")
    beside = profile.folder / KEY_FILE
    assert beside.is_file() and beside.parent == profile.journal.parent
    on_disk = b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())
    assert key not in on_disk and key.hex().encode() not in on_disk and base64.b64encode(key) not in on_disk
    assert "көктем-2026".encode() not in on_disk and recovery.encode() not in on_disk

    locked = Profiles(root, Keychain(backend()), cost=CHEAP)  # the app starts again: nothing in memory
    with pytest.raises(WrongPassword):
        locked.unlock("aigerim.t", "көктем-2025")
    assert locked.unlock("aigerim.t", "көктем-2026") == key
    assert locked.recover("aigerim.t", recovery, "жаңа құпиясөз") == key
    assert locked.unlock("aigerim.t", "жаңа құпиясөз") == key
    with open_database(profile.journal, key=key):
        pass

    beside.unlink()  # the keys were there and only there
    with pytest.raises(NoRecovery):
        locked.unlock("aigerim.t", "жаңа құпиясөз")


@pytest.mark.parametrize("backend", [MemoryKeyring, fail.Keyring], ids=["keychain", "no keychain"])
def test_the_device_token_is_sealed_under_the_journal_key(tmp_path: Path, backend) -> None:
    kept = backend()
    root = tmp_path / "profiles"
    profiles = Profiles(root, Keychain(kept), cost=CHEAP)
    _profile, key = profiles.create("teacher1", "offline password")
    account, token = "teacher1@https://journal.school17.kz", secrets.token_urlsafe(32)
    profiles.tokens("teacher1", key).put(account, token)

    in_keychain = " ".join(getattr(kept, "secrets", {}).values())
    on_disk = b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())
    assert token not in in_keychain and token.encode() not in on_disk
    restarted = Profiles(root, Keychain(backend()) if backend is fail.Keyring else Keychain(kept), cost=CHEAP)
    assert restarted.tokens("teacher1", profiles.unlock("teacher1", "offline password")).get(account) == token
    assert restarted.tokens("teacher1", keys.new_key()).get(account) is None  # not without the journal key
    restarted.tokens("teacher1", key).forget(account)
    assert restarted.tokens("teacher1", key).get(account) is None


def test_a_token_kept_unsealed_by_an_older_version_is_dropped(tmp_path: Path) -> None:
    kept = MemoryKeyring()
    profiles = Profiles(tmp_path, Keychain(kept), cost=CHEAP)
    _profile, key = profiles.create("teacher1", "offline password")
    account = "teacher1@https://journal.school17.kz"
    Keychain(kept).put(f"token:{account}", "an old plain token")  # as the previous version kept it
    assert profiles.tokens("teacher1", key).get(account) is None  # the teacher logs in again
    assert "an old plain token" not in kept.secrets.values()
