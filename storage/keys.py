"""The key a profile's journal is encrypted under, and how it is kept: never in the clear, only wrapped.

A journal key is 32 random bytes (SQLCipher's raw key). It is wrapped twice: once under a key derived from
the teacher's offline password with Argon2id (argon2-cffi), once under a recovery key the school's server
hands out after an online login — so a forgotten offline password never costs the journal or its unsent
changes. Wrapping is AES-256-GCM (`cryptography`), so a wrong password or a tampered blob is detected, not
decrypted into garbage. The wrapped forms are plain JSON-able dicts; where they are stored is
storage.profile_secrets' business (the OS keychain, or a file beside the journal on a PC without one).

The device token is sealed under the journal key itself (AES-256-GCM under a key derived from it with
HKDF-SHA256), so it is usable only once the profile is unlocked.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

KEY_BYTES = 32


class WrongSecret(Exception):
    """The password or recovery key does not open this wrapped key (or the wrapped key was tampered with)."""


@dataclass(frozen=True)
class Argon2Cost:
    """Argon2id cost: about half a second on a school PC with 2 cores, 64 MiB of memory (RFC 9106's second
    recommended option scaled to an old PC). Tests pass a cheap one."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


DEFAULT_COST = Argon2Cost()


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def wrap_with_password(key: bytes, password: str, cost: Argon2Cost = DEFAULT_COST) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    kek = _derive(password, salt, cost)
    return {"v": 1, "kdf": "argon2id", "t": cost.time_cost, "m": cost.memory_kib, "p": cost.parallelism,
            "salt": _b64(salt), **_seal(kek, key)}


def unwrap_with_password(wrapped: dict[str, Any], password: str) -> bytes:
    try:
        cost = Argon2Cost(int(wrapped["t"]), int(wrapped["m"]), int(wrapped["p"]))
        kek = _derive(password, _unb64(wrapped["salt"]), cost)
    except (KeyError, TypeError, ValueError) as exc:
        raise WrongSecret("the wrapped key is damaged") from exc
    return _open(kek, wrapped)


def wrap_with_recovery(key: bytes, recovery_key: bytes) -> dict[str, Any]:
    return {"v": 1, "kdf": "none", **_seal(_check_len(recovery_key), key)}


def unwrap_with_recovery(wrapped: dict[str, Any], recovery_key: bytes) -> bytes:
    return _open(_check_len(recovery_key), wrapped)


def seal_with_journal_key(journal_key: bytes, secret: str, name: str) -> dict[str, Any]:
    """`secret` sealed under a key derived from the journal key; `name` (what it is stored as) is bound in,
    so a sealed value moved to another name does not open."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_token_key(journal_key)).encrypt(nonce, secret.encode("utf-8"), name.encode("utf-8"))
    return {"v": 1, "kdf": "hkdf-sha256", "nonce": _b64(nonce), "ct": _b64(sealed)}


def open_with_journal_key(journal_key: bytes, sealed: dict[str, Any], name: str) -> str:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        secret = AESGCM(_token_key(journal_key)).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ct"]),
                                                         name.encode("utf-8"))
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise WrongSecret("the journal key does not open this secret") from exc
    return secret.decode("utf-8")


def _token_key(journal_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"dala-journal device token").derive(_check_len(journal_key))


def _derive(password: str, salt: bytes, cost: Argon2Cost) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=cost.time_cost, memory_cost=cost.memory_kib,
                           parallelism=cost.parallelism, hash_len=KEY_BYTES, type=Type.ID)


def _seal(kek: bytes, key: bytes) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return {"nonce": _b64(nonce), "ct": _b64(AESGCM(kek).encrypt(nonce, key, b"dala-journal-key"))}


def _open(kek: bytes, wrapped: dict[str, Any]) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(kek).decrypt(_unb64(wrapped["nonce"]), _unb64(wrapped["ct"]), b"dala-journal-key")
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise WrongSecret("the password or recovery key does not open this journal") from exc
    if len(key) != KEY_BYTES:
        raise WrongSecret("the wrapped key is damaged")
    return key


def _check_len(key: bytes) -> bytes:
    if len(key) != KEY_BYTES:
        raise WrongSecret("a key is 32 bytes")
    return key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
