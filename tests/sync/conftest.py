"""Real devices for the sync tests: client journals in SQLite files with the real sync engine, talking to
the real server over HTTP on 127.0.0.1 (SQLite by default; PostgreSQL where a test asks for it)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from harness.fault_proxy import FaultProxy
from server import demo
from storage import sync_state
from storage.database import open_database
from storage.journal import Journal
from sync.backoff import Backoff
from sync.credentials import MemoryTokens
from sync.engine import SyncEngine
from sync.errors import SyncError
from tests.server.conftest import (  # noqa: F401
    LiveServer,
    fresh_database,
    postgres,
    running_server,
    server_template,
)
from tests.server.school import readable_courses


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

    def login(self, password: str = demo.DEMO_PASSWORD) -> Device:
        self.engine.login_blocking(self.username, password)
        return self

    def sync(self):  # type: ignore[no-untyped-def]
        return self.engine.run_once()

    @property
    def journal(self) -> Journal:
        with self.db.read() as conn:
            state = sync_state.load(conn)
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


@pytest.fixture
def proxy(server: LiveServer) -> Iterator[FaultProxy]:
    """The fault-injecting proxy in front of the test's server."""
    fault_proxy = FaultProxy(int(server.url.rsplit(":", 1)[1])).start()
    yield fault_proxy
    fault_proxy.stop()


def edit_many(device: Device, lessons: int = 3, value_seed: int = 0) -> int:
    """Marks and absences for every pupil of the first `lessons` of the device's teacher's lessons in the
    criteria course, as a teacher types them; returns how many operations are queued."""
    journal = device.journal
    rows = device.sql(
        "SELECT l.id, m.pupil_id FROM lesson l JOIN course c ON c.id = l.course_id "
        "JOIN class_membership m ON m.class_id = c.class_id AND m.from_date <= l.date "
        "AND (m.to_date IS NULL OR m.to_date >= l.date) "
        "WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL AND l.date BETWEEN '2026-11-03' AND '2026-11-20' "
        "AND l.id IN (SELECT l2.id FROM lesson l2 JOIN course c2 ON c2.id = l2.course_id WHERE c2.scale = 'criteria' "
        "AND c2.subgroup_id IS NULL AND c2.teacher_id = ? AND l2.date BETWEEN '2026-11-03' AND '2026-11-20' "
        "ORDER BY l2.id LIMIT ?) ORDER BY l.id, m.pupil_id", (journal.actor_id, lessons))
    for i, (lesson_id, pupil_id) in enumerate(rows):
        if (i + value_seed) % 5 == 0:
            journal.set_attendance(lesson_id, pupil_id, "absent")
        else:
            journal.set_mark(lesson_id, pupil_id, (i * 7 + value_seed) % 11)
    with device.db.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM outbox_op").scalar_one()


def assert_same_cells_and_exactly_once(server: LiveServer, device: Device) -> None:
    """What a teacher and the school's admin would check after a bad day on the link: nothing waiting,
    the server holds what this PC holds, and every change was processed once (no gap, no double)."""
    assert device.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
    next_seq = device.sql("SELECT next_seq FROM device_state")[0][0]
    seqs = [r[0] for r in server.sql("SELECT seq FROM audit_log WHERE device_id = :d AND seq IS NOT NULL ORDER BY seq",
                                     d=device.engine.device_id)]
    assert seqs == list(range(1, next_seq))
    local = {(r[0], r[1]): tuple(r[2:]) for r in device.sql(
        "SELECT lesson_id, pupil_id, attendance, mark, comment, server_version FROM lesson_cell")}
    courses = ",".join(str(c) for c in readable_courses(server, device.journal.actor_id))
    remote = {(r[0], r[1]): tuple(r[2:]) for r in server.sql(
        "SELECT lesson_id, pupil_id, attendance, mark, comment, server_version FROM lesson_cell "
        f"WHERE lesson_id IN (SELECT id FROM lesson WHERE course_id IN ({courses}))")}
    assert local == remote


def sync_until_done(device: Device, attempts: int = 20) -> list[str]:
    """Sync as the engine's timer would, until a run goes through; returns the errors met on the way."""
    errors = []
    for _ in range(attempts):
        try:
            device.sync()
            return errors
        except SyncError as error:
            assert error.retry, error.message
            errors.append(error.code)
    raise AssertionError(f"no sync went through in {attempts} attempts: {errors}")


def synced_pcs(folder: Path, url: str, login: str, *names: str, password: str = demo.DEMO_PASSWORD) -> list[Device]:
    """PCs of one teacher, each logged in and holding the downloaded journal."""
    pcs = [Device(folder, name, url, login).login(password) for name in names]
    for pc in pcs:
        pc.sync()
    return pcs


def wait_for(condition: Callable[[], object], seconds: float = 30.0) -> None:
    """Wait for something a background thread (the sync engine's) brings about."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def lesson_and_pupils(pc: Device, count: int = 6) -> tuple[str, list[int]]:
    """A recent regular lesson of the PC's teacher's criteria course (no groups), and `count` pupils of its class."""
    rows = pc.sql("SELECT l.id, m.pupil_id FROM lesson l JOIN course c ON c.id = l.course_id JOIN class_membership m "
                  "ON m.class_id = c.class_id AND m.to_date IS NULL WHERE c.teacher_id = ? AND c.scale = 'criteria' "
                  "AND c.subgroup_id IS NULL AND l.kind = 'regular' AND l.date BETWEEN '2026-11-03' AND '2026-11-20' "
                  "ORDER BY l.date DESC, m.pupil_id LIMIT ?", (pc.journal.actor_id, count))
    return rows[0][0], [p for _, p in rows]


def mark_on(pc: Device, lesson: str, pupil: int) -> int | None:
    """The mark the PC's journal holds in a cell (None: none)."""
    found = pc.sql("SELECT mark FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?", (lesson, pupil))
    return found[0][0] if found else None

