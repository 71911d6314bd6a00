"""The server's audit signing key and what it signs: a PC's receipt after each sync, a school's checkpoint of all its
chains, and the check of a checkpoint against the log as it stands (core.audit_checkpoint).

The key is a file outside the database (`dala-server serve --audit-key`, made on first start, readable by the
server's user only): whoever can write the database but not read this file can rewrite the chains, but cannot make
the heads the PCs and the school already hold come true again. Every app server of one database is given the same
file; a key replaced later is named by each checkpoint it signed, and `verify-audit --public-key` trusts the older
ones too."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from pydantic import ValidationError
from sqlalchemy import Connection, select

from core import audit_checkpoint, record_keys
from core.audit_checkpoint import SCHOOL_CHAIN
from core.protocol import AuditCheckpoint
from server import audit_log, key_files
from server.schema import audit_log as audit_table


def default_key_path() -> Path:
    """Where `serve` keeps its key when not told: the server user's data folder, never beside the database's data."""
    return key_files.data_folder() / "audit-signing.key"


def load_key(path: str | os.PathLike[str], *, create: bool = False) -> Ed25519PrivateKey:
    """The signing key in `path` (PEM, PKCS#8), made there first when `create` and there is none (server.key_files).
    Raises OSError or ValueError for a file that is not such a key."""
    pem = key_files.read(path, lambda: Ed25519PrivateKey.generate().private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()), create=create)
    key = load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} holds a key, but not an Ed25519 one")
    return key


def receipt(key: Ed25519PrivateKey, school_id: int, device_id: str, head: str, at: dt.datetime) -> AuditCheckpoint:
    """What a sync hands the PC: the head of its device's chain once the call commits."""
    return audit_checkpoint.sign(key, school_id, at, {device_id: head})


def of_school(conn: Connection, key: Ed25519PrivateKey, school_id: int, at: dt.datetime) -> AuditCheckpoint | None:
    """Every chain of the school at its head now (None for a school with no audit entries yet)."""
    heads = {SCHOOL_CHAIN if device is None else device: head
             for (_, device), head in audit_log.heads(conn, school_id).items()}
    return audit_checkpoint.sign(key, school_id, at, heads) if heads else None


def missing(conn: Connection, school_id: int, heads: Mapping[str, str],
            current: Mapping[str, str] | None = None) -> list[str]:
    """The chains (device ids, or "school") whose head a checkpoint names but whose entry with that hash the log no
    longer holds on that chain: rewritten or cut since. `current`: heads known to be the chains' present ones (the
    device's row a sync has just read), which hold without a look-up. With `audit_log.verify` saying each chain
    follows from its start, a head still held means nothing before it changed."""
    gone = []
    for chain, head in sorted(heads.items()):
        if current is not None and current.get(chain) == head:
            continue
        device_id = None if chain == SCHOOL_CHAIN else chain
        if device_id is not None and record_keys.record_id(device_id) is None:
            gone.append(chain)  # no device of this server is named so
            continue
        on_chain = audit_table.c.device_id.is_(None) if device_id is None else audit_table.c.device_id == device_id
        found = conn.execute(select(audit_table.c.id).where(
            audit_table.c.school_id == school_id, on_chain, audit_table.c.hash == head).limit(1)).first()
        if found is None:
            gone.append(chain)
    return gone


def check_files(conn: Connection, paths: list[Path], trusted: set[str]) -> list[str]:
    """What is wrong with the log as the checkpoint files say it must be: a file not signed by a trusted key (or not
    a checkpoint at all), or a head the log no longer holds. Raises OSError for a file that cannot be read."""
    problems = []
    for path in paths:
        try:
            checkpoint = AuditCheckpoint.model_validate_json(path.read_bytes())
        except ValidationError:
            problems.append(f"{path} is not a signed audit checkpoint")
            continue
        if not audit_checkpoint.genuine(checkpoint, trusted):
            problems.append(f"{path} is not signed by a trusted key (its key: {checkpoint.key})")
            continue
        for chain in missing(conn, checkpoint.school_id, checkpoint.heads):
            problems.append(f"the log no longer holds the entry that {path} (signed {checkpoint.at.isoformat()}) "
                            f"names as the head of school {checkpoint.school_id}'s chain {chain}: it was rewritten "
                            "or cut since")
    return problems
