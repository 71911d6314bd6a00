"""Logging in: Argon2id passwords, device tokens, throttling of wrong passwords, revocation."""

from __future__ import annotations

from server import demo
from tests.server import school
from tests.server.conftest import running_server


def test_login_returns_a_device_token_that_opens_sync(live_server):
    api = live_server.client()
    response = api.login(school.cell(live_server).teacher_login)
    assert response.status_code == 200
    body = response.json()
    assert body["role"] == "teacher" and body["last_seq"] == 0 and len(body["token"]) >= 40
    assert api.sync()["results"] == []
    stored = live_server.sql("SELECT token_hash, account_id FROM device WHERE id = :d", d=api.device_id)[0]
    assert stored.token_hash != body["token"] and len(stored.token_hash) == 64, "only a digest is stored"
    assert live_server.sql("SELECT password_hash FROM account WHERE username = 'admin'")[0][0].startswith("$argon2id$")


def test_wrong_password_and_unknown_user_get_the_same_answer(live_server):
    api = live_server.client()
    login = school.cell(live_server).teacher_login
    wrong = api.login(login, "not-the-password")
    unknown = api.login("no.such.teacher", "whatever")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"] == unknown.json()["error"] == "bad_credentials"


def test_wrong_passwords_throttle_that_username_from_that_address_and_never_lock_the_teacher_out(backend_db):
    """Five wrong passwords from one address make that address wait for that username, the right password too; an
    unknown username is throttled exactly alike; the teacher, from her school's address, logs in as ever (before,
    anyone anywhere could lock her account for up to 30 minutes, while unknown usernames never locked)."""
    with running_server(backend_db, "--trust-proxy", "127.0.0.1") as server:  # addresses from X-Forwarded-For
        login = school.cell(server).teacher_login

        def client(address: str):  # type: ignore[no-untyped-def]
            api = server.client()
            api.http.headers["X-Forwarded-For"] = address
            return api

        attacker = client("203.0.113.7")
        answers = {}
        for name in (login, "no.such.teacher"):
            assert [attacker.login(name, f"guess-{n}").status_code for n in range(5)] == [401] * 5
            answers[name] = attacker.login(name, demo.DEMO_PASSWORD)  # the right password waits too
        for answer in answers.values():
            assert answer.status_code == 429 and 0 < int(answer.headers["Retry-After"]) <= 300
            assert answer.json()["error"] == "locked" and "try again" in answer.json()["message"]
        assert client("198.51.100.20").login(login).status_code == 200  # the teacher, at school
        # In her school's audit log: the five refusals and the one held back, with the address; then her login
        assert [tuple(r) for r in server.sql(
            "SELECT new_value, ip FROM audit_log WHERE entity = 'login' AND entity_key = :u ORDER BY id", u=login)] == [
            *[("bad_credentials", "203.0.113.7")] * 5, ("locked", "203.0.113.7"), ("ok", "198.51.100.20")]
        assert client("203.0.113.7").login("admin").status_code == 200  # another username from that address


def test_sync_without_a_valid_token_is_refused(live_server):
    api = live_server.client()
    assert api.sync_raw({"device_id": api.device_id}).json()["error"] == "no_token"
    api.token = "forged"
    response = api.sync_raw({"device_id": api.device_id})
    assert response.status_code == 401 and response.json()["error"] == "bad_token"


def test_a_token_only_works_for_its_own_device(live_server):
    api = live_server.client()
    api.login(school.cell(live_server).teacher_login)
    response = api.sync_raw({"device_id": "ffffffff-ffff-ffff-ffff-ffffffffffff"})
    assert response.status_code == 403 and response.json()["error"] == "wrong_device"


def test_a_revoked_device_is_refused_with_a_clear_message(live_server):
    teacher, admin = live_server.client(), live_server.client()
    teacher.login(school.cell(live_server).teacher_login)
    teacher.sync()  # the server has just seen this token valid
    admin.login("admin")
    assert admin.http.post(f"/v1/admin/devices/{teacher.device_id}/revoke", headers=admin.headers()).status_code == 200
    response = teacher.sync_raw({"device_id": teacher.device_id})
    assert response.status_code == 401 and response.json()["error"] == "device_revoked"
    assert "revoked" in response.json()["message"]


