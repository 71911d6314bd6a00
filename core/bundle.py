"""Sealed sync bundles: a PC's sync request, or the server's answer to it, as one file any carrier can move (a USB
stick, another PC, the school's LAN relay) without being able to read or change it.

A bundle is

    MAGIC · u32 header length · header (JSON, readable: what it holds and for whom) · u32 sealed length · sealed ·
    signature (64 bytes)

`sealed` is the payload (the request's or the answer's JSON, gzipped) encrypted with HPKE (RFC 9180: X25519,
HKDF-SHA256, AES-256-GCM, through the `cryptography` package) to its recipient's public key: a request to the school's
server, an answer to the device that asked. HPKE's info binds it to its header. `signature` is the sender's Ed25519
signature over everything before it: a request by its device's key (registered with the server at the device's
online login or sync), an answer by the server's. So a lost stick leaks nothing, a changed byte is refused, and a
bundle can be applied only by its recipient.

Keys travel as `KeyPair.public()` text: base64 of the X25519 then the Ed25519 public key.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import gzip
import hashlib
import json
import struct
import uuid
import zlib
from dataclasses import dataclass
from typing import Annotated, Literal

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from pydantic import Field, ValidationError

from core.protocol import DeviceId, Strict

MAGIC = b"DALA-BUNDLE-1\n"
SUFFIX = ".dala"  # a bundle's file name: request-<device>-<made>.dala, answer-<device>-<made>.dala
MAX_BYTES = 32 * 2**20  # a request carries at most MAX_OPS_PER_SYNC operations, an answer MAX_PULL changes
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_SIGNATURE = 64
_LENGTH = struct.Struct(">I")


class BundleError(Exception):
    """A bundle that cannot be taken, with a stable code the app and the console translate: `not_a_bundle`,
    `truncated`, `bad_signature` (changed, or not made by whom it says), `not_for_us` (sealed for another device or
    server), `unknown_device` (the server knows no key of that device), `too_large`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class Header(Strict):
    """What a bundle holds and for whom, readable without opening it (the app lists it in the teacher's language)."""

    kind: Literal["request", "answer"]
    id: Annotated[str, Field(min_length=36, max_length=36)]
    school_id: Annotated[int, Field(ge=1, le=2**31 - 1)]
    device_id: DeviceId  # the PC that asked (a request's sender, an answer's recipient)
    made_at: dt.datetime
    ops: Annotated[int, Field(ge=0, le=10**6)] = 0  # a request's operations; an answer's results
    first_seq: Annotated[int, Field(ge=0, le=2**62)] | None = None
    last_seq: Annotated[int, Field(ge=0, le=2**62)] | None = None
    cursor: Annotated[int, Field(ge=0, le=2**63 - 1)] = 0  # the request's pull cursor (an answer repeats it)
    changes: Annotated[int, Field(ge=0, le=10**7)] = 0  # an answer's pulled changes
    answers: Annotated[str, Field(min_length=36, max_length=36)] | None = None  # an answer: its request's id


