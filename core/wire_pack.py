"""The packed wire form of the sync call: the same operations, results and changes as the JSON of
docs/sync-protocol.md, laid out column by column so that gzip can squeeze them on a 2G link.

Row-wise JSON repeats every field name, every lesson id (a UUID, once per pupil) and every 64-bit clock
stamp in full; gzip alone leaves about 15 bytes an operation. By column, sequence numbers and clock stamps
become small deltas, lesson ids a table of distinct ids and an index, pupil ids deltas, and each column a
run of look-alike numbers, which gzip turns into a few bits. The server and the client share this module
(it lives in `core`, which both import); the server unpacks into the protocol's own models,
so both forms are validated alike.

Media type: MEDIA_TYPE, for the request body (`Content-Type`) and the answer (`Accept`). A message that
does not unpack raises PackError.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from core import record_keys

MEDIA_TYPE = "application/vnd.dala.packed+json"
COUNTER_BITS = 16  # as core.hlc packs stamps
_RESULT_EXTRAS = ("reason", "message", "conflict_id", "expected", "replayed")


class PackError(ValueError):
    """The packed message is malformed."""


def _deltas(values: Iterable[int]) -> list[int]:
    out, last = [], 0
    for value in values:
        out.append(value - last)
        last = value
    return out


def _undelta(deltas: Sequence[Any]) -> list[int]:
    out, last = [], 0
    for delta in deltas:
        if not isinstance(delta, int) or isinstance(delta, bool):
            raise PackError("a number column holds something other than whole numbers")
        last += delta
        out.append(last)
    return out


def _split_key(key: str) -> tuple[str, int | None]:
    """'<record>/<pupil>' → (record, pupil); any other key → (key, None). A key splits only when it is in
    the canonical spelling (core.record_keys), so it packs and unpacks to exactly itself."""
    pupil_key = record_keys.parse_pupil_key(key)
    return (key, None) if pupil_key is None else (pupil_key.record, pupil_key.pupil)


def _pack_targets(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The entity, key and field of each row as columns: a table of the distinct `entity.field` pairs and
    of the distinct record ids, indices into them, and the pupil part of each key as deltas."""
    whats: dict[str, int] = {}
    keys: dict[str, int] = {}
    w: list[int] = []
    k: list[int] = []
    sub: list[int | None] = []
    last_pupil = 0
    for row in rows:
        w.append(whats.setdefault(f"{row['entity']}.{row['field']}", len(whats)))
        record, pupil = _split_key(row["key"])
        k.append(keys.setdefault(record, len(keys)))
        if pupil is None:
            sub.append(None)
        else:
            sub.append(pupil - last_pupil)
            last_pupil = pupil
    return {"what": list(whats), "w": w, "keys": list(keys), "k": k, "sub": sub}


def _unpack_targets(packed: dict[str, Any], n: int) -> list[dict[str, Any]]:
    whats, keys = packed["what"], packed["keys"]
    w, k, sub = packed["w"], packed["k"], packed["sub"]
    if not (len(w) == len(k) == len(sub) == n):
        raise PackError("the columns differ in length")
    out, last_pupil = [], 0
    for wi, ki, si in zip(w, k, sub, strict=True):
        entity, dot, field = _at(whats, wi).partition(".")
        if not dot:
            raise PackError("an entity.field entry has no dot")
        record = _at(keys, ki)
        if not isinstance(record, str):
            raise PackError("a key is not text")
        if si is None:
            key = record
        else:
            if not isinstance(si, int) or isinstance(si, bool):
                raise PackError("a pupil delta is not a whole number")
            last_pupil += si
            key = record_keys.cell(record, last_pupil)
        out.append({"entity": entity, "key": key, "field": field})
    return out


def _at(table: Sequence[Any], index: Any) -> Any:
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(table):
        raise PackError("an index points outside its table")
    return table[index]


def _column(packed: dict[str, Any], name: str, n: int) -> list[Any]:
    column = packed.get(name)
    if not isinstance(column, list) or len(column) != n:
        raise PackError(f"column {name!r} is missing or of the wrong length")
    return column


# -- operations (client → server) ------------------------------------------------------------------


