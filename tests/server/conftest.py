"""A real server for the tests: `dala-server serve` in its own process on 127.0.0.1 and a free port, over
a copy of a demo-school database built once per session."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from harness import citus_cluster, pg_cluster
from harness import live_server as harness_server
from harness.live_server import ROOT, free_port, start_server  # noqa: F401  (for the tests)
from server import demo
from server.db import open_server_db

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def server_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("server-template") / "server.db"
    engine = open_server_db(f"sqlite:///{path}")
    demo.load(engine, TODAY)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


class LiveServer(harness_server.LiveServer):
    """The server of a test, with the tests' protocol client."""

    def client(self) -> Api:
        return Api(self.url)


def running_server(db_url: str, *extra: str) -> AbstractContextManager[LiveServer]:
    return harness_server.running_server(db_url, *extra, kind=LiveServer)


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


@pytest.fixture(scope="session")
def citus() -> Iterator[citus_cluster.CitusCluster]:
    """A Citus coordinator and two workers on 127.0.0.1; make a database on every node with
    `citus.create_database(name)`. Skipped where Citus is not built, unless DALA_REQUIRE_CITUS is set (CI sets it
    once .ci/run has built Citus): plain PostgreSQL is enough for DALA_REQUIRE_POSTGRES, so a machine with
    PostgreSQL but no Citus build still runs the PostgreSQL half of the suite."""
    if not citus_cluster.available():
        if os.environ.get("DALA_REQUIRE_CITUS"):
            pytest.fail("Citus is required here (DALA_REQUIRE_CITUS) but citus.so is not installed "
                        "(build it with the vendor folder's build-citus.sh, as .ci/run does)")
        pytest.skip("Citus is not installed (the vendor folder's build-citus.sh, which .ci/run runs); its tests are "
                    "skipped")
    cluster = citus_cluster.CitusCluster().start()
    yield cluster
    cluster.stop()


CITUS_TEMPLATE = "demo_template"


@pytest.fixture(scope="session")
def citus_template(citus: citus_cluster.CitusCluster) -> str:
    """The demo school migrated onto the cluster (laid out by school: server.distribution), frozen for copies;
    returns its name."""
    engine = open_server_db(citus.create_database(CITUS_TEMPLATE))
    demo.load(engine, TODAY)
    engine.dispose()
    citus.freeze_template(CITUS_TEMPLATE)
    return CITUS_TEMPLATE


def fresh_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database holding the demo school, on the backend this test runs against."""
    if request.param == "sqlite":
        path = tmp_path / "server.db"
        shutil.copyfile(request.getfixturevalue("server_template"), path)
        return f"sqlite:///{path}"
    name = f"t_{uuid.uuid4().hex[:12]}"
    if request.param == "citus":
        template = request.getfixturevalue("citus_template")
        return request.getfixturevalue("citus").clone_database(template, name)
    cluster = request.getfixturevalue("postgres")
    with cluster.admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE demo_template"))
    return cluster.url(name)


def empty_database(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> str:
    """The URL of a new, empty database on `backend` ("sqlite" or "postgresql"): no table, no school."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex[:8]}.db'}"
    cluster = request.getfixturevalue("postgres")
    name = f"empty_{uuid.uuid4().hex[:12]}"
    with cluster.admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    return str(cluster.url(name))


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh demo-school database URL, once per backend."""
    return fresh_database(request, tmp_path)


@pytest.fixture
def live_server(backend_db: str) -> Iterator[LiveServer]:
    with running_server(backend_db) as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql", "citus"])
def fresh_schools(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Callable[[], str]:
    """Fresh demo-school database URLs on demand, one backend per parametrisation: for a hypothesis test whose every
    example needs its own school."""
    return lambda: fresh_database(request, tmp_path_factory.mktemp("school"))


@pytest.fixture(params=["sqlite", "postgresql", "citus"])
def every_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh demo-school database URL on SQLite, PostgreSQL and a Citus cluster distributed by school: for the
    tests of what the protocol promises, which must hold on each."""
    return fresh_database(request, tmp_path)



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
