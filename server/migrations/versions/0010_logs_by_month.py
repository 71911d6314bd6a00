"""The change log and the audit log split by month on PostgreSQL (server.partitions): each becomes a table
partitioned by range of `at`, with a DEFAULT partition and one per month from its oldest row to a few months
ahead, and the rows are moved in. A partitioned table's primary and unique keys must hold `at`, so the keys
become (school_id, id, at), and the feed's position and a device's sequence number are indexed without a
unique constraint (each is given once under a row lock: server.feed, server.sync). SQLite keeps each table
whole, with the same keys.

Revision ID: 0010
Revises: 0009

"""
import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from server import partitions

revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_AT = sa.DateTime(timezone=True)


def _change_columns() -> list[sa.Column]:
    return [
        sa.Column('id', _ID, nullable=False), sa.Column('course_id', sa.Integer(), nullable=False),
        sa.Column('entity', sa.String(length=8), nullable=False),
        sa.Column('entity_key', sa.String(length=80), nullable=False),
        sa.Column('field', sa.String(length=20), nullable=False), sa.Column('value', sa.Text()),
        sa.Column('version', sa.Integer(), nullable=False), sa.Column('device_id', sa.String(length=36)),
        sa.Column('account_id', sa.Integer()), sa.Column('hlc', sa.BigInteger()),
        sa.Column('at', _AT, nullable=False), sa.Column('school_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.BigInteger(), nullable=False),
    ]


def _audit_columns() -> list[sa.Column]:
    return [
        sa.Column('id', _ID, nullable=False), sa.Column('at', _AT, nullable=False),
        sa.Column('school_id', sa.Integer(), nullable=False), sa.Column('account_id', sa.Integer()),
        sa.Column('device_id', sa.String(length=36)), sa.Column('ip', sa.String(length=45)),
        sa.Column('seq', sa.BigInteger()), sa.Column('client_hlc', sa.BigInteger()),
        sa.Column('entity', sa.String(length=8)), sa.Column('entity_key', sa.String(length=80)),
        sa.Column('field', sa.String(length=20)), sa.Column('old_value', sa.Text()),
        sa.Column('new_value', sa.Text()), sa.Column('result', sa.String(length=10), nullable=False),
        sa.Column('reason', sa.Text()), sa.Column('version', sa.Integer()), sa.Column('conflict_id', sa.Integer()),
        sa.Column('hash', sa.String(length=64)), sa.Column('message', sa.Text()),
    ]


# (table, its columns, its indexes as (name, columns), the indexes and unique constraint it had)
_TABLES = (
    ("change", _change_columns,
     [("ix_change_course_id", ["course_id", "id"]), ("ix_change_field", ["entity", "entity_key", "field", "version"]),
      ("ix_change_school_position", ["school_id", "position"])],
     ["ix_change_course_id", "ix_change_field", "ix_change_school_position"], None),
    ("audit_log", _audit_columns,
     [("ix_audit_log_school_at", ["school_id", "at"]), ("ix_audit_log_device_seq", ["school_id", "device_id", "seq"])],
     ["ix_audit_log_school_at"], "uq_audit_log_device_seq"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table('change', recreate="always") as batch:
            batch.drop_index('ix_change_school_position')
            batch.drop_constraint('pk_change', type_="primary")
            batch.create_primary_key('pk_change', ['school_id', 'id', 'at'])
            batch.create_index('ix_change_school_position', ['school_id', 'position'])
        with op.batch_alter_table('audit_log', recreate="always") as batch:
            batch.drop_constraint('uq_audit_log_device_seq', type_="unique")
            batch.drop_constraint('pk_audit_log', type_="primary")
            batch.create_primary_key('pk_audit_log', ['school_id', 'id', 'at'])
            batch.create_index('ix_audit_log_device_seq', ['school_id', 'device_id', 'seq'])
        return
    conn = op.get_bind()
    for table, columns, indexes, old_indexes, old_unique in _TABLES:
        whole = f"{table}_whole"
        op.rename_table(table, whole)
        op.execute(f"ALTER SEQUENCE {table}_id_seq OWNED BY NONE")  # it numbers the new table's rows too
        for index in old_indexes:
            op.drop_index(index, table_name=whole)
        if old_unique is not None:
            op.drop_constraint(old_unique, whole, type_="unique")
        op.drop_constraint(f"pk_{table}", whole, type_="primary")
        made = columns()
        op.create_table(table, *made, sa.PrimaryKeyConstraint('school_id', 'id', 'at', name=f"pk_{table}"),
                        postgresql_partition_by="RANGE (at)")
        for index, on in indexes:
            op.create_index(index, table, on)
        op.execute(partitions.default_ddl(table))
        oldest = conn.execute(sa.text(f"SELECT min(at) FROM {whole}")).scalar()
        today = dt.datetime.now(dt.UTC).date()
        partitions.ensure(conn, today, since=min(oldest.date(), today) if oldest is not None else today,
                          tables=(table,))
        names = ", ".join(c.name for c in made)
        op.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {whole}")
        op.drop_table(whole)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table('audit_log', recreate="always") as batch:
            batch.drop_index('ix_audit_log_device_seq')
            batch.drop_constraint('pk_audit_log', type_="primary")
            batch.create_primary_key('pk_audit_log', ['school_id', 'id'])
            batch.create_unique_constraint('uq_audit_log_device_seq', ['school_id', 'device_id', 'seq'])
        with op.batch_alter_table('change', recreate="always") as batch:
            batch.drop_index('ix_change_school_position')
            batch.drop_constraint('pk_change', type_="primary")
            batch.create_primary_key('pk_change', ['school_id', 'id'])
            batch.create_index('ix_change_school_position', ['school_id', 'position'], unique=True)
        return
    for table, columns, indexes, _old_indexes, old_unique in _TABLES:
        parted = f"{table}_by_month"
        op.rename_table(table, parted)
        for index, _on in indexes:
            op.drop_index(index, table_name=parted)
        op.drop_constraint(f"pk_{table}", parted, type_="primary")
        made = columns()
        op.create_table(table, *made, sa.PrimaryKeyConstraint('school_id', 'id', name=f"pk_{table}"))
        if table == "change":
            op.create_index('ix_change_course_id', table, ['course_id', 'id'])
            op.create_index('ix_change_field', table, ['entity', 'entity_key', 'field', 'version'])
            op.create_index('ix_change_school_position', table, ['school_id', 'position'], unique=True)
        else:
            op.create_index('ix_audit_log_school_at', table, ['school_id', 'at'])
            op.create_unique_constraint(old_unique, table, ['school_id', 'device_id', 'seq'])
        names = ", ".join(c.name for c in made)
        op.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {parted}")
        op.drop_table(parted)  # its partitions go with it
        op.execute(f"ALTER SEQUENCE {table}_id_seq OWNED BY {table}.id")
