"""The server's database schema: the journal tables shared with the client (copied from core.tables, so
both sides agree on every column) and the server's own tables: accounts, devices, the change log that
feeds pulls, conflicts, and the audit log.

The server works with Core tables (`tables["lesson_cell"]`), which run alike on PostgreSQL and SQLite.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from core.tables import JOURNAL_TABLES, Base
from core.tables.base import NAMING_CONVENTION

metadata = MetaData(naming_convention=NAMING_CONVENTION)
for _table in Base.metadata.sorted_tables:
    if _table.name in JOURNAL_TABLES:
        _table.to_metadata(metadata)

# Pulls ask which lessons a teacher substitutes in; the client's journal never does, so only the server has this.
Index("ix_lesson_substitute_teacher_id", metadata.tables["lesson"].c.substitute_teacher_id)

account = Table(
    "account", metadata,
    Column("id", Integer, primary_key=True),
    Column("school_id", ForeignKey("school.id"), nullable=False),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),  # Argon2id, with its parameters and salt
    Column("role", String(10), nullable=False),  # "teacher" or "admin"
    Column("teacher_id", ForeignKey("teacher.id")),  # NULL for an admin who does not teach
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime(timezone=True)),
)

device = Table(
    "device", metadata,
    Column("id", String(36), primary_key=True),  # the client's own device id
    Column("account_id", ForeignKey("account.id"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the bearer token
    Column("name", String(200)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    Column("last_seen_at", DateTime(timezone=True)),
    # The last outbox sequence number of this device the server has processed: idempotency and gap checks.
    Column("last_seq", BigInteger, nullable=False, default=0),
    # 32 random bytes (base64) handed to the device at each login: its journal key is also wrapped under it,
    # so a teacher who forgot the offline password recovers the journal by logging in (storage.keys).
    Column("recovery_key", String(64)),
    # The head of the device's local audit chain as its last sync told it (storage.audit.head).
    Column("audit_count", BigInteger),
    Column("audit_hash", String(64)),
    # The hash of this device's newest entry in the server's audit log (server.audit_log's chains).
    Column("log_head", String(64)),
)

# One row per applied field change; its id is the pull cursor.
change = Table(
    "change", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("course_id", Integer, nullable=False),  # who may see it: teachers of the course, substitutes, admins
    Column("entity", String(8), nullable=False),
    Column("entity_key", String(80), nullable=False),
    Column("field", String(20), nullable=False),
    Column("value", Text),  # JSON
    Column("version", Integer, nullable=False),  # the record's version after this change
    Column("device_id", String(36)),
    Column("account_id", Integer),
    Column("hlc", BigInteger),  # the client's stamp, bounded by the server's clock
    Column("at", DateTime(timezone=True), nullable=False),
    # Its school, and its place in the school's feed (server.feed): what a PC's pull cursor counts.
    Column("school_id", Integer, nullable=False),
    Column("position", BigInteger, nullable=False),
    Index("ix_change_course_id", "course_id", "id"),
    Index("ix_change_field", "entity", "entity_key", "field", "version"),
    Index("ix_change_school_position", "school_id", "position", unique=True),
)

# Each school's feed head: the last position given (server.feed), bumped as the last statement of a transaction
# that writes changes and locked until it commits, so positions become visible in commit order.
feed = Table(
    "feed", metadata,
    Column("school_id", Integer, primary_key=True, autoincrement=False),
    Column("head", BigInteger, nullable=False),
    # The changes at or below this position were trimmed (server.feed.trim): a cursor before it must download again.
    Column("kept_from", BigInteger, nullable=False, server_default="0"),
)

conflict = Table(
    "conflict", metadata,
    Column("id", Integer, primary_key=True),
    Column("course_id", Integer, nullable=False),
    Column("entity", String(8), nullable=False),
    Column("entity_key", String(80), nullable=False),
    Column("field", String(20), nullable=False),
    Column("winner_value", Text),
    Column("winner_device_id", String(36)),
    Column("winner_account_id", Integer),
    Column("winner_hlc", BigInteger),
    Column("loser_value", Text),
    Column("loser_device_id", String(36)),
    Column("loser_account_id", Integer),
    Column("loser_hlc", BigInteger),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Column("resolved_by", Integer),
    Column("resolved_value", Text),
    Index("ix_conflict_open", "course_id", "resolved_at"),
)

# Append-only: every applied or rejected operation, and every admin action.
audit_log = Table(
    "audit_log", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),  # server time
    Column("school_id", Integer, nullable=False),
    Column("account_id", Integer),
    Column("device_id", String(36)),
    Column("ip", String(45)),
    Column("seq", BigInteger),  # the operation's sequence number on its device
    Column("client_hlc", BigInteger),
    Column("entity", String(8)),
    Column("entity_key", String(80)),
    Column("field", String(20)),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("result", String(10), nullable=False),  # applied, merged, conflict, rejected, admin
    Column("reason", Text),
    Column("version", Integer),  # the record's version after the operation
    Column("conflict_id", Integer),
    # SHA-256 chained to the previous entry of the same device (core.audit_chain): a change shows.
    Column("hash", String(64)),
    # The refusal's words as answered (English), so a replay repeats them; not covered by the hash.
    Column("message", Text),
    Index("ix_audit_log_school_at", "school_id", "at"),
    UniqueConstraint("device_id", "seq", name="uq_audit_log_device_seq"),
)

tables = metadata.tables
