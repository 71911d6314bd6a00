"""The server's append-only audit log: every applied or rejected operation and every admin action, with
who, from which device and address, server and client time, old → new and the result. Exported as CSV or
JSON Lines for whoever must show, years later, who did what.

Tamper-evident: every entry carries a hash chained to the previous one (storage.audit_chain), written under
a lock on the chain's head row so that concurrent syncs join the chain one at a time; `verify` (the CLI's
`dala-server verify-audit`) names the first entry that was changed or removed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from sqlalchemy import Connection, insert, select, update

from server.schema import audit_head, audit_log
from storage import audit_chain

EXPORT_COLUMNS = ("id", "at", "school_id", "account_id", "device_id", "ip", "seq", "client_hlc", "entity",
                  "entity_key", "field", "old_value", "new_value", "result", "reason", "version", "conflict_id")


# What the hash covers: every column but the id (the order is the chain's) and the hash itself.
HASHED = ("at", "school_id", "account_id", "device_id", "ip", "seq", "client_hlc", "entity", "entity_key", "field",
          "old_value", "new_value", "result", "reason", "version", "conflict_id")


def record(conn: Connection, **values: Any) -> None:
    record_many(conn, [values])


def record_many(conn: Connection, entries: list[dict]) -> None:
    """Append entries to the chain, in order, inside the caller's transaction."""
    if not entries:
        return
    head = conn.execute(select(audit_head.c.hash).where(audit_head.c.id == 1).with_for_update()).scalar()
    if head is None:  # a database made before the chain: start it
        conn.execute(insert(audit_head).values(id=1, last_id=0, hash=audit_chain.GENESIS))
        head = audit_chain.GENESIS
    rows = []
    for entry in entries:
        row = {f: entry.get(f) for f in HASHED}  # one shape for every row of the insert
        row["hash"] = head = audit_chain.entry_hash(head, row, HASHED)
        rows.append(row)
    last_id = max(conn.execute(insert(audit_log).returning(audit_log.c.id), rows).scalars().all())
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(last_id=last_id, hash=head))


def verify(conn: Connection, batch: int = 5000) -> tuple[Any, int] | None:
    """None when the whole chain holds; else (the id of the first entry that does not follow from the ones
    before it, or "end" when entries were cut off the end; how many entries checked out before it)."""
    head = conn.execute(select(audit_head.c.last_id, audit_head.c.hash).where(audit_head.c.id == 1)).first()

    def entries() -> Iterator[dict]:
        after = -1
        while True:
            page = conn.execute(select(audit_log.c.id, audit_log.c.hash, *(audit_log.c[f] for f in HASHED))
                                .where(audit_log.c.id > after, audit_log.c.hash.is_not(None))
                                .order_by(audit_log.c.id).limit(batch)).mappings().all()
            if not page:
                return
            yield from (dict(row) for row in page)
            after = page[-1]["id"]

    return audit_chain.first_broken(entries(), HASHED, head.hash if head else None)


def rows(conn: Connection, school_id: int, start: dt.datetime, end: dt.datetime) -> Iterator[dict]:
    query = (select(*(audit_log.c[c] for c in EXPORT_COLUMNS))
             .where(audit_log.c.school_id == school_id, audit_log.c.at >= start, audit_log.c.at < end)
             .order_by(audit_log.c.id))
    for row in conn.execute(query).mappings():
        out = dict(row)
        at = out["at"]
        out["at"] = (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).isoformat()
        yield out


def export(conn: Connection, school_id: int, start: dt.datetime, end: dt.datetime, fmt: str, out: TextIO) -> int:
    """Write the school's audit entries in [start, end) to `out` as "csv" or "jsonl"; returns how many."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        for row in rows(conn, school_id, start, end):
            writer.writerow(row)
            count += 1
    elif fmt == "jsonl":
        for row in rows(conn, school_id, start, end):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    else:
        raise ValueError(f"unknown format {fmt!r}; use csv or jsonl")
    return count


def to_string(conn: Connection, school_id: int, start: dt.datetime, end: dt.datetime, fmt: str) -> str:
    buffer = io.StringIO()
    export(conn, school_id, start, end, fmt, buffer)
    return buffer.getvalue()
