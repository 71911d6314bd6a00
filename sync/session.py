"""One sync run: push the outbox and pull the server's changes, batch by batch, until both are done.

Per round trip: the batch is marked sent (from then on later edits of those fields queue new operations,
since the server may already hold these), the call goes out, and the answer is applied in one write
transaction. A link that drops mid-call costs that one batch, sent again next time; the server recognises
its numbers and answers from its record. Batch sizes follow the measured link (sync.link).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from core.protocol import MAX_PULL, AuditCheckpoint, SyncRequest
from storage import audit, outbox, sync_state
from storage.changed import Changed
from storage.database import JournalDatabase
from storage.sync_answer import Applied, apply_answer
from sync.errors import SyncError
from sync.link import MAX_OPS, MIN_OPS, LinkEstimate, with_tail
from sync.transport import ServerLink

Progress = Callable[[int, int], None]  # done, total


@dataclass
class RunSummary:
    pushed: int = 0
    pulled: int = 0
    skipped: int = 0  # pulled changes for records this journal does not hold
    rejected: int = 0
    conflicts: int = 0
    round_trips: int = 0
    sent_bytes: int = 0
    received_bytes: int = 0
    changed: Changed = field(default_factory=Changed)  # what the run wrote here, record by record
    download_again: bool = False  # the server asked for the journal to be downloaded again before pulling
    courses: str | None = None  # the digest of the courses the server lets the teacher read (sync.course_set)

    def take(self, applied: Applied, pulled: int) -> None:
        """An answer applied (a direct sync's, or a bundle's: sync.bundles, sync.relay) counted in."""
        self.pushed += applied.acknowledged
        self.pulled += pulled
        self.skipped += applied.skipped
        self.rejected += applied.rejected
        self.conflicts += applied.conflicts
        self.changed.merge(applied.changed)


def run(db: JournalDatabase, link: ServerLink, estimate: LinkEstimate, device_id: str,
        progress: Progress = lambda done, total: None, summary: RunSummary | None = None,
        trusted_bundle_key: str | None = None) -> RunSummary:
    """Sync until both sides are done. `summary` (a fresh one when not given) is filled batch by batch, so a
    run cut off midway still tells what it applied before. `trusted_bundle_key`: the server's public bundle key
    from the school's preset; a server telling another is refused (it is not the school's)."""
    summary = summary if summary is not None else RunSummary()
    remaining_changes = 0
    size_cap = MAX_OPS
    first = True  # the receipt is handed back in a run's first call; the others would carry its bytes for nothing
    while True:
        with db.read() as conn:
            waiting = outbox.count(conn)
            state = sync_state.load(conn)
            audit_count, audit_hash = audit.head(conn)
        if state is None:
            raise SyncError("not_set_up", "This journal is not linked to a server account yet.", retry=False)
        done = summary.pushed + summary.pulled
        progress(done, done + waiting + remaining_changes)
        batch = _take_batch(db, min(with_tail(estimate.batch_ops(), waiting, MAX_OPS), size_cap))
        limit = with_tail(estimate.pull_limit(), remaining_changes, MAX_PULL)
        request = SyncRequest.model_construct(  # built from the journal's own rows: not validated again
            device_id=device_id, cursor=state["cursor"], limit=limit, audit_count=audit_count,
            audit_hash=audit_hash, audit_receipt=_receipt(state) if first else None, ops=[op.message() for op in batch],
            bundle_key=_bundle_key(db) if first and not state.get("server_bundle_key") else None)
        try:
            exchange = link.sync(request)
        except SyncError as error:
            if error.code == "too_large" and len(batch) > MIN_OPS:  # a batch of long comments: halve it
                size_cap = len(batch) // 2
                continue
            raise
        answer = exchange.answer
        first = False
        if trusted_bundle_key and answer.bundle_key and answer.bundle_key != trusted_bundle_key:
            raise SyncError("bundle_key_mismatch", "The server's bundle key is not the one in the school's installer: "
                            "this is not the school's server.", retry=False)
        summary.round_trips += 1
        summary.sent_bytes += exchange.sent
        summary.received_bytes += exchange.received
        estimate.observe(exchange.sent, exchange.received, exchange.seconds, exchange.answered, ops=len(batch),
                         changes=len(answer.changes))
        with db.write() as conn:
            applied: Applied = apply_answer(conn, batch, answer)
        summary.take(applied, len(answer.changes))
        remaining_changes = answer.remaining
        summary.courses = answer.courses
        if applied.download_again:
            summary.download_again = True
            return summary
        if applied.gap_expected is not None:
            raise SyncError("sequence_gap", f"The server expects change number {applied.gap_expected}, which this "
                            "journal no longer holds.", retry=False)
        if batch and not applied.acknowledged:
            raise SyncError("no_progress", "The server answered without taking any of the changes sent.", retry=True)
        if not answer.more and (not batch or _outbox_empty(db)):
            done = summary.pushed + summary.pulled
            progress(done, done)
            return summary


def _bundle_key(db: JournalDatabase) -> str:
    """This PC's public bundle key, to register with the server (until it tells its own in return: sync.bundles)."""
    with db.write() as conn:
        return sync_state.bundle_keys(conn).public()


def _outbox_empty(db: JournalDatabase) -> bool:
    with db.read() as conn:
        return outbox.count(conn) == 0


def _take_batch(db: JournalDatabase, size: int) -> list[outbox.Operation]:
    """The oldest `size` operations, marked sent before they go on the wire (a crash after this sends them
    again, never rewritten)."""
    with db.write() as conn:
        batch = outbox.pending(conn, size)
        fresh = [op.seq for op in batch if not op.sent]
        if fresh:
            outbox.mark_sent(conn, fresh)
    return batch


def _receipt(state: dict[str, Any]) -> AuditCheckpoint | None:
    """The server's last receipt this journal keeps, to hand back; one it cannot read (a damaged row) is not sent."""
    try:
        return AuditCheckpoint.model_validate_json(state["audit_receipt"]) if state.get("audit_receipt") else None
    except ValidationError:
        return None
