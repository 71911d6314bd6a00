"""The server under trouble, as a school's PCs and its load balancer meet it: the database going away answers
503 with a Retry-After (never a bare 500) and /v1/health says so, and the server serves again once the
database is back; a storm of logins keeps the worker's memory bounded."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from harness import pg_cluster
from harness.live_server import running_server as harness_running_server
from server import demo
from server.db import open_server_db
from tests.server import school
from tests.server.conftest import TODAY, fresh_database, postgres, running_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.skipif(not pg_cluster.available(), reason="PostgreSQL is not installed")


def _peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_the_database_going_away_answers_503_with_retry_after_and_health_tells(tmp_path: Path) -> None:
    cluster = pg_cluster.Cluster().start()  # its own, to stop under the server
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE school"))
        admin.dispose()
        engine = open_server_db(cluster.url("school"))
        demo.load(engine, TODAY)
        engine.dispose()
        with harness_running_server(cluster.url("school")) as server:
            api = httpx.Client(base_url=server.url, timeout=30)
            cell, device = school.cell(server), str(uuid.uuid4())
            login = api.post("/v1/login", json={"username": cell.teacher_login, "password": demo.DEMO_PASSWORD,
                                                "device_id": device})
            headers = {"Authorization": f"Bearer {login.json()['token']}"}
            sync = {"device_id": device, "cursor": 0, "ops": [], "limit": 10}
            server.engine.dispose()
            assert api.post("/v1/sync", json=sync, headers=headers).status_code == 200
            cluster.stop_server()  # PostgreSQL goes down under the running server
            refused = api.post("/v1/sync", json=sync, headers=headers)
            assert refused.status_code == 503, refused.text
            assert refused.json()["error"] == "unavailable" and int(refused.headers["Retry-After"]) >= 1
            health = api.get("/v1/health")
            assert health.status_code == 503 and health.json()["error"] == "unavailable"
            again = api.post("/v1/login", json={"username": cell.teacher_login, "password": demo.DEMO_PASSWORD,
                                                "device_id": device})
            assert again.status_code == 503 and "Retry-After" in again.headers
            cluster.start_server()  # back: the same PCs are served again, nothing done by hand
            assert api.get("/v1/health").status_code == 200
            assert api.post("/v1/sync", json=sync, headers=headers).status_code == 200
            assert "Internal Server Error" not in server.process.output()
    finally:
        cluster.stop()


@pytest.fixture(params=["postgresql"])  # on SQLite logins take the one writer's lock in turn anyway
def pg_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database(request, tmp_path)


@pytest.mark.slow
def test_a_storm_of_200_logins_keeps_the_worker_within_500_mb(pg_database: str) -> None:
    """200 teachers logging in at once (before: 1.4 GB in one worker, each password check 64 MiB, 40 at once)."""
    with running_server(pg_database) as server:
        logins = [row[0] for row in server.sql("SELECT username FROM account WHERE role = 'teacher' ORDER BY id")]
        before = _peak_rss_mb(server.process.pid)

        async def one(client: httpx.AsyncClient, n: int) -> int:
            body = {"username": logins[n % len(logins)], "password": demo.DEMO_PASSWORD,
                    "device_id": str(uuid.uuid4())}
            for _ in range(30):  # as the PC does: come back when told
                response = await client.post("/v1/login", json=body)
                if response.status_code != 503:
                    return response.status_code
                await asyncio.sleep(float(response.headers["Retry-After"]) / 10)  # sooner: a test's patience
            return 503

        async def storm() -> list[int]:
            limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
            async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as client:
                return await asyncio.gather(*(one(client, n) for n in range(200)))

        statuses = asyncio.run(storm())
        peak = _peak_rss_mb(server.process.pid)
        assert statuses == [200] * 200, "every teacher gets in, some after being told to come back"
        assert peak <= 500, f"peak RSS {peak:.0f} MiB (from {before:.0f} MiB before the storm)"


@pytest.fixture(params=["postgresql"])  # where a test can hold a row while the server waits on it
def postgres_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database(request, tmp_path)


def test_a_pc_syncs_one_call_at_a_time_and_a_second_takes_no_slot(postgres_db: str) -> None:
    """While a PC's sync is being answered (held here on its device row), a second sync with its token is told to
    come back (429, Retry-After) at once instead of waiting in one of the server's slots; another PC syncs as
    ever; the first is answered once it can go on."""
    import threading

    with running_server(postgres_db) as server:
        cell = school.cell(server)
        pc, other = server.client(), server.client()
        pc.login(cell.teacher_login)
        other.login(school.other_teacher_login(server, cell.teacher_id))
        first: dict = {}
        holder = create_engine(postgres_db)
        with holder.begin() as conn:
            conn.execute(text("SELECT 1 FROM device WHERE id = :d FOR UPDATE"), {"d": pc.device_id})
            waiting = threading.Thread(target=lambda: first.setdefault("answer", pc.sync_raw(
                {"device_id": pc.device_id, "cursor": 0, "ops": [pc.op("cell", cell.key, "mark", 7)], "limit": 10})))
            waiting.start()
            for _ in range(300):  # until the first sync waits on the row
                if server.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")[0][0]:
                    break
                time.sleep(0.05)
            second = pc.sync_raw({"device_id": pc.device_id, "cursor": 0, "ops": [], "limit": 10})
            assert second.status_code == 429 and second.json()["error"] == "rate_limited", second.text
            assert int(second.headers["Retry-After"]) >= 1
            assert other.sync()["results"] == []  # another PC is not held up
        waiting.join(30)
        holder.dispose()
        assert first["answer"].status_code == 200 and first["answer"].json()["results"][0]["status"] == "applied"
