"""Why a sync did not go through, as a code the desktop translates and plain English words for logs."""

from __future__ import annotations


class SyncError(Exception):
    """`code` says what happened; `retry` whether trying again later may help; `retry_after` the server's
    hint in seconds (503 busy, 429 locked)."""

    def __init__(self, code: str, message: str, *, retry: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.retry, self.retry_after = code, message, retry, retry_after


def offline(detail: str) -> SyncError:
    return SyncError("offline", f"The server cannot be reached ({detail}).", retry=True)


def needs_login(code: str, message: str) -> SyncError:
    """The token is refused (expired, revoked, unknown) or the password is wrong: a person must act."""
    return SyncError(code, message, retry=False)
