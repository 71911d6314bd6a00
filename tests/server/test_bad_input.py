"""Bad requests get a clear 4xx and change nothing; a saturated server says 503 with Retry-After."""

from __future__ import annotations

import gzip
import json
import threading
import time

import httpx
import pytest
from sqlalchemy import text

from core.protocol import MAX_OPS_PER_SYNC
from tests.server import school
from tests.server.conftest import running_server


def state(live_server):
    return tuple(live_server.sql("SELECT (SELECT count(*) FROM change), (SELECT count(*) FROM audit_log), "
                                 "(SELECT coalesce(sum(last_seq), 0) FROM device)")[0])


@pytest.fixture
def teacher(live_server):
    api = live_server.client()
    api.login(school.cell(live_server).teacher_login)
    return api


def body(api, **extra):
    return {"device_id": api.device_id, "cursor": 0, "ops": [], **extra}


def test_malformed_json_is_a_422_with_a_reason(live_server, teacher):
    before = state(live_server)
    for raw in (b"{not json", b"[]", b'{"device_id": 5}', b""):
        response = teacher.sync_raw(raw)
        assert response.status_code == 422, raw
        assert response.json()["error"] == "invalid_request" and response.json()["message"]
    assert state(live_server) == before


def test_unknown_fields_and_out_of_range_values_are_refused_whole(live_server, teacher):
    cell = school.cell(live_server)
    before = state(live_server)
    good_op = teacher.op("cell", cell.key, "mark", 8)
    cases = [
        body(teacher, colour="red"),
        body(teacher, ops=[dict(good_op, extra=1)]),
        body(teacher, ops=[dict(good_op, seq=0)]),
        body(teacher, ops=[dict(good_op, base=-1)]),
        body(teacher, ops=[dict(good_op, entity="pupil")]),
        body(teacher, limit=100_000),
        body(teacher, cursor=-5),
        body(teacher, ops=[dict(good_op, seq=n) for n in range(1, MAX_OPS_PER_SYNC + 2)]),  # one over the limit
    ]
    for case in cases:
        response = teacher.sync_raw(case)
        assert response.status_code == 422, case
    assert "extra" in teacher.sync_raw(cases[1]).json()["message"]
    assert state(live_server) == before, "a refused request wrote nothing, not even part of its batch"


