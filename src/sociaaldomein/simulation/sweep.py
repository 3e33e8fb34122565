"""Monte Carlo sweeps: a grid of designs times many runs, on any executor.

>>> import pendulum
>>> from sociaaldomein import PluginSpec
>>> from sociaaldomein.simulation import Settings, generate_cohort, sweep
>>> toy = PluginSpec("sociaaldomein.testing:ToyPilot", {"capacity": 4})
>>> results = sweep([toy], generate_cohort(300, seed=1),
...                 Settings(pendulum.date(2024, 1, 1), months=12),
...                 {"toy.capacity": [2, 4]}, runs=10, seed=5, progress=False)
>>> results.designs
({'toy.capacity': 2}, {'toy.capacity': 4})
>>> results.runs
20

Run ``i`` of every design is seeded from ``SeedSequence(seed, spawn_key=(i,))``:
designs are compared on common random numbers, and the results are
bit-identical whatever the executor, the number of workers or the chunking.
Workers receive plain :class:`~sociaaldomein.PluginSpec` objects, build the
composition themselves (once per design and process) and get chunks of runs,
not one task per run.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import itertools
import math
import os
import signal
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from sociaaldomein.composition.discovery import PluginSpec
from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.domain.cohort import Array, Cohort
from sociaaldomein.errors import InvalidValueError, SociaaldomeinError
from sociaaldomein.simulation.engine import (
    Job,
    Kernel,
    batch_size,
    fingerprint,
    remember,
    run_job,
)
from sociaaldomein.simulation.model import build_model
from sociaaldomein.simulation.output import raise_if_interrupted
from sociaaldomein.simulation.results import Results
from sociaaldomein.simulation.runs import Batch
from sociaaldomein.simulation.settings import Settings

__all__ = ["PartialResultsError", "designs_of", "plan_chunks", "plan_guided", "sweep"]


class PartialResultsError(SociaaldomeinError):
    """Workers died and some chunks were lost even after the retries.

    :attr:`results` holds every run that finished; :attr:`missing` lists the
    lost ones as ``(design, run indices)``.
    """

    def __init__(self, results: Results, missing: Sequence[tuple[int, Sequence[int]]]) -> None:
        self.results = results
        self.missing = tuple((d, tuple(r)) for d, r in sorted(missing))
        lost = sum(len(r) for _, r in self.missing)
        super().__init__(
            f"a worker process died: {lost} of {lost + results.runs} runs are missing "
            f"({describe_runs(self.missing)})"
        )


def describe_runs(missing: Sequence[tuple[int, Sequence[int]]]) -> str:
    """``"design 0: runs 0-3, 8; design 1: run 2"``: run indices as ranges."""
    by_design: dict[int, list[int]] = {}
    for design, runs in missing:
        by_design.setdefault(design, []).extend(runs)
    parts = []
    for design, runs in sorted(by_design.items()):
        ranges = []
        for _, group in itertools.groupby(enumerate(sorted(runs)), lambda p: p[1] - p[0]):
            values = [v for _, v in group]
            ranges.append(str(values[0]) if len(values) == 1 else f"{values[0]}-{values[-1]}")
        noun = "run" if len(runs) == 1 else "runs"
        parts.append(f"design {design}: {noun} {', '.join(ranges)}")
    return "; ".join(parts)


def designs_of(
    grid: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """Every design of ``grid``: the product of a mapping of lists, or a list of designs."""
    if isinstance(grid, Mapping):
        for name, values in grid.items():
            if isinstance(values, str | bytes) or not isinstance(values, Iterable):
                raise InvalidValueError(
                    f"sweep.grid[{name}]", f"must be a list of values, got {values!r}"
                )
        keys = list(grid)
        return [dict(zip(keys, combo, strict=True)) for combo in itertools.product(*grid.values())]
    return [dict(d) for d in grid] or [{}]


def plan_chunks(designs: int, runs: int, chunk_size: int) -> list[tuple[int, tuple[int, ...]]]:
    """``(design, run indices)`` chunks: every design's runs cut into pieces of ``chunk_size``."""
    return [
        (d, tuple(range(start, min(start + chunk_size, runs))))
        for d in range(designs)
        for start in range(0, runs, chunk_size)
    ]