def test_a_revoked_device_stays_revoked_until_the_admin_restores_it(live_server):
    """A login with the right password on a revoked PC no longer undoes the revocation (it did, unaudited); only the
    school admin restores it, and then the PC's sequence carries on where it stopped."""
    cell = school.cell(live_server)
    teacher, admin = live_server.client(), live_server.client()
    teacher.login(cell.teacher_login)
    teacher.sync([teacher.op("cell", cell.key, "comment", "Жақсы")])
    admin.login("admin")
    assert admin.http.post(f"/v1/admin/devices/{teacher.device_id}/revoke", headers=admin.headers()).status_code == 200
    again = teacher.login(cell.teacher_login)
    assert again.status_code == 403 and again.json()["error"] == "device_revoked", again.text
    assert "restore" in again.json()["message"]
    assert teacher.sync_raw({"device_id": teacher.device_id}).json()["error"] == "device_revoked"
    other_pc = live_server.client()  # the teacher's other PC is not touched
    assert other_pc.login(cell.teacher_login).status_code == 200

    for unknown in ("ffffffff-ffff-4fff-8fff-ffffffffffff", "not-a-device"):
        for action in ("revoke", "restore"):
            assert admin.http.post(f"/v1/admin/devices/{unknown}/{action}", headers=admin.headers()).status_code == 404
    assert teacher.http.post(f"/v1/admin/devices/{teacher.device_id}/restore",
                             headers=teacher.headers()).json()["error"] in ("admin_only", "device_revoked")
    assert admin.http.post(f"/v1/admin/devices/{teacher.device_id}/restore", headers=admin.headers()).status_code == 200
    assert admin.http.post(f"/v1/admin/devices/{teacher.device_id}/restore", headers=admin.headers()).status_code == 404
    restored = teacher.login(cell.teacher_login)
    assert restored.status_code == 200 and restored.json()["last_seq"] == 1
    assert [tuple(a) for a in live_server.sql(
        "SELECT field, old_value, new_value FROM audit_log WHERE result = 'admin' ORDER BY id")] == [
        ("revoked", None, "true"), ("revoked", "true", "false")]


def test_only_an_admin_revokes_devices(live_server):
    teacher = live_server.client()
    teacher.login(school.cell(live_server).teacher_login)
    response = teacher.http.post(f"/v1/admin/devices/{teacher.device_id}/revoke", headers=teacher.headers())
    assert response.status_code == 403 and response.json()["error"] == "admin_only"


def test_a_teacher_changes_her_password_online_and_signs_a_pc_out(live_server):
    """The initial password import-school printed is changed with the current one (a wrong current one is refused
    and throttled like a login, a weak new one refused with the rule); the old password stops working, the new one
    works, and her other PC stays signed in. Signing out ends only this PC's token. Her PCs are listed, this one
    marked, and nothing of either password reaches the audit log."""
    cell = school.cell(live_server)
    pc, other = live_server.client(), live_server.client()
    assert pc.login(cell.teacher_login).status_code == other.login(cell.teacher_login).status_code == 200

    def change(current: str, new: str):  # type: ignore[no-untyped-def]
        return pc.http.post("/v1/password", headers=pc.headers(),
                            json={"current_password": current, "new_password": new})

    wrong = change("not-my-password", "көктем-2026-жаңа")
    assert wrong.status_code == 401 and wrong.json()["error"] == "bad_credentials"
    for weak in ("short", cell.teacher_login):
        refused = change(demo.DEMO_PASSWORD, weak)
        assert refused.status_code == 422 and refused.json()["error"] == "weak_password", refused.text
        assert "at least 8" in refused.json()["message"]
    assert change(demo.DEMO_PASSWORD, "көктем-2026-жаңа").json() == {"changed": True}
    assert live_server.client().login(cell.teacher_login).status_code == 401  # the old password
    assert live_server.client().login(cell.teacher_login, "көктем-2026-жаңа").status_code == 200
    other.sync()  # still signed in

    listed = pc.http.get("/v1/devices", headers=pc.headers()).json()
    assert {d["id"] for d in listed} >= {pc.device_id, other.device_id}
    assert [d["this_device"] for d in listed if d["id"] == pc.device_id] == [True]
    assert pc.http.post("/v1/logout", headers=pc.headers()).json() == {"signed_out": True}
    assert pc.sync_raw({"device_id": pc.device_id}).json()["error"] == "bad_token"
    other.sync()  # her other PC is not signed out
    assert pc.login(cell.teacher_login, "көктем-2026-жаңа").status_code == 200  # a new login on it works

    logged = " ".join(str(v) for row in live_server.sql("SELECT * FROM audit_log") for v in row)
    assert "көктем" not in logged and demo.DEMO_PASSWORD not in logged
    assert [tuple(r) for r in live_server.sql(
        "SELECT entity, field, new_value FROM audit_log WHERE entity IN ('account', 'device') ORDER BY id")] == [
        ("account", "password", "changed"), ("device", "signed_in", "false")]


