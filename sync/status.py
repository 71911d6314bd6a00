"""What the sync engine tells whoever shows it: online or not, changes waiting, the last good sync, a
running sync's progress, open conflicts and refused edits, and the last error as a code plus words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SyncStatus:
    online: bool | None = None  # None until the first attempt
    running: bool = False
    phase: str = "idle"  # idle, first_download, syncing
    done: int = 0
    total: int = 0
    waiting: int = 0  # local changes not yet acknowledged by the server
    conflicts: int = 0
    rejected: int = 0  # refused edits the teacher has not looked at yet
    last_sync_at: str | None = None  # UTC, ISO 8601
    next_attempt_in: float | None = None  # seconds, when a retry is scheduled
    needs_login: bool = False
    error_code: str | None = None
    error_message: str | None = None
