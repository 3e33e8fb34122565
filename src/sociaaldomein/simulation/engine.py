"""Run a composition month by month: :func:`simulate` and the work a sweep sends to workers.

>>> import pendulum
>>> from sociaaldomein import Gemeente
>>> from sociaaldomein.testing import ToyPilot
>>> from sociaaldomein.simulation import Settings, generate_cohort, simulate
>>> results = simulate(Gemeente(plugins=[ToyPilot()]), generate_cohort(500, seed=1),
...                    Settings(pendulum.date(2024, 1, 1), months=12), runs=20, seed=42)
>>> results.runs, results.months, results.pilots
(20, 12, ('toy',))
>>> int(results.series("enrolled").max()) <= 2   # the toy pilot's capacity
True
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final, Literal

import attrs
import numpy as np

from sociaaldomein.composition.discovery import PluginSpec
from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.domain.cohort import Array, Cohort
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.simulation.kernel import run_columnar
from sociaaldomein.simulation.model import Model, build_model
from sociaaldomein.simulation.objects import run_objects
from sociaaldomein.simulation.results import Results
from sociaaldomein.simulation.runs import Batch
from sociaaldomein.simulation.settings import Settings

__all__ = [
    "AUTO_LANES",
    "KERNELS",
    "PROGRESS_AFTER",
    "SERIAL_CHUNKS",
    "Job",
    "batch_size",
    "choose_kernel",
    "run_job",
    "simulate",
    "tune_allocator",
]

Kernel = Literal["auto", "columnar", "objects"]
KERNELS: Final = ("auto", "columnar", "objects")

AUTO_LANES: Final = 8192
"""``kernel="auto"`` runs the object kernel for a single run of fewer families than this,
where numpy's cost per call outweighs the work, and the columnar kernel otherwise: from
a few runs on, even of ten families, the runs side by side share those calls."""

_LANES_PER_BATCH: Final = 1 << 18

PROGRESS_AFTER: Final = 2.0
"""Seconds: :func:`simulate` shows a progress bar when its runs are estimated to take longer."""

SERIAL_CHUNKS: Final = 20
"""Pieces :func:`simulate` cuts its runs into when it reports progress (as the command does)."""

_QUICK_FAMILY_MONTHS: Final = {"columnar": 10_000_000, "objects": 1_000_000}
"""Below this many family-months (families x months x runs) runs take well under
:data:`PROGRESS_AFTER` seconds: no chunk is timed and no bar is made."""

Progress = Callable[[int, int], object]
"""Told ``(runs done, runs in all)`` after every chunk of :func:`simulate`."""
_MODELS: dict[str, Model] = {}
"""Models built in this process, by job key: a worker builds a composition once."""


def batch_size(model: Model) -> int:
    """Runs per call of the columnar kernel: about 260,000 lanes (families x runs) at most."""
    return max(1, _LANES_PER_BATCH // max(1, model.n_families))


def choose_kernel(model: Model, runs: int, kernel: Kernel = "auto") -> Kernel:
    """The kernel ``auto`` stands for, for ``runs`` runs of ``model``."""
    if kernel != "auto":
        return kernel
    return "objects" if runs == 1 and model.n_families < AUTO_LANES else "columnar"


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while the kernels run; the collector as it was afterwards.

    The kernels make no reference cycles, so what they drop is freed at once;
    a collection would only walk every object of the process (a million
    families' worth at a time) to find none.  What exists before the run is
    frozen out of the collector's view, and given back after.
    """
    if not gc.isenabled():
        yield
        return
    # Objects someone else froze (before forking workers, say) stay frozen.
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        if freeze:
            gc.unfreeze()


_M_TRIM_THRESHOLD: Final = -1  # glibc's mallopt parameters (malloc.h)
_M_MMAP_THRESHOLD: Final = -3
_ALLOCATOR: dict[str, bool] = {}


