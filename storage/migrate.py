"""Bring a journal file to the current schema with Alembic, writing a backup copy first.

The migration scripts live in storage/migrations. A new file is created at the newest revision; a file at
an older revision is copied into its backups folder first (storage.backups, "migration") and then upgraded in one
transaction; a file from a newer app, or one that is not a journal, is refused untouched.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect

from core.alembic_env import alembic_config
from core.errors import DatabaseFromNewerVersion, DatabaseProblem
from storage import backups, hot_sql, sqlite_file

MIGRATIONS = "storage:migrations"


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, path: Path, target: str = "head") -> Path | None:
    """Migrate the file behind `engine` to `target`; returns the backup written, if any."""
    if target == "head":
        with engine.connect() as conn:
            if sqlite_file.revision(hot_sql.driver(conn)) == sqlite_file.JOURNAL_HEAD:
                return None  # the usual case, decided without loading Alembic
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config(MIGRATIONS)
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        has_tables = bool(inspect(conn).get_table_names())
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return None
    if current is None and has_tables:
        raise DatabaseProblem(path=str(path), why="not_a_journal", reason="it is not a Dala Journal database")
    if current is not None:
        from alembic.util.exc import CommandError

        try:
            script.get_revision(current)
        except CommandError:  # alembic's "no such revision": a newer app's
            raise DatabaseFromNewerVersion(path=str(path), revision=current) from None
    backup = backups.make(engine, path, "migration") if current is not None else None
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
