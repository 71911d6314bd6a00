"""On a Citus cluster distributed by school, every statement the server sends for a PC is routed to one shard.

The server's own app (server.api.create_app) runs in this process on a Citus database laid out by its migration,
and is driven over HTTP as PCs and the school's admin drive it: logins (a new PC, a known one, a wrong password), a
new PC's first download, syncs of every kind of operation (marks, attendance, comments, topics, a new lesson, a
summative work and its score, a final mark), a replay, a second PC's conflict and its resolution, an admin's
paged pull, a period closed and opened again, a PC revoked. Every statement sent is caught and planned by Citus
(EXPLAIN with the values sent): each that reads or writes a distributed table must be one task on one shard,
with no subplan fanning out — then each sync is a transaction on one school's shards on one node, committed
without two-phase commit, and a school's load never spreads over the cluster.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, text

from core import final_marks, ids, record_keys
from harness.live_server import look_at
from server import demo
from server.api import create_app
from server.db import connect
from server.schema import tables
from server.settings import Settings
from tests.server import school
from tests.server.conftest import Api, fresh_database

TASKS = re.compile(r"Task Count: (\d+)")
# An IN list of any length is one statement shape.
LISTS = re.compile(r"\((%\(\w+?_\d+\)s::[A-Z ]+)(?:, %\(\w+?_\d+\)s::[A-Z ]+)+\)")
NOT_PLANNED = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "select pg_catalog", "SELECT pg_catalog",
               "show ", "SHOW ", "select current_schema", ";")


class Catcher:
    """Every statement an engine sends, once per shape, with the values it was first sent with."""

    def __init__(self, engine: Engine) -> None:
        self.seen: dict[str, tuple[str, Any]] = {}
        event.listen(engine, "before_cursor_execute", self._caught)

    def _caught(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                executemany: bool) -> None:
        shape = LISTS.sub(r"(\1, …)", " ".join(statement.split()))
        self.seen.setdefault(shape, (statement, parameters[0] if executemany else parameters))


def plan(conn: psycopg.Connection[Any], statement: str, params: Any) -> str:
    """Citus's plan for a statement: "router" (one task), "multi-shard", "local" (no distributed table: a
    sequence, the coordinator's own) or "refused: <its error>"."""
    cursor = psycopg.ClientCursor(conn)  # the values in the text, as the router planner sees constants
    try:
        cursor.execute(f"EXPLAIN {statement}".encode(), params)
    except psycopg.Error as error:
        conn.rollback()
        return f"refused: {(error.diag.message_primary or str(error)).splitlines()[0]}"
    shown = "\n".join(r[0] for r in cursor.fetchall())
    conn.rollback()
    counts = [int(n) for n in TASKS.findall(shown)]
    if not counts:
        return "local"
    return "router" if max(counts) == 1 and "Distributed Subplan" not in shown else f"multi-shard {counts}"


@pytest.fixture(params=["citus"])
def citus_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database(request, tmp_path)


class Look:
    """The test's own look at the database (school.cell's interface)."""

    def __init__(self, url: str) -> None:
        self.engine = look_at(url)

    def sql(self, query: str, **params: object) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(text(query), params).all())