def test_logins_let_in_and_refused_are_audited_without_the_password(live_server):
    cell = school.cell(live_server)
    pc = live_server.client()
    assert pc.login(cell.teacher_login, "a-wrong-guess").status_code == 401
    assert pc.login(cell.teacher_login).status_code == 200
    assert pc.login("no.such.teacher", "a-wrong-guess").status_code == 401  # no school to log it in: nothing
    assert pc.login(cell.teacher_login, "a-wrong-guess").status_code == 401
    # A PC the school has not registered yet is not named (its id is the client's choice): the address is kept.
    assert [tuple(r) for r in live_server.sql(
        "SELECT device_id, entity_key, new_value, result, ip FROM audit_log WHERE entity = 'login' ORDER BY id")] == [
        (None, cell.teacher_login, "bad_credentials", "rejected", "127.0.0.1"),
        (pc.device_id, cell.teacher_login, "ok", "noted", "127.0.0.1"),
        (pc.device_id, cell.teacher_login, "bad_credentials", "rejected", "127.0.0.1")]
    logged = " ".join(str(v) for row in live_server.sql("SELECT * FROM audit_log") for v in row)
    assert "a-wrong-guess" not in logged and demo.DEMO_PASSWORD not in logged


def test_wrong_current_passwords_are_throttled_like_logins(live_server):
    cell = school.cell(live_server)
    pc = live_server.client()
    pc.login(cell.teacher_login)
    answers = [pc.http.post("/v1/password", headers=pc.headers(),
                            json={"current_password": f"guess-{n}", "new_password": "long-enough-1"}).status_code
               for n in range(6)]
    assert answers == [401] * 5 + [429]


def test_the_operator_lists_revokes_and_restores_a_schools_pcs_from_the_command_line(live_server):
    """`dala-server devices`: the school's PCs by username; a lost one revoked (its sync and a login on it refused),
    then restored; both audited in the school's own chain, which verifies whole; an unknown id changes nothing."""
    import subprocess
    import sys

    from tests.server.conftest import ROOT

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "server.cli", "devices", "--db", live_server.db_url,
                               "--school", "1", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)

    cell = school.cell(live_server)
    pc = live_server.client()
    assert pc.login(cell.teacher_login).status_code == 200
    listed = cli()
    assert listed.returncode == 0 and any(line.startswith(pc.device_id) and cell.teacher_login in line
                                          and "REVOKED" not in line for line in listed.stdout.splitlines())
    assert cli("--revoke", pc.device_id).returncode == 0
    assert pc.sync_raw({"device_id": pc.device_id, "cursor": 0, "ops": []}).json()["error"] == "device_revoked"
    assert pc.login(cell.teacher_login).status_code == 403
    assert any(line.startswith(pc.device_id) and line.endswith("REVOKED") for line in cli().stdout.splitlines())
    assert cli("--restore", pc.device_id).returncode == 0
    assert pc.login(cell.teacher_login).status_code == 200
    missing = cli("--revoke", "00000000-0000-4000-8000-000000000000")
    assert missing.returncode == 1 and "has no device" in missing.stderr
    assert [tuple(r) for r in live_server.sql(
        "SELECT device_id, entity_key, old_value, new_value FROM audit_log WHERE field = 'revoked' ORDER BY id")] == [
        (None, pc.device_id, None, "true"), (None, pc.device_id, "true", "false")]
    verified = subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db", live_server.db_url],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert verified.returncode == 0, verified.stderr


def test_every_answer_carries_the_security_headers_once(live_server):
    """No sniffing, no caching, no framing: on a login, a refusal, a call of no route, the console's login page and
    a gzipped answer alike, each header once."""
    import httpx

    wanted = {"x-content-type-options": "nosniff", "cache-control": "no-store", "x-frame-options": "DENY"}
    api = live_server.client()
    answers = [api.login(school.cell(live_server).teacher_login),
               httpx.post(f"{live_server.url}/v1/sync", json={}), httpx.get(f"{live_server.url}/v1/no-such-call"),
               httpx.get(f"{live_server.url}/console/login"),
               httpx.get(f"{live_server.url}/openapi.json", headers={"Accept-Encoding": "gzip"})]
    assert [a.status_code for a in answers] == [200, 401, 404, 200, 200]
    assert answers[-1].headers["content-encoding"] == "gzip"
    for answer in answers:
        assert {name: answer.headers.get_list(name) for name in wanted} == {n: [v] for n, v in wanted.items()}
