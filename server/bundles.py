"""Sealed sync bundles taken by the server (core.bundle): a PC's request, carried by a USB stick, another PC or the
school's relay, opened with the server's bundle key, checked against its device's registered key, applied by the same
sync as a direct call (so a bundle carried twice applies once: its operations' numbers are already processed), and
answered by a bundle sealed for that device and signed by the server.

The server's bundle keys are a file beside its audit key (server.key_files), made on first start; its public half is
what a school's installer preset carries, and what the server tells a PC that registers its own key."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import ValidationError
from sqlalchemy import Engine, select

from core import bundle, wire_pack
from core.bundle import BundleError, KeyPair, PublicKeys
from core.protocol import SyncRequest
from server import accounts, key_files
from server.schema import device
from server.sync import sync_as


def default_key_path() -> Path:
    return key_files.data_folder() / "bundle.key"


def load_keys(path: str | os.PathLike[str], *, create: bool = False) -> KeyPair:
    """The server's bundle keys in `path`, made there first when `create` and there is none. Raises OSError or
    ValueError for a file that is not such keys."""
    text = key_files.read(path, lambda: KeyPair.generate().private().encode(), create=create)
    return KeyPair.from_private(text.decode().strip())


def answer(engine: Engine, keys: KeyPair, data: bytes, ip: str | None,
           signer: Ed25519PrivateKey | None = None) -> bytes:
    """The answer bundle to a request bundle. Raises BundleError for a bundle that cannot be taken (not one, cut
    short, changed, sealed for another server, from an unknown device) and accounts.TokenRefused for a device the
    admin revoked."""
    header = bundle.header_of(data)
    if header.kind != "request":
        raise BundleError("not_a_request", "This is an answer bundle: it goes back to its PC, not to the server.")
    with engine.connect() as conn:
        registered = conn.execute(select(device.c.bundle_key).where(
            device.c.school_id == header.school_id, device.c.id == header.device_id)).scalar()
    if registered is None:
        raise BundleError("unknown_device", "The server knows no bundle key of this PC: it must sync online once.")
    sender = PublicKeys.parse(registered)
    header, payload = bundle.open_bundle(data, keys, sender)
    try:  # the packed form a direct sync sends (core.wire_pack)
        request = SyncRequest.model_validate(wire_pack.unpack_request(json.loads(payload)))
    except (ValueError, ValidationError, wire_pack.PackError):
        raise BundleError("not_a_bundle", "The bundle's request cannot be read.") from None
    if request.device_id != header.device_id:
        raise BundleError("bad_signature", "The bundle's request names another device than its header.")
    school, device_id = header.school_id, header.device_id
    response = sync_as(engine, lambda conn, _now: accounts.device_principal(conn, school, device_id), request, ip,
                       signer)
    seqs = [op.seq for op in request.ops]
    reply = bundle.new_header("answer", school, device_id, ops=len(response.results), changes=len(response.changes),
                              cursor=request.cursor, answers=header.id, first_seq=min(seqs, default=None),
                              last_seq=max(seqs, default=None))
    packed = wire_pack.pack_response(response.model_dump(mode="json", exclude={"bundle_key"}))
    return bundle.seal(reply, wire_pack.dumps(packed), sender, keys)

