"""Concurrent syncs' commits interleaved with an admin's paged pulls, on PostgreSQL and on a Citus cluster
distributed by school: no reader misses a change.

Hypothesis draws a schedule: a few teachers' PCs (two PCs per teacher, so some write the same course and the
same fields: conflicts and merges) each sync a few cell and lesson fields, in threads, with the server's own
sync(); each writer is held at its commit (its statements done, before COMMIT) until the schedule releases
it, and the admin's PC pulls pages of a small `limit` between the steps. A writer whose turn to be held
comes while it waits on a lock (the school's feed row, a cell another writer locked) is released as soon as it
reaches its commit: the schedule only ever waits for what the locks allow, and a writer is only ever
waited for once it is held, blocked (seen in pg_blocking_pids) or done. After every writer has committed,
the reader pulls to the end of the feed.

What a user would check: every change committed to the school's feed in the example was pulled by the
reader exactly once, or was superseded by a later version of the same field that it pulled (server.pull
sends only a field's latest change); nothing it pulled is unknown to the feed; and the values the reader
ends with are the server's, field by field.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, select, text
from sqlalchemy import event as sa_event

from core.protocol import Change, Operation, SyncRequest, SyncResponse
from core.synced_kinds import KINDS
from server import accounts, demo, feed
from server.db import open_server_db, writer
from server.schema import tables
from server.sync import sync
from tests.server.conftest import citus, citus_template, postgres  # noqa: F401  (the fixtures)

TEACHERS = 3  # each with two PCs: six writers to draw from
PCS_PER_TEACHER = 2
SETTLE_S = 20.0  # how long a writer may take to reach its commit or a lock
HOLD_S = 60.0  # a writer is never held longer than this, even if the test itself fails
TEXTS = ("Жақсы", "Молодец", "Repeat")  # few values, so that writes of the same value happen too
ATTENDANCE = ("absent", "ill", "late", None)


@dataclass
class World:
    """One database for the whole module: the demo school, six writer PCs and the admin's PC, logged in once.
    Each example goes on from where the last one left it (its devices' sequence numbers, the feed)."""

    engine: Engine
    school_id: int
    blocked: str  # the statement telling whether a backend (:p) waits on a lock another transaction holds
    targets: list[list[tuple[str, str]]]  # per teacher: (entity, key) of the records their PCs write
    writers: list[dict[str, Any]]  # token, device_id, teacher (index), seq
    reader: dict[str, Any]


def _login(engine: Engine, username: str) -> dict[str, Any]:
    device_id = str(uuid.uuid4())
    with writer(engine).begin() as conn:
        token = accounts.login(conn, username, demo.DEMO_PASSWORD, device_id, None, dt.datetime.now(dt.UTC))[0]
    return {"token": token, "device_id": device_id, "seq": 0}


def _targets(conn: Connection, teacher_id: int) -> list[tuple[str, str]]:
    """Two cells in each of two lessons of the teacher's first criteria course, and those lessons."""
    course, class_id = conn.execute(text(
        "SELECT id, class_id FROM course WHERE teacher_id = :t AND scale = 'criteria' AND subgroup_id IS NULL "
        "ORDER BY id LIMIT 1"), {"t": teacher_id}).one()
    found: list[tuple[str, str]] = []
    for lesson_id, day in conn.execute(text(
            "SELECT id, date FROM lesson WHERE course_id = :c AND kind = 'regular' "
            "AND date BETWEEN '2026-11-03' AND '2026-11-20' ORDER BY date, slot LIMIT 2"), {"c": course}).all():
        pupils = conn.execute(text(
            "SELECT pupil_id FROM class_membership WHERE class_id = :k AND from_date <= :d "
            "AND (to_date IS NULL OR to_date >= :d) ORDER BY pupil_id LIMIT 2"), {"k": class_id, "d": day}).scalars()
        found += [("cell", f"{lesson_id}/{pupil}") for pupil in pupils]
        found.append(("lesson", lesson_id))
    return found


# On PostgreSQL a writer's backend waits on its own server. On Citus the locks are taken on the worker holding the
# school's shard, on behalf of the coordinator's backend: citus_lock_waits names that backend by its global pid,
# the coordinator's node id times 10^10 plus its pid.
BLOCKED = {
    "postgresql": "SELECT cardinality(pg_blocking_pids(:p)) > 0",
    "citus": "SELECT EXISTS (SELECT 1 FROM citus_lock_waits WHERE waiting_gpid = "
             "(SELECT nodeid FROM pg_dist_node WHERE groupid = 0) * 10000000000::bigint + :p) "
             "OR cardinality(pg_blocking_pids(:p)) > 0",
}


@pytest.fixture(scope="module", params=sorted(BLOCKED))
def world(request: pytest.FixtureRequest) -> Iterator[World]:
    name = f"t_{uuid.uuid4().hex[:12]}"
    if request.param == "citus":
        url = request.getfixturevalue("citus").clone_database(request.getfixturevalue("citus_template"), name)
    else:
        cluster = request.getfixturevalue("postgres")
        with cluster.admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name} TEMPLATE demo_template"))
        url = cluster.url(name)
    engine = open_server_db(url)
    with engine.connect() as conn:
        school_id = conn.execute(text("SELECT id FROM school")).scalar_one()
        teachers = conn.execute(text(
            "SELECT DISTINCT t.id, t.username FROM teacher t JOIN course c ON c.school_id = t.school_id "
            "AND c.teacher_id = t.id "
            "WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY t.id LIMIT :n"), {"n": TEACHERS}).all()
        targets = [_targets(conn, teacher_id) for teacher_id, _ in teachers]
    writers = [dict(_login(engine, username), teacher=n) for n, (_, username) in enumerate(teachers)
               for _ in range(PCS_PER_TEACHER)]
    yield World(engine, school_id, BLOCKED[request.param], targets, writers, _login(engine, demo.ADMIN_LOGIN))
    engine.dispose()


