"""How much memory and time a simulation needs, estimated before anything is allocated.

>>> need = estimate(families=1_000, runs=100, months=24)
>>> need.memory < 4 * GIB and need.seconds < 60
True
>>> check(estimate(families=10**8, runs=100, months=24), Limits())
Traceback (most recent call last):
...
sociaaldomein.simulation.limits.LimitExceededError: simulation: ...

The figures are deliberately on the high side: a refused run costs a user one
option on the command line, a run that dies of ``MemoryError`` after an hour
costs the hour.  They follow what the columnar kernel holds (``docs/bench.md``):
the cohort and its compiled model once per process, one batch of lanes (runs
side by side) per process, and every finished run's monthly series until the
results are written.
"""

from __future__ import annotations

import math
import re
from typing import Final

import attrs

from sociaaldomein.errors import InvalidValueError
from sociaaldomein.simulation.runs import ASSESSED, SERIES

__all__ = [
    "DEFAULT_MAX_MEMORY",
    "DEFAULT_MAX_SECONDS",
    "GIB",
    "Estimate",
    "LimitExceededError",
    "Limits",
    "check",
    "estimate",
    "format_bytes",
    "format_seconds",
    "parse_size",
]

GIB: Final = 1 << 30
DEFAULT_MAX_MEMORY: Final = 4 * GIB
"""The memory a simulation may need without ``--max-memory``."""
DEFAULT_MAX_SECONDS: Final = 6 * 3600.0
"""The time a simulation may take without ``--max-seconds``: six hours."""

_BASE_BYTES: Final = 64 << 20  # interpreter, numpy and the library, per process
_COHORT_BYTES: Final = 400  # a family while the cohort is generated or read (peak)
_MODEL_BYTES_PER_PILOT: Final = 200  # a family in the compiled model, per pilot
_LANE_BYTES: Final = 64  # a family of one run inside a columnar batch
_MAX_LANES: Final = 1 << 18  # engine.batch_size: lanes per kernel call
_NS_PER_FAMILY_MONTH: Final = 60.0  # the columnar kernel measures 25-50 (docs/bench.md)


@attrs.frozen
class Estimate:
    """What a simulation will need: bytes of memory at its peak, and seconds."""

    memory: int
    seconds: float

    def describe(self) -> str:
        """``"about 3.2 GiB of memory and 4 min"``."""
        return f"about {format_bytes(self.memory)} of memory and {format_seconds(self.seconds)}"


@attrs.frozen
class Limits:
    """The most memory (bytes) and time (seconds) a simulation may need before it is refused."""

    memory: int = DEFAULT_MAX_MEMORY
    seconds: float = DEFAULT_MAX_SECONDS


class LimitExceededError(InvalidValueError):
    """A simulation would need more memory or time than its limit; the message says how much."""


def estimate(
    *,
    families: int,
    runs: int,
    months: int,
    pilots: int = 1,
    designs: int = 1,
    workers: int = 1,
    tables: bool = True,
) -> Estimate:
    """The memory and time ``runs`` runs of every design need, before anything is built.

    :param workers: processes that run at once; each holds its own model and batch.
    :param tables: whether the results are also written as tables (the largest,
        ``months``, is held as columns while it is written).
    """
    families, runs, months = max(families, 0), max(runs, 0), max(months, 1)
    pilots, designs, workers = max(pilots, 1), max(designs, 1), max(workers, 1)
    total_runs = runs * designs
    lanes = min(max(total_runs, 1) * families, max(_MAX_LANES, families))
    per_process = (
        _BASE_BYTES
        + families * (_COHORT_BYTES + _MODEL_BYTES_PER_PILOT * pilots)
        + lanes * _LANE_BYTES
    )
    per_run = 8 * months * (pilots * len(SERIES) + len(ASSESSED)) + 32 * pilots
    # Batch.concat copies the finished runs once, so they are held twice for a moment.
    results = 2 * total_runs * per_run
    table = total_runs * months * pilots * (len(SERIES) + 4) * 8 if tables else 0
    memory = per_process * (workers + (1 if workers > 1 else 0)) + results + table
    seconds = total_runs * families * months * _NS_PER_FAMILY_MONTH * 1e-9 / workers
    return Estimate(memory, seconds)


def check(need: Estimate, limits: Limits, *, what: str = "this simulation") -> None:
    """Raise :class:`LimitExceededError` when ``need`` is above ``limits``."""
    if need.memory > limits.memory:
        suggestion = format_bytes(_round_up(need.memory)).replace(" ", "")
        raise LimitExceededError(
            "simulation",
            f"{what} needs {need.describe()}, above the memory limit of "
            f"{format_bytes(limits.memory)}; use fewer runs or families, "
            f"or raise the limit with --max-memory {suggestion}",
        )
    if need.seconds > limits.seconds:
        raise LimitExceededError(
            "simulation",
            f"{what} needs {need.describe()}, above the time limit of "
            f"{format_seconds(limits.seconds)}; use fewer runs or families, "
            f"or raise the limit with --max-seconds {math.ceil(round(need.seconds * 1.1, 6))}",
        )


def _round_up(n: int) -> int:
    """``n`` rounded up to two significant digits, in the unit :func:`format_bytes` uses."""
    unit = 1 << (10 * _unit_index(n))
    return math.ceil(n * 1.1 / unit * 10) * unit // 10


_UNITS: Final = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")


def _unit_index(n: int) -> int:
    index = 0
    while n >= 1024 and index < len(_UNITS) - 1:
        n //= 1024
        index += 1
    return index


def format_bytes(n: int) -> str:
    """``"3.2 GiB"``."""
    index = _unit_index(n)
    if index == 0:
        return f"{n} B"
    return f"{n / (1 << (10 * index)):.1f} {_UNITS[index]}"


def format_seconds(seconds: float) -> str:
    """``"40 s"``, ``"12 min"``, ``"3.5 h"``, ``"12 days"``."""
    if seconds < 60:
        return f"{max(seconds, 0):.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:,.0f} days"


_SIZE: Final = re.compile(r"(?P<number>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>(?:[KMGTP]i?)?B?)", re.I)


def parse_size(text: str) -> int:
    """Bytes from ``"8GiB"``, ``"500 MB"``, ``"1.5G"`` or ``"1073741824"`` (powers of 1024)."""
    found = _SIZE.fullmatch(text.strip())
    if found is None or not text.isascii():
        raise InvalidValueError(
            "--max-memory", f"must be a size such as 8GiB or 500MiB, got {text!r}"
        )
    letter = found["unit"][:1].upper()
    power = "BKMGTP".index(letter) if letter else 0
    return int(float(found["number"]) * (1 << (10 * power)))
