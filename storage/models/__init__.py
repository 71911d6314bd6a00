"""The tables only a teacher's journal holds, beside the shared journal tables of core.tables: the outbox, the
device clock, the local audit trail and the sync bookkeeping. All are on core.tables.Base's metadata, so the
journal file's schema is that metadata whole."""

from core.tables import Base
from storage.models.changes import AuditEntry, DeviceState, OutboxOp
from storage.models.sync_state import RejectedOp, SyncConflict, SyncState

# The journal file's whole schema: core's journal tables and the tables above.
metadata = Base.metadata

__all__ = ["metadata", "AuditEntry", "DeviceState", "OutboxOp", "RejectedOp", "SyncConflict", "SyncState"]
