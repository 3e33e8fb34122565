"""The service's limits: request size, requests per second per caller, simulation jobs.

>>> bucket = RateLimiter(rate=1.0, burst=2)
>>> [bucket.allow("t", now=0.0) for _ in range(3)]
[True, True, False]
>>> bucket.allow("t", now=1.0)
True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Final

import attrs

__all__ = ["RateLimiter", "ServiceLimits"]

MIB: Final = 1 << 20
GIB: Final = 1 << 30


@attrs.frozen
class ServiceLimits:
    """What one caller may ask of the service.

    ``max_body`` bytes per request body; ``rate`` requests per second per
    token (per client address without one), with bursts of ``burst``
    (``rate=0`` turns the limit off, for a benchmark behind a proxy that limits
    itself); ``max_families`` per assessment request.  A simulation job may run
    at most ``job_seconds`` and use ``job_memory`` bytes by the library's own
    estimate, and ``max_jobs`` jobs wait or run at once.
    """

    max_body: int = MIB
    rate: float = 20.0
    burst: int = 40
    max_families: int = 100
    max_jobs: int = 4
    job_seconds: float = 300.0
    job_memory: int = GIB
    kept_jobs: int = 100


class RateLimiter:
    """A token bucket per caller, in this process (one service process, one set of buckets).

    At most ``callers`` buckets are kept; the least recently used goes first,
    so a flood of new addresses cannot fill the memory.
    """

    def __init__(self, rate: float, burst: int, *, callers: int = 10_000) -> None:
        self.rate = rate
        self.burst = float(max(burst, 1))
        self._callers = callers
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, caller: str, *, now: float) -> bool:
        """Whether ``caller`` may make one more request at time ``now`` (seconds)."""
        if self.rate <= 0:
            return True
        with self._lock:
            tokens, then = self._buckets.pop(caller, (self.burst, now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[caller] = (tokens - 1.0 if allowed else tokens, now)
            while len(self._buckets) > self._callers:
                self._buckets.popitem(last=False)
            return allowed
