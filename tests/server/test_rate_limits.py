"""Rate limits on the real server: too many logins from one address or one device, or too many syncs from
one device, get 429 with Retry-After and a clear message; another device is not held back by one that is."""

from __future__ import annotations

import uuid

import pytest

from server import demo
from tests.server.conftest import running_server

LIMITS = "login_per_address=5/minute,login_per_device=3/minute,sync_per_device=4/minute"


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
    device = str(uuid.uuid4())
    answers = [_login(api, device).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]  # three a minute per device
    refused = _login(api, device)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["error"] == "rate_limited" and "try again" in refused.json()["message"]
    assert _login(api, str(uuid.uuid4())).status_code == 429  # the address's five are used up too


def test_syncs_beyond_the_per_device_limit_get_429_and_other_devices_go_on(strict_server) -> None:
    first, second = strict_server.client(), strict_server.client()
    assert first.login(demo.ADMIN_LOGIN).status_code == 200
    assert second.login(demo.ADMIN_LOGIN).status_code == 200
    statuses = [first.sync_raw({"device_id": first.device_id, "cursor": 0, "ops": [], "limit": 1}).status_code
                for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert second.sync_raw({"device_id": second.device_id, "cursor": 0, "ops": [], "limit": 1}).status_code == 200
