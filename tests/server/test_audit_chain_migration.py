"""Migrations 0005 and 0017 chain an existing audit log per device: entries written by real syncs, taken back to the
schema before it (0004), come out of the upgrade with the very hashes the running server writes, and
`verify-audit` finds the chain whole."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import create_engine, text

from core import audit_chain
from core.alembic_env import alembic_config
from server import audit_log, serials
from server.schema import audit_log as audit_table
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


def test_the_upgrade_chains_the_entries_on_no_registered_device_per_school(live_server) -> None:
    """Before 0017 a login refused to an unregistered PC was hashed on its own: a second one, or the PC's first good
    login after it, read as a break. The upgrade puts them in the school's chain, and the log verifies whole."""
    cell = school.cell(live_server)
    pc = live_server.client()
    engine = create_engine(live_server.db_url)
    cfg = alembic_config("server:migrations")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0016")
    # As the server before 0017 wrote them: the refused logins under the PC's id, each hashed from the start.
    with engine.begin() as conn:
        for _ in range(2):
            entry = dict(at=dt.datetime.now(dt.UTC), school_id=1, device_id=pc.device_id, ip="10.0.0.9",
                         entity="login", entity_key=cell.teacher_login, field="result", new_value="bad_credentials",
                         result="rejected")
            serials.insert_rows(conn, audit_table, [dict(entry, hash=audit_chain.entry_hash(
                audit_chain.GENESIS, entry, audit_log.HASHED))])
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert pc.login(cell.teacher_login).status_code == 200
    assert pc.login(cell.teacher_login, "wrong").status_code == 401
    with engine.connect() as conn:
        assert audit_log.verify(conn) is None
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE device_id IS NULL")).scalar() == 2
    engine.dispose()
