"""What the link to the server can carry, measured from the sync calls themselves, and the batch sizes
that follow: on a 2G link one request stays a few seconds long (a cut costs little and the server holds
no long transaction), on a fast one it grows up to the protocol's limits.

Estimates are moving averages (EWMA) of the round-trip time (the fastest recent small exchange) and of the
throughput (bytes over the time a call took beyond one round trip), per direction's worth of bytes. The
first batch is small, so a slow link is measured before it is filled.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_OPS = 2000  # the protocol's limit per sync call
MAX_PULL = 5000
MIN_OPS, MIN_PULL = 20, 50
TARGET_SECONDS = 8.0  # how long one request should take on the wire
_WEIGHT = 0.5


@dataclass
class LinkEstimate:
    rtt: float | None = None  # seconds
    rate: float | None = None  # bytes a second, both directions together
    bytes_per_op: float = 12.0  # on the wire, packed and gzip'd, measured
    bytes_per_change: float = 12.0
    initial_ops: int = 200
    initial_pull: int = 500

    def observe(self, sent: int, received: int, seconds: float, ops: int = 0, changes: int = 0) -> None:
        """Learn from one finished exchange."""
        if self.rtt is None or seconds < self.rtt:
            self.rtt = seconds
        else:
            self.rtt += 0.1 * (seconds - self.rtt)  # drift up slowly when the link gets worse
        moving = seconds - min(self.rtt, seconds * 0.5)
        total = sent + received
        if moving > 0:
            # The link carried `total` bytes in at most `moving` seconds beyond a round trip. A big exchange measures
            # the rate; a small one is a lower bound (its time is mostly the round trip), which may raise the
            # estimate but never lower it: so a push of small batches still grows them (a 200-mark batch packs to
            # some 1,400 bytes, and before every exchange under 2,000 bytes taught nothing).
            rate = total / max(moving, 0.05)
            if total > 2000 or self.rate is None or rate > self.rate:
                self.rate = rate if self.rate is None else (1 - _WEIGHT) * self.rate + _WEIGHT * rate
        if ops:
            self.bytes_per_op = (1 - _WEIGHT) * self.bytes_per_op + _WEIGHT * max(1.0, sent / ops)
        if changes:
            self.bytes_per_change = (1 - _WEIGHT) * self.bytes_per_change + _WEIGHT * max(1.0, received / changes)

    def batch_ops(self) -> int:
        """How many operations to send in the next call."""
        if self.rate is None:
            return self.initial_ops
        budget = self.rate * max(1.0, TARGET_SECONDS - (self.rtt or 0.0)) / 2  # half the time for the answer
        return int(min(MAX_OPS, max(MIN_OPS, budget / self.bytes_per_op)))

    def pull_limit(self) -> int:
        """How many changes to ask for in the next answer."""
        if self.rate is None:
            return self.initial_pull
        budget = self.rate * max(1.0, TARGET_SECONDS - (self.rtt or 0.0)) / 2
        return int(min(MAX_PULL, max(MIN_PULL, budget / self.bytes_per_change)))
