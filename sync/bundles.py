"""A PC's sync by a carrier instead of its own link (core.bundle): its pending sync written as a sealed request bundle
into a folder (a USB stick), the server's answer bundle read back from one and applied as a direct sync's answer
would be, and, on a PC that is online, the other PCs' request bundles found there carried to the server and their
answers written beside them.

A request holds what a direct sync would send: the outbox's pending operations (marked sent, as a direct sync marks
its batch: a later edit of those fields queues a new operation, since the server may apply these any time), the pull
cursor and the audit chain's head. An answer is applied only while the journal still stands where its request left
it (the same cursor): an answer carried late, twice or out of order, after a direct sync or another answer moved on,
is passed over, and the next sync sends again what it did not acknowledge (the server answers those from its record).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from core import bundle, wire_pack
from core.bundle import BundleError, Header, PublicKeys
from core.protocol import MAX_OPS_PER_SYNC, MAX_PULL, SyncRequest, SyncResponse
from storage import audit, device, outbox, sync_state
from storage.database import JournalDatabase
from storage.sync_answer import Applied, apply_answer
from sync.errors import SyncError
from sync.transport import ServerLink


@dataclass(frozen=True)
class Found:
    """A bundle file in a folder, as the app lists it: what it holds and for whom (its header), or why it cannot be
    read; `mine`: this PC's request, or an answer for it."""

    path: Path
    header: Header | None
    error: str | None
    mine: bool


@dataclass(frozen=True)
class Carried:
    """Another PC's request taken to the server: its answer written at `answer`, or refused with a code."""

    request: Path
    answer: Path | None
    refused: str | None = None


def listed(folder: Path, device_id: str) -> list[Found]:
    """The bundles in `folder`, oldest first."""
    found = []
    for path in sorted(folder.glob(f"*{bundle.SUFFIX}")):
        try:
            header = bundle.header_of(path.read_bytes())
        except BundleError as error:
            found.append(Found(path, None, error.code, False))
        except OSError:
            found.append(Found(path, None, "unreadable", False))
        else:
            found.append(Found(path, header, None, header.device_id == device_id))
    return sorted(found, key=lambda f: (f.header.made_at if f.header else dt.datetime.min.replace(tzinfo=dt.UTC)))


def write_request(db: JournalDatabase, folder: Path) -> tuple[Path, Header]:
    """This PC's pending sync as a request bundle in `folder`: its operations (up to a sync's most), its cursor and
    its audit head, sealed for the school's server."""
    with db.write() as conn:
        state = sync_state.load(conn)
        if state is None or not state.get("server_bundle_key") or state.get("school_id") is None:
            raise SyncError("no_bundle_key", "This PC must sync online once before it can sync by a USB stick.",
                            retry=False)
        keys = sync_state.bundle_keys(conn)
        batch = outbox.pending(conn, MAX_OPS_PER_SYNC)
        fresh = [op.seq for op in batch if not op.sent]
        if fresh:
            outbox.mark_sent(conn, fresh)
        audit_count, audit_hash = audit.head(conn)
        device_id = device.device_id(conn)
    request = SyncRequest.model_construct(device_id=device_id, cursor=state["cursor"], limit=MAX_PULL, ops=[
        op.message() for op in batch], audit_count=audit_count, audit_hash=audit_hash, audit_receipt=None,
        bundle_key=None)
    header = bundle.new_header("request", state["school_id"], device_id, ops=len(batch), cursor=state["cursor"],
                               first_seq=batch[0].seq if batch else None, last_seq=batch[-1].seq if batch else None)
    packed = wire_pack.pack_request(request.model_dump(mode="json", exclude={"bundle_key", "audit_receipt"}))
    data = bundle.seal(header, wire_pack.dumps(packed),
                       PublicKeys.parse(state["server_bundle_key"]), keys)
    return _write(folder / f"request-{device_id[:8]}-{header.made_at:%Y%m%d-%H%M%S}{bundle.SUFFIX}", data), header


