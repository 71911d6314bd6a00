"""The school's own audit chain: the entries on no registered device (the operator's commands, a login refused to a
PC the school does not know yet) are chained per school, the head on the school's feed row (server.audit_log).

Such entries were hashed each on its own before, so two of them in one school, or a refused login followed by the
same PC's first good one, made `verify-audit` report a break that was none. They are chained again, in id order,
into their school's chain; a refused login's client-chosen device id is not kept (the school never registered it).
Every other entry keeps its hash.

Revision ID: 0017
Revises: 0016

"""
import hashlib
import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | Sequence[str] | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As core.audit_chain and server.audit_log had them when this was written (a migration keeps its own copy).
_GENESIS = "0" * 64
_HASHED = ("at", "school_id", "account_id", "device_id", "ip", "seq", "client_hlc", "entity", "entity_key", "field",
           "old_value", "new_value", "result", "reason", "version", "conflict_id")


def _hash(previous: str, row) -> str:
    import datetime as dt

    def canonical(value):
        if isinstance(value, dt.datetime):
            aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
            return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return value

    body = json.dumps([previous, *(canonical(row[f]) for f in _HASHED)], ensure_ascii=False, separators=(",", ":"),
                      default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.add_column('feed', sa.Column('log_head', sa.String(length=64), nullable=True))
    conn = op.get_bind()
    typed = {"at": sa.DateTime(timezone=True)}  # read back as the app reads it (SQLite stores text)
    log = sa.table('audit_log', sa.column('id'), sa.column('hash'), *(sa.column(f, typed.get(f)) for f in _HASHED))
    feed = sa.table('feed', sa.column('school_id'), sa.column('head'), sa.column('kept_from'), sa.column('log_head'))
    device_heads = {(school, str(device)): head for school, device, head in conn.execute(
        sa.text("SELECT school_id, id, log_head FROM device"))}
    chains: dict = {}
    moved: list[dict] = []
    for row in conn.execute(sa.select(log).where(log.c.hash.is_not(None)).order_by(log.c.id)).mappings():
        device = None if row["device_id"] is None else str(row["device_id"])
        if device is not None and (row["school_id"], device) in device_heads:
            chain = (row["school_id"], device)
            if _hash(chains.get(chain, _GENESIS), row) == row["hash"]:
                chains[chain] = row["hash"]
                continue
            if _hash(_GENESIS, row) != row["hash"]:
                continue  # a real break: left for verify-audit to name
        entry = dict(row, device_id=None)  # hashed on its own: into the school's chain
        school = (row["school_id"], None)
        entry["hash"] = chains[school] = _hash(chains.get(school, _GENESIS), entry)
        moved.append(entry)
    for entry in moved:
        conn.execute(sa.update(log).where(log.c.school_id == entry["school_id"], log.c.id == entry["id"])
                     .values(device_id=None, hash=entry["hash"]))
    have = set(conn.execute(sa.select(feed.c.school_id)).scalars())
    for (school_id, device), head in chains.items():
        if device is not None:
            continue
        if school_id not in have:
            conn.execute(sa.insert(feed).values(school_id=school_id, head=0, kept_from=0, log_head=head))
        else:
            conn.execute(sa.update(feed).where(feed.c.school_id == school_id).values(log_head=head))


def downgrade() -> None:
    with op.batch_alter_table('feed') as batch:
        batch.drop_column('log_head')