def test_bad_compression_is_a_400(live_server, teacher):
    raw = gzip.compress(json.dumps(body(teacher)).encode())
    for broken in (b"plainly not gzip", raw[: len(raw) // 2]):
        response = teacher.sync_raw(broken, **{"Content-Encoding": "gzip"})
        assert response.status_code == 400 and response.json()["error"] == "bad_compression"
    assert teacher.sync_raw(b"{}", **{"Content-Encoding": "br"}).status_code == 415


def test_oversized_requests_get_413_even_when_compressed_small(live_server, teacher):
    huge = b'{"device_id": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    assert teacher.sync_raw(huge).status_code == 413
    bomb = gzip.compress(b" " * (40 * 1024 * 1024))  # ~40 KB on the wire, 40 MB inflated
    assert len(bomb) < 100_000
    response = teacher.sync_raw(bomb, **{"Content-Encoding": "gzip"})
    assert response.status_code == 413 and response.json()["error"] == "too_large"


def _holding_the_sync_of(server, device_id: str):  # type: ignore[no-untyped-def]
    """A transaction of the test's own holding what `device_id`'s sync must lock (its device row; on SQLite
    the one writer's lock), so that sync waits inside its slot until the transaction ends."""
    conn = server.engine.connect()
    if server.engine.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.begin()
        conn.execute(text("SELECT 1 FROM device WHERE id = :d FOR UPDATE"), {"d": device_id})
    return conn


def test_a_saturated_server_answers_503_with_a_jittered_retry_after_at_once(backend_db):
    with running_server(backend_db, "--max-syncs", "1") as server:
        cell = school.cell(server)
        holder, others = server.client(), [server.client() for _ in range(12)]
        for api in (holder, *others):
            assert api.login(cell.teacher_login).status_code == 200
        lock = _holding_the_sync_of(server, holder.device_id)
        outcome = {}
        thread = threading.Thread(target=lambda: outcome.setdefault("first", holder.sync_raw(body(holder))))
        thread.start()
        time.sleep(0.5)  # the holder's sync has its slot and waits on the lock
        refusals = [api.sync_raw(body(api)) for api in others]
        lock.rollback()
        lock.close()
        thread.join(15)
        assert {r.status_code for r in refusals} == {503}
        assert {r.json()["error"] for r in refusals} == {"busy"}
        waits = [int(r.headers["Retry-After"]) for r in refusals]
        assert min(waits) >= 1 and len(set(waits)) > 1, "the PCs turned away together are not told the same second"
        assert outcome["first"].status_code == 200


def test_a_slow_upload_holds_no_sync_slot(backend_db):
    with running_server(backend_db, "--max-syncs", "1") as server:
        slow, quick = server.client(), server.client()
        login = school.cell(server).teacher_login
        slow.login(login)
        quick.login(login)
        payload = json.dumps(body(slow)).encode()
        released = threading.Event()

        def slow_body():  # a 2G link: the body trickles in
            yield payload[:5]
            released.wait(10)
            yield payload[5:]

        outcome = {}

        def upload():
            outcome["slow"] = httpx.post(f"{server.url}/v1/sync", content=slow_body(), timeout=30,
                                         headers={**slow.headers(), "Content-Type": "application/json"})

        uploader = threading.Thread(target=upload)
        uploader.start()
        time.sleep(0.5)
        answered = quick.sync_raw(body(quick))
        released.set()
        uploader.join(15)
        assert answered.status_code == 200, "the one slot was free while the slow body was still coming"
        assert outcome["slow"].status_code == 200


def test_the_openapi_spec_is_served(live_server):
    spec = httpx.get(f"{live_server.url}/openapi.json").json()
    assert {"/v1/login", "/v1/sync", "/v1/bootstrap"} <= set(spec["paths"])
    assert "requestBody" in spec["paths"]["/v1/sync"]["post"]
    for page in ("/docs", "/redoc"):  # pages that would load scripts from a CDN
        assert httpx.get(f"{live_server.url}{page}").status_code == 404


def test_a_huge_refused_value_is_audited_by_its_size_and_digest_not_whole(live_server, teacher):
    """Three 4 MiB comments (a few kB gzipped on the wire), each refused as too long: the append-only audit log
    keeps each one's size and SHA-256, not the value; the operation after them applies."""
    import hashlib

    from core import json_codec

    cell = school.cell(live_server)
    huge = ["ж" * 1000 + "a" * 4 * 2**20 + str(n) for n in range(3)]
    results = teacher.sync([*(teacher.op("cell", cell.key, "comment", text_) for text_ in huge),
                            teacher.op("cell", cell.key, "comment", "Жақсы")])["results"]
    assert [r["reason"] for r in results] == ["text_too_long"] * 3 + [None]
    logged = live_server.sql("SELECT new_value, result FROM audit_log WHERE device_id = :d AND seq IS NOT NULL "
                             "ORDER BY seq",
                             d=teacher.device_id)
    for (value, result), text_ in zip(logged[:3], huge, strict=True):
        column = json_codec.column(text_).encode()
        assert result == "rejected" and json.loads(value) == {
            "refused_value_bytes": len(column), "sha256": hashlib.sha256(column).hexdigest()}
    assert [tuple(r) for r in logged[3:]] == [('"Жақсы"', "applied")]


def test_a_body_that_is_not_json_by_its_type_is_a_415(live_server, teacher):
    """A body sent as text/plain (or with no type) is no request of ours, whatever it holds: 415, nothing applied."""
    before = state(live_server)
    for media in ("text/plain", "application/x-www-form-urlencoded", ""):
        response = teacher.http.post("/v1/sync", content=json.dumps(body(teacher)).encode(),
                                     headers={**teacher.headers(), "Content-Type": media})
        assert response.status_code == 415 and response.json()["error"] == "unsupported_media_type", response.text
    assert teacher.http.post("/v1/login", content=b'{"username": "a", "password": "b"}',
                             headers={"Content-Type": "text/plain"}).status_code == 415
    assert state(live_server) == before


def test_a_summative_work_that_would_count_nowhere_is_refused_with_its_cause(live_server):
    """The same rule as on the PC (core.write_rules.work_fits): no СОР in a pass/fail course, no СОЧ in a
    one-hour subject; each refused alone with `invalid_work`, nothing kept, the batch's next operation applied."""
    import uuid

    api = live_server.client()
    assert api.login("admin").status_code == 200
    [(passfail,)] = live_server.sql("SELECT id FROM course WHERE school_id = 1 AND scale = 'passfail' ORDER BY id "
                                    "LIMIT 1")
    [(one_hour,)] = live_server.sql("SELECT id FROM course WHERE school_id = 1 AND scale = 'criteria' AND "
                                    "hours_per_week = 1 ORDER BY id LIMIT 1")
    works = live_server.sql("SELECT count(*) FROM summative_work")[0][0]

    def work(course: int, kind: str) -> dict:
        return api.op("work", str(uuid.uuid4()), "create", {"course_id": course, "kind": kind, "title": "Жұмыс",
                                                            "section": "", "date": "2026-11-18", "max_points": 10,
                                                            "lesson_id": None})

    results = api.sync([work(passfail, "sor"), work(one_hour, "soch"), work(one_hour, "sor")])["results"]
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "invalid_work"), ("rejected", "invalid_work"), ("applied", None)]
    assert "pass/fail" in results[0]["message"] and "one-hour" in results[1]["message"]
    assert live_server.sql("SELECT count(*) FROM summative_work")[0][0] == works + 1