def pack_ops(ops: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Operations as the protocol's dicts (seq, hlc, entity, key, field, value, base) → columns."""
    walls = [op["hlc"] >> COUNTER_BITS for op in ops]
    return {
        "n": len(ops),
        "seq": _deltas(op["seq"] for op in ops),
        "ms": _deltas(walls),
        "ctr": [op["hlc"] & ((1 << COUNTER_BITS) - 1) for op in ops],
        **_pack_targets(ops),
        "value": [op.get("value") for op in ops],
        "base": [op.get("base", 0) for op in ops],
    }


def unpack_ops(packed: Any) -> list[dict[str, Any]]:
    try:
        n = packed["n"]
        if not isinstance(n, int) or n < 0:
            raise PackError("n must be a count")
        seqs = _undelta(_column(packed, "seq", n))
        walls = _undelta(_column(packed, "ms", n))
        counters = _column(packed, "ctr", n)
        targets = _unpack_targets(packed, n)
        values, bases = _column(packed, "value", n), _column(packed, "base", n)
        out = []
        for i, target in enumerate(targets):
            counter = counters[i]
            if not isinstance(counter, int) or not 0 <= counter < (1 << COUNTER_BITS) or walls[i] < 0:
                raise PackError("a clock stamp is out of range")
            out.append({"seq": seqs[i], "hlc": (walls[i] << COUNTER_BITS) | counter, **target,
                        "value": values[i], "base": bases[i]})
        return out
    except (KeyError, TypeError, AttributeError) as error:
        raise PackError(f"malformed operations: {error}") from None


def dumps(packed: dict[str, Any]) -> bytes:
    """A packed message as the wire (and a sealed bundle) carries it: compact JSON, UTF-8."""
    return json.dumps(packed, ensure_ascii=False, separators=(",", ":")).encode()


def pack_request(request: dict[str, Any]) -> dict[str, Any]:
    """A sync request dict (device_id, cursor, limit, ops) with its operations packed."""
    return {**request, "ops": pack_ops(request.get("ops", []))}


def unpack_request(packed: Any) -> dict[str, Any]:
    if not isinstance(packed, dict):
        raise PackError("the request is not an object")
    return {**packed, "ops": unpack_ops(packed.get("ops", pack_ops([])))}


# -- the answer (server → client) ------------------------------------------------------------------


def pack_response(response: dict[str, Any]) -> dict[str, Any]:
    """A sync response dict with its results and changes packed; conflicts and the rest stay as they are."""
    results, changes = response["results"], response["changes"]
    statuses = list(dict.fromkeys(r["status"] for r in results))
    extras = []
    for i, result in enumerate(results):
        extra = {name: result[name] for name in _RESULT_EXTRAS
                 if result.get(name) is not None and result.get(name) is not False}
        if extra:
            extras.append([i, extra])
    return {
        **response,
        "results": {
            "n": len(results),
            "seq": _deltas(r["seq"] for r in results),
            "statuses": statuses,
            "s": [statuses.index(r["status"]) for r in results],
            "version": [r.get("version") for r in results],
            "value": [r.get("value") for r in results],  # told for most results: a column, not an extra
            "extra": extras,
        },
        "changes": {
            "n": len(changes),
            "id": _deltas(c["id"] for c in changes),
            **_pack_targets(changes),
            "value": [c["value"] for c in changes],
            "version": _deltas(c["version"] for c in changes),
        },
    }


def unpack_response(packed: Any) -> dict[str, Any]:
    try:
        results_in, changes_in = packed["results"], packed["changes"]
        n = results_in["n"]
        seqs = _undelta(_column(results_in, "seq", n))
        statuses, s = results_in["statuses"], _column(results_in, "s", n)
        versions, told = _column(results_in, "version", n), _column(results_in, "value", n)
        results = [{"seq": seqs[i], "status": _at(statuses, s[i]), "version": versions[i], "value": told[i]}
                   for i in range(n)]
        for index, extra in results_in["extra"]:
            _at(results, index).update(extra)
        m = changes_in["n"]
        ids = _undelta(_column(changes_in, "id", m))
        change_versions = _undelta(_column(changes_in, "version", m))
        values = _column(changes_in, "value", m)
        changes = [{"id": ids[i], **target, "value": values[i], "version": change_versions[i]}
                   for i, target in enumerate(_unpack_targets(changes_in, m))]
        return {**packed, "results": results, "changes": changes}
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise PackError(f"malformed answer: {error}") from None
