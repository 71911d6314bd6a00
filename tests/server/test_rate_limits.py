"""Rate limits on the real server: too many logins from one address, or too many syncs from one device, get 429
with Retry-After and a clear message; another device is not held back by one that is. Wrong passwords are counted
once for all of a server's workers."""

from __future__ import annotations

import uuid

import httpx
import pytest

from harness import redis_server
from server import demo
from tests.server.conftest import running_server

LIMITS = "login_per_address=5/minute,sync_per_device=4/minute"


@pytest.fixture
def strict_server(tmp_path, request):  # type: ignore[no-untyped-def]
    from tests.server.conftest import fresh_database

    request.param = "sqlite"
    with running_server(fresh_database(request, tmp_path), "--rate-limits", LIMITS) as live:
        yield live


def _login(api, device_id: str):  # type: ignore[no-untyped-def]
    return api.http.post("/v1/login", json={"username": demo.ADMIN_LOGIN, "password": demo.DEMO_PASSWORD,
                                            "device_id": device_id})


def test_logins_beyond_the_limits_get_429_with_retry_after(strict_server) -> None:
    api = strict_server.client()
    answers = [_login(api, str(uuid.uuid4())).status_code for _ in range(5)]
    assert answers == [200] * 5  # five a minute per address, whatever device id each names
    refused = _login(api, str(uuid.uuid4()))
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["error"] == "rate_limited" and "try again" in refused.json()["message"]


def test_syncs_beyond_the_per_device_limit_get_429_and_other_devices_go_on(strict_server) -> None:
    first, second = strict_server.client(), strict_server.client()
    assert first.login(demo.ADMIN_LOGIN).status_code == 200
    assert second.login(demo.ADMIN_LOGIN).status_code == 200
    statuses = [first.sync_raw({"device_id": first.device_id, "cursor": 0, "ops": [], "limit": 1}).status_code
                for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert second.sync_raw({"device_id": second.device_id, "cursor": 0, "ops": [], "limit": 1}).status_code == 200


def _sync(server, api) -> int:  # type: ignore[no-untyped-def]
    return api.http.post("/v1/sync", json={"device_id": api.device_id, "cursor": 0, "ops": []},
                         headers=api.headers()).status_code


@pytest.mark.skipif(not redis_server.available(), reason="redis-server is not installed")
def test_two_app_servers_sharing_a_store_allow_the_limits_once_not_twice(tmp_path, request) -> None:  # type: ignore[no-untyped-def]
    from tests.server.conftest import fresh_database

    request.param = "sqlite"
    database, store = fresh_database(request, tmp_path), redis_server.RedisServer().start()
    try:
        shared = ("--rate-limits", LIMITS, "--rate-store", store.url)
        with running_server(database, *shared) as one, running_server(database, *shared) as two:
            api = one.client()
            assert api.login(demo.ADMIN_LOGIN).status_code == 200
            other = two.client()
            other.http, other.token, other.device_id = two.client().http, api.token, api.device_id
            # One device, four syncs a minute, across both servers: the fifth is refused wherever it lands.
            statuses = [_sync(one, api), _sync(two, other), _sync(one, api), _sync(two, other), _sync(two, other)]
            assert statuses == [200, 200, 200, 200, 429]
    finally:
        store.stop()


def test_behind_a_trusted_proxy_each_pc_is_counted_by_its_own_address(tmp_path, request) -> None:  # type: ignore[no-untyped-def]
    from tests.server.conftest import fresh_database

    request.param = "sqlite"
    database = fresh_database(request, tmp_path)
    behind = {"X-Forwarded-For": "10.0.0.7"}

    def logins(server, address: dict) -> list[int]:  # type: ignore[no-untyped-def]
        api = server.client()
        return [api.http.post("/v1/login", headers=address, json={
            "username": demo.ADMIN_LOGIN, "password": demo.DEMO_PASSWORD, "device_id": str(uuid.uuid4())}).status_code
            for _ in range(6)]

    with running_server(database, "--rate-limits", LIMITS, "--trust-proxy", "127.0.0.1") as server:
        # The school's PCs behind one proxy: each counted apart (five logins a minute per address).
        assert logins(server, behind) == [200] * 5 + [429]
        assert logins(server, {"X-Forwarded-For": "10.0.0.8"})[:5] == [200] * 5
    with running_server(database, "--rate-limits", LIMITS) as server:
        # Not trusted: the header is anyone's to write, and is ignored; the proxy's address is counted.
        assert logins(server, behind) == [200] * 5 + [429]
        assert logins(server, {"X-Forwarded-For": "10.0.0.8"}) == [429] * 6


def test_wrong_passwords_are_counted_once_across_a_servers_workers(tmp_path, request) -> None:  # type: ignore[no-untyped-def]
    """Two worker processes each counting in their own memory let twice the guesses through (10 of 30 over the limit
    passed with --workers 2): the count is the database's, so five wrong passwords, wherever they land, and then 429
    for the right one too."""
    from tests.server.conftest import fresh_database

    request.param = "sqlite"
    with running_server(fresh_database(request, tmp_path), "--workers", "2") as server:
        answers = []
        for _ in range(30):  # a new connection each: the kernel hands them to both workers
            with httpx.Client(base_url=server.url, timeout=30) as fresh:
                answers.append(fresh.post("/v1/login", json={"username": demo.ADMIN_LOGIN, "password": "a guess",
                                                             "device_id": str(uuid.uuid4())}).status_code)
        assert answers == [401] * 5 + [429] * 25
        right = httpx.post(f"{server.url}/v1/login", json={"username": demo.ADMIN_LOGIN, "password": demo.DEMO_PASSWORD,
                                                           "device_id": str(uuid.uuid4())}, timeout=30)
        assert right.status_code == 429 and right.json()["error"] == "locked"
        assert server.process.output().count("Started server process") == 2  # two workers counted them
