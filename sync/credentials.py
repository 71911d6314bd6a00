"""Where the device token is kept between runs. The token stands for the teacher's password on this PC, so
it is never kept in the clear: the engine takes any `TokenStore`. `MemoryTokens` keeps it for the life of
the process (tests, benchmarks); a profile keeps it sealed under its journal key, in the OS keychain or
beside the journal (storage.profile_secrets.ProfileTokens, from storage.profiles.Profiles.tokens)."""

from __future__ import annotations

from typing import Protocol


def account_key(username: str, server_url: str) -> str:
    """The name a device token is stored under: one per account and server."""
    return f"{username}@{server_url}"


class TokenStore(Protocol):
    def get(self, account: str) -> str | None: ...
    def put(self, account: str, token: str) -> None: ...
    def forget(self, account: str) -> None: ...


class MemoryTokens:
    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}

    def get(self, account: str) -> str | None:
        return self._tokens.get(account)

    def put(self, account: str, token: str) -> None:
        self._tokens[account] = token

    def forget(self, account: str) -> None:
        self._tokens.pop(account, None)
