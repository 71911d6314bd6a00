"""Each side's migrations give exactly its models: an empty database migrated by storage/migrations (a journal
file, SQLite) or by server/migrations (SQLite and PostgreSQL) holds the schema its metadata declares.

Two checks, each on a real database. Alembic's compare_metadata (with core.alembic_env.COMPARE: types and
server defaults) must find nothing to autogenerate. It does not look at everything, so the migrated database
is also reflected whole beside one the same metadata created (`create_all`) and the two must be equal: check
constraints, WITHOUT ROWID, partial-index predicates, primary and foreign keys, column order and autoincrement.
A deliberate difference between the sides (an index only the server has) is declared in server.schema, so it
is part of the server's models, not an exception here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import CheckConstraint, Column, Connection, Engine, MetaData, String, create_engine, inspect
from sqlalchemy.sql import ClauseElement

from core.alembic_env import COMPARE, PARTITION, alembic_config
from core.tables import JOURNAL_TABLES, Base
from server import db as server_db
from server.schema import metadata as server_metadata
from storage import migrate
from storage.database import make_engine, open_database
from storage.models import metadata as journal_metadata
from tests.server.conftest import empty_database, postgres  # noqa: F401  (postgres: the cluster of the server's tests)


def differences(conn: Connection, metadata: MetaData) -> list[Any]:
    """What autogenerate would write to bring the database behind `conn` to `metadata`."""
    return compare_metadata(MigrationContext.configure(conn, opts=dict(COMPARE)), metadata)


def _plain(value: Any) -> Any:
    """A reflected value with its SQL expressions as text, so two reflections compare with ==."""
    if isinstance(value, ClauseElement):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def reflected(engine: Engine, names: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Everything the inspector reports of each table (all but Alembic's own, or those named)."""
    with engine.connect() as conn:
        inspector = inspect(conn)
        every = {name for name in inspector.get_table_names() if not PARTITION.match(name)}  # parents only
        wanted = sorted(names if names is not None else every - {"alembic_version"})
        schema: dict[str, dict[str, Any]] = {}
        for name in wanted:
            columns = [{**column, "type": str(column["type"])} for column in inspector.get_columns(name)]
            schema[name] = _plain({
                "columns": columns,
                "primary key": inspector.get_pk_constraint(name),
                "foreign keys": sorted(inspector.get_foreign_keys(name), key=lambda fk: str(fk["name"])),
                "indexes": sorted(inspector.get_indexes(name), key=lambda ix: str(ix["name"])),
                "unique constraints": sorted(inspector.get_unique_constraints(name), key=lambda uq: str(uq["name"])),
                "check constraints": sorted(inspector.get_check_constraints(name), key=lambda ck: str(ck["name"])),
                "options": inspector.get_table_options(name),
            })
    return schema


def created(url: str, metadata: MetaData) -> dict[str, dict[str, Any]]:
    """The schema `metadata` itself creates in the empty database at `url`, reflected."""
    engine = create_engine(url)
    try:
        metadata.create_all(engine)
        return reflected(engine)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    param: str = request.param
    return param


# The PC's journal file: SQLite (or SQLCipher, the same schema) only.

def test_the_models_and_the_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    with open_database(tmp_path / "new.db") as fresh:
        with fresh.read() as conn:
            diff = differences(conn, journal_metadata)
        assert diff == []
        assert migrate.current_revision(fresh.engine) == migrate.head_revision()


def test_a_migrated_journal_file_is_the_file_its_models_create(tmp_path: Path) -> None:
    with open_database(tmp_path / "migrated.db") as fresh:
        migrated = reflected(fresh.engine)
    assert set(migrated) == set(journal_metadata.tables)
    assert migrated == created(f"sqlite:///{tmp_path / 'created.db'}", journal_metadata)


# The server's database: the embedded SQLite file and PostgreSQL.

def test_the_servers_migrations_describe_its_schema(request: pytest.FixtureRequest, tmp_path: Path,
                                                    backend: str) -> None:
    engine = server_db.open_server_db(empty_database(request, tmp_path, backend))
    try:
        with engine.connect() as conn:
            assert differences(conn, server_metadata) == []
            head = MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()
    assert head == ScriptDirectory.from_config(alembic_config("server:migrations")).get_current_head()


