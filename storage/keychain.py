"""Secrets kept in the OS keychain through `keyring` (Windows Credential Manager, macOS Keychain, the Secret
Service on Linux): a profile's wrapped journal keys and its sealed device token (storage.profile_secrets).
Not every PC has a keychain that works — keyring's fail backend where none is installed, its null backend
that forgets, a Secret Service that errors — so `works()` tries one round trip first. Tests hand in a keyring
backend of their own (tests/keyring_backend.py), a real keyring.backend.KeyringBackend, so the code under
test is the code that runs."""

from __future__ import annotations

import json
import logging
import secrets
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "Dala Journal"
_PROBE = "probe"
log = logging.getLogger(__name__)


class Keychain:
    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        if backend is None:
            import keyring

            backend = keyring.get_keyring()
        self._backend, self.service = backend, service
        self._works: bool | None = None

    def works(self) -> bool:
        """Whether a secret put here comes back (asked once per run)."""
        if self._works is None:
            probe = secrets.token_hex(8)
            try:
                self.put(_PROBE, probe)
                self._works = self.get(_PROBE) == probe
                self.forget(_PROBE)
            except Exception as error:  # noqa: BLE001 (keyring and its backends raise their own kinds)
                log.info("the keychain cannot be used: %s", type(error).__name__)
                self._works = False
        return self._works

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

    def get_json(self, name: str) -> dict[str, Any] | None:
        text = self.get(name)
        return None if text is None else json.loads(text)

    def put_json(self, name: str, value: dict[str, Any]) -> None:
        self.put(name, json.dumps(value, separators=(",", ":")))
