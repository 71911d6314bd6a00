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

import sqlite3
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import ResourceClosedError
from sqlalchemy.pool import PoolProxiedConnection


def driver(conn: Connection | PoolProxiedConnection) -> sqlite3.Connection:
    """The driver's connection (sqlite3's or sqlcipher3's) under a SQLAlchemy or a pool connection."""
    pooled = conn.connection if isinstance(conn, Connection) else conn
    inner: sqlite3.Connection | None = pooled.driver_connection
    if inner is None:  # SQLAlchemy's connection was invalidated or closed
        raise ResourceClosedError("the connection has no driver connection")
    return inner


def rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    return driver(conn).execute(sql, params).fetchall()


def run(conn: Connection, sql: str, params: dict[str, Any]) -> None:
    driver(conn).execute(sql, params)
