"""Admission of sync calls across every worker of every app server: at most `max_syncs_shared` at once in all,
counted in the Redis that the rate limits use (server.rate_limits), so that three servers in front of one
database do not let three times as many syncs at it as it can serve.

Each sync in progress holds a lease: a member of one sorted set whose score is the moment the lease lapses.
Entering is one Lua script (atomic on the Redis server): drop lapsed leases, and add one if fewer than the
limit remain; leaving removes it. A server that dies mid-sync leaves its lease to lapse after LEASE_S, longer
than any sync takes. Hand-written over redis-py's asyncio client because neither `limits` (windows of calls,
not calls in progress) nor redis-py offers a counting semaphore with leases.

If Redis cannot be reached the call is admitted (and the worker's own gate, server.settings.max_syncs, still
holds): a store that is away must not stop every school's sync.
"""

from __future__ import annotations

import logging
import time
import uuid

import redis.asyncio as redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

KEY = "dala:sync-leases"
LEASE_S = 120.0
_ENTER = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
    redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
    return 1
end
return 0
"""


class SharedSlots:
    def __init__(self, url: str, limit: int, key: str = KEY) -> None:
        self.limit, self.key = limit, key
        self._redis = redis.Redis.from_url(url)
        self._enter = self._redis.register_script(_ENTER)

    async def enter(self, lease_s: float = LEASE_S) -> str | None:
        """A lease when a slot is free (or the store cannot be reached), None when all are taken."""
        lease, now = uuid.uuid4().hex, time.time()
        try:
            taken = await self._enter(keys=[self.key], args=[now, now + lease_s, self.limit, lease])
        except (RedisError, OSError) as error:
            log.warning("the shared admission store is away; admitting on this worker's gate alone: %s", error)
            return lease
        return lease if taken == 1 else None

    async def leave(self, lease: str) -> None:
        try:
            await self._redis.zrem(self.key, lease)
        except (RedisError, OSError) as error:  # the lease lapses by itself
            log.warning("could not give a shared slot back: %s", error)

    async def held(self) -> int:
        """How many leases are held now (lapsed ones not counted)."""
        return int(await self._redis.zcount(self.key, time.time(), "+inf"))

    async def close(self) -> None:
        await self._redis.aclose()
