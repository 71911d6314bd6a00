"""A real server for the tests: `dala-server serve` in its own process on 127.0.0.1 and a free port, over
a copy of a demo-school database built once per session."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, create_engine, text

from server import demo
from server.db import open_server_db
from tests import pg_cluster

TODAY = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("server-template") / "server.db"
    engine = open_server_db(f"sqlite:///{path}")
    demo.load(engine, TODAY)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@dataclass
class LiveServer:
    url: str
    db_url: str
    process: subprocess.Popen
    engine: Engine  # for the tests' own look at the database

    def sql(self, query: str, **params: object) -> list:
        with self.engine.connect() as conn:
            return conn.execute(text(query), params).all()

    def client(self) -> "Api":
        return Api(self.url)


# Tests drive many devices from 127.0.0.1 faster than any school would: the per-address and per-device rate
# limits are raised for them, except where a test sets its own (tests/server/test_rate_limits.py).
TEST_RATE_LIMITS = ("login_per_address=100000/minute,login_per_device=100000/minute,"
                    "sync_per_address=100000/minute,sync_per_device=100000/minute")


def start_server(db_url: str, *extra: str) -> subprocess.Popen:
    if "--rate-limits" not in extra:
        extra = (*extra, "--rate-limits", TEST_RATE_LIMITS)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--db", db_url, "--port", str(port), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"{'https' if '--tls-cert' in extra else 'http'}://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {process.stdout.read()}")
        try:  # readiness only: the TLS test checks the certificate itself
            if httpx.get(f"{url}/v1/health", timeout=1, verify=False).status_code == 200:  # noqa: S501
                process.url = url  # type: ignore[attr-defined]
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start in 30 s")


@pytest.fixture(scope="session")
def postgres() -> Iterator[pg_cluster.Cluster]:
    if not pg_cluster.available():
        if os.environ.get("DALA_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required here (DALA_REQUIRE_POSTGRES) but initdb/pg_ctl were not found")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql); its half of the suite is skipped")
    cluster = pg_cluster.Cluster().start()
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE demo_template"))
    engine = open_server_db(cluster.url("demo_template"))
    demo.load(engine, TODAY)
    engine.dispose()
    cluster.admin = admin  # type: ignore[attr-defined]
    yield cluster
    admin.dispose()
    cluster.stop()


def fresh_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database holding the demo school, on the backend this test runs against."""
    if request.param == "sqlite":
        path = tmp_path / "server.db"
        shutil.copyfile(request.getfixturevalue("server_template"), path)
        return f"sqlite:///{path}"
    cluster = request.getfixturevalue("postgres")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with cluster.admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE demo_template"))
    return cluster.url(name)


@contextmanager
def running_server(db_url: str, *extra: str) -> Iterator[LiveServer]:
    process = start_server(db_url, *extra)
    engine = create_engine(db_url)
    try:
        yield LiveServer(process.url, db_url, process, engine)  # type: ignore[attr-defined]
    finally:
        process.terminate()
        process.wait(10)
        if os.environ.get("DALA_SERVER_LOG"):
            print(process.stdout.read())
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh demo-school database URL, once per backend."""
    return fresh_database(request, tmp_path)


@pytest.fixture
def live_server(backend_db: str) -> Iterator[LiveServer]:
    with running_server(backend_db) as server:
        yield server


class Api:
    """A minimal protocol client for tests (the real one is the sync engine)."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=30)
        self.token: str | None = None
        self.device_id = str(uuid.uuid4())
        self.seq = 0
        self.cursor = 0

    def login(self, username: str, password: str = demo.DEMO_PASSWORD) -> httpx.Response:
        response = self.http.post("/v1/login", json={"username": username, "password": password,
                                                     "device_id": self.device_id})
        if response.status_code == 200:
            self.token = response.json()["token"]
        return response

    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def op(self, entity: str, key: str, field: str, value: object, base: int = 0, hlc: int | None = None) -> dict:
        self.seq += 1
        stamp = hlc if hlc is not None else int(time.time() * 1000) << 16
        return {"seq": self.seq, "hlc": stamp, "entity": entity, "key": key, "field": field, "value": value,
                "base": base}

    def sync_raw(self, body: dict | bytes, **headers: str) -> httpx.Response:
        data = body if isinstance(body, bytes) else gzip.compress(json.dumps(body).encode())
        if not isinstance(body, bytes):
            headers.setdefault("Content-Encoding", "gzip")
        return self.http.post("/v1/sync", content=data, headers={**self.headers(), **headers,
                                                                  "Content-Type": "application/json"})

    def sync(self, ops: list[dict] | None = None, *, cursor: int | None = None, limit: int = 500) -> dict:
        response = self.sync_raw({"device_id": self.device_id, "cursor": self.cursor if cursor is None else cursor,
                                  "ops": ops or [], "limit": limit})
        assert response.status_code == 200, response.text
        body = response.json()
        if cursor is None:
            self.cursor = body["cursor"]
        return body
