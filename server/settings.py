"""The server's settings, typed once: what `dala-server serve` takes as options and hands each worker process
through its environment (DALA_SERVER_*), with their defaults and what each bounds.

A worker holds at most `pool_size + pool_overflow` database connections; every worker of every app server
counts against the database's connection limit (or PgBouncer's), so size them together. `max_syncs` and
`max_logins` bound what one worker does at once (a login's Argon2id check takes 64 MiB); what is over them is
refused at once with 503 and a jittered Retry-After. Rate limits are counted in `rate_store`: the worker's
memory by default, or a store every worker and app server sees (redis://host:6379), so that three servers do
not allow three times the limits; `max_syncs_shared` caps the syncs in progress across all of them there too
(server.admission).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

_PREFIX = "DALA_SERVER_"
# By the annotations as text (from __future__ import annotations); a bool as str() spells it.
_TYPES: dict[str, Callable[[str], object]] = {"int": int, "float": float, "bool": lambda text: text == "True"}


@dataclass(frozen=True)
class Settings:
    db: str
    max_syncs: int = 16  # sync calls served at once per worker
    max_syncs_shared: int = 0  # and by every worker of every server sharing rate_store (redis://); 0: no such cap
    max_logins: int = 4  # password checks at once per worker (64 MiB each)
    pool_size: int = 10  # database connections a worker keeps
    pool_overflow: int = 10  # and may open beyond them under load
    pool_timeout_s: float = 3.0  # the wait for a free connection before the call is answered 503
    pgbouncer: bool = False  # the database is reached through PgBouncer's transaction pooling: no prepared statements
    rate_limits: str = ""  # some limits replaced: server.rate_limits.RateLimits.from_text
    rate_store: str = "memory://"  # where rate limits are counted (a `limits` storage URI)
    log_level: str = "INFO"
    audit_key: str = ""  # the audit signing key's file (server.audit_checkpoint); "": no receipts are signed
    bundle_key: str = ""  # the bundle keys' file (server.bundles); "": no sealed bundles are taken

    def __post_init__(self) -> None:
        if self.max_syncs_shared and not self.rate_store.startswith(("redis://", "rediss://")):
            raise ValueError("a shared cap on syncs (max_syncs_shared) is counted in a shared store: "
                             "give a redis:// rate store too")

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings a worker was started with (DALA_SERVER_DB, DALA_SERVER_MAX_SYNCS, …)."""
        environ = os.environ if environ is None else environ
        given: dict[str, object] = {}
        for field in fields(cls):
            text = environ.get(_PREFIX + field.name.upper())
            if text is not None:
                given[field.name] = _TYPES.get(str(field.type), str)(text)
        return cls(**given)  # type: ignore[arg-type]

    def to_environ(self) -> dict[str, str]:
        """The environment that hands these settings to a worker process."""
        return {_PREFIX + name.upper(): str(value) for name, value in dataclasses.asdict(self).items()}