def read_answer(db: JournalDatabase, data: bytes) -> Applied | None:
    """Apply an answer bundle for this PC as a direct sync's answer is applied; None when it is passed over (the
    journal has moved on since its request). BundleError for one that is not this PC's, changed or cut short."""
    header = bundle.header_of(data)
    with db.read() as conn:
        state = sync_state.load(conn)
    if state is None or not state.get("server_bundle_key"):
        raise BundleError("not_for_us", "This journal is not linked to a server yet.")
    if header.kind != "answer" or header.device_id != _device_id(db):
        raise BundleError("not_for_us", "This bundle is not an answer for this PC.")
    with db.write() as conn:
        keys = sync_state.bundle_keys(conn)
    header, payload = bundle.open_bundle(data, keys, PublicKeys.parse(state["server_bundle_key"]))
    try:
        answer = SyncResponse.model_validate(wire_pack.unpack_response(json.loads(payload)))
    except (ValueError, ValidationError, wire_pack.PackError):
        raise BundleError("not_a_bundle", "The answer's contents cannot be read.") from None
    with db.write() as conn:
        if sync_state.load(conn)["cursor"] != header.cursor:  # type: ignore[index]
            return None  # moved on since: what it acknowledges is sent again and answered from the server's record
        sent = outbox.pending(conn, up_to=header.last_seq) if header.last_seq is not None else []
        return apply_answer(conn, sent, answer)


def carry(link: ServerLink, folder: Path, device_id: str) -> list[Carried]:
    """The other PCs' requests in `folder` that have no answer there yet, taken to the server by this PC's link; each
    answer written beside its request (`answer-…`). A request the server refuses is named with its code and left."""
    found = listed(folder, device_id)
    answered = {f.header.answers for f in found if f.header is not None and f.header.kind == "answer"}
    carried = []
    for request in found:
        if request.header is None or request.header.kind != "request" or request.mine or request.header.id in answered:
            continue
        try:
            data = link.bundle(request.path.read_bytes())
            header = bundle.header_of(data)
        except SyncError as error:
            if error.retry:
                raise  # offline or busy: the rest waits for the next time too
            carried.append(Carried(request.path, None, error.code))
            continue
        except BundleError as error:
            carried.append(Carried(request.path, None, error.code))
            continue
        name = f"answer-{header.device_id[:8]}-{header.made_at:%Y%m%d-%H%M%S}{bundle.SUFFIX}"
        carried.append(Carried(request.path, _write(folder / name, data)))
    return carried


@dataclass
class FolderSync:
    """What a sync through a folder (a USB stick) did, for the teacher: the answers for this PC applied (or passed
    over, or refused with a code), the other PCs' requests carried to the server, this PC's new request; and every
    bundle found there, to list what each holds and for whom."""

    applied: list[Applied]
    passed_over: int
    refused: list[tuple[Path, str]]
    carried: list[Carried]
    written: tuple[Path, Header] | None
    found: list[Found]
    offline: bool  # this PC could not reach the server to carry the others' requests


def through_folder(db: JournalDatabase, link: ServerLink, folder: Path, device_id: str, *,
                   online: bool) -> FolderSync:
    """A sync by a USB stick, as one action: the answers for this PC found in `folder` applied (oldest first); if
    `online`, the other PCs' requests carried to the server; then this PC's pending sync written as a new request."""
    done = FolderSync([], 0, [], [], None, [], offline=not online)
    for found in listed(folder, device_id):
        if found.mine and found.header is not None and found.header.kind == "answer":
            try:
                applied = read_answer(db, found.path.read_bytes())
            except BundleError as error:
                done.refused.append((found.path, error.code))
                continue
            if applied is None:
                done.passed_over += 1
            else:
                done.applied.append(applied)
    if online:
        try:
            done.carried = carry(link, folder, device_id)
        except SyncError:
            done.offline = True
    done.written = write_request(db, folder)
    done.found = listed(folder, device_id)
    return done


def _device_id(db: JournalDatabase) -> str:
    with db.read() as conn:
        return device.device_id(conn)


def _write(path: Path, data: bytes) -> Path:
    """Written whole under a temporary name, then renamed: a stick pulled out midway leaves no half bundle."""
    partial = path.with_name(path.name + ".part")
    with partial.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, path)
    return path
