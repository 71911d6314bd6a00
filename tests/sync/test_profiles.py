"""A teacher's profile on a shared PC against the real server: the encrypted journal logs in and downloads,
its wrapped keys and sealed device token live in the keychain (a test keyring backend), or beside the
journal on a PC without a keychain (keyring's fail backend); a forgotten offline password is recovered
through an online login with the unsent changes intact, and a revoked device is refused with a clear
message while its journal stays encrypted."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from keyring.backends import fail

from core.errors import DatabaseProblem
from server import demo
from storage import audit, keys
from storage.database import open_database
from storage.journal import Journal
from storage.keychain import Keychain
from storage.profile_secrets import KEY_FILE
from storage.profiles import Profiles, WrongPassword
from sync.engine import SyncEngine
from sync.errors import SyncError
from sync.recovery import recover_profile
from tests.keyring_backend import MemoryKeyring
from tests.server.conftest import LiveServer
from tests.server.school import cell as server_cell

ADMIN_PC = "00000000-0000-4000-8000-0000000000a1"  # the admin's device id (a uuid, as every PC's)

CHEAP = keys.Argon2Cost(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def _profile_pc(tmp_path, server: LiveServer, username: str, password: str,  # type: ignore[no-untyped-def]
                backend_kind=MemoryKeyring):
    backend = backend_kind()
    profiles = Profiles(tmp_path / "profiles", Keychain(backend), cost=CHEAP)
    profile, key = profiles.create(username, password)
    db = open_database(profile.journal, key=key)
    engine = SyncEngine(db, server.url, profiles.tokens(username, key), device_name="school PC")
    engine.on_login = lambda answer: profiles.keep_recovery(username, key, answer.recovery_key, engine.device_id)
    engine.login_blocking(username, demo.DEMO_PASSWORD)
    engine.run_once()
    return backend, profiles, profile, db, engine


def _kept(backend, profile) -> str:  # type: ignore[no-untyped-def]
    """Everything the PC keeps for the profile outside its journal: the keychain's entries and its folder's files."""
    in_keychain = " ".join(getattr(backend, "secrets", {}).values())
    files = b" ".join(p.read_bytes() for p in profile.folder.iterdir() if p.is_file() and p != profile.journal)
    return in_keychain + files.decode("utf-8", "replace")


@pytest.mark.parametrize("backend_kind", [MemoryKeyring, fail.Keyring], ids=["keychain", "no keychain"])
def test_a_forgotten_offline_password_is_recovered_online_with_the_outbox_intact(server: LiveServer, tmp_path,
                                                                                backend_kind) -> None:
    spot = server_cell(server)
    backend, profiles, profile, db, engine = _profile_pc(tmp_path, server, spot.teacher_login, "first password",
                                                         backend_kind)
    account = f"{spot.teacher_login}@{server.url}"
    token = engine.link.token
    assert token and token not in _kept(backend, profile)  # kept sealed, never as it is
    assert demo.DEMO_PASSWORD not in _kept(backend, profile)
    assert (profile.folder / KEY_FILE).is_file() == (backend_kind is fail.Keyring)  # beside the journal: no keychain
    Journal(db, spot.teacher_id).set_mark(spot.lesson_id, spot.pupil_id, 9)  # typed, not yet sent
    key = db.key
    db.close()

    profiles = Profiles(tmp_path / "profiles", Keychain(backend if backend_kind is MemoryKeyring else backend_kind()),
                        cost=CHEAP)  # the app starts again
    assert profiles.tokens(spot.teacher_login, keys.new_key()).get(account) is None  # not without the journal key
    assert profiles.tokens(spot.teacher_login, key).get(account) == token
    with pytest.raises(WrongPassword):
        profiles.unlock(spot.teacher_login, "what was it again")
    key = recover_profile(profiles, server.url, spot.teacher_login, demo.DEMO_PASSWORD, "new password")
    assert profiles.unlock(spot.teacher_login, "new password") == key
    tokens = profiles.tokens(spot.teacher_login, key)
    assert tokens.get(account) not in (None, token)  # the recovery login's fresh token
    assert tokens.get(account) not in _kept(backend, profile)

    reopened = open_database(profile.journal, key=key)
    with reopened.read() as conn:
        waiting = conn.exec_driver_sql("SELECT entity_key, field, value FROM outbox_op").all()
    assert waiting == [(f"{spot.lesson_id}/{spot.pupil_id}", "mark", "9")]
    engine = SyncEngine(reopened, server.url, tokens)  # the stored token works: no login needed
    engine.run_once()
    assert server.sql("SELECT mark FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                      l=spot.lesson_id, p=spot.pupil_id)[0][0] == 9
    reopened.close()


def test_a_revoked_device_is_refused_and_its_journal_stays_encrypted(server: LiveServer, tmp_path) -> None:
    spot = server_cell(server)
    _backend, _profiles, profile, db, engine = _profile_pc(tmp_path, server, spot.teacher_login, "pw")
    admin = httpx.post(f"{server.url}/v1/login", json={"username": demo.ADMIN_LOGIN, "password": demo.DEMO_PASSWORD,
                                                       "device_id": ADMIN_PC}).json()["token"]
    assert httpx.post(f"{server.url}/v1/admin/devices/{engine.device_id}/revoke",
                      headers={"Authorization": f"Bearer {admin}"}).status_code == 200
    Journal(db, spot.teacher_id).set_mark(spot.lesson_id, spot.pupil_id, 8)
    with pytest.raises(SyncError) as refused:
        engine.run_once()
    assert refused.value.code == "device_revoked" and "revoked" in refused.value.message
    key = db.key
    db.close()
    assert not profile.journal.read_bytes().startswith(b"SQLite format 3")  # ciphertext from the first page
    with pytest.raises(DatabaseProblem):
        open_database(profile.journal)
    with open_database(profile.journal, key=key) as still_there, still_there.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox_op").scalar_one() == 1  # kept for later


def test_the_pcs_audit_head_travels_with_sync_and_a_rewritten_local_log_shows(server: LiveServer, tmp_path) -> None:
    spot = server_cell(server)
    _backend, _profiles, _profile, db, engine = _profile_pc(tmp_path, server, spot.teacher_login, "pw")
    journal = Journal(db, spot.teacher_id)
    for mark in (4, 5, 6):
        journal.set_mark(spot.lesson_id, spot.pupil_id, mark)
    engine.run_once()
    with db.read() as conn:
        count, last = audit.head(conn)
    [(noted,)] = server.sql("SELECT new_value FROM audit_log WHERE entity = 'device' AND field = 'audit_head' "
                            "AND device_id = :d ORDER BY id DESC LIMIT 1", d=engine.device_id)
    assert noted == f"{count}:{last}" and count == 3
    told = (int(noted.split(":")[0]), noted.split(":")[1])
    with db.read() as conn:
        assert audit.verify(conn, told) is None
    # Someone rewrites the PC's whole log consistently (every hash recomputed): only the server's record shows it.
    with db.write() as conn:
        conn.exec_driver_sql("DELETE FROM audit_entry")
        for mark in (4, 5):
            audit.append(conn, at=dt.datetime(2026, 11, 20, tzinfo=dt.UTC), hlc=1, actor_id=spot.teacher_id,
                         device_id=engine.device_id, entity="cell", key=f"{spot.lesson_id}/{spot.pupil_id}",
                         field="mark", old=None, new=mark)
    with db.read() as conn:
        assert audit.verify(conn) is None  # consistent on its own
        assert audit.verify(conn, told) == ("server_head", 2)
    db.close()


def test_a_journal_never_sends_its_teachers_password_to_another_server(server: LiveServer, tmp_path) -> None:
    """The journal was downloaded from the school's server; pointed elsewhere (a settings file edited, a fake
    server on the LAN), it refuses before anything is sent: the other server never sees a connection."""
    import socket

    spot = server_cell(server)
    _backend, profiles, _profile, db, engine = _profile_pc(tmp_path, server, spot.teacher_login, "pw")
    with socket.socket() as elsewhere:
        elsewhere.bind(("127.0.0.1", 0))
        elsewhere.listen()
        elsewhere.settimeout(0.5)
        other = SyncEngine(db, f"http://127.0.0.1:{elsewhere.getsockname()[1]}",
                           profiles.tokens(spot.teacher_login, db.key), device_name="school PC")
        with pytest.raises(SyncError) as refused:
            other.login_blocking(spot.teacher_login, demo.DEMO_PASSWORD)
        assert refused.value.code == "other_account" and server.url in refused.value.message
        with pytest.raises(TimeoutError):
            elsewhere.accept()  # nothing came: no password, no request
    engine.login_blocking(spot.teacher_login, demo.DEMO_PASSWORD)  # its own server, as ever
