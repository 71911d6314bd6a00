"""App servers in front of one database admit at most --max-syncs-shared syncs at once in all: the slots
are leases in the Redis they share (server.admission). A sync over the cap is answered 503 with Retry-After
wherever it lands and is served once a slot is free; the lease of a server that died lapses by itself."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from harness import redis_server
from server import demo
from server.admission import SharedSlots
from tests.server.conftest import fresh_database, running_server

pytestmark = pytest.mark.skipif(not redis_server.available(), reason="redis-server is not installed")


def test_the_cap_holds_across_servers_and_a_freed_slot_serves_again(tmp_path: Path,
                                                                   request: pytest.FixtureRequest) -> None:
    request.param = "sqlite"  # type: ignore[attr-defined]
    database, store = fresh_database(request, tmp_path), redis_server.RedisServer().start()
    try:
        shared = ("--rate-store", store.url, "--max-syncs-shared", "2")
        with running_server(database, *shared) as one, running_server(database, *shared) as two:
            api = one.client()
            assert api.login(demo.ADMIN_LOGIN).status_code == 200
            body = {"device_id": api.device_id, "cursor": 0, "ops": [], "limit": 1}

            def sync(server):  # type: ignore[no-untyped-def]
                return server.client().http.post("/v1/sync", json=body, headers=api.headers())

            async def scenario() -> None:
                elsewhere = SharedSlots(store.url, 2)  # a third server's syncs
                assert sync(one).status_code == 200 and sync(two).status_code == 200
                assert await elsewhere.held() == 0  # each sync gave its slot back
                leases = [await elsewhere.enter(), await elsewhere.enter()]
                assert all(leases)  # two syncs in progress there: every slot taken
                for server in (one, two):
                    refused = sync(server)
                    assert refused.status_code == 503 and refused.json()["error"] == "busy"
                    assert int(refused.headers["Retry-After"]) >= 1
                await elsewhere.leave(str(leases[0]))
                assert sync(two).status_code == 200 and sync(one).status_code == 200  # one slot free
                # That server dies holding its other lease: after the lease's time the slot is free again.
                await elsewhere.leave(str(leases[1]))
                assert await elsewhere.enter(lease_s=0.2) is not None
                assert await elsewhere.enter(lease_s=0.2) is not None
                assert sync(one).status_code == 503
                await asyncio.sleep(0.3)
                assert sync(one).status_code == 200 and await elsewhere.held() == 0
                await elsewhere.close()

            asyncio.run(scenario())
    finally:
        store.stop()


def test_a_shared_cap_without_a_shared_store_is_refused_at_start(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "server.cli", "serve", "--db", f"sqlite:///{tmp_path / 's.db'}",
                           "--max-syncs-shared", "4", "--port", "1"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "redis://" in done.stderr and "Traceback" not in done.stderr