def plan_guided(
    designs: int, runs: int, workers: int, unit: int = 1
) -> list[tuple[int, tuple[int, ...]]]:
    """``(design, run indices)`` chunks that shrink as the work runs out (guided scheduling).

    Each chunk takes a ``2 * workers``-th of the runs still unplanned, rounded up
    to whole multiples of ``unit`` (the runs one kernel call takes at once) and
    never crossing into the next design.  The first chunks are large, so few are
    sent; the last are one ``unit`` each, so no worker is left running a long
    chunk while the others have nothing to do.
    """
    workers, unit = max(1, workers), max(1, unit)
    left = designs * runs
    chunks: list[tuple[int, tuple[int, ...]]] = []
    for design in range(designs):
        start = 0
        while start < runs:
            size = max(unit, unit * math.ceil(left / (2 * workers) / unit))
            stop = min(runs, start + size)
            chunks.append((design, tuple(range(start, stop))))
            left -= stop - start
            start = stop
    return chunks


def _workers(executor: cf.Executor | None) -> int:
    """How many chunks ``executor`` runs at once: a pool's workers, a Dask cluster's threads."""
    found = getattr(executor, "_max_workers", None)
    if isinstance(found, int):
        return found
    # Dask's ``Client.get_executor()`` keeps its client; the cluster's threads, not
    # this machine's CPUs, say how much runs at once.
    client = getattr(executor, "_client", None)
    nthreads = getattr(client, "nthreads", None)
    if callable(nthreads):
        with contextlib.suppress(Exception):
            threads = sum(int(n) for n in dict(nthreads()).values())
            if threads > 0:
                return threads
    return os.cpu_count() or 1


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, enabled: bool) -> Any:
    """A tqdm bar (shown only for work that takes longer than a second), or none."""
    if not enabled:
        return _NoBar()
    import importlib
    import importlib.util

    # tqdm's notebook bar needs ipywidgets; without it the text bar works everywhere
    widgets = importlib.util.find_spec("ipywidgets") is not None
    tqdm: Any = importlib.import_module("tqdm.auto" if widgets else "tqdm.std").tqdm
    return tqdm(total=total, unit="run", delay=1.0, leave=False)


