"""Plain SQL on the DB-API connection of the current SQLAlchemy transaction, for the few fixed statements
that run on every mark a teacher types (storage.journal, storage.device, storage.outbox, storage.audit).

SQLAlchemy still opens, begins (BEGIN IMMEDIATE), commits and rolls back the transaction; only the
statement execution skips its per-call machinery. Measured on the benchmark school: a `text()` statement
costs ~36 µs through SQLAlchemy against ~2 µs on the driver, and a mark takes six of them, which doubled
the cost of a durable write (560 µs against 300 µs; see benchmarks/storage_bench.py). Parameters are
named (`:name`) and passed as a dict; dates go in as ISO text, as SQLAlchemy's SQLite dialect stores them.
Errors are the driver's own (sqlite3.Error), and they roll the transaction back like any other.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection


def rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[tuple]:
    return conn.connection.driver_connection.execute(sql, params).fetchall()


def run(conn: Connection, sql: str, params: dict[str, Any]) -> None:
    conn.connection.driver_connection.execute(sql, params)
