"""Hybrid logical clock: wall-clock milliseconds plus a counter, so stamps never go backwards.

A stamp packs as one integer, `wall_ms << 16 | counter`: integers compare in clock order and fit in a
signed 64-bit column. When the PC's clock steps back (a dead CMOS battery, a manual fix) the wall part
holds and the counter rises; when it jumps ahead the stamps follow, and the server bounds how far
(see the sync protocol). Kulkarni et al., "Logical Physical Clocks" (2014).
"""

from __future__ import annotations

COUNTER_BITS = 16
_COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(wall_ms: int, counter: int) -> int:
    return (wall_ms << COUNTER_BITS) | counter


def unpack(stamp: int) -> tuple[int, int]:
    return stamp >> COUNTER_BITS, stamp & _COUNTER_MASK


def tick(last: int, now_ms: int) -> int:
    """The stamp for a local event, after `last`, at wall time `now_ms`.

    Wall time ahead of the last stamp: (now, 0). Otherwise the last stamp's wall time with the counter
    one up — and `last + 1` is exactly that, rolling a full counter over into the next millisecond.
    storage.device applies this same formula in SQL: `max(:stamp, hlc + 1)`.
    """
    return max(pack(now_ms, 0), last + 1)


def receive(last: int, remote: int, now_ms: int) -> int:
    """The stamp after hearing of a remote event stamped `remote`."""
    return tick(max(last, remote), now_ms)