@dataclass(frozen=True)
class KeyPair:
    """A bundle party's keys: X25519 to open what is sealed for it, Ed25519 to sign what it sends."""

    opening: X25519PrivateKey
    signing: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate())

    def private(self) -> str:
        """Both private keys as text, for the journal or a key file that keep them."""
        raw = (self.opening.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
               + self.signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
        return base64.b64encode(raw).decode()

    @classmethod
    def from_private(cls, text: str) -> KeyPair:
        raw = base64.b64decode(text, validate=True)
        return cls(X25519PrivateKey.from_private_bytes(raw[:32]), Ed25519PrivateKey.from_private_bytes(raw[32:64]))

    def public(self) -> str:
        return public_text(self.opening.public_key(), self.signing.public_key())


@dataclass(frozen=True)
class PublicKeys:
    """A bundle party as others know it: where to seal for it, and whose signature it makes."""

    sealing: X25519PublicKey
    verifying: Ed25519PublicKey

    @classmethod
    def parse(cls, text: str) -> PublicKeys:
        """From `KeyPair.public()` text; ValueError for anything else."""
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("not a bundle key") from None
        if len(raw) != 64:
            raise ValueError("not a bundle key")
        return cls(X25519PublicKey.from_public_bytes(raw[:32]), Ed25519PublicKey.from_public_bytes(raw[32:]))


def public_text(sealing: X25519PublicKey, verifying: Ed25519PublicKey) -> str:
    return base64.b64encode(sealing.public_bytes(Encoding.Raw, PublicFormat.Raw)
                            + verifying.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def new_header(kind: Literal["request", "answer"], school_id: int, device_id: str, **counts: object) -> Header:
    return Header.model_validate(dict(kind=kind, id=str(uuid.uuid4()), school_id=school_id, device_id=device_id,
                                      made_at=dt.datetime.now(dt.UTC).replace(microsecond=0), **counts))


def seal(header: Header, payload: bytes, recipient: PublicKeys, sender: KeyPair) -> bytes:
    """The bundle: `payload` (JSON) gzipped and sealed for `recipient`, the whole signed by `sender`."""
    head = header.model_dump_json().encode()
    sealed = _SUITE.encrypt(gzip.compress(payload, mtime=0), recipient.sealing, _info(head))
    body = MAGIC + _LENGTH.pack(len(head)) + head + _LENGTH.pack(len(sealed)) + sealed
    return body + sender.signing.sign(body)


def header_of(data: bytes) -> Header:
    """A bundle's header, read without opening it (BundleError when it is not a whole bundle)."""
    return _parts(data)[0]


def open_bundle(data: bytes, recipient: KeyPair, sender: PublicKeys) -> tuple[Header, bytes]:
    """The header and payload of a bundle sealed for `recipient` and signed by `sender`; BundleError otherwise."""
    header, head, body, sealed, signature = _parts(data)
    try:
        sender.verifying.verify(signature, body)
    except InvalidSignature:
        raise BundleError("bad_signature", "The bundle was changed, or not made by whom it names.") from None
    try:
        packed = _SUITE.decrypt(sealed, recipient.opening, _info(head))
    except (InvalidTag, ValueError):
        raise BundleError("not_for_us", "The bundle is sealed for another device or server.") from None
    try:
        return header, gzip.decompress(packed)
    except (OSError, EOFError, zlib.error):
        raise BundleError("not_a_bundle", "The bundle's contents cannot be read.") from None


def _info(head: bytes) -> bytes:
    return b"dala-bundle-1 " + hashlib.sha256(head).digest()


def _parts(data: bytes) -> tuple[Header, bytes, bytes, bytes, bytes]:
    """(header, its bytes, the signed body, the sealed part, the signature) of a whole bundle."""
    if len(data) > MAX_BYTES:
        raise BundleError("too_large", f"A bundle is at most {MAX_BYTES} bytes.")
    if not data.startswith(MAGIC):
        raise BundleError("not_a_bundle", "This is not a Dala Journal sync bundle.")
    at = len(MAGIC)
    try:
        (head_length,) = _LENGTH.unpack_from(data, at)
        head = data[at + 4:at + 4 + head_length]
        at += 4 + head_length
        (sealed_length,) = _LENGTH.unpack_from(data, at)
    except struct.error:
        raise BundleError("truncated", "The bundle is cut short: it was not copied whole.") from None
    sealed = data[at + 4:at + 4 + sealed_length]
    end = at + 4 + sealed_length
    if len(head) != head_length or len(sealed) != sealed_length or len(data) != end + _SIGNATURE:
        raise BundleError("truncated", "The bundle is cut short: it was not copied whole.")
    try:
        header = Header.model_validate(json.loads(head))
    except (ValueError, ValidationError):
        raise BundleError("not_a_bundle", "The bundle's header cannot be read.") from None
    return header, head, data[:end], sealed, data[end:]
