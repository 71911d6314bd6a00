"""The packed wire form gives back exactly what was packed, and refuses malformed input with PackError."""

from __future__ import annotations

import gzip
import json
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import wire_pack

json_values = st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=6)
keys = st.one_of(
    st.builds(lambda u, p: f"{u}/{p}", st.uuids().map(str), st.integers(1, 10**6)),
    st.uuids().map(str),
    st.text(min_size=1, max_size=20),
    st.just("x/0"), st.just("a/007"), st.just("/5"),
)
ops = st.lists(st.fixed_dictionaries({
    "seq": st.integers(1, 2**40), "hlc": st.integers(0, 2**62), "entity": st.sampled_from(["cell", "lesson", "score"]),
    "key": keys, "field": st.sampled_from(["mark", "comment", "topic"]), "value": json_values,
    "base": st.integers(0, 1000),
}), max_size=30)


@given(ops)
def test_operations_come_back_as_they_were_sent(batch: list[dict]) -> None:
    request = {"device_id": "12345678-1234-4234-8234-123456789abc", "cursor": 5, "limit": 100, "ops": batch}
    wire = json.loads(json.dumps(wire_pack.pack_request(request)))
    assert wire_pack.unpack_request(wire) == request


results = st.lists(st.fixed_dictionaries({
    "seq": st.integers(1, 10**6), "status": st.sampled_from(["applied", "merged", "conflict", "rejected", "gap"]),
    "version": st.none() | st.integers(0, 100), "reason": st.none() | st.text(max_size=10),
    "message": st.none() | st.text(max_size=10), "conflict_id": st.none() | st.integers(1, 100),
    "value": json_values, "expected": st.none() | st.integers(1, 100), "replayed": st.booleans(),
}), max_size=20)
changes = st.lists(st.fixed_dictionaries({
    "id": st.integers(1, 10**9), "entity": st.sampled_from(["cell", "lesson"]), "key": keys,
    "field": st.sampled_from(["mark", "attendance"]), "value": json_values, "version": st.integers(0, 10**6),
}), max_size=20)


def _full(result: dict) -> dict:
    return {"reason": None, "message": None, "conflict_id": None, "value": None, "expected": None, "replayed": False,
            **{k: v for k, v in result.items() if v not in (None, False)}, "version": result["version"]}


@given(results, changes)
def test_answers_come_back_as_they_were_sent(result_list: list[dict], change_list: list[dict]) -> None:
    response = {"results": result_list, "changes": change_list, "last_seq": 9, "cursor": 4, "more": False,
                "conflicts": [], "server_time": "2026-11-22T10:00:00Z"}
    back = wire_pack.unpack_response(json.loads(json.dumps(wire_pack.pack_response(response))))
    assert back["changes"] == change_list
    assert [_full(r) for r in back["results"]] == [_full(r) for r in result_list]
    assert back["cursor"] == 4 and back["server_time"] == response["server_time"]


@pytest.mark.parametrize("broken", [
    {"n": 2, "seq": [1], "ms": [0], "ctr": [0], "what": ["cell.mark"], "w": [0], "keys": ["a"], "k": [0], "sub": [None],
     "value": [1], "base": [0]},
    {"n": 1, "seq": [1], "ms": [0], "ctr": [0], "what": ["cell.mark"], "w": [3], "keys": ["a"], "k": [0], "sub": [None],
     "value": [1], "base": [0]},
    {"n": 1, "seq": ["1"], "ms": [0], "ctr": [0], "what": ["cell.mark"], "w": [0], "keys": ["a"], "k": [0],
     "sub": [None], "value": [1], "base": [0]},
    {"n": 1, "seq": [1], "ms": [0], "ctr": [70000], "what": ["cellmark"], "w": [0], "keys": ["a"], "k": [0],
     "sub": [None], "value": [1], "base": [0]},
    [1, 2], "ops", None,
])
def test_malformed_packed_operations_are_refused(broken: object) -> None:
    with pytest.raises(wire_pack.PackError):
        wire_pack.unpack_ops(broken)


def test_a_realistic_batch_packs_to_a_few_bytes_an_operation() -> None:
    """What the packing is for: 1,000 marks and absences in 40 lessons of 25 pupils, typed a few seconds
    apart, squeezed by gzip. Row-wise JSON costs tens of bytes an operation."""
    lessons = [str(uuid.uuid5(uuid.NAMESPACE_URL, str(i))) for i in range(40)]
    batch, hlc = [], 1_790_000_000_000 << 16
    for i in range(1000):
        hlc += (2000 + (i * 7919) % 5000) << 16
        field, value = ("mark", 2 + (i * 31) % 4) if i % 4 else ("attendance", "absent")
        batch.append({"seq": 100 + i, "hlc": hlc, "entity": "cell", "key": f"{lessons[i // 25]}/{5000 + i % 25}",
                      "field": field, "value": value, "base": 0})
    rows = gzip.compress(json.dumps({"ops": batch}, separators=(",", ":")).encode(), 9)
    packed = gzip.compress(json.dumps(wire_pack.pack_ops(batch), separators=(",", ":")).encode(), 9)
    assert len(packed) / 1000 < 6 < len(rows) / 1000
