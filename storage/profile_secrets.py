"""Where a profile's secrets live: the OS keychain where it works, else a file beside the journal; and the
device token, sealed under the journal key wherever it is kept.

The wrapped journal keys (storage.keys) are sealed already — under Argon2id of the offline password and
under the server's recovery key — so on a PC without a working keychain they may sit in `keys.json` in the
profile's folder: whoever copies the file still has to guess the offline password at Argon2id's cost. The
keychain stays the first choice where it works (it adds the OS account's own protection). The device token
is sealed under a key derived from the journal key (storage.keys.seal_with_journal_key), in the keychain
and in the file alike, so it can be used only once the profile is unlocked. A token an older version kept
unsealed in the keychain (`token:<account>`) is deleted and treated as missing: the teacher logs in again,
and that login makes the server replace the device's token, so the old one stops working too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Protocol

from storage import keys
from storage.keychain import Keychain

KEY_FILE = "keys.json"


class SecretStore(Protocol):
    """What a profile's secrets are kept in: storage.keychain.Keychain or KeyFile."""

    def get_json(self, name: str) -> dict[str, Any] | None: ...
    def put_json(self, name: str, value: dict[str, Any]) -> None: ...
    def forget(self, name: str) -> None: ...


class KeyFile:
    """Sealed secrets in a JSON file beside the journal (readable by this OS account only, where the OS
    has such permissions), written whole each time so a crash leaves the old file or the new one."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        return self.path.is_file()

    def get_json(self, name: str) -> dict[str, Any] | None:
        return self._all().get(name)

    def put_json(self, name: str, value: dict[str, Any]) -> None:
        values = self._all()
        values[name] = value
        self._write(values)

    def forget(self, name: str) -> None:
        values = self._all()
        if values.pop(name, None) is not None:
            self._write(values)

    def _all(self) -> dict[str, dict[str, Any]]:
        return dict(json.loads(self.path.read_text(encoding="utf-8"))) if self.path.is_file() else {}

    def _write(self, values: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(values, out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(self.path)


class ProfileTokens:
    """sync.credentials.TokenStore for one unlocked profile: its device tokens (one per account and server)
    in one entry of the profile's secret store, each sealed under the journal key."""

    def __init__(self, store: SecretStore, name: str, journal_key: bytes, old_keychain: Keychain | None) -> None:
        self.store, self.name, self.journal_key = store, name, journal_key
        self.old_keychain = old_keychain  # where an older version kept tokens unsealed

    def get(self, account: str) -> str | None:
        sealed = (self.store.get_json(self.name) or {}).get(account)
        if sealed is None:
            self._forget_unsealed(account)
            return None
        try:
            return keys.open_with_journal_key(self.journal_key, sealed, self._bound(account))
        except keys.WrongSecret:
            return None  # not this journal's key: as good as no token

    def put(self, account: str, token: str) -> None:
        tokens = self.store.get_json(self.name) or {}
        tokens[account] = keys.seal_with_journal_key(self.journal_key, token, self._bound(account))
        self.store.put_json(self.name, tokens)
        self._forget_unsealed(account)

    def forget(self, account: str) -> None:
        tokens = self.store.get_json(self.name) or {}
        if tokens.pop(account, None) is not None:
            self.store.put_json(self.name, tokens)

    def _bound(self, account: str) -> str:
        return f"{self.name}/{account}"

    def _forget_unsealed(self, account: str) -> None:
        if self.old_keychain is not None:
            self.old_keychain.forget(f"token:{account}")
