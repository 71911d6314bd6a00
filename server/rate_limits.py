"""Rate limits on login and sync, per device and per network address, over the `limits` package's moving
windows, counted in a store all workers and app servers see (Redis: `--rate-store redis://host:6379`) or in
the worker's own memory (the default: one worker on one machine). A caller over a limit gets
429 with Retry-After. Per address the limits are generous, since a village school's PCs often share one
address behind its router; per device they are what one PC's honest engine never reaches (it syncs a few
times a minute at most).

Wrong passwords are throttled per username and address (`PasswordThrottle`), with waits that grow over three
windows, instead of locking the account: five wrong passwords typed from elsewhere no longer lock a teacher out,
and an unknown username is throttled exactly as a known one is, so neither answer tells whether it exists."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter


@dataclass(frozen=True)
class RateLimits:
    login_per_address: str = "60/minute"
    login_per_device: str = "10/minute"
    sync_per_address: str = "1200/minute"
    sync_per_device: str = "120/minute"
    # wrong passwords for one username from one address: 5 in 5 minutes, 20 an hour, 100 a day
    login_failures: str = "5/5minutes;20/hour;100/day"

    @classmethod
    def from_text(cls, text: str) -> RateLimits:
        """"login_per_device=3/minute,sync_per_device=5/second": the defaults with some replaced."""
        values = dict(part.split("=", 1) for part in text.split(",") if part.strip())  # ";" joins a limit's windows
        return cls(**{k.strip(): v.strip() for k, v in values.items()})


class Limiter:
    def __init__(self, limits: RateLimits, store: str = "memory://") -> None:
        self._windows = MovingWindowRateLimiter(storage_from_string(store))
        self._items: dict[str, list[RateLimitItem]] = {name: parse_many(getattr(limits, name))
                                                       for name in RateLimits.__dataclass_fields__}

    def hit(self, name: str, who: str) -> int | None:
        """Count one call by `who` under limit `name`; None when allowed, else the seconds to wait."""
        for item in self._items[name]:
            if not self._windows.hit(item, name, who):
                return self._reset_in(item, name, who)
        return None

    def wait(self, name: str, who: str) -> int | None:
        """The seconds before `who` may call again under limit `name` (None: now), counting nothing."""
        waits = [self._reset_in(item, name, who) for item in self._items[name]
                 if not self._windows.test(item, name, who)]
        return max(waits, default=None)

    def _reset_in(self, item: RateLimitItem, name: str, who: str) -> int:
        reset = self._windows.get_window_stats(item, name, who).reset_time
        return max(1, math.ceil(reset - time.time()))


class PasswordThrottle:
    """Wrong passwords counted per (username, address): a login from that address for that username waits once
    they are over `login_failures` (the right password too, so guessing on cannot tell), while the same username
    from another address, its teacher at school, logs in as ever."""

    def __init__(self, limiter: Limiter) -> None:
        self._limiter = limiter

    def wait(self, username: str, address: str) -> int | None:
        return self._limiter.wait("login_failures", self._who(username, address))

    def failed(self, username: str, address: str) -> None:
        self._limiter.hit("login_failures", self._who(username, address))

    @staticmethod
    def _who(username: str, address: str) -> str:
        return f"{address}/{username.casefold()}"
