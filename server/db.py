"""The server's database: PostgreSQL (psycopg 3) in production, a SQLite file as the embedded default.
Opening it brings the schema to the newest Alembic revision."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from storage.database import make_engine, use_wal
from storage.migrate import alembic_config


def connect(url: str) -> Engine:
    """An engine for `url` ("postgresql+psycopg://…" or "sqlite:///path"), not yet migrated."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database:
            raise ValueError("the embedded server needs a database file, e.g. sqlite:///var/server.db")
        return make_engine(parsed.database)  # WAL, synchronous=FULL, foreign keys, BEGIN IMMEDIATE writes
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_size=10, max_overflow=10, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    cfg = alembic_config("server:migrations")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    if engine.dialect.name == "sqlite":
        use_wal(engine)


def open_server_db(url: str) -> Engine:
    engine = connect(url)
    migrate(engine)
    return engine
