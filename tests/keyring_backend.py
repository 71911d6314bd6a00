"""A keyring backend made for tests: a real keyring.backend.KeyringBackend that keeps secrets in a dict, so
tests exercise the app's keychain code (storage.keychain) without touching the machine's own keychain.
`BrokenKeyring` is a keychain that fails on every call."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class BrokenKeyring(KeyringBackend):
    """A keychain that is there but fails, as a Secret Service does when its daemon is gone or the
    collection stays locked: every call raises keyring's own error."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("the Secret Service is not answering")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the Secret Service is not answering")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("the Secret Service is not answering")
