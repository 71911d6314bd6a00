"""One sync answer into the local journal, inside the caller's single write transaction: the results of
the operations sent (acknowledged, versions raised, refusals kept, lost conflicts put right), the pulled
changes, the open conflicts and the new cursor. A crash before the commit leaves the journal as it was and
the same batch is sent again (the server answers it from its record); after the commit, all of it holds.

A pulled value never overwrites a field with an edit here that the server has not acknowledged: the
server judges that edit when it arrives (and keeps both values if they clash). Only the record's version
is raised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from core.errors import REFUSALS_TELLING_VALUE
from core.protocol import SyncResponse
from core.synced_kinds import tells_value
from storage import conflicts, device, outbox, rejections, server_values, sync_state
from storage.changed import Changed
from storage.models import OutboxOp, SyncConflict

_OPS = OutboxOp.__table__
_CONFLICT = SyncConflict.__table__
Field = tuple[str, str, str]  # entity, key, field


@dataclass
class Applied:
    acknowledged: int = 0
    pulled: int = 0
    skipped: int = 0  # pulled changes for records this journal does not hold
    rejected: int = 0
    conflicts: int = 0
    gap_expected: int | None = None  # the server expects an operation this device no longer has
    download_again: bool = False  # the server no longer keeps every change since this journal's cursor
    changed: Changed = field(default_factory=Changed)  # the records whose shown values changed here


def apply_answer(conn: Connection, sent: Sequence[outbox.Operation], answer: SyncResponse) -> Applied:
    out = Applied()
    by_seq = {op.seq: op for op in sent}
    put_back: dict[Field, tuple[Any, int]] = {}
    acknowledged: list[int] = []
    for result in answer.results:
        op = by_seq.get(result.seq)
        if op is None:
            continue
        if result.status == "gap":
            out.gap_expected = result.expected
            continue
        acknowledged.append(op.seq)
        target: Field = (op.entity, op.key, op.field)
        if op.entity == "conflict":
            target = conflicts.target_of(conn, op.seq) or target
            conflicts.forget_resolution(conn, op.seq)
        version = result.version
        if version is not None:
            server_values.raise_version(conn, target[0], target[1], version)
        if result.status == "conflict":
            out.conflicts += 1
            put_back[target] = (result.value, version or 0)  # the value that stands, whichever edit won
        elif result.status in ("applied", "merged"):
            if tells_value(op.entity, op.field) and result.value != op.value:  # kept as the server keeps it
                put_back[target] = (result.value, version or 0)
        elif result.status == "rejected":
            out.rejected += 1
            rejections.store(conn, op, result.reason or "rejected", result.message)
            if result.reason in REFUSALS_TELLING_VALUE:  # (a refused removal tells the record's version too)
                put_back[target] = (result.value, result.version or 0)
    outbox.acknowledge(conn, acknowledged)
    out.acknowledged = len(acknowledged)

    held = _fields_with_local_edits(conn)
    for target, (value, version) in put_back.items():
        if target not in held and server_values.set_field(conn, *target, value, version):
            out.changed.note(*target, value)
    for change in answer.changes:
        target = (change.entity, change.key, change.field)
        if target in held:
            server_values.raise_version(conn, change.entity, change.key, change.version)
        elif server_values.set_field(conn, *target, change.value, change.version):
            out.pulled += 1
            out.changed.note(*target, change.value)
        else:
            out.skipped += 1
    before = _open_conflicts(conn)
    conflicts.store_open(conn, answer.conflicts)
    for entity, key, field_name in before ^ _open_conflicts(conn):
        out.changed.review = True
        out.changed.note(entity, key, field_name)
    if answer.download_again:  # the next run downloads the journal again before it pulls (sync.engine)
        out.download_again = True
        sync_state.update_state(conn, bootstrapped=False, bootstrap_after=None, bootstrap_total=None)
    receipt = {"audit_receipt": answer.audit_receipt.model_dump_json()} if answer.audit_receipt is not None else {}
    if answer.bundle_key is not None:  # the server's public bundle key, told as this PC's own was registered
        receipt["server_bundle_key"] = answer.bundle_key
    sync_state.update_state(conn, cursor=answer.cursor, last_sync_at=sync_state.now_text(), **receipt)
    device.witness(conn, int(answer.server_time.timestamp() * 1000))
    return out


def _fields_with_local_edits(conn: Connection) -> set[Field]:
    """Fields with an edit the server has not acknowledged yet, including conflicts resolved here."""
    held = {tuple(r) for r in conn.execute(select(_OPS.c.entity, _OPS.c.entity_key, _OPS.c.field))}
    return held | conflicts.resolving_targets(conn)


def _open_conflicts(conn: Connection) -> set[Field]:
    return {tuple(r) for r in conn.execute(
        select(_CONFLICT.c.entity, _CONFLICT.c.entity_key,
               _CONFLICT.c.field).where(_CONFLICT.c.resolved_seq.is_(None)))}
