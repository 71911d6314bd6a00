"""Bad requests get a clear 4xx and change nothing; a saturated server says 503 with Retry-After."""

from __future__ import annotations

import gzip
import json
import threading
import time

import httpx
import pytest

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
        body(teacher, ops=[dict(good_op, seq=n) for n in range(1, 2002)]),
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


def test_a_saturated_server_answers_503_with_retry_after(backend_db):
    with running_server(backend_db, "--max-syncs", "1") as server:
        api = server.client()
        api.login(school.cell(server).teacher_login)
        payload = json.dumps(body(api)).encode()
        released = threading.Event()

        def slow_body():
            yield payload[:5]
            released.wait(10)
            yield payload[5:]

        outcome = {}

        def hold_the_slot():
            outcome["first"] = httpx.post(f"{server.url}/v1/sync", content=slow_body(), timeout=30,
                                          headers={**api.headers(), "Content-Type": "application/json"})

        holder = threading.Thread(target=hold_the_slot)
        holder.start()
        time.sleep(0.5)
        second = api.sync_raw(body(api))
        released.set()
        holder.join(15)
        assert second.status_code == 503 and int(second.headers["Retry-After"]) > 0
        assert second.json()["error"] == "busy"
        assert outcome["first"].status_code == 200


def test_the_openapi_spec_is_served(live_server):
    spec = httpx.get(f"{live_server.url}/openapi.json").json()
    assert {"/v1/login", "/v1/sync", "/v1/bootstrap"} <= set(spec["paths"])
    assert "requestBody" in spec["paths"]["/v1/sync"]["post"]