# -- the schedule ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Write:
    target: int  # an index into the teacher's targets
    field: str
    value: Any
    stale: bool  # based on version 0 rather than the version the PC last knew


@dataclass(frozen=True)
class Schedule:
    writers: list[int]  # indices into World.writers
    writes: list[list[Write]]  # per writer
    steps: list[tuple[str, int]]  # ("start" | "release", writer) or ("pull", limit)


def _write(entity_of: dict[int, str]) -> st.SearchStrategy[Write]:
    def fields(target: int) -> st.SearchStrategy[Write]:
        if entity_of[target] == "lesson":
            value: st.SearchStrategy[Any] = st.tuples(st.sampled_from(("topic", "homework")), st.sampled_from(TEXTS))
        else:
            value = st.one_of(st.tuples(st.just("mark"), st.integers(0, 10)),
                              st.tuples(st.just("attendance"), st.sampled_from(ATTENDANCE)),
                              st.tuples(st.just("comment"), st.sampled_from(TEXTS)))
        return st.builds(lambda fv, stale: Write(target, fv[0], fv[1], stale), value, st.booleans())

    return st.sampled_from(sorted(entity_of)).flatmap(fields)


@st.composite
def schedules(draw: st.DrawFn, world: World) -> Schedule:
    chosen = draw(st.lists(st.integers(0, len(world.writers) - 1), min_size=2, max_size=5, unique=True))
    writes = []
    for w in chosen:
        entity_of = dict(enumerate(entity for entity, _ in world.targets[world.writers[w]["teacher"]]))
        writes.append(draw(st.lists(_write(entity_of), min_size=1, max_size=4)))
    # Each writer twice: its first place starts its sync, its second releases it from its commit.
    order = draw(st.permutations([n for n in range(len(chosen)) for _ in (0, 1)]))
    steps: list[tuple[str, int]] = []
    started: set[int] = set()
    for n in order:
        steps.append(("release" if n in started else "start", n))
        started.add(n)
    for place, limit in draw(st.lists(st.tuples(st.integers(0, len(steps)), st.integers(1, 4)), max_size=6)):
        steps.insert(place, ("pull", limit))
    return Schedule(chosen, writes, steps)


# -- running it -----------------------------------------------------------------------------------


