"""Secrets kept in the OS keychain through `keyring` (Windows Credential Manager, macOS Keychain, the Secret
Service on Linux): the device token and a profile's wrapped journal keys. Nothing secret goes to a plain
file or a log. Tests hand in a keyring backend of their own (tests/keyring_backend.py), a real
keyring.backend.KeyringBackend, so the code under test is the code that runs."""

from __future__ import annotations

import json
from typing import Any

SERVICE = "Dala Journal"


class Keychain:
    def __init__(self, backend: Any = None, service: str = SERVICE) -> None:
        if backend is None:
            import keyring

            backend = keyring.get_keyring()
        self._backend, self.service = backend, service

    def get(self, name: str) -> str | None:
        return self._backend.get_password(self.service, name)

    def put(self, name: str, secret: str) -> None:
        self._backend.set_password(self.service, name, secret)

    def forget(self, name: str) -> None:
        import keyring.errors

        try:
            self._backend.delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored under that name

    def get_json(self, name: str) -> dict | None:
        text = self.get(name)
        return None if text is None else json.loads(text)

    def put_json(self, name: str, value: dict) -> None:
        self.put(name, json.dumps(value, separators=(",", ":")))


class KeychainTokens:
    """sync.credentials.TokenStore over the keychain: the device token per account and server."""

    def __init__(self, keychain: Keychain) -> None:
        self.keychain = keychain

    def get(self, account: str) -> str | None:
        return self.keychain.get(f"token:{account}")

    def put(self, account: str, token: str) -> None:
        self.keychain.put(f"token:{account}", token)

    def forget(self, account: str) -> None:
        self.keychain.forget(f"token:{account}")
