"""What the link to the server can carry, measured from the sync calls themselves, and the batch sizes
that follow: on a 2G link one call stays some ten seconds long on the wire (a cut costs little and the server holds
no long transaction), on a fast one it grows up to the protocol's limits. A push fills the request's time at the
rate up, a pull and a first download's page the answer's at the rate down (2G links are lopsided: 32 kbit/s up,
64 down); the other way carries little (results, a cursor).

Each exchange is timed twice (sync.transport.Exchange): until the answer's head arrives, and until its last byte.
The round trip is the fastest recent head after a small request; the rate down is the answer's bytes over the time
they took to come after its head; the rate up the request's bytes over the time to the head beyond a round trip.
A small exchange is a lower bound on a rate (its time is mostly the round trip and the server's): it may raise an
estimate, never lower it. A rate's estimate rises to a faster exchange at once and falls toward a slower one by a
fifth (a loss only ever slows a transfer); what a unit costs on the wire is a moving average (EWMA). A new PC starts
from modest sizes, a PC that synced before from the rates its last sync measured (kept in the journal: sync.engine).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.protocol import MAX_LESSONS_PAGE, MAX_OPS_PER_SYNC, MAX_PULL

MAX_OPS = MAX_OPS_PER_SYNC
MIN_OPS, MIN_PULL, MIN_LESSONS = 20, 50, 20
# How long one call should take on the wire. At 32 kbit/s up, ten seconds carry some 5,000 packed marks, so 10,000
# go in two calls and a third for the tail (issue 20: at most two calls per 10,000 changes beyond the first); a cut
# costs at most that much of the link's time.
TARGET_SECONDS = 10.0
_WEIGHT = 0.5
_MEASURES = 3000  # bytes one way above which an exchange measures that way's rate (two segments and more)
_SEGMENT = 1500  # an answer's first segment comes with its head: not timed by the body's arrival
_UNITS = 200
TAIL = 1.5  # a call may grow this much past its size to take the rest with it (with_tail)
_FALL = 0.2  # how far a slower exchange brings a rate's estimate down (_learn)


@dataclass
class LinkEstimate:
    rtt: float | None = None  # seconds
    up_rate: float | None = None  # bytes a second, PC → server
    down_rate: float | None = None  # server → PC
    # On the wire, packed and gzip'd: to begin with as measured (benchmarks/sync_bench.py: 5–7 B an operation of a
    # push, 5 B a change of a pull, 200 B a lesson of a first download), then as this link's calls show.
    bytes_per_op: float = 7.0
    bytes_per_change: float = 6.0
    bytes_per_lesson: float = 200.0  # a first download's lesson with its cells, works and scores
    initial_ops: int = 200
    initial_pull: int = 500
    initial_lessons: int = 200
    up_measured: bool = False  # False while the rate is a lower bound only (small exchanges)
    down_measured: bool = False

    def observe(self, sent: int, received: int, seconds: float, answered: float | None = None, ops: int = 0,
                changes: int = 0, lessons: int = 0) -> None:
        """Learn from one finished exchange: `seconds` until its last byte, `answered` until the answer's head (not
        known: taken as all of it)."""
        head = seconds if answered is None else min(answered, seconds)
        if sent <= _MEASURES:
            if self.rtt is None or head < self.rtt:
                self.rtt = head
            else:
                self.rtt += 0.1 * (head - self.rtt)  # drift up slowly when the link gets worse
        rtt = self.rtt or 0.0  # not known yet: the whole time to the head, which understates the rate up
        if sent > _MEASURES:
            self.up_rate, self.up_measured = _learn(self.up_rate if self.up_measured else None,
                                                   sent / max(head - rtt, 0.05)), True
        elif not self.up_measured:  # all of the time to the head: a bound that never overstates the rate
            self.up_rate = max(self.up_rate or 0.0, sent / max(head, 0.05))
        if received > _MEASURES and answered is not None:
            body = received - _SEGMENT
            self.down_rate, self.down_measured = _learn(self.down_rate if self.down_measured else None,
                                                       body / max(seconds - head, 0.05)), True
        elif not self.down_measured:
            self.down_rate = max(self.down_rate or 0.0, received / max(seconds, 0.05))
        # What one unit costs, from calls carrying enough of them that the heads and envelope (some 400 bytes) do not
        # count (30 operations of a morning's sync come to 55 bytes each, 5,000 to 5).
        if ops >= _UNITS:
            self.bytes_per_op = (1 - _WEIGHT) * self.bytes_per_op + _WEIGHT * max(1.0, sent / ops)
        if changes >= _UNITS:
            self.bytes_per_change = (1 - _WEIGHT) * self.bytes_per_change + _WEIGHT * max(1.0, received / changes)
        if lessons >= _UNITS // 10:  # (a lesson comes with its class's cells)
            self.bytes_per_lesson = (1 - _WEIGHT) * self.bytes_per_lesson + _WEIGHT * max(1.0, received / lessons)

    def restore(self, rtt: float | None, up_rate: float | None, down_rate: float | None) -> None:
        """Start from what an earlier sync learned (a rate it measured; one it did not stays unknown)."""
        self.rtt = rtt
        self.up_rate, self.up_measured = up_rate, up_rate is not None
        self.down_rate, self.down_measured = down_rate, down_rate is not None

    def measured(self) -> dict[str, float | None]:
        """The rates measured, to keep for the next sync (sync_state's columns); a lower bound is not kept."""
        return {"link_up_rate": self.up_rate if self.up_measured else None,
                "link_rate": self.down_rate if self.down_measured else None}

    def batch_ops(self) -> int:
        """How many operations to send in the next call."""
        return self._fill(self.up_rate, self.up_measured, self.initial_ops, self.bytes_per_op, MIN_OPS, MAX_OPS)

    def pull_limit(self) -> int:
        """How many changes to ask for in the next answer."""
        return self._fill(self.down_rate, self.down_measured, self.initial_pull, self.bytes_per_change, MIN_PULL,
                          MAX_PULL)

    def page_lessons(self) -> int:
        """How many lessons to ask for in a first download's next page."""
        return self._fill(self.down_rate, self.down_measured, self.initial_lessons, self.bytes_per_lesson,
                          MIN_LESSONS, MAX_LESSONS_PAGE)

    def _fill(self, rate: float | None, measured: bool, initial: int, unit: float, least: int, most: int) -> int:
        """As many units as one call's time on the wire carries at `rate`, beyond its round trip; never fewer than
        `initial` while the rate is only a lower bound."""
        if not rate:
            return initial
        fits = int(min(most, max(least, rate * max(1.0, TARGET_SECONDS - (self.rtt or 0.0)) / unit)))
        return fits if measured else max(initial, fits)


def with_tail(size: int, waiting: int, most: int) -> int:
    """`size`, or all that is `waiting` when the rest would be a small call of its own: a call up to half again as long
    as the target costs less than another round trip and server turn (a 612-lesson first download went in 266, 281
    and 65)."""
    return waiting if size < waiting <= min(most, int(size * TAIL)) else size


def _learn(estimate: float | None, sample: float) -> float:
    """A rate's estimate after a measuring sample: up to a faster sample at once, down toward a slower one by a fifth.
    A loss only ever slows a transfer (the direction stalls for the retransmission timeout), so the fastest recent
    exchange is the link's rate; a link that truly got slower is followed within a few calls."""
    if estimate is None or sample >= estimate:
        return sample
    return (1 - _FALL) * estimate + _FALL * sample