@dataclass
class Writer:
    """One writer PC's sync in its thread, and where it stands."""

    request: SyncRequest
    token: str
    release: threading.Event = field(default_factory=threading.Event)
    at_commit: threading.Event = field(default_factory=threading.Event)
    backend_pid: int | None = None
    held_too_long: bool = False
    answer: SyncResponse | None = None
    error: BaseException | None = None
    thread: threading.Thread | None = None

    def run(self, engine: Engine, registry: dict[int, Writer]) -> None:
        registry[threading.get_ident()] = self  # before its transaction begins (the events look it up)
        try:
            self.answer = sync(engine, self.token, self.request, None)
        except BaseException as error:  # noqa: BLE001  (told by the test, in the main thread)
            self.error = error


def _blocked(world: World, pid: int | None) -> bool:
    """Whether the backend waits on a lock another transaction holds."""
    if pid is None:
        return False
    with world.engine.connect() as conn:
        return bool(conn.execute(text(world.blocked), {"p": pid}).scalar())


def _settle(world: World, writers: list[Writer]) -> None:
    """Wait until every started writer is held at its commit, waits on a lock, or is done."""
    deadline = time.monotonic() + SETTLE_S
    while True:
        moving = [w for w in writers if w.thread is not None and w.thread.is_alive()
                  and not (w.at_commit.is_set() and not w.release.is_set()) and not _blocked(world, w.backend_pid)]
        if not moving:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{len(moving)} writers neither reached their commit nor waited on a lock "
                                 f"in {SETTLE_S} s")
        time.sleep(0.01)


def _pull(world: World, cursor: int, limit: int) -> SyncResponse:
    request = SyncRequest(device_id=world.reader["device_id"], cursor=cursor, limit=limit)
    return sync(world.engine, world.reader["token"], request, None)


def _server_value(conn: Connection, entity: str, key: str, field_name: str) -> Any:
    kind = KINDS[entity]
    pk = kind.key_of(key)
    assert pk is not None
    table = tables[kind.table]
    row = conn.execute(select(table).where(*[table.c[k] == v for k, v in pk.items()])).mappings().first()
    return None if row is None else kind.fields[field_name].value_of(dict(row))


def _requests(world: World, schedule: Schedule, cursor: int) -> list[Writer]:
    """Each writer's batch; a fresh base is the record's version as it stands now (what a synced PC knows)."""
    out = []
    with world.engine.connect() as conn:
        for w, writes in zip(schedule.writers, schedule.writes, strict=True):
            pc = world.writers[w]
            targets = world.targets[pc["teacher"]]
            ops = []
            for write in writes:
                entity, key = targets[write.target]
                kind = KINDS[entity]
                pk = kind.key_of(key)
                assert pk is not None
                table = tables[kind.table]
                version = conn.execute(select(table.c.server_version).where(
                    *[table.c[k] == v for k, v in pk.items()])).scalar() or 0
                pc["seq"] += 1
                ops.append(Operation(seq=pc["seq"], hlc=(int(time.time() * 1000) << 16) + pc["seq"], entity=entity,
                                     key=key, field=write.field, value=write.value,
                                     base=0 if write.stale else version))
            out.append(Writer(SyncRequest(device_id=pc["device_id"], cursor=cursor, ops=ops), pc["token"]))
    return out


