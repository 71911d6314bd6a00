"""Ids made on the PCs (lessons, summative works, devices) held in native uuid columns on PostgreSQL: 16 bytes
instead of 37 in every key and index that holds one. The foreign keys between such columns are dropped around
the change of type and made again. SQLite keeps them as text (nothing to do there).

Revision ID: 0011
Revises: 0010

"""
from collections.abc import Sequence

from alembic import op

revision: str = '0011'
down_revision: str | Sequence[str] | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (("lesson", "id"), ("lesson_cell", "lesson_id"), ("summative_work", "id"), ("summative_work", "lesson_id"),
           ("summative_score", "work_id"), ("device", "id"), ("change", "device_id"), ("audit_log", "device_id"),
           ("conflict", "winner_device_id"), ("conflict", "loser_device_id"))
# (table, column, referred table): the foreign keys on such a column
FOREIGN_KEYS = (("lesson_cell", "lesson_id", "lesson"), ("summative_work", "lesson_id", "lesson"),
                ("summative_score", "work_id", "summative_work"))


def _retype(to: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, referred in FOREIGN_KEYS:
        op.drop_constraint(f"fk_{table}_{column}_{referred}", table, type_="foreignkey")
    for table, column in COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {to} USING {column}::{to}")
    for table, column, referred in FOREIGN_KEYS:
        op.create_foreign_key(f"fk_{table}_{column}_{referred}", table, referred, ["school_id", column],
                              ["school_id", "id"])


def upgrade() -> None:
    _retype("uuid")


def downgrade() -> None:
    _retype("varchar(36)")
