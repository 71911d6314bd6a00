"""The server's database: PostgreSQL (psycopg 3) in production, a SQLite file as the embedded default.
Opening it brings the schema to the newest Alembic revision.

The embedded SQLite file gets the settings a server needs from it: WAL, synchronous=FULL (an answered sync
survives power loss), foreign keys, a busy timeout, and BEGIN IMMEDIATE for writers (`writer`), so two
requests writing at once queue on the lock instead of failing half-way. Python's sqlite3 module begins
transactions on its own terms; as SQLAlchemy's SQLite dialect documents, that is switched off and BEGIN is
emitted here. (The teacher's journal file has its own engine in storage.database, with SQLCipher.)
"""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from core.alembic_env import alembic_config
from server import distribution, partitions
from server.settings import Settings

BUSY_TIMEOUT_S = 10.0
_BEGIN_OPTION = "dala_begin"


def connect(url: str, settings: Settings | None = None) -> Engine:
    """An engine for `url` ("postgresql+psycopg://…" or "sqlite:///path"), not yet migrated; its pool as
    `settings` size it (server.settings)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database:
            raise ValueError("the embedded server needs a database file, e.g. sqlite:///var/server.db")
        return _sqlite_engine(parsed.database)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    settings = settings or Settings(url)
    # Through PgBouncer's transaction pooling, each transaction may get another server connection, where a
    # statement psycopg prepared on the last one does not exist: psycopg then prepares none.
    connect_args = {"prepare_threshold": None} if settings.pgbouncer else {}
    return create_engine(parsed, pool_size=settings.pool_size, max_overflow=settings.pool_overflow,
                         pool_timeout=settings.pool_timeout_s, pool_pre_ping=True, connect_args=connect_args)


def writer(engine: Engine) -> Engine:
    """The same engine, beginning its transactions with BEGIN IMMEDIATE (on SQLite; PostgreSQL ignores it)."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})


def _sqlite_engine(path: str) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _settings(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # BEGIN is ours (below)
        for pragma in ("synchronous=FULL", "foreign_keys=ON", f"busy_timeout={int(BUSY_TIMEOUT_S * 1000)}"):
            dbapi_conn.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get(_BEGIN_OPTION, 'DEFERRED')}")

    return engine


def migrate(engine: Engine) -> None:
    cfg = alembic_config("server:migrations")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    partitions.keep_ahead(engine)  # the coming months' partitions of the logs (PostgreSQL)
    distribution.lay_out(engine)  # on a Citus cluster: the tables distributed by school (partitions included)
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()  # outside any transaction: SQLite switches to WAL only there
        try:
            raw.cursor().execute("PRAGMA journal_mode=WAL")  # a lasting property of the file
        finally:
            raw.close()


def refresh_statistics(engine: Engine) -> None:
    """After a bulk load (a school imported, the demo school), the planner's statistics brought up to date at once
    (PostgreSQL's ANALYZE; SQLite's ANALYZE), as PostgreSQL's docs advise after loading data: autovacuum would get to
    it within minutes, and until then the first syncs were planned as if the tables were empty (a lesson's batch
    read every course of the school; 3 ms against 0.2)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")


def open_server_db(url: str, settings: Settings | None = None) -> Engine:
    engine = connect(url, settings)
    migrate(engine)
    return engine
