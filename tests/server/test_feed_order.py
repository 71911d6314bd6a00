"""A change committed a moment after a later one is still pulled: the pull cursor counts positions in the
school's feed, given in commit order (server.feed), not change ids taken when a row is written.

Reproduced with the server's own sync() on PostgreSQL, where two syncs run at once: PC A's sync has written
its change and waits at its commit; PC B's sync commits meanwhile; the admin's PC pulls; then A commits. With
ids as the cursor, the admin's cursor passed A's id before A committed, and A's change was never pulled.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from core.protocol import Operation, SyncRequest
from server import accounts, demo
from server.db import open_server_db, writer
from server.sync import sync
from tests.server import school
from tests.server.conftest import fresh_database, postgres  # noqa: F401  (the fixture)


@pytest.fixture(params=["postgresql"])  # where syncs run at once (SQLite takes one writer at a time)
def pg_engine(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Engine]:
    engine = open_server_db(fresh_database(request, tmp_path))
    yield engine
    engine.dispose()


def _login(engine: Engine, username: str) -> tuple[str, str]:
    device_id = str(uuid.uuid4())
    with writer(engine).begin() as conn:
        token = accounts.login(conn, username, demo.DEMO_PASSWORD, device_id, None, dt.datetime.now(dt.UTC))[0]
    return token, device_id


def _mark(device_id: str, cell: school.Cell) -> SyncRequest:
    op = Operation(seq=1, hlc=1, entity="cell", key=cell.key, field="comment", value=f"from {device_id}", base=0)
    return SyncRequest(device_id=device_id, ops=[op])


def test_a_reader_never_passes_a_change_that_commits_late(pg_engine: Engine) -> None:
    def sql(query: str, **params: object) -> Any:
        with pg_engine.connect() as conn:
            return conn.execute(text(query), params).all()

    server = SimpleNamespace(sql=sql)
    first = school.cell(server, "criteria", 0)
    second = next(c for n in range(1, 40) if (c := school.cell(server, "criteria", n)).teacher_id != first.teacher_id)
    (token_a, pc_a), (token_b, pc_b) = _login(pg_engine, first.teacher_login), _login(pg_engine, second.teacher_login)
    token_r, reader = _login(pg_engine, demo.ADMIN_LOGIN)
    cursor = sync(pg_engine, token_r, SyncRequest(device_id=reader), None).cursor

    at_commit, release = threading.Event(), threading.Event()
    a_thread: threading.Thread | None = None

    @event.listens_for(pg_engine, "commit")
    def hold_a(_conn: Any) -> None:  # PC A's sync waits at its commit, its change written
        if threading.current_thread() is a_thread:
            at_commit.set()
            release.wait(30)

    results: dict[str, Any] = {}
    a_thread = threading.Thread(target=lambda: results.update(a=sync(pg_engine, token_a, _mark(pc_a, first), None)))
    b_thread = threading.Thread(target=lambda: results.update(b=sync(pg_engine, token_b, _mark(pc_b, second), None)))
    a_thread.start()
    assert at_commit.wait(30)
    b_thread.start()
    b_thread.join(2)  # B commits meanwhile, if nothing makes it wait for A
    pulled = sync(pg_engine, token_r, SyncRequest(device_id=reader, cursor=cursor), None)
    seen = {(c.key, c.value) for c in pulled.changes}
    release.set()
    a_thread.join(30)
    b_thread.join(30)
    event.remove(pg_engine, "commit", hold_a)
    assert results["a"].results[0].status == results["b"].results[0].status == "applied"
    again = sync(pg_engine, token_r, SyncRequest(device_id=reader, cursor=pulled.cursor), None)
    seen |= {(c.key, c.value) for c in again.changes}
    assert {(first.key, f"from {pc_a}"), (second.key, f"from {pc_b}")} <= seen
