"""What the sync engine keeps in the journal between runs: where it stands with the server (one row), the
open conflicts the server reported, and the operations the server refused, kept for the teacher to see.

Credentials are not here: the device token lives in the OS keychain (see sync.credentials).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.tables.base import Base


class SyncState(Base):
    """One row (id 1): which server and account this journal syncs with, and how far it has pulled."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    server_url: Mapped[str] = mapped_column(String(300))
    username: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[int | None] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(10))
    teacher_id: Mapped[int | None] = mapped_column(Integer)
    school_id: Mapped[int | None] = mapped_column(Integer)
    cursor: Mapped[int] = mapped_column(Integer, default=0)  # the last server change id pulled
    # A new PC's first download: the last lesson id received, and whether the whole year has arrived.
    bootstrap_after: Mapped[str | None] = mapped_column(String(36))
    bootstrapped: Mapped[bool] = mapped_column(Boolean, default=False)
    bootstrap_total: Mapped[int | None] = mapped_column(Integer)  # lessons to come in the first download
    last_sync_at: Mapped[str | None] = mapped_column(String(32))  # UTC, ISO 8601
    # The server's last signed receipt for this PC's chain in its audit log (core.protocol.AuditCheckpoint as JSON),
    # handed back at the next sync: the server checks its log still holds that entry.
    audit_receipt: Mapped[str | None] = mapped_column(Text)
    # Sealed sync bundles (core.bundle, sync.bundles): this PC's own keys (private, inside the encrypted journal),
    # and the server's public key, told when this PC's was registered (or taken from the school's preset).
    bundle_key: Mapped[str | None] = mapped_column(Text)
    server_bundle_key: Mapped[str | None] = mapped_column(String(88))
    # Restored from a backup (storage.backups): the next operation number the backup had, until the next online
    # sync reconciles the journal with the server.
    restored_seq: Mapped[int | None] = mapped_column(Integer)
    # What the last sync learned of the link (sync.link.LinkEstimate): the next one starts from it. Bytes a second:
    # `link_rate` down (server → PC), `link_up_rate` up.
    link_rtt: Mapped[float | None] = mapped_column(Float)
    link_rate: Mapped[float | None] = mapped_column(Float)
    link_up_rate: Mapped[float | None] = mapped_column(Float)


class SyncConflict(Base):
    """An open conflict in one field, as the server reported it: both values and whose they were."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # the server's conflict id
    entity: Mapped[str] = mapped_column(String(8))
    entity_key: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(20))
    winner_value: Mapped[str | None] = mapped_column(Text)  # JSON
    loser_value: Mapped[str | None] = mapped_column(Text)  # JSON
    winner_device_id: Mapped[str | None] = mapped_column(String(36))
    loser_device_id: Mapped[str | None] = mapped_column(String(36))
    winner_account_id: Mapped[int | None] = mapped_column(Integer)
    loser_account_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(32))
    # Set when the teacher resolved it here: the outbox operation carrying the choice to the server.
    resolved_seq: Mapped[int | None] = mapped_column(Integer)


class RejectedOp(Base):
    """An edit the server refused for good (a closed period, no right): kept with the reason until the
    teacher has seen it. `value` is what the teacher typed (JSON)."""

    __tablename__ = "rejected_op"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(8))
    entity_key: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(20))
    value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    rejected_at: Mapped[str] = mapped_column(String(32))
    seen: Mapped[bool] = mapped_column(Boolean, default=False)