def tune_allocator() -> bool:
    """Undo, in this process, a tiny malloc trim threshold that makes numpy slow (glibc only).

    Dask's nanny starts every worker with ``MALLOC_TRIM_THRESHOLD_=65536``
    (``distributed.nanny.pre-spawn-environ``).  Setting it switches off glibc's
    adaptive thresholds: every array above 128 KiB is then mapped from and
    returned to the system on each allocation, and a month of the columnar
    kernel, which makes a few dozen such temporaries, runs several times slower
    inside a worker than outside it.  When that variable asks for less than
    64 MiB, this sets the trim threshold to 256 MiB and the mapping threshold to
    64 MiB for the process (``mallopt``), once; the environment variable
    ``SOCIAALDOMEIN_MALLOC=keep`` leaves the allocator alone.  Returns whether it
    changed anything.
    """
    if "done" in _ALLOCATOR:
        return _ALLOCATOR["done"]
    _ALLOCATOR["done"] = False
    trim = os.environ.get("MALLOC_TRIM_THRESHOLD_", "")
    if (
        not sys.platform.startswith("linux")
        or os.environ.get("SOCIAALDOMEIN_MALLOC") == "keep"
        or not trim.isdigit()
        or int(trim) >= 64 << 20
    ):
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    trimmed: int = mallopt(_M_TRIM_THRESHOLD, 256 << 20)
    mapped: int = mallopt(_M_MMAP_THRESHOLD, 64 << 20)
    changed = trimmed == 1 and mapped == 1
    _ALLOCATOR["done"] = changed
    return changed


def _run(model: Model, runs: Sequence[int], seed: int, kernel: Kernel) -> Batch:
    tune_allocator()
    with _collector_paused():
        return _run_kernel(model, runs, seed, kernel)


def _run_kernel(model: Model, runs: Sequence[int], seed: int, kernel: Kernel) -> Batch:
    kernel = choose_kernel(model, len(runs), kernel)
    if kernel == "objects":
        return run_objects(model, runs, seed)
    if kernel != "columnar":
        raise InvalidValueError("simulate.kernel", f"must be one of {KERNELS}, got {kernel!r}")
    size = batch_size(model)
    parts = [run_columnar(model, runs[i : i + size], seed) for i in range(0, len(runs), size)]
    return Batch.concat(parts) if parts else Batch.empty(model, [])


def composition(source: Gemeente | Iterable[PluginSpec]) -> Gemeente:
    """A composition: ``source`` itself, or one built from plugin specs."""
    if isinstance(source, Gemeente):
        return source
    return Gemeente(specs=list(source))


@attrs.frozen
class Job:
    """Plain, picklable work for a worker: build the composition there, run ``runs``.

    ``key`` identifies the model (specs, cohort and settings), so a worker
    process that gets several chunks of the same design builds it once.
    """

    key: str
    specs: tuple[PluginSpec, ...]
    cohort: Cohort
    settings: Settings
    runs: tuple[int, ...]
    seed: int
    kernel: Kernel = "auto"
    design: int = 0


def remember(key: str, model: Model) -> None:
    """Keep ``model`` for jobs with ``key`` in this process (and in workers forked from it)."""
    if len(_MODELS) > 16:
        _MODELS.clear()
    _MODELS[key] = model


def run_job(job: Job) -> tuple[int, Batch, Array]:
    """Run one chunk of a sweep (in whatever process the executor chose).

    Returns the design index, the batch and the design's budget and capacity per
    pilot (``(2, P)``: cents, families).
    """
    model = _MODELS.get(job.key)
    if model is None:
        model = build_model(Gemeente(specs=job.specs), job.cohort, job.settings)
        remember(job.key, model)
    meta = np.stack([model.pot_budget.sum(axis=1), model.capacity])
    return job.design, _run(model, job.runs, job.seed, job.kernel), meta


