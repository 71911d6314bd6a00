"""The hash chain that makes an audit log tamper-evident, shared by the server's audit log and the PC's
local one: each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields in a
canonical form, so changing, removing or reordering any entry breaks every hash after it, and the first
entry that no longer matches says where. Times are hashed as UTC with microseconds, whatever the database
hands back (SQLite: naive; PostgreSQL: aware)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from core import json_codec

GENESIS = "0" * 64


def canonical(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return _utc_text(value)
    return value


@functools.lru_cache(maxsize=64)
def _utc_text(value: dt.datetime) -> str:
    """A time as hashed (a sync's entries share theirs: spelt out once)."""
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(previous: str, entry: Mapping[Any, Any], fields: Sequence[str]) -> str:
    body = json_codec.text([previous, *(canonical(entry.get(f)) for f in fields)])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def first_broken(entries: Iterable[Mapping[str, Any]], fields: Sequence[str], head: str | None = None,
                 start: str = GENESIS) -> tuple[Any, int] | None:
    """Walk `entries` (each with "id" and "hash") in order: the id of the first whose hash does not follow
    from the ones before, with how many were checked; ("end", n) when all match but the last hash is not
    `head` (entries cut off the end); None when the chain is whole."""
    previous, checked = start, 0
    for entry in entries:
        if entry_hash(previous, entry, fields) != entry["hash"]:
            return entry["id"], checked
        previous, checked = entry["hash"], checked + 1
    if head is not None and head != previous:
        return "end", checked
    return None
