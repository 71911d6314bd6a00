"""On PostgreSQL the change log and the audit log are split by month (server.partitions): a sync's rows land
in this month's partition, a row of a month with none lands in the default partition instead of failing, an
existing database's rows are moved into their months by the upgrade, and an export of a month reads only it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from core.alembic_env import alembic_config
from harness import pg_cluster
from server import audit_log, partitions
from tests.server import school
from tests.server.conftest import fresh_database, postgres, running_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.skipif(not pg_cluster.available(), reason="PostgreSQL is not installed")


@pytest.fixture(params=["postgresql"])  # SQLite holds each table whole
def pg_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database(request, tmp_path)


def _where(server, table: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """How many rows of `table` each of its partitions holds."""
    return {name: count for name, count in server.sql(
        f"SELECT tableoid::regclass::text, count(*) FROM {table} GROUP BY 1")}


def test_a_syncs_rows_land_in_this_months_partitions(pg_database: str) -> None:
    with running_server(pg_database) as server:
        cell = school.cell(server)
        api = server.client()
        api.login(cell.teacher_login)
        [result] = api.sync([api.op("cell", cell.key, "mark", 5)])["results"]
        assert result["status"] == "applied"
        month = partitions.name("change", dt.datetime.now(dt.UTC).date())
        assert _where(server, "change") == {month: 1}
        assert set(_where(server, "audit_log")) == {partitions.name("audit_log", dt.datetime.now(dt.UTC).date())}
        this_month = dt.datetime.now(dt.UTC).date().replace(day=1)
        ahead = [partitions.name("audit_log", this_month + dt.timedelta(days=31 * n))
                 for n in range(partitions.MONTHS_AHEAD + 1)]
        held = {row[0] for row in server.sql("SELECT relname FROM pg_class WHERE relispartition")}
        assert set(ahead) <= held, "the coming months are made ahead"


def test_a_row_of_a_month_without_a_partition_is_kept_in_the_default_one(pg_database: str) -> None:
    far = dt.datetime(2031, 3, 5, tzinfo=dt.UTC)  # a clock years ahead
    engine = create_engine(pg_database)
    try:
        with engine.begin() as conn:
            audit_log.record(conn, at=far, school_id=1, result="admin", entity="period", entity_key="1",
                             field="closed", new_value="true")
        with engine.begin() as conn:
            where = conn.execute(text("SELECT tableoid::regclass::text FROM audit_log WHERE at = :at"),
                                 {"at": far}).scalar_one()
            assert where == "audit_log_default"
            made = partitions.ensure(conn, dt.date(2031, 3, 1))  # the server reaches that month later
        assert "audit_log_2031_03" not in made and "change_2031_03" in made  # its rows stay where they are
        with engine.connect() as conn:
            assert audit_log.verify(conn) is None
    finally:
        engine.dispose()


def test_the_upgrade_moves_an_existing_log_into_its_months(pg_database: str) -> None:
    with running_server(pg_database) as server:
        cell = school.cell(server)
        api = server.client()
        api.login(cell.teacher_login)
        for mark in (3, 4, 5):
            api.sync([api.op("cell", cell.key, "mark", mark)])
    engine = create_engine(pg_database)
    cfg = alembic_config("server:migrations")
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009")  # one table each, as before the split
            conn.execute(text("UPDATE change SET at = at - interval '400 days' WHERE version = 1"))
            before = conn.execute(text("SELECT id, at, value FROM change ORDER BY id")).all()
            audit = conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id")).all()
            command.upgrade(cfg, "head")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, at, value FROM change ORDER BY id")).all() == before
            assert conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id")).all() == audit
            months = dict(conn.execute(text("SELECT tableoid::regclass::text, count(*) FROM change GROUP BY 1")).all())
            old = partitions.name("change", before[0].at.astimezone(dt.UTC).date())
            assert months[old] == 1 and sum(months.values()) == 3 and "change_default" not in months
            assert audit_log.verify(conn) is None
    finally:
        engine.dispose()


def test_an_export_of_a_month_reads_that_months_partition_alone(pg_database: str) -> None:
    engine = create_engine(pg_database)
    try:
        start = dt.datetime.now(dt.UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        end = (start + dt.timedelta(days=32)).replace(day=1)
        with engine.connect() as conn:
            query = audit_log.export_query(1, start, end)
            plan = "\n".join(conn.execute(text("EXPLAIN " + str(query.compile(
                conn, compile_kwargs={"literal_binds": True})))).scalars())
        assert partitions.name("audit_log", start.date()) in plan
        assert "audit_log_default" not in plan and partitions.name("audit_log", end.date()) not in plan
    finally:
        engine.dispose()