def fingerprint(*parts: Any) -> str:
    """A short key for a model: specs, settings and cohort (ids and columns)."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Cohort):
            h.update(repr(part.ids[:3]).encode())
            h.update(str(len(part)).encode())
            for name, column in sorted(part.columns.items()):
                h.update(name.encode())
                h.update(column.tobytes())
            h.update(repr(part.vocabularies).encode())
        else:
            h.update(repr(part).encode())
    return h.hexdigest()[:32]


def simulate(
    source: Gemeente | Iterable[PluginSpec],
    cohort: Cohort,
    settings: Settings,
    *,
    runs: int = 1,
    seed: int = 0,
    kernel: Kernel = "auto",
    progress: bool | Progress = True,
) -> Results:
    """Simulate ``runs`` Monte Carlo runs of the composition over ``cohort`` in this process.

    ``source`` is a :class:`~sociaaldomein.Gemeente` or plugin specs.  The
    composition is compiled once (a ``Gemeente`` keeps its compiled pilots, so
    simulating it again compiles nothing); run ``i`` draws from
    ``SeedSequence(seed, spawn_key=(i,))``, so the same seed gives the same
    results, and :func:`~sociaaldomein.simulation.sweep` with the same seed
    gives the same runs on any executor.  Both kernels give identical results:
    ``"columnar"`` (numpy, many runs side by side) is faster for many families
    or many runs, ``"objects"`` (plain Python, event-driven) for a few; the
    default ``"auto"`` picks by size (:data:`AUTO_LANES`).

    ``progress``: with ``True`` (the default) runs estimated, from the first
    of :data:`SERIAL_CHUNKS` chunks, to take longer than :data:`PROGRESS_AFTER`
    seconds show a tqdm bar on standard error; ``False`` shows none; a callable
    is told ``(runs done, runs in all)`` after every chunk.  Chunking changes no
    number: every run draws from its own generators.
    """
    raw: object = runs
    if isinstance(raw, bool) or not isinstance(raw, int) or runs < 0:
        raise InvalidValueError("simulate.runs", f"must be a whole number >= 0, got {runs!r}")
    if not isinstance(progress, bool) and not callable(progress):
        raise InvalidValueError(
            "simulate.progress", f"must be True, False or a callable, got {progress!r}"
        )
    model = build_model(composition(source), cohort, settings)
    batch = _run_serial(model, list(range(runs)), seed, kernel, progress)
    return Results.of(model, [batch], designs=({},), design_of_run=[0] * runs)


def _run_serial(
    model: Model, runs: Sequence[int], seed: int, kernel: Kernel, progress: bool | Progress
) -> Batch:
    """``runs`` in this process; in chunks, reporting each, when progress is asked for."""
    if progress is False or len(runs) < 2:
        return _run(model, runs, seed, kernel)
    # The kernel is chosen for all the runs, not for each chunk.
    kernel = choose_kernel(model, len(runs), kernel)
    work = model.n_families * model.months * len(runs)
    if progress is True and work < _QUICK_FAMILY_MONTHS.get(kernel, 0):
        return _run(model, runs, seed, kernel)
    size = math.ceil(len(runs) / SERIAL_CHUNKS)
    began = time.perf_counter()
    parts = [_run(model, runs[:size], seed, kernel)]
    rest = runs[size:]
    report: Progress
    if callable(progress):
        report = progress
    else:
        estimate = (time.perf_counter() - began) * len(runs) / size
        if estimate < PROGRESS_AFTER:  # short: the rest in one go, as without progress
            return Batch.concat([parts[0], _run(model, rest, seed, kernel)]) if rest else parts[0]
        report = _bar(len(runs))
    try:
        report(size, len(runs))
        for i in range(0, len(rest), size):
            parts.append(_run(model, rest[i : i + size], seed, kernel))
            report(min(len(runs), size * (len(parts))), len(runs))
    finally:
        close = getattr(report, "close", None)
        if callable(close):
            close()
    return Batch.concat(parts)


class _Bar:
    """A tqdm bar told the runs done so far (tqdm itself counts steps)."""

    def __init__(self, total: int) -> None:
        import importlib
        import importlib.util

        # tqdm's notebook bar needs ipywidgets; without it the text bar works everywhere.
        widgets = importlib.util.find_spec("ipywidgets") is not None
        tqdm: Any = importlib.import_module("tqdm.auto" if widgets else "tqdm.std").tqdm
        self._bar: Any = tqdm(total=total, unit="run", leave=False)

    def __call__(self, done: int, total: int) -> None:
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        self._bar.close()


def _bar(total: int) -> Progress:
    return _Bar(total)
