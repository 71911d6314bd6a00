"""The server's database schema: the journal tables shared with the client (built from core.tables, so both
sides agree on every column) and the server's own tables: accounts, devices, the change log that feeds
pulls, conflicts, and the audit log.

Every table but the shared ones (`SHARED`: the school itself and the national subjects) is held by school:
its school_id leads its primary key and every unique key, and a foreign key between two such tables names
the school as well as the id. That is what lets Citus distribute the database by school_id with each sync
touching one school's shard (docs/distribution.md); on one PostgreSQL or SQLite it changes nothing a
query sees. A PC's journal holds one school, so core.tables has no school_id on most tables: the server
adds it here (`by_school`). Ids stay unique across schools (one sequence per table; server.serials).

The server works with Core tables (`tables["lesson_cell"]`), which run alike on PostgreSQL and SQLite.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    DDL,
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Sequence,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    event,
)
from sqlalchemy.schema import SchemaItem

from core.tables import JOURNAL_TABLES, Base
from core.tables.base import NAMING_CONVENTION
from server import partitions

# Shared by every school (on Citus: a copy on every node); every other table is held by school.
SHARED = frozenset({"school", "subject"})
# Ids made on the PCs (core.ids, storage.device): UUIDs, in a native uuid column on PostgreSQL (16 bytes, not
# 37 as text, in every key and index that holds one); text on SQLite. Always handed over as canonical strings.
RecordId = Uuid(as_uuid=False).with_variant(String(36), "sqlite")
# The journal tables' columns that hold such an id.
_RECORD_IDS = {("lesson", "id"), ("lesson_cell", "lesson_id"), ("summative_work", "id"),
               ("summative_work", "lesson_id"), ("summative_score", "work_id")}

# The journal tables' columns added after the server put school_id last in each (migration 0009): a migration adds
# them after it, so the models keep them there too.
_ADDED_AFTER_SCHOOL = {("lesson", "cancelled"), ("subgroup_member", "from_date"), ("subgroup_member", "to_date"),
                       ("period_mark", "attestation_kind"), ("period_mark", "attestation_mark"),
                       ("lesson_cell", "imported"), ("summative_score", "imported")}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def serial(table: str, type_: Any = Integer) -> Column[Any]:
    """The id of a table held by school, numbered by one sequence for all schools. Not SERIAL: a column of a
    two-column key cannot be numbered by SQLite, and SQLAlchemy refuses to declare it so there (server.serials
    numbers it on SQLite). On PostgreSQL the sequence (named as SERIAL names it) gives the id in the INSERT."""
    return Column("id", type_, Sequence(f"{table}_id_seq"), nullable=False)


def by_school(source: Table, target: MetaData) -> Table:
    """`source` (a journal table of core.tables) as the server holds it: a school_id column (added last where
    the PC's table has none) leading the primary key and every unique key, and each foreign key to another
    table held by school made of (school_id, the column), named as the PC's one-column key is."""
    numbered = source.autoincrement_column  # its id, numbered by the database: now by a sequence (below)
    columns = [serial(source.name, c.type) if c is numbered else
               Column(c.name, RecordId if (source.name, c.name) in _RECORD_IDS else c.type, nullable=c.nullable,
                      default=getattr(c.default, "arg", None),
                      server_default=getattr(c.server_default, "arg", None))
               for c in source.columns]
    later = [c for c in columns if (source.name, c.name) in _ADDED_AFTER_SCHOOL]
    columns = [c for c in columns if c not in later]
    if "school_id" not in source.c:
        columns.append(Column("school_id", Integer, nullable=False))
    columns += later
    keys: list[SchemaItem] = [PrimaryKeyConstraint("school_id", *(c.name for c in source.primary_key.columns),
                                                   name=f"pk_{source.name}")]
    for constraint in source.constraints:
        if isinstance(constraint, ForeignKeyConstraint):
            [column] = constraint.column_keys
            [element] = constraint.elements
            referred = element.column.table.name
            if referred in SHARED:
                keys.append(ForeignKeyConstraint([column], [f"{referred}.{element.column.name}"], name=constraint.name))
            else:
                keys.append(ForeignKeyConstraint(["school_id", column], [f"{referred}.school_id", f"{referred}.id"],
                                                 name=constraint.name))
        elif isinstance(constraint, UniqueConstraint):
            names = [c.name for c in constraint.columns]
            keys.append(UniqueConstraint(*(names if names[0] == "school_id" else ["school_id", *names])))
        elif isinstance(constraint, CheckConstraint):
            keys.append(CheckConstraint(constraint.sqltext, name=constraint.name))
    if "school_id" not in source.c:
        keys.append(ForeignKeyConstraint(["school_id"], ["school.id"]))
    table = Table(source.name, target, *columns, *keys, **dict(source.dialect_kwargs))
    for index in source.indexes:
        Index(index.name, *(table.c[c.name] for c in index.columns), unique=bool(index.unique))
    return table


for _table in Base.metadata.sorted_tables:
    if _table.name in SHARED:
        _table.to_metadata(metadata)
    elif _table.name in JOURNAL_TABLES:
        by_school(_table, metadata)

# Pulls ask which lessons a teacher substitutes in; the client's journal never does, so only the server has this.
Index("ix_lesson_substitute_teacher_id", metadata.tables["lesson"].c.school_id,
      metadata.tables["lesson"].c.substitute_teacher_id)

# Each username, across all schools, and the school that holds it: a login finds its school here before it
# reads the account (on Citus a reference table, written only when an account is made).
login_name = Table(
    "login_name", metadata,
    Column("username", String(64), primary_key=True),
    Column("school_id", ForeignKey("school.id"), nullable=False),
)

# One row a wrong password, by a digest of the address and the username it was typed for: the throttle that every
# worker and app server counts alike (server.rate_limits.PasswordThrottle). Held by no school: an unknown username has
# none (on Citus a reference table; rows older than the longest window go as new ones come).
login_failure = Table(
    "login_failure", metadata,
    Column("who", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_failure_who_at", "who", "at"),
)

account = Table(
    "account", metadata,
    serial("account"),
    Column("school_id", ForeignKey("school.id"), nullable=False),
    Column("username", String(64), nullable=False),
    Column("password_hash", String(200), nullable=False),  # Argon2id, with its parameters and salt
    Column("role", String(10), nullable=False),  # "teacher" or "admin"
    Column("teacher_id", Integer),  # NULL for an admin who does not teach
    PrimaryKeyConstraint("school_id", "id", name="pk_account"),
    UniqueConstraint("school_id", "username"),
    ForeignKeyConstraint(["school_id", "teacher_id"], ["teacher.school_id", "teacher.id"],
                         name="fk_account_teacher_id_teacher"),
)

device = Table(
    "device", metadata,
    Column("id", RecordId, nullable=False),  # the client's own device id
    Column("account_id", Integer, nullable=False),
    Column("token_hash", String(64), nullable=False),  # sha256 of the bearer token's secret (server.tokens)
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
    Column("school_id", ForeignKey("school.id"), nullable=False),
    # The device's public bundle key (core.bundle), registered by its sync: its sealed bundles are checked with it.
    Column("bundle_key", String(88)),
    PrimaryKeyConstraint("school_id", "id", name="pk_device"),
    UniqueConstraint("school_id", "token_hash"),
    ForeignKeyConstraint(["school_id", "account_id"], ["account.school_id", "account.id"],
                         name="fk_device_account_id_account"),
)

# One row per applied field change; its id is the pull cursor.
change = Table(
    "change", metadata,
    serial("change", BigInteger().with_variant(Integer, "sqlite")),
    Column("course_id", Integer, nullable=False),  # who may see it: teachers of the course, substitutes, admins
    Column("entity", String(8), nullable=False),
    Column("entity_key", String(80), nullable=False),
    Column("field", String(20), nullable=False),
    Column("value", Text),  # JSON
    Column("version", Integer, nullable=False),  # the record's version after this change
    Column("device_id", RecordId),
    Column("account_id", Integer),
    Column("hlc", BigInteger),  # the client's stamp, bounded by the server's clock
    Column("at", DateTime(timezone=True), nullable=False),
    # Its school, and its place in the school's feed (server.feed): what a PC's pull cursor counts.
    Column("school_id", Integer, nullable=False),
    Column("position", BigInteger, nullable=False),
    Index("ix_change_course_position", "school_id", "course_id", "position"),  # a pull: a course's past a cursor
    Index("ix_change_field", "school_id", "entity", "entity_key", "field", "version"),
    PrimaryKeyConstraint("school_id", "id", "at", name="pk_change"),
    # Not unique: a unique index of a partitioned table must hold the partition's column. Positions are unique
    # all the same: each is given once by the school's feed row, bumped under its lock (server.feed).
    Index("ix_change_school_position", "school_id", "position"),
    postgresql_partition_by="RANGE (at)",  # by month (server.partitions)
)

# Each school's feed head: the last position given (server.feed), bumped as the last statement of a transaction
# that writes changes and locked until it commits, so positions become visible in commit order.
feed = Table(
    "feed", metadata,
    Column("school_id", Integer, primary_key=True, autoincrement=False),
    Column("head", BigInteger, nullable=False),
    # The changes at or below this position were trimmed (server.feed.trim): a cursor before it must download again.
    Column("kept_from", BigInteger, nullable=False, server_default="0"),
    # The head of the school's own audit chain: its entries on no registered device (server.audit_log).
    Column("log_head", String(64)),
)

conflict = Table(
    "conflict", metadata,
    serial("conflict"),
    Column("course_id", Integer, nullable=False),
    Column("entity", String(8), nullable=False),
    Column("entity_key", String(80), nullable=False),
    Column("field", String(20), nullable=False),
    Column("winner_value", Text),
    Column("winner_device_id", RecordId),
    Column("winner_account_id", Integer),
    Column("winner_hlc", BigInteger),
    Column("loser_value", Text),
    Column("loser_device_id", RecordId),
    Column("loser_account_id", Integer),
    Column("loser_hlc", BigInteger),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Column("resolved_by", Integer),
    Column("resolved_value", Text),
    Column("school_id", Integer, nullable=False),
    PrimaryKeyConstraint("school_id", "id", name="pk_conflict"),
    Index("ix_conflict_open", "course_id", "resolved_at"),
)

# Append-only: every applied or rejected operation, and every admin action.
audit_log = Table(
    "audit_log", metadata,
    serial("audit_log", BigInteger().with_variant(Integer, "sqlite")),
    Column("at", DateTime(timezone=True), nullable=False),  # server time
    Column("school_id", Integer, nullable=False),
    Column("account_id", Integer),
    Column("device_id", RecordId),
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
    PrimaryKeyConstraint("school_id", "id", "at", name="pk_audit_log"),
    Index("ix_audit_log_school_at", "school_id", "at"),
    # Not unique, for the same reason as the change log's positions: a device's operation is entered once,
    # by the sync that holds the device's row locked and moves its last_seq past it (server.sync).
    Index("ix_audit_log_device_seq", "school_id", "device_id", "seq"),
    postgresql_partition_by="RANGE (at)",  # by month (server.partitions)
)

for _name in partitions.PARTITIONED:  # the partition a row falls in when its month has none (server.partitions)
    event.listen(metadata.tables[_name], "after_create",
                 DDL(partitions.default_ddl(_name)).execute_if(dialect="postgresql"))

tables = metadata.tables


def journal_columns(name: str) -> list[Column[object]]:
    """The server's columns of a journal table that the PC's table has too (all but the added school_id)."""
    pc = Base.metadata.tables[name].c
    return [column for column in tables[name].columns if column.name in pc]
