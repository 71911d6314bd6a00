"""The server's append-only audit log: every applied or rejected operation and every admin action, with
who, from which device and address, server and client time, old → new and the result. Exported as CSV or
JSON Lines for whoever must show, years later, who did what.

Tamper-evident: every entry carries a hash chained to the previous entry of the same device
(core.audit_chain), and each device's row keeps its chain's head, so a removed newest entry shows too.
One chain per device rather than one for the whole log: a global chain makes every sync wait for the one
before it to commit (it halved the server benchmark's throughput); a device's syncs are one at a time
anyway. What happens on no registered device (the operator's commands, a login refused to a PC the school
does not know yet, whose client-chosen id is not kept) goes in the school's own chain, its head on the
school's feed row. `verify` (the CLI's `dala-server verify-audit`) names the first entry that was changed
or removed; server.audit_checkpoint makes the heads verifiable without trusting the database."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from sqlalchemy import Connection, Select, select, update
from sqlalchemy.dialects import postgresql, sqlite

from core import audit_chain
from server import serials
from server.schema import audit_log, device, feed

EXPORT_COLUMNS = ("id", "at", "school_id", "account_id", "device_id", "ip", "seq", "client_hlc", "entity",
                  "entity_key", "field", "old_value", "new_value", "result", "reason", "version", "conflict_id")


# What the hash covers: every column but the id (the order is the chain's) and the hash itself.
HASHED = ("at", "school_id", "account_id", "device_id", "ip", "seq", "client_hlc", "entity", "entity_key", "field",
          "old_value", "new_value", "result", "reason", "version", "conflict_id")


# A refused operation's value is kept whole up to this many characters (every valid value is shorter); past it,
# its size and digest stand for it: the log is append-only and chained, so what it takes in it keeps for years.
REFUSED_KEPT = 4096


def refused_value(column: str | None) -> str | None:
    """A refused operation's value (as JSON text) as the log keeps it: whole when short, else a JSON object of its
    size in bytes and SHA-256 (three 15 MiB comments, each refused as too long, had grown the database by 63 MB)."""
    if column is None or len(column) <= REFUSED_KEPT:
        return column
    data = column.encode("utf-8", "surrogatepass")
    return json.dumps({"refused_value_bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})


def record(conn: Connection, **values: Any) -> None:
    record_many(conn, [values])


def record_many(conn: Connection, entries: list[dict], heads: dict[str, str | None] | None = None) -> dict[str, str]:
    """Append entries, in order, inside the caller's transaction: each is chained to the previous entry of
    its device, whose head is kept on the device's row. `heads`: the devices' current heads when the caller
    has read (and locked) their rows, as a sync has; it then writes the new heads (returned) itself, in the
    update it makes anyway. Without, the rows are locked, read and updated here. An entry whose device the
    school has not registered goes in the school's chain, without the device id (the client chose it)."""
    if not entries:
        return {}
    [school_id] = {e["school_id"] for e in entries}  # one school's entries at a time: its devices' chains
    devices = sorted({e["device_id"] for e in entries if e.get("device_id") is not None})
    known = heads is not None
    if heads is None:
        heads = dict(conn.execute(select(device.c.id, device.c.log_head)
                                  .where(device.c.school_id == school_id, device.c.id.in_(devices))
                                  .order_by(device.c.id).with_for_update()).all())
    chains: dict[str | None, str] = {d: heads.get(d) or audit_chain.GENESIS for d in devices if d in heads}
    rows = []
    for entry in entries:
        row: dict[str, Any] = {f: entry.get(f) for f in HASHED}  # one shape for every row of the insert
        if row["device_id"] not in chains:
            row["device_id"] = None
            if None not in chains:
                chains[None] = _school_head(conn, school_id) or audit_chain.GENESIS
        row["message"] = entry.get("message")  # a refusal's words, kept for a replay; not evidence, not hashed
        chain = row["device_id"]
        row["hash"] = chains[chain] = audit_chain.entry_hash(chains[chain], row, HASHED)
        rows.append(row)
    serials.insert_rows(conn, audit_log, rows)
    school_head = chains.pop(None, None)
    if school_head is not None:
        conn.execute(update(feed).where(feed.c.school_id == school_id).values(log_head=school_head))
    if not known:
        for device_id, head in chains.items():
            conn.execute(update(device).where(device.c.school_id == school_id, device.c.id == device_id)
                         .values(log_head=head))
    return {str(d): head for d, head in chains.items()}


def _school_head(conn: Connection, school_id: int) -> str | None:
    """The head of the school's own chain, its feed row made if the school has none yet and locked till the commit."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    made = dialect.insert(feed).values(school_id=school_id, head=0).on_conflict_do_nothing(
        index_elements=[feed.c.school_id])
    conn.execute(made)
    head: str | None = conn.execute(select(feed.c.log_head).where(feed.c.school_id == school_id)
                                    .with_for_update()).scalar_one()
    return head


def heads(conn: Connection, school_id: int | None = None) -> dict[tuple[int, str | None], str]:
    """Every chain's head as its rows keep it, by (school, device; None: the school's own chain)."""
    found: dict[tuple[int, str | None], str] = {}
    devices = select(device.c.school_id, device.c.id, device.c.log_head).where(device.c.log_head.is_not(None))
    schools = select(feed.c.school_id, feed.c.log_head).where(feed.c.log_head.is_not(None))
    if school_id is not None:
        devices, schools = devices.where(device.c.school_id == school_id), schools.where(feed.c.school_id == school_id)
    for school, device_id, head in conn.execute(devices):
        found[(school, str(device_id))] = head
    for school, head in conn.execute(schools):
        found[(school, None)] = head
    return found


def verify(conn: Connection, batch: int = 5000) -> tuple[Any, int] | None:
    """None when every device's chain holds; else (the id of the first entry that does not follow from the
    ones before it on its device, or "end" when a device's newest entries were removed; how many entries
    checked out before it)."""
    previous: dict[tuple[int, str | None], str] = {}  # by school and device: each device's chain
    checked, after = 0, -1
    while True:
        page = conn.execute(select(audit_log.c.id, audit_log.c.hash, *(audit_log.c[f] for f in HASHED))
                            .where(audit_log.c.id > after, audit_log.c.hash.is_not(None))
                            .order_by(audit_log.c.id).limit(batch)).mappings().all()
        if not page:
            break
        for row in page:
            chain = (row["school_id"], None if row["device_id"] is None else str(row["device_id"]))
            if audit_chain.entry_hash(previous.get(chain, audit_chain.GENESIS), row, HASHED) != row["hash"]:
                return row["id"], checked
            previous[chain] = row["hash"]
            checked += 1
        after = page[-1]["id"]
    for chain, head in heads(conn).items():
        if previous.get(chain, audit_chain.GENESIS) != head:
            return "end", checked
    return None


def export_query(school_id: int, start: dt.datetime, end: dt.datetime) -> Select[Any]:
    """The school's entries in [start, end), in order: on PostgreSQL it reads only those months' partitions."""
    return (select(*(audit_log.c[c] for c in EXPORT_COLUMNS))
            .where(audit_log.c.school_id == school_id, audit_log.c.at >= start, audit_log.c.at < end)
            .order_by(audit_log.c.id))


def rows(conn: Connection, school_id: int, start: dt.datetime, end: dt.datetime) -> Iterator[dict]:
    for row in conn.execute(export_query(school_id, start, end)).mappings():
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