def _run(world: World, schedule: Schedule) -> None:
    engine = world.engine
    with engine.connect() as conn:
        start = feed.head(conn, world.school_id)  # the reader is at the end of the feed, as a new PC would be
    writers = _requests(world, schedule, start)
    by_thread: dict[int, Writer] = {}

    def on_begin(conn: Connection) -> None:
        w = by_thread.get(threading.get_ident())
        if w is not None:
            w.backend_pid = conn.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]

    def on_commit(_conn: Connection) -> None:  # the writer waits here, its statements done, before COMMIT
        w = by_thread.get(threading.get_ident())
        if w is not None:
            w.at_commit.set()
            w.held_too_long = not w.release.wait(HOLD_S)

    sa_event.listen(engine, "begin", on_begin)
    sa_event.listen(engine, "commit", on_commit)
    pulled: list[Change] = []
    cursor = start
    try:
        for step, n in schedule.steps:
            if step == "pull":
                if any(w.at_commit.is_set() and not w.release.is_set() and w.thread is not None
                       and w.thread.is_alive() for w in writers):
                    event("a pull while a writer is held at its commit")
                answer = _pull(world, cursor, n)
                pulled += answer.changes
                cursor = answer.cursor
                continue
            w = writers[n]
            if step == "start":
                w.thread = threading.Thread(target=w.run, args=(engine, by_thread), daemon=True)
                w.thread.start()
            else:
                event("released at its commit" if w.at_commit.is_set() else "released while it waits on a lock")
                w.release.set()
            _settle(world, writers)
            if sum(w.at_commit.is_set() and not w.release.is_set() for w in writers) > 1:
                event("two writers held at their commits at once")
    finally:
        for w in writers:
            w.release.set()
        for w in writers:
            if w.thread is not None:
                w.thread.join(HOLD_S)
        sa_event.remove(engine, "begin", on_begin)
        sa_event.remove(engine, "commit", on_commit)
    for w in writers:
        assert w.error is None, f"a writer's sync failed: {w.error!r}"
        assert not w.held_too_long, "a writer was held at its commit longer than the test allows"
        assert w.answer is not None
        for result in w.answer.results:
            event(f"op {result.status}")
    while True:  # the reader pulls to the end, in pages of 3
        answer = _pull(world, cursor, 3)
        pulled += answer.changes
        cursor = answer.cursor
        if not answer.more:
            break
    _check(world, writers, start, cursor, pulled)


def _check(world: World, writers: list[Writer], start: int, cursor: int, pulled: list[Change]) -> None:
    change = tables["change"]
    with world.engine.connect() as conn:
        committed = conn.execute(
            select(change.c.position, change.c.entity, change.c.entity_key, change.c.field, change.c.value,
                   change.c.version)
            .where(change.c.school_id == world.school_id, change.c.position > start).order_by(change.c.position)
        ).all()
        head = feed.head(conn, world.school_id)
        written = {(op.entity, op.key, op.field) for w in writers for op in w.request.ops}
        server = {f: _server_value(conn, *f) for f in written}
    note(f"feed {start}..{head}: committed {[(r.position, r.entity_key, r.field, r.version) for r in committed]}")
    note(f"pulled {[(c.id, c.key, c.field, c.version) for c in pulled]}")
    assert cursor == head, "the reader's cursor is not at the feed's head after pulling to the end"
    positions = [c.id for c in pulled]
    assert len(positions) == len(set(positions)), "a change was pulled twice"
    by_position = {r.position: r for r in committed}
    assert {p for p in positions if p not in by_position} == set(), "pulled a change the feed does not hold"
    pass
    newest_seen: dict[tuple[str, str, str], int] = {}
    for c in pulled:
        r = by_position[c.id]
        assert (c.entity, c.key, c.field, c.version) == (r.entity, r.entity_key, r.field, r.version)
        newest_seen[(c.entity, c.key, c.field)] = max(c.version, newest_seen.get((c.entity, c.key, c.field), 0))
    seen = set(positions)
    missed = [r.position for r in committed
              if r.position not in seen and newest_seen.get((r.entity, r.entity_key, r.field), 0) <= r.version]
    assert not missed, f"the reader never pulled the changes at positions {missed} (nor a later version of them)"
    held: dict[tuple[str, str, str], tuple[int, Any]] = {}  # the reader's values: the newest version it pulled
    for c in pulled:
        f = (c.entity, c.key, c.field)
        if c.version > held.get(f, (0, None))[0]:
            held[f] = (c.version, c.value)
    changed = {(r.entity, r.entity_key, r.field) for r in committed}
    event(f"{len(committed)} changes committed" if len(committed) < 5 else "5+ changes committed")
    for f in sorted(written & changed, key=str):
        assert held[f][1] == server[f], f"the reader holds {held[f][1]!r} for {f}, the server {server[f]!r}"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_reader_misses_a_change_however_commits_interleave(world: World, data: st.DataObject) -> None:
    _run(world, data.draw(schedules(world), label="schedule"))
