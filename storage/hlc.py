"""Hybrid logical clock: wall-clock milliseconds plus a counter, so stamps never go backwards.

A stamp packs as one integer, `wall_ms << 16 | counter`: integers compare in clock order and fit in a
signed 64-bit column. When the PC's clock steps back (a dead CMOS battery, a manual fix) the wall part
holds and the counter rises; when it jumps ahead the stamps follow, and the server bounds how far
(see the sync protocol). Kulkarni et al., "Logical Physical Clocks" (2014).
"""

from __future__ import annotations

COUNTER_BITS = 16
_COUNTER_MAX = (1 << COUNTER_BITS) - 1


def pack(wall_ms: int, counter: int) -> int:
    return (wall_ms << COUNTER_BITS) | counter


def unpack(stamp: int) -> tuple[int, int]:
    return stamp >> COUNTER_BITS, stamp & _COUNTER_MAX


def tick(last: int, now_ms: int) -> int:
    """The stamp for a local event, after `last`, at wall time `now_ms`."""
    last_wall, last_counter = unpack(last)
    if now_ms > last_wall:
        return pack(now_ms, 0)
    if last_counter < _COUNTER_MAX:
        return pack(last_wall, last_counter + 1)
    return pack(last_wall + 1, 0)


def receive(last: int, remote: int, now_ms: int) -> int:
    """The stamp after hearing of a remote event stamped `remote`."""
    return tick(max(last, remote), now_ms)
