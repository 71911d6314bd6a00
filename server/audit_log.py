"""The server's append-only audit log: every applied or rejected operation and every admin action, with
who, from which device and address, server and client time, old → new and the result. Exported as CSV or
JSON Lines for whoever must show, years later, who did what."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from sqlalchemy import Connection, insert, select

from server.schema import audit_log

EXPORT_COLUMNS = ("id", "at", "school_id", "account_id", "device_id", "ip", "seq", "client_hlc", "entity",
                  "entity_key", "field", "old_value", "new_value", "result", "reason", "version", "conflict_id")


def record(conn: Connection, **values: Any) -> None:
    conn.execute(insert(audit_log).values(**values))


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