def _a_school_day(client: TestClient, look: Look) -> None:
    """What PCs and the admin send in a day, through the app's HTTP API."""
    cell = school.cell(look)
    other = school.cell(look, pupil_nth=1)
    term = look.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")[0][0]
    slot = look.sql("SELECT max(number) FROM bell_slot")[0][0]

    def api() -> Api:
        made = Api("http://testserver")
        made.http = client
        return made

    a, b = api(), api()
    assert a.login(cell.teacher_login).status_code == 200
    assert a.login(cell.teacher_login).status_code == 200  # the same PC again: a new token
    assert a.login(cell.teacher_login, "wrong").status_code == 401
    assert a.login(cell.teacher_login).status_code == 200
    assert b.login(cell.teacher_login).status_code == 200
    assert client.get("/v1/bootstrap", headers=b.headers()).status_code == 200
    page = client.get("/v1/bootstrap/lessons", params={"limit": 50}, headers=b.headers()).json()
    assert client.get("/v1/bootstrap/lessons", params={"limit": 50, "after": page["lessons"][-1]["id"]},
                      headers=b.headers()).status_code == 200

    work = str(uuid.uuid4())
    first = [a.op("cell", cell.key, "mark", 7), a.op("cell", other.key, "attendance", "absent"),
             a.op("cell", other.key, "comment", "Ауырып қалды"), a.op("lesson", cell.lesson_id, "topic", "Бөлшектер")]
    results = a.sync(first)["results"]
    done = {"applied", "merged"}  # merged: the demo's own data touched other fields of the record
    assert {r["status"] for r in results} <= done, results
    new_lesson = ids.lesson_id(cell.course_id, dt.date.fromisoformat(cell.date), slot)
    results = a.sync([
        a.op("cell", cell.key, "mark", 8, base=1),
        a.op("lesson", new_lesson, "create", {"course_id": cell.course_id, "date": cell.date, "slot": slot}),
        a.op("work", work, "create", {"course_id": cell.course_id, "kind": "sor", "title": "СОР 1", "section": "",
                                      "date": cell.date, "max_points": 15, "lesson_id": None}),
        a.op("score", record_keys.score(work, cell.pupil_id), "points", 12),
        a.op("result", record_keys.result(cell.course_id, term, cell.pupil_id), "final",
             final_marks.value(5, "СОЧ қайта жазылды", 4, 71.25, "order-125-2023/half-up")),
    ])["results"]
    assert {r["status"] for r in results} <= done, results
    a.seq -= len(first) + 5  # the first batch again, as a PC whose answer was lost sends it
    replayed = a.sync_raw({"device_id": a.device_id, "cursor": 0, "ops": first, "limit": 500})
    assert replayed.status_code == 200
    [clash] = b.sync([b.op("cell", cell.key, "mark", 6, base=1)])["results"]
    assert clash["status"] == "conflict", clash
    [resolved] = b.sync([b.op("conflict", str(clash["conflict_id"]), "resolve", 6)])["results"]
    assert resolved["status"] == "applied", resolved

    admin = api()
    assert admin.login(demo.ADMIN_LOGIN).status_code == 200
    assert admin.sync(cursor=0, limit=1)["cursor"] == 1  # a page of one (superseded changes are left out)
    admin.sync([admin.op("cell", cell.key, "comment", "Түзетілді")])
    for action in ("close", "reopen"):
        assert client.post(f"/v1/admin/periods/{term}/{action}", headers=admin.headers()).status_code == 200
    assert client.post(f"/v1/admin/devices/{b.device_id}/revoke", headers=admin.headers()).status_code == 200
    assert b.sync_raw({"device_id": b.device_id, "cursor": 0, "ops": [], "limit": 500}).status_code == 401


def test_every_statement_a_pc_or_an_admin_sends_is_routed_to_one_shard(citus_db: str) -> None:
    engine = connect(citus_db)
    catcher = Catcher(engine)
    look = Look(citus_db)
    try:
        with TestClient(create_app(engine, Settings(citus_db))) as client:
            _a_school_day(client, look)
    finally:
        look.engine.dispose()
        engine.dispose()
    assert len(catcher.seen) > 40  # the day's flows ran through the database
    distributed = {t.name for t in tables.values()}
    plans = {}
    with psycopg.connect(citus_db.replace("postgresql+psycopg", "postgresql")) as conn:
        for shape, (statement, params) in catcher.seen.items():
            if statement.lstrip().startswith(NOT_PLANNED):
                continue
            plans[shape] = plan(conn, statement, params)
        # The check itself sees a fan-out: the same look-up without its school goes to every shard.
        assert plan(conn, "SELECT * FROM lesson WHERE id = %(l)s", {"l": str(uuid.uuid4())}).startswith("multi-shard")
    named = {s: p for s, p in plans.items() if any(re.search(rf'\b"?{t}"?\b', s) for t in distributed)}
    assert named, plans
    fanned = {s: p for s, p in named.items() if p not in ("router", "local")}
    assert not fanned, "\n".join(f"{p}: {s}" for s, p in fanned.items())
