"""The change log of the local journal: the sync outbox, the local audit trail, and this device's clock.

Every accepted change writes its new value, one outbox operation and one audit entry in one transaction
(see storage.journal). The outbox holds what still has to reach the server; the audit keeps every change
for good, including edits the outbox has coalesced away.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from core.tables.base import Base


class DeviceState(Base):
    """One row: this journal's device identity, its next outbox sequence number and its hybrid clock."""

    __tablename__ = "device_state"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    device_id: Mapped[str] = mapped_column(String(36))
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    # Last issued hybrid logical clock value, packed as core.hlc packs it.
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)


class OutboxOp(Base):
    """One queued change for the server, identified by (device_id, seq).

    `entity` is "cell", "lesson", "work" or "score"; `entity_key` names the record ("<lesson>/<pupil>" for
    a cell); `field` is the changed field, or "create" for a new record whose value holds all its fields.
    `value` is JSON. `base_version` is the server version of the record the edit was based on.
    `sent` is set once the sync engine has put the op on the wire: from then on a later edit of the same
    field gets a new op instead of rewriting this one (the server may already have applied it).
    """

    __tablename__ = "outbox_op"
    __table_args__ = (
        # At most one unsent op per field: a later unsent edit supersedes the earlier one in place.
        Index(
            "uq_outbox_op_unsent_field",
            "entity",
            "entity_key",
            "field",
            unique=True,
            sqlite_where=text("sent = 0"),
        ),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    device_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(8))
    entity_key: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(Text)
    base_version: Mapped[int] = mapped_column(Integer)
    sent: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    """Who changed what, when, from which device: old → new. Append-only, kept for good."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_key", "entity", "entity_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # UTC, ISO 8601 with milliseconds
    hlc: Mapped[int] = mapped_column(BigInteger)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    device_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(8))
    entity_key: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(20))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    # SHA-256 chained to the previous entry's (core.audit_chain): a changed or removed entry shows.
    hash: Mapped[str | None] = mapped_column(String(64))
