"""Rate limits on login and sync, and the wrong-password throttle.

Calls are limited per network address (login, sync) and per device token (sync: the token is the server's, not
the client's choice), over the `limits` package's moving windows, counted in a store all workers and app servers
see (Redis: `--rate-store redis://host:6379`) or in the worker's own memory (the default). They bound floods, so
a worker's own count is enough for one machine. A caller over a limit gets 429 with Retry-After. Per address the
limits are generous, since a village school's PCs often share one address behind its router; per device they are
what one PC's honest engine never reaches (it syncs a few times a minute at most).

Wrong passwords, which guard accounts, are throttled per username and address (`PasswordThrottle`) with waits that
grow over three windows, instead of locking the account: five wrong passwords typed from elsewhere no longer lock a
teacher out, and an unknown username is throttled exactly as a known one is, so neither answer tells whether it
exists. They are counted in the database, so every worker and app server of it holds one count without Redis."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from sqlalchemy import Engine, delete, insert, select

from server.db import writer
from server.schema import login_failure


@dataclass(frozen=True)
class RateLimits:
    login_per_address: str = "60/minute"
    sync_per_address: str = "1200/minute"
    sync_per_device: str = "120/minute"
    # wrong passwords for one username from one address: 5 in 5 minutes, 20 an hour, 100 a day
    login_failures: str = "5/5minutes;20/hour;100/day"

    @classmethod
    def from_text(cls, text: str) -> RateLimits:
        """"login_per_address=3/minute,sync_per_device=5/second": the defaults with some replaced."""
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

    def _reset_in(self, item: RateLimitItem, name: str, who: str) -> int:
        reset = self._windows.get_window_stats(item, name, who).reset_time
        return max(1, math.ceil(reset - time.time()))


class PasswordThrottle:
    """Wrong passwords counted per (username, address): a login from that address for that username waits once
    they are over `login_failures` (the right password too, so guessing on cannot tell), while the same username
    from another address, its teacher at school, logs in as ever. One row a failure in the database's
    `login_failure`, under a digest of the pair (no username or address kept in the clear); the moving windows are
    read back from those rows. Blocking: called from a worker thread."""

    def __init__(self, engine: Engine, limits: RateLimits) -> None:
        self._engine = engine
        # (how many, in how many seconds), by window: "5/5minutes;20/hour;100/day"
        self._windows = [(item.amount, item.get_expiry()) for item in parse_many(limits.login_failures)]
        self._kept = dt.timedelta(seconds=max(seconds for _, seconds in self._windows))

    def wait(self, username: str, address: str) -> int | None:
        """The seconds before this username may be tried from this address again (None: now)."""
        now = dt.datetime.now(dt.UTC)
        with self._engine.connect() as conn:
            times = sorted(_aware(at) for at in conn.execute(select(login_failure.c.at).where(
                login_failure.c.who == self._who(username, address), login_failure.c.at > now - self._kept)).scalars())
        waits = []
        for amount, seconds in self._windows:
            inside = [at for at in times if at > now - dt.timedelta(seconds=seconds)]
            if len(inside) >= amount:  # free again when enough of them have left the window
                leaves = inside[len(inside) - amount] + dt.timedelta(seconds=seconds)
                waits.append(max(1, math.ceil((leaves - now).total_seconds())))
        return max(waits, default=None)

    def failed(self, username: str, address: str) -> None:
        now, who = dt.datetime.now(dt.UTC), self._who(username, address)
        with writer(self._engine).begin() as conn:
            conn.execute(insert(login_failure).values(who=who, at=now))
            conn.execute(delete(login_failure).where(login_failure.c.who == who,
                                                     login_failure.c.at <= now - self._kept))

    @staticmethod
    def _who(username: str, address: str) -> str:
        return hashlib.sha256(f"{address}/{username.casefold()}".encode("utf-8", "surrogatepass")).hexdigest()


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)  # SQLite hands back naive UTC
