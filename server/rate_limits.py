"""Rate limits on login and sync, per device and per network address, over the `limits` package's moving
windows, counted in a store all workers and app servers see (Redis: `--rate-store redis://host:6379`) or in
the worker's own memory (the default: one worker on one machine). A caller over a limit gets
429 with Retry-After. Per address the limits are generous, since a village school's PCs often share one
address behind its router; per device they are what one PC's honest engine never reaches (it syncs a few
times a minute at most). Login also has the per-account lockout of server.accounts."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter


@dataclass(frozen=True)
class RateLimits:
    login_per_address: str = "60/minute"
    login_per_device: str = "10/minute"
    sync_per_address: str = "1200/minute"
    sync_per_device: str = "120/minute"

    @classmethod
    def from_text(cls, text: str) -> RateLimits:
        """"login_per_device=3/minute,sync_per_device=5/second": the defaults with some replaced."""
        values = dict(part.split("=", 1) for part in text.split(",") if part.strip())
        return cls(**{k.strip(): v.strip() for k, v in values.items()})


class Limiter:
    def __init__(self, limits: RateLimits, store: str = "memory://") -> None:
        self._windows = MovingWindowRateLimiter(storage_from_string(store))
        self._items: dict[str, RateLimitItem] = {name: parse(getattr(limits, name))
                                                 for name in RateLimits.__dataclass_fields__}

    def hit(self, name: str, who: str) -> int | None:
        """Count one call by `who` under limit `name`; None when allowed, else the seconds to wait."""
        item = self._items[name]
        if self._windows.hit(item, name, who):
            return None
        reset = self._windows.get_window_stats(item, name, who).reset_time
        return max(1, math.ceil(reset - time.time()))
