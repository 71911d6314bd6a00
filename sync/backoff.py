"""When to try again after a failed sync: capped exponential backoff with jitter (a random wait between half
and the whole of the current ceiling), so that the PCs of a whole school coming back online at once do not
knock on the server in step.

Hand-written rather than tenacity or backoff: those retry a function call in place, while here the delay
feeds the sync engine's own timer (a retry must not hold the worker, and "sync now" must cut it short).
"""

from __future__ import annotations

import random


class Backoff:
    def __init__(self, first: float = 2.0, cap: float = 300.0, rng: random.Random | None = None) -> None:
        self.first, self.cap = first, cap
        self.failures = 0
        self._rng = rng or random.Random()

    def next_delay(self, hint: float | None = None) -> float:
        """The wait after one more failure. When the server said when to come back (Retry-After `hint`), that
        time and up to half as long again, drawn at random: it knows its load better than a doubling guess,
        and the PCs it turned away together come back spread out, not all at the hinted second."""
        ceiling = min(self.cap, self.first * 2 ** min(self.failures, 30))
        self.failures += 1
        if hint is not None and hint > 0:
            return self._rng.uniform(hint, hint * 1.5)
        return self._rng.uniform(ceiling / 2, ceiling)  # jitter, never under half the ceiling

    def reset(self) -> None:
        self.failures = 0
