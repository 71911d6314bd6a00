"""One sync call: apply the device's batch in order, in one transaction that also moves the device's last
processed sequence number (so a batch sent twice changes nothing the second time), then answer with the
changes since its cursor and the open conflicts.

Operations at or below the last processed number are answered from the audit log with their first result;
an operation beyond the next expected number is a gap, refused with the number expected, and so is every
operation after it in the batch.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, Engine, bindparam, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from core import audit_checkpoint as checkpoints
from core import json_codec
from core.protocol import AuditCheckpoint, Change, OperationResult, SyncRequest, SyncResponse, courses_digest
from core.synced_kinds import tells_value
from core.validation import escaped
from server import audit_checkpoint, audit_log, feed
from server.accounts import Principal, authenticate
from server.db import writer
from server.operations import Applier
from server.pull import changes_since, course_ids, open_conflicts, readable
from server.schema import audit_log as audit_table
from server.schema import conflict as CONFLICT
from server.schema import device

RETRIES = 3
# One line a sync call: the device, how many operations with which outcome (refusals by code), how many
# changes went back, how long it took. No values, no names: a pupil's data stays out of the log.
log = logging.getLogger("dala.server.sync")


# The calling device's row, locked for the sync (its syncs take turns on it): built once, as every sync asks it.
_DEVICE = (select(device.c.last_seq, device.c.audit_count, device.c.log_head)
           .where(device.c.school_id == bindparam("school"), device.c.id == bindparam("device")).with_for_update())
# The device's row after the sync: its last operation, when it was seen, its audit chain's head.
_SEEN = (update(device).where(device.c.school_id == bindparam("k_school"), device.c.id == bindparam("k_device"))
         .values(last_seq=bindparam("k_last_seq"), last_seen_at=bindparam("k_now"), log_head=bindparam("k_head")))


class DeviceMismatch(Exception):
    pass


# Who calls, found in the sync's own transaction: by a device token (a direct sync), or by a device's id once its
# bundle's signature is checked (server.bundles).
Identify = Callable[[Connection, dt.datetime], Principal]


def sync(engine: Engine, token: str, request: SyncRequest, ip: str | None,
         signer: Ed25519PrivateKey | None = None, bundle_key: str | None = None) -> SyncResponse:
    """Raises accounts.TokenRefused for a bad token and DeviceMismatch for another device's id. `signer`: the
    server's audit key (server.audit_checkpoint), which signs the device's receipt for its chain's new head.
    `bundle_key`: the server's public bundle key (server.bundles), told to a device that registers its own."""
    return sync_as(engine, lambda conn, now: authenticate(conn, token, now), request, ip, signer, bundle_key)


def sync_as(engine: Engine, identify: Identify, request: SyncRequest, ip: str | None,
            signer: Ed25519PrivateKey | None = None, bundle_key: str | None = None) -> SyncResponse:
    """One sync call for whoever `identify` finds (sync())."""
    for attempt in range(RETRIES):
        try:
            return _sync_once(engine, identify, request, ip, signer, bundle_key)
        except (IntegrityError, DBAPIError) as error:  # two devices racing to create one cell, a serialization failure
            if attempt == RETRIES - 1 or not _retryable(error):
                raise
    raise AssertionError("unreachable")


def _retryable(error: DBAPIError) -> bool:
    return isinstance(error, IntegrityError) or getattr(error.orig, "sqlstate", None) in {"40001", "40P01"}


