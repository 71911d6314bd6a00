"""Migration 0005 chains an existing audit log per device: entries written by real syncs, taken back to the
schema before it (0004), come out of the upgrade with the very hashes the running server writes, and
`verify-audit` finds the chain whole."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from core.alembic_env import alembic_config
from server import audit_log
from tests.server import school


def test_the_upgrade_rechains_an_existing_log_as_the_server_would(live_server) -> None:
    cell = school.cell(live_server)
    api = live_server.client()
    api.login(cell.teacher_login)
    for mark in (5, 6, 7):
        api.sync([api.op("cell", cell.key, "mark", mark)])
    before = [tuple(r) for r in live_server.sql("SELECT id, hash FROM audit_log ORDER BY id")]
    assert len(before) == 4  # her login and three syncs
    engine = create_engine(live_server.db_url)
    cfg = alembic_config("server:migrations")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
        conn.execute(text("UPDATE audit_log SET hash = 'x'"))  # as 0004 left them: chained some other way
        command.upgrade(cfg, "head")
    after = [tuple(r) for r in live_server.sql("SELECT id, hash FROM audit_log ORDER BY id")]
    assert after == before
    with engine.connect() as conn:
        assert audit_log.verify(conn) is None
    engine.dispose()