def test_a_migrated_server_database_is_the_one_its_models_create(request: pytest.FixtureRequest, tmp_path: Path,
                                                                 backend: str) -> None:
    engine = server_db.open_server_db(empty_database(request, tmp_path, backend))
    try:
        migrated = reflected(engine)
    finally:
        engine.dispose()
    assert set(migrated) == set(server_metadata.tables)
    assert migrated == created(empty_database(request, tmp_path, backend), server_metadata)


# Both sides: the journal tables each first revision created, and the checks themselves.

# Journal tables added after the first revisions, by a revision on each side (the school calendar: storage 0005,
# server 0012); each side's later revisions are checked above against its models.
LATER_TABLES = frozenset({"day_off"})

def test_both_first_revisions_create_the_same_journal_tables(tmp_path: Path) -> None:
    """Client 0001 and server 0001 each create the shared tables: column for column, key for key, the same;
    the only difference is the indexes server.schema declares on top of core.tables."""
    journal_path = tmp_path / "journal.db"
    journal = make_engine(journal_path)
    server = server_db.connect(f"sqlite:///{tmp_path / 'server.db'}")
    try:
        migrate.upgrade(journal, journal_path, target="0001")
        cfg = alembic_config("server:migrations")
        with server.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
        first = JOURNAL_TABLES - LATER_TABLES
        on_the_pc = reflected(journal, first)
        on_the_server = reflected(server, first)
    finally:
        journal.dispose()
        server.dispose()

    server_only = {(table, index.name) for table in first
                   for index in server_metadata.tables[table].indexes} - {
                   (table, index.name) for table in first for index in Base.metadata.tables[table].indexes}
    assert server_only == {("lesson", "ix_lesson_substitute_teacher_id")}
    for table, index_name in server_only:
        indexes = on_the_server[table]["indexes"]
        assert index_name in {index["name"] for index in indexes}
        on_the_server[table]["indexes"] = [index for index in indexes if index["name"] != index_name]
    assert on_the_pc == on_the_server


def test_the_checks_find_a_difference_in_what_each_of_them_compares(tmp_path: Path) -> None:
    """Not vacuous: a model that differs from the migrated file in a column's length or a server default is
    found by compare_metadata, and one that differs in a check constraint or WITHOUT ROWID (which
    compare_metadata does not look at) by the reflection."""
    with open_database(tmp_path / "migrated.db") as fresh:
        migrated = reflected(fresh.engine)

        changed = MetaData(naming_convention=journal_metadata.naming_convention)
        for table in journal_metadata.sorted_tables:
            table.to_metadata(changed)
        changed.tables["pupil"].append_column(Column("sex", String(2)), replace_existing=True)
        changed.tables["school"].append_column(Column("language", String(2), nullable=False, server_default="kk"),
                                               replace_existing=True)
        with fresh.read() as conn:
            found = differences(conn, changed)
    assert sorted((change[0][0], change[0][2], change[0][3]) for change in found) == [
        ("modify_default", "school", "language"), ("modify_type", "pupil", "sex")]

    stricter = MetaData(naming_convention=journal_metadata.naming_convention)
    for table in journal_metadata.sorted_tables:
        table.to_metadata(stricter)
    stricter.tables["lesson_cell"].append_constraint(CheckConstraint("mark >= 0", name="mark"))
    stricter.tables["audit_entry"].dialect_options["sqlite"]["with_rowid"] = False
    other = created(f"sqlite:///{tmp_path / 'created.db'}", stricter)
    assert other != migrated
    assert {table for table in migrated if migrated[table] != other[table]} == {"lesson_cell", "audit_entry"}
    assert other["lesson_cell"]["check constraints"] == [{"name": "ck_lesson_cell_mark", "sqltext": "mark >= 0"}]
    assert migrated["audit_entry"]["options"] == {} and other["audit_entry"]["options"] == {
        "sqlite_with_rowid": False}