def _sync_once(engine: Engine, identify: Identify, request: SyncRequest, ip: str | None,
               signer: Ed25519PrivateKey | None, bundle_key: str | None) -> SyncResponse:
    now, began = dt.datetime.now(dt.UTC), time.monotonic()
    with writer(engine).begin() as conn:
        who = identify(conn, now)  # in this transaction: one connection and round trip fewer
        if request.device_id != who.device_id:
            raise DeviceMismatch("The device id in the request is not the one this token was issued to.")
        last_seq, audit_count, log_head = conn.execute(
            _DEVICE, {"school": who.school_id, "device": who.device_id}).one()
        applier = Applier(conn, who, now)
        applier.prefetch([op for op in request.ops if op.seq > last_seq])
        results: list[OperationResult] = []
        answered: dict[int, OperationResult] = {}  # this batch's first results, for the same operation again
        audit_rows: dict[int, dict] = {}
        for op in request.ops:
            if op.seq <= last_seq:
                first = answered.get(op.seq)
                results.append(first.model_copy(update={"replayed": True}) if first is not None
                               else _replay(conn, who, op.seq))
                continue
            if op.seq != last_seq + 1:
                results.extend(OperationResult(seq=o.seq, status="gap", reason="sequence_gap",
                                               message=f"Expected operation {last_seq + 1} next.",
                                               expected=last_seq + 1)
                               for o in request.ops if o.seq > last_seq)
                break
            outcome = applier.apply(op)
            audit_rows[op.seq] = dict(
                at=now, school_id=who.school_id, account_id=who.account_id, device_id=who.device_id, ip=ip,
                seq=op.seq, client_hlc=op.hlc, entity=op.entity, entity_key=escaped(op.key), field=escaped(op.field),
                old_value=json_codec.column(outcome.old),
                new_value=(audit_log.refused_value(json_codec.column(outcome.new)) if outcome.status == "rejected"
                           else json_codec.column(outcome.new)),
                result=outcome.status, reason=outcome.reason, version=outcome.version, conflict_id=outcome.conflict_id,
                message=outcome.message,
            )
            answered[op.seq] = OperationResult(seq=op.seq, status=outcome.status, reason=outcome.reason,
                                               message=outcome.message, version=outcome.version,
                                               conflict_id=outcome.conflict_id, value=outcome.value)
            results.append(answered[op.seq])
            last_seq = op.seq
        applier.flush()
        noted = []
        if request.audit_hash is not None and request.audit_count is not None and request.audit_count != audit_count:
            # The device's own audit chain grew: its head joins the server's chain, so a log rewritten on the PC
            # later no longer matches (storage.audit.verify).
            noted.append(dict(at=now, school_id=who.school_id, account_id=who.account_id, device_id=who.device_id,
                              ip=ip, entity="device", entity_key=who.device_id, field="audit_head",
                              new_value=f"{request.audit_count}:{request.audit_hash}", result="noted"))
        if request.audit_receipt is not None and signer is not None:
            noted.extend(_receipt_broken(conn, who, request.audit_receipt, log_head, signer, now, ip))
        heads = audit_log.record_many(conn, [*audit_rows.values(), *noted], {who.device_id: log_head})
        extra = {**({"audit_count": request.audit_count, "audit_hash": request.audit_hash} if noted else {}),
                 # the device's public bundle key, sent until it is registered: its sealed bundles are checked by it
                 **({"bundle_key": request.bundle_key} if request.bundle_key is not None else {})}
        conn.execute(_SEEN.values(**extra) if extra else _SEEN,
                     {"k_school": who.school_id, "k_device": who.device_id, "k_last_seq": last_seq, "k_now": now,
                      "k_head": heads.get(who.device_id, log_head)})
        written = applier.take_changes()
        courses = readable(conn, who)  # once, for the pull, the conflicts and the digest
        download_again = request.cursor < feed.kept_from(conn, who.school_id)
        changes: list[Change]
        if download_again:  # the changes after its cursor are no longer all here: a pull would leave a gap
            changes, cursor, more, remaining = [], request.cursor, False, 0
        else:
            changes, cursor, more, remaining = changes_since(conn, who, request.cursor, request.limit, {
                (c["entity"], c["entity_key"], c["field"]): c["version"] for c in written},  # its newer values win
                courses)
        conflicts = open_conflicts(conn, who, courses)
        digest = courses_digest(course_ids(conn, who, courses))
        # The last statement: the school's feed row, locked until the commit, gives positions in commit order.
        feed.publish(conn, who.school_id, written)
    head = heads.get(who.device_id, log_head)
    receipt = audit_checkpoint.receipt(signer, who.school_id, who.device_id, head, now) if signer and head else None
    outcomes = Counter(r.reason or r.status for r in results)
    log.info("sync device=%s account=%d ops=%d %s changes=%d more=%s conflicts=%d in %.0f ms", who.device_id,
             who.account_id, len(request.ops), " ".join(f"{k}={v}" for k, v in sorted(outcomes.items())) or "-",
             len(changes), more, len(conflicts), (time.monotonic() - began) * 1000)
    return SyncResponse(results=results, last_seq=last_seq, changes=changes, cursor=cursor, more=more,
                        remaining=remaining, conflicts=conflicts, server_time=now, download_again=download_again,
                        courses=digest, audit_receipt=receipt,
                        bundle_key=bundle_key if request.bundle_key is not None else None)


def _receipt_broken(conn: Connection, who: Principal, held: AuditCheckpoint, log_head: str | None,
                    signer: Ed25519PrivateKey, now: dt.datetime, ip: str | None) -> list[dict]:
    """The entry to note when the receipt the PC holds names an entry of its chain that the log no longer holds
    (the log was rewritten or cut since it was signed), logged as an error for the operator's monitoring too.
    A receipt this server's key did not sign, or for another chain, proves nothing and is passed over."""
    if held.school_id != who.school_id or who.device_id not in held.heads \
            or not checkpoints.genuine(held, {checkpoints.public_text(signer)}):
        return []
    if not audit_checkpoint.missing(conn, who.school_id, {who.device_id: held.heads[who.device_id]},
                                    {who.device_id: log_head} if log_head else None):
        return []
    log.error("audit log REWRITTEN: device=%s holds a receipt of %s for an entry its chain no longer has",
              who.device_id, held.at.isoformat())
    return [dict(at=now, school_id=who.school_id, account_id=who.account_id, device_id=who.device_id, ip=ip,
                 entity="device", entity_key=who.device_id, field="audit_receipt", old_value=held.heads[who.device_id],
                 new_value=held.at.isoformat(), result="noted", reason="audit_rewritten")]


def _replay(conn: Connection, who: Principal, seq: int) -> OperationResult:
    """An operation processed by an earlier call, answered as it was the first time, from its audit entry:
    the value told is the field's value after the operation then (a refusal's standing value, a lost
    conflict's winner), not now."""
    row = conn.execute(
        select(*(audit_table.c[c] for c in ("result", "reason", "message", "version", "conflict_id", "old_value",
                                            "new_value", "entity", "field")), CONFLICT.c.winner_value)
        .outerjoin(CONFLICT, (CONFLICT.c.school_id == who.school_id) & (CONFLICT.c.id == audit_table.c.conflict_id))
        .where(audit_table.c.school_id == who.school_id, audit_table.c.device_id == who.device_id,
               audit_table.c.seq == seq)
    ).first()
    if row is None:  # processed, but its entry is gone (never deleted by the app): answer plainly
        return OperationResult(seq=seq, status="applied", replayed=True)
    if row.result == "rejected":
        value = json_codec.value(row.old_value)  # the standing value, when it was told (else none was kept)
    elif row.result == "conflict":
        value = json_codec.value(row.winner_value)
    elif tells_value(row.entity, row.field):
        value = json_codec.value(row.new_value)  # the value written
    else:
        value = None
    return OperationResult(seq=seq, status=row.result, reason=row.reason, message=row.message, version=row.version,
                           conflict_id=row.conflict_id, value=value, replayed=True)
