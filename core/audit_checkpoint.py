"""Signed audit checkpoints: the heads of a school's audit chains at a moment, signed with the server's Ed25519 key.

The hash chains (core.audit_chain) show an entry changed or removed, unless whoever changed it recomputed every hash
after it, which anyone with write access to the database can. A checkpoint signed with a key kept outside the
database, once it has left the server (a PC keeps the receipt of its own chain that each sync hands it; a school
keeps checkpoints of all its chains), pins the chain up to that head: a log rewritten before it no longer holds
the entry whose hash it names. Both sides read checkpoints, so the signed form is defined here once."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Collection, Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from core.audit_chain import canonical
from core.protocol import AuditCheckpoint

SCHOOL_CHAIN = "school"  # the key of the school's own chain among a checkpoint's heads (the others: device ids)


def signed_bytes(school_id: int, at: dt.datetime, heads: Mapping[str, str]) -> bytes:
    """What the signature covers, in one canonical form whichever side computes it."""
    return json.dumps({"school_id": school_id, "at": canonical(at), "heads": dict(heads)},
                      separators=(",", ":"), sort_keys=True).encode("utf-8")  # keys sorted at every depth


def public_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """A public key as checkpoints name it: its 32 raw bytes in base64."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return base64.b64encode(public.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def sign(key: Ed25519PrivateKey, school_id: int, at: dt.datetime, heads: Mapping[str, str]) -> AuditCheckpoint:
    at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    signature = key.sign(signed_bytes(school_id, at, heads))
    return AuditCheckpoint(school_id=school_id, at=at, heads=dict(heads), key=public_text(key),
                           signature=base64.b64encode(signature).decode("ascii"))


def genuine(checkpoint: AuditCheckpoint, trusted: Collection[str]) -> bool:
    """Whether the checkpoint was signed, as it stands, by one of the `trusted` public keys (base64)."""
    if checkpoint.key not in trusted:
        return False
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(checkpoint.key, validate=True))
        public.verify(base64.b64decode(checkpoint.signature, validate=True),
                      signed_bytes(checkpoint.school_id, checkpoint.at, checkpoint.heads))
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True
