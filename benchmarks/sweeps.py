"""Sweep efficiency on two workers: a spawned process pool and a Dask cluster, beside serial.

One sweep (4 designs of the reference model) runs in turns: here in one
process, on a fresh ``ProcessPoolExecutor`` of 2 *spawned* workers, and on a
fresh Dask ``LocalCluster`` of 2 worker processes with one thread each.  The
workers are fresh every turn, started before the clock runs (a cluster is
started once and used for many sweeps), so each pays for importing the
library and building the model itself, as a worker on another machine does;
nothing is inherited from this process.  They are stopped after their turn,
so that no contender's processes (an idle cluster's scheduler and heartbeats)
take a share of the cores while another is timed.  Efficiency is serial time over twice
the parallel time; the digests of the three results must be equal.

A pure-Python task with no library at all, on 2 processes, says how much of
the second core the machine gives right now (``machine``): on a shared machine
the sweep cannot do better than that.
"""

from __future__ import annotations

import concurrent.futures as cf
import importlib
import multiprocessing
import time
from collections.abc import Callable
from typing import Any

from harness import INFO, figure, interleave, unavailable
from reference import Reference, library_settings, spec

from sociaaldomein import Gemeente
from sociaaldomein.simulation import build_model, generate_cohort, sweep
from sociaaldomein.simulation.engine import batch_size

GRID: dict[str, list[Any]] = {"ref.capacity": [100, 200], "referral_probability": [0.01, 0.02]}


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine(seconds: float) -> float:
    """Serial over twice the parallel time of a pure-Python task on 2 spawned processes."""
    start = time.perf_counter()
    _spin(200_000)
    n = max(1, int(200_000 * seconds / 4 / (time.perf_counter() - start)))
    with cf.ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_spin, [1, 1]))  # workers started before the clock
        start = time.perf_counter()
        for _ in range(4):
            _spin(n)
        serial = time.perf_counter() - start
        start = time.perf_counter()
        list(pool.map(_spin, [n] * 4))
        parallel = time.perf_counter() - start
    return serial / (2 * parallel)


def run(quick: bool = False) -> list[dict[str, object]]:
    """Serial, process pool and Dask in turns; efficiencies and whether results agree."""
    ref = Reference(families=5_000, capacity=200, per_year=1_500_000)
    cohort = generate_cohort(ref.families, seed=2)
    settings = library_settings(ref)
    # The serial sweep's length is measured, not guessed: a warm-up, then one
    # kernel batch of runs per design, the size the sweep runs them in.
    sweep([spec(ref)], cohort, settings, GRID, runs=8, seed=1, progress=False)
    batch = max(8, batch_size(build_model(Gemeente(specs=[spec(ref)]), cohort, settings)))
    probe = time.perf_counter()
    sweep([spec(ref)], cohort, settings, GRID, runs=batch, seed=1, progress=False)
    per_run = (time.perf_counter() - probe) / (batch * 4)
    runs = max(8, int((1.0 if quick else 10.0) / per_run / 4))
    state: dict[str, Any] = {}
    digests: dict[str, set[str]] = {}

    def sweep_on(executor: cf.Executor | None, label: str) -> None:
        results = sweep(
            [spec(ref)],
            cohort,
            settings,
            GRID,
            runs=runs,
            seed=1,
            executor=executor,
            progress=False,
        )
        digests.setdefault(label, set()).add(results.digest())

    def fresh_pool() -> None:
        pool = cf.ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"))
        list(pool.map(int, [0, 0]))  # both workers started, nothing of the library imported
        state["pool"] = pool

    def stop_pool() -> None:
        state.pop("pool").shutdown()

    contenders: dict[str, Callable[[], object]] = {
        "serial": lambda: sweep_on(None, "serial"),
        "process pool": lambda: sweep_on(state["pool"], "process pool"),
    }
    setup: dict[str, Callable[[], object]] = {"process pool": fresh_pool}
    # Each contender's processes are gone before the next one is timed: an idle
    # cluster's scheduler, nanny and heartbeats would otherwise take a share of
    # the cores from the serial sweep and the pool.
    teardown: dict[str, Callable[[], object]] = {"process pool": stop_pool}
    try:
        # dask.distributed's constructors carry no annotations: Any here
        dask: Any = importlib.import_module("distributed")
    except ImportError:
        pass
    else:

        def fresh_cluster() -> None:
            cluster = dask.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            )
            state["cluster"], state["client"] = cluster, dask.Client(cluster)

        def stop_cluster() -> None:
            state.pop("client").close()
            state.pop("cluster").close()

        contenders["Dask"] = lambda: sweep_on(state["client"].get_executor(), "Dask")
        setup["Dask"] = fresh_cluster
        teardown["Dask"] = stop_cluster
    try:
        timed = interleave(
            contenders, repeat=2 if quick else 5, warmup=0, setup=setup, teardown=teardown
        )
    finally:
        if "pool" in state:
            state["pool"].shutdown()
        if "client" in state:
            state["client"].close()
            state["cluster"].close()
    share = machine(0.5 if quick else 2.0)
    serial = timed["serial"].median
    identical = len({d for group in digests.values() for d in group}) == 1
    common = {"runs_per_design": runs, "designs": 4, "families": ref.families}
    out = []
    for label, goal in (("process pool", 0.90), ("Dask", 0.85)):
        name = f"sweep efficiency on 2 workers, {label} (spawned, the build paid)"
        if label not in timed:
            out.append(unavailable(name, f">= {goal}", "dask.distributed missing"))
            continue
        t = timed[label]
        efficiency = serial / (2 * t.median)
        out.append(
            figure(
                name,
                efficiency,
                "",
                f">= {goal}",
                efficiency >= goal and identical,
                peer="serial, one process",
                peer_value=serial,
                note=(
                    f"serial {serial:.2f} s, {label} {t.median:.2f} s (min {t.min:.2f}); "
                    f"identical results: {identical}; the machine's own: {share:.2f}"
                ),
                **common,
            )
        )
        out.append(
            figure(
                f"sweep efficiency on 2 workers, {label}, over the machine's own",
                efficiency / share,
                "",
                INFO,
                True,
                note="what the sweep makes of the share of the second core it gets",
            )
        )
    out.append(
        figure(
            "parallel efficiency of this machine (pure Python, 2 processes)",
            share,
            "",
            INFO,
            True,
            note="how much of the second core other work leaves; the sweeps cannot beat it",
        )
    )
    return out
