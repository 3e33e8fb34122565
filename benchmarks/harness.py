"""How every benchmark measures: peers interleaved, min and median, one figure per target.

A benchmark module ``benchmarks/<area>.py`` exposes ``run(quick) -> list[dict]``,
every dict one :func:`figure`.  :func:`interleave` times a measured thing and
its peers in turns (A B C A B C ...), so that a burst of load on a shared
machine slows all of them alike, and returns the minimum and the median of
each; ratios are taken of medians.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs

REPEAT: Final = 5
"""Repetitions of every timing: at least five, as the protocol asks."""


@attrs.frozen
class Timing:
    """The repetitions of one contender, in seconds."""

    times: tuple[float, ...]

    @property
    def min(self) -> float:
        """The fastest repetition."""
        return min(self.times)

    @property
    def median(self) -> float:
        """The median repetition: what ratios are taken of."""
        return statistics.median(self.times)

    def as_dict(self) -> dict[str, float]:
        """Min and median, in seconds."""
        return {"min_s": round(self.min, 6), "median_s": round(self.median, 6)}


def interleave(
    contenders: Mapping[str, Callable[[], object]],
    repeat: int = REPEAT,
    warmup: int = 1,
    setup: Mapping[str, Callable[[], object]] | None = None,
    teardown: Mapping[str, Callable[[], object]] | None = None,
) -> dict[str, Timing]:
    """Time every contender ``repeat`` times in turns, after ``warmup`` untimed rounds.

    ``setup[name]``, when given, runs untimed before each call of contender
    ``name`` (a peer's fresh state that the measured thing does not need), and
    ``teardown[name]`` untimed after it, so that what one contender started
    (worker processes, a cluster) never runs beside the next one.
    Garbage is collected before each timing (never during it by chance of
    what ran before), and the collector runs as usual inside the timing: a
    user pays for it.
    """
    prepare, finish = dict(setup or {}), dict(teardown or {})
    for _ in range(warmup):
        for name, fn in contenders.items():
            if name in prepare:
                prepare[name]()
            fn()
            if name in finish:
                finish[name]()
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(max(repeat, 1)):
        for name, fn in contenders.items():
            if name in prepare:
                prepare[name]()
            gc.collect()
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
            if name in finish:
                finish[name]()
    return {name: Timing(tuple(t)) for name, t in times.items()}


def fresh(code: str, repeat: int = REPEAT) -> list[float]:
    """Wall times of ``python -c code`` in fresh processes (start-up included)."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        out.append(time.perf_counter() - start)
    return out


def fresh_interleaved(commands: Mapping[str, Sequence[str]], repeat: int) -> dict[str, Timing]:
    """Wall times of each command in a fresh process, in turns (one warm-up round)."""

    def runner(argv: Sequence[str]) -> Callable[[], object]:
        return lambda: subprocess.run(list(argv), check=True, capture_output=True)

    return interleave({name: runner(argv) for name, argv in commands.items()}, repeat)


def figure(
    name: str,
    value: float | None,
    unit: str,
    target: str,
    passed: bool,
    *,
    peer: str | None = None,
    peer_value: float | None = None,
    note: str = "",
    **extra: Any,
) -> dict[str, object]:
    """One measured figure, in the shape every benchmark module returns."""
    out: dict[str, object] = {
        "name": name,
        "value": None if value is None else round(float(value), 4),
        "unit": unit,
        "target": target,
        "passed": bool(passed),
        "peer": peer,
        "peer_value": None if peer_value is None else round(float(peer_value), 6),
        "note": note,
    }
    out.update(extra)
    return out


def unavailable(name: str, target: str, why: str) -> dict[str, object]:
    """A figure that could not be measured (a peer not installed): reported as not met."""
    return figure(name, None, "", target, False, note=f"not measured: {why}")


INFO: Final = "(reported, no target)"
"""The target of a figure that is shown beside the targets but judged by none."""