def sweep(
    specs: Iterable[PluginSpec],
    cohort: Cohort,
    settings: Settings,
    grid: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]] = (),
    *,
    runs: int = 100,
    seed: int = 0,
    executor: cf.Executor | None = None,
    workers: int | None = None,
    chunk_size: int | None = None,
    progress: bool = True,
    kernel: Kernel = "auto",
    retries: int = 1,
) -> Results:
    """Run every design of ``grid`` ``runs`` times; returns all runs as one :class:`Results`.

    :param specs: the composition as plugin specs (plain data that pickles).
    :param grid: ``{"<pilot>.<field>" or "<setting>": [values...]}`` (their product), or a
        list of designs (dicts); empty: ``settings`` alone.
    :param executor: any :class:`concurrent.futures.Executor` (a
        ``ProcessPoolExecutor``, Dask's ``Client.get_executor()``...).  ``None``:
        run here, or in a process pool of ``workers`` processes when ``workers > 1``.
    :param chunk_size: runs per task.  By default the chunks shrink as the work runs
        out (:func:`plan_guided`): large ones first, one kernel call's worth at the
        end, so that the workers finish together.
    :param progress: a tqdm bar, shown only when the sweep takes longer than a second.
    :param retries: how often the chunks of a worker that died (``BrokenProcessPool``)
        are run again, on a fresh process pool when ``executor`` is one. Runs are
        seeded by their index, so a retried run is bit-identical to the first try.
    :raises PartialResultsError: chunks were still lost after ``retries``; it holds
        the runs that finished and lists the missing ones.
    """
    raw: object = retries
    if isinstance(raw, bool) or not isinstance(raw, int) or retries < 0:
        raise InvalidValueError("sweep.retries", f"must be a whole number >= 0, got {retries!r}")
    specs = tuple(specs)
    designs = designs_of(grid)
    variants = [settings.with_values(d) for d in designs]
    # Built here once, so that a mistake is reported in this process, not in a worker.
    model = build_model(Gemeente(specs=specs), cohort, variants[0])
    own_pool = None
    if executor is None and workers is not None and workers > 1:
        executor = own_pool = cf.ProcessPoolExecutor(max_workers=workers, initializer=_worker)
    if chunk_size is not None and chunk_size < 1:
        raise InvalidValueError("sweep.chunk_size", f"must be at least 1, got {chunk_size}")
    if chunk_size is not None:
        plan = plan_chunks(len(designs), runs, chunk_size)
    elif executor is None:
        plan = plan_chunks(len(designs), runs, max(runs, 1))
    else:
        plan = plan_guided(len(designs), runs, _workers(executor), batch_size(model))
    keys = [fingerprint(specs, cohort, v) for v in variants]
    remember(keys[0], model)
    jobs = [Job(keys[d], specs, cohort, variants[d], chunk, seed, kernel, d) for d, chunk in plan]
    done: dict[int, tuple[Batch, Array]] = {}
    bar = _progress(len(designs) * runs, progress)
    failed: list[int] = []
    try:
        if executor is None:
            for i, job in enumerate(jobs):
                raise_if_interrupted()
                _, batch, budget = run_job(job)
                done[i] = (batch, budget)
                bar.update(len(job.runs))
        else:
            failed = _dispatch(executor, jobs, range(len(jobs)), done, bar)
            for _ in range(retries):
                if not failed:
                    break
                # A dying worker takes every chunk in flight with it; retried one at a
                # time, a chunk that kills its worker again loses only itself.
                retry, failed = failed, []
                for i in retry:
                    if isinstance(executor, cf.ProcessPoolExecutor) and _broken(executor):
                        # a broken pool takes no more work: the retry gets a fresh one
                        if own_pool is not None:
                            own_pool.shutdown(wait=False, cancel_futures=True)
                        executor = own_pool = _fresh_pool(executor)
                    failed += _dispatch(executor, jobs, [i], done, bar)
    except BaseException:
        if own_pool is not None:
            _stop(own_pool)
            own_pool = None
        raise
    finally:
        bar.close()
        if own_pool is not None:
            own_pool.shutdown()
    meta: list[Array] = [np.stack([model.pot_budget.sum(axis=1), model.capacity])] * len(designs)
    for i in done:
        meta[jobs[i].design] = done[i][1]
    finished = sorted(done)
    results = Results.of(
        model,
        [done[i][0] for i in finished],
        designs=designs,
        design_of_run=[jobs[i].design for i in finished for _ in jobs[i].runs],
        budgets=[m[0] for m in meta],
        capacities=[m[1] for m in meta],
    )
    if failed:
        raise PartialResultsError(results, [(jobs[i].design, jobs[i].runs) for i in failed])
    return results


def _dispatch(
    executor: cf.Executor,
    jobs: Sequence[Job],
    indices: Iterable[int],
    done: dict[int, tuple[Batch, Array]],
    bar: Any,
) -> list[int]:
    """Run ``jobs[indices]`` on ``executor`` into ``done``; the indices lost with a dead worker."""
    futures: dict[cf.Future[tuple[int, Batch, Array]], int] = {}
    failed: list[int] = []
    for i in indices:
        try:
            futures[executor.submit(run_job, jobs[i])] = i
        except cf.BrokenExecutor:
            failed.append(i)
    for future in cf.as_completed(futures):
        raise_if_interrupted()
        i = futures[future]
        try:
            _, batch, budget = future.result()
        except cf.BrokenExecutor:
            failed.append(i)
            continue
        done[i] = (batch, budget)
        bar.update(len(jobs[i].runs))
    return sorted(failed)


def _broken(pool: cf.ProcessPoolExecutor) -> bool:
    # concurrent.futures keeps no public flag; a submitted no-op tells without side effects.
    try:
        pool.submit(int).result()
    except cf.BrokenExecutor:
        return True
    return False


def _fresh_pool(broken: cf.ProcessPoolExecutor) -> cf.ProcessPoolExecutor:
    """A new pool like ``broken``: as many workers, the same way of starting them."""
    return cf.ProcessPoolExecutor(
        max_workers=_workers(broken),
        mp_context=getattr(broken, "_mp_context", None),
        initializer=getattr(broken, "_initializer", None),
        initargs=getattr(broken, "_initargs", ()),
    )


def _worker() -> None:
    """A worker leaves signals to the sweep's process, which stops it when it must.

    A forked worker inherits the parent's handlers; the pool ends workers with
    SIGTERM, and Ctrl-C reaches the whole process group.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop(pool: cf.ProcessPoolExecutor) -> None:
    """Stop a pool now (an interrupt): queued chunks dropped, running workers ended."""
    processes = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.terminate()
