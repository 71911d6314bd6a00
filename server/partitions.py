"""The change log and the audit log split by month on PostgreSQL (declarative range partitions on `at`).

Years of a school's audit log stay (an operator was fined for missing years-old logs), but a month's
partition is a table of its own: an export of a date range reads only its months, an old month can be
moved to cheaper storage, detached and archived whole, and no index or vacuum spans the whole history.
On Citus each partition is distributed by school like its parent.

Each month's partition is made ahead of time: `ensure` makes the months from now to MONTHS_AHEAD ahead (at
migration, at each server start and every few hours while it runs). A row whose month has no partition
(a clock far ahead, a server not restarted for months) lands in the DEFAULT partition instead of failing;
that month then stays in the default one (PostgreSQL will not carve a partition out of rows already held
there), which only costs pruning. SQLite (the embedded server) holds each table whole.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

PARTITIONED = ("change", "audit_log")
MONTHS_AHEAD = 3


def name(table: str, month: dt.date) -> str:
    """A month's partition: "<table>_YYYY_MM" (the names core.alembic_env.PARTITION leaves out of comparisons)."""
    return f"{table}_{month.year:04d}_{month.month:02d}"


def default_ddl(table: str) -> str:
    return f"CREATE TABLE {table}_default PARTITION OF {table} DEFAULT"


def ensure(conn: Connection, today: dt.date, since: dt.date | None = None,
           tables: tuple[str, ...] = PARTITIONED) -> list[str]:
    """Make the monthly partitions from `since` (default: this month) to MONTHS_AHEAD months after `today`
    that do not exist yet; returns their names. PostgreSQL only: nothing on SQLite."""
    if conn.dialect.name != "postgresql":
        return []
    made = []
    existing = set(conn.execute(text("SELECT relname FROM pg_class WHERE relkind = 'r' AND relispartition")).scalars())
    for table in tables:
        for month in _months(since or today, today):
            partition = name(table, month)
            if partition in existing:
                continue
            end = _next(month)
            start_at, end_at = _utc(month), _utc(end)
            held = conn.execute(text(f"SELECT EXISTS (SELECT 1 FROM {table}_default WHERE at >= :start AND at < :end)"),
                                {"start": start_at, "end": end_at}).scalar()
            if held:  # rows of that month already wait in the default partition: it keeps them (see above)
                continue
            conn.execute(text(f"CREATE TABLE IF NOT EXISTS {partition} PARTITION OF {table} "
                              f"FOR VALUES FROM ('{start_at.isoformat()}') TO ('{end_at.isoformat()}')"))
            made.append(partition)
    return made


def keep_ahead(engine: Engine) -> None:
    """`ensure` for today in its own transaction, as a running server does every few hours; a failure (the
    database away, another worker making the same month at that moment) is logged and tried again later."""
    try:
        with engine.begin() as conn:
            made = ensure(conn, dt.datetime.now(dt.UTC).date())
        if made:
            log.info("made the partitions %s", ", ".join(made))
    except DBAPIError as error:
        log.warning("could not make the coming months' partitions now: %s", error.orig)


def _months(first: dt.date, today: dt.date) -> list[dt.date]:
    month, last = first.replace(day=1), today.replace(day=1)
    for _ in range(MONTHS_AHEAD):
        last = _next(last)
    months = []
    while month <= last:
        months.append(month)
        month = _next(month)
    return months


def _utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)  # months by UTC, whatever the session's time zone


def _next(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
