"""The server's tables laid out on a Citus cluster: every table held by school distributed by school_id, all
in one co-location group (a school's rows of every table on one node), and the shared ones copied to each node.

Done when the server migrates a database that has the citus extension: a cluster its operator prepared (the
extension created in the database on every node, the workers added: docs/admin.md). Plain PostgreSQL and
SQLite are left as they are. Tables are taken in foreign-key order, so a reference table is one before a
table that points to it; a table already laid out is left alone, so a migration that runs again, or adds a
table later, lays out only what is new. Rows already held (a database that moved onto Citus) are copied into
the shards by Citus itself.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, text

from server.schema import SHARED, login_failure, login_name, metadata

log = logging.getLogger(__name__)

# Read by every school, written rarely (an import, an account made): a full copy on every node.
REFERENCE = SHARED | {login_name.name, login_failure.name}
DISTRIBUTION_COLUMN = "school_id"
# One advisory lock key for the layout, so that app servers migrating at once lay each table out once.
_LOCK = 0x64616C61  # "dala"


def is_citus(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql" and bool(
        conn.execute(text("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')")).scalar())


def lay_out(engine: Engine) -> list[str]:
    """Distribute or replicate every table of the server's schema not yet laid out; returns their names
    (none off Citus)."""
    with engine.begin() as conn:
        if not is_citus(conn):
            return []
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        # Tables that point to each other are laid out in one transaction: Citus then uses one connection per
        # node for all of them, not one per shard (its documented setting for DDL after a write in a transaction).
        conn.execute(text("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'"))
        done = set(conn.execute(text("SELECT logicalrelid::regclass::text FROM pg_dist_partition")).scalars())
        pending = [t.name for t in metadata.sorted_tables if t.name not in done]
        if not pending:
            return []
        # Citus distributes no table that a local table points to, and no table that points to a local one but a
        # reference table: the foreign keys touching the tables still to lay out are set aside and put back after.
        keys = conn.execute(text(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conparentid = 0 AND (conrelid::regclass::text = ANY(:t) "
            "OR confrelid::regclass::text = ANY(:t)) ORDER BY 1, 2"), {"t": pending}).all()
        for table, name, _ in keys:
            conn.execute(text(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"'))
        anchor = next((t.name for t in metadata.sorted_tables if t.name not in REFERENCE and t.name in done), None)
        for table in pending:
            if table in REFERENCE:
                conn.execute(text("SELECT create_reference_table(:t)"), {"t": table})
            else:
                conn.execute(text("SELECT create_distributed_table(:t, :c, colocate_with => :with)"),
                             {"t": table, "c": DISTRIBUTION_COLUMN, "with": anchor or "none"})
                anchor = anchor or table
        for table, name, definition in keys:
            conn.execute(text(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}'))
        made = pending
    if made:
        log.info("laid out on the Citus cluster: %s", ", ".join(made))
    return made


def shard_count(conn: Connection, table: str) -> int:
    """How many shards a table has (1 for a reference table, 0 for a local one)."""
    return int(conn.execute(text("SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = CAST(:t AS regclass)"),
                            {"t": table}).scalar() or 0)
