"""The audit log's hash chain kept per device (the head on the device's row) instead of one chain for the
whole log: one global chain made every sync wait for the previous one to commit.

Existing entries were chained globally; they are chained again, per device, in id order.

Revision ID: 0005
Revises: 0004

"""
import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As core.audit_chain and server.audit_log had them when this was written (a migration keeps its own copy).
_GENESIS = "0" * 64
_HASHED = ("at", "school_id", "account_id", "device_id", "ip", "seq", "client_hlc", "entity", "entity_key", "field",
           "old_value", "new_value", "result", "reason", "version", "conflict_id")


def _canonical(value):
    import datetime as dt

    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value


def upgrade() -> None:
    op.add_column('device', sa.Column('log_head', sa.String(length=64), nullable=True))
    op.drop_table('audit_head')
    conn = op.get_bind()
    typed = {"at": sa.DateTime(timezone=True)}  # read back as the app reads it (SQLite stores text)
    log = sa.table('audit_log', sa.column('id'), sa.column('hash'), *(sa.column(f, typed.get(f)) for f in _HASHED))
    device = sa.table('device', sa.column('id'), sa.column('log_head'))
    heads: dict = {}
    for row in conn.execute(sa.select(log).where(log.c.hash.is_not(None)).order_by(log.c.id)).mappings().all():
        chain = row["device_id"]
        body = json.dumps([heads.get(chain, _GENESIS), *(_canonical(row[f]) for f in _HASHED)], ensure_ascii=False,
                          separators=(",", ":"), default=str)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        conn.execute(sa.update(log).where(log.c.id == row["id"]).values(hash=digest))
        if chain is not None:
            heads[chain] = digest
    for device_id, head in heads.items():
        if device_id is not None:
            conn.execute(sa.update(device).where(device.c.id == device_id).values(log_head=head))


def downgrade() -> None:
    op.create_table('audit_head',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('last_id', sa.BigInteger(), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head')))
    op.bulk_insert(sa.table('audit_head', sa.column('id'), sa.column('last_id'), sa.column('hash')),
                   [{'id': 1, 'last_id': 0, 'hash': '0' * 64}])
    with op.batch_alter_table('device') as batch:
        batch.drop_column('log_head')
