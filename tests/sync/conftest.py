"""Real devices for the sync tests: client journals in SQLite files with the real sync engine, talking to
the real server over HTTP on 127.0.0.1 (SQLite by default; PostgreSQL where a test asks for it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from server import demo
from storage.database import open_database
from storage.journal import Journal
from sync import local_state
from sync.backoff import Backoff
from sync.credentials import MemoryTokens
from sync.engine import SyncEngine
from tests.server.conftest import LiveServer, fresh_database, postgres, running_server, server_template  # noqa: F401


@pytest.fixture(params=["sqlite"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    with running_server(fresh_database(request, tmp_path)) as live:
        yield live


class Device:
    """One PC: its own journal file and sync engine, logged in as `username`."""

    def __init__(self, folder: Path, name: str, url: str, username: str, **engine_options: object) -> None:
        self.path = folder / f"{name}.db"
        self.db = open_database(self.path)
        self.username = username
        engine_options.setdefault("backoff", Backoff(first=0.2, cap=1.0))
        self.engine = SyncEngine(self.db, url, MemoryTokens(), device_name=name, **engine_options)

    def login(self) -> Device:
        self.engine.login_blocking(self.username, demo.DEMO_PASSWORD)
        return self

    def sync(self):  # type: ignore[no-untyped-def]
        return self.engine.run_once()

    @property
    def journal(self) -> Journal:
        with self.db.read() as conn:
            state = local_state.load(conn)
        return Journal(self.db, state["teacher_id"], is_admin=state["role"] == "admin")

    def sql(self, query: str, params: tuple = ()) -> list:
        with self.db.read() as conn:
            return conn.exec_driver_sql(query, params).all()

    def close(self) -> None:
        self.engine.stop()
        self.db.close()


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[list[Device]]:
    made: list[Device] = []
    yield made
    for device in made:
        device.close()
