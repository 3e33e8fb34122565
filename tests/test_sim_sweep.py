"""Sweeps: the same results, bit for bit, whatever the executor, workers or chunking."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import InvalidValueError, PluginSpec
from sociaaldomein.simulation import PilotDesign, Settings, generate_cohort, simulate, sweep
from sociaaldomein.simulation.sweep import designs_of, plan_chunks, plan_guided

TOY = PluginSpec("sociaaldomein.testing:ToyPilot", {"capacity": 4, "min_problems": 1})
SETTINGS = Settings(
    pendulum.date(2024, 1, 1),
    months=24,
    referral_probability=0.02,
    problem_change_probability=0.02,
    default=PilotDesign(priority="problems", partner_request_probability=0.01, partners=("A",)),
)
GRID: dict[str, list[Any]] = {"toy.capacity": [2, 4], "referral_probability": [0.01, 0.03]}


@pytest.fixture(scope="module")
def serial() -> str:
    cohort = generate_cohort(400, seed=9)
    return sweep([TOY], cohort, SETTINGS, GRID, runs=12, seed=3, progress=False).digest()


def test_a_grid_is_the_product_of_its_values() -> None:
    assert designs_of(GRID) == [
        {"toy.capacity": 2, "referral_probability": 0.01},
        {"toy.capacity": 2, "referral_probability": 0.03},
        {"toy.capacity": 4, "referral_probability": 0.01},
        {"toy.capacity": 4, "referral_probability": 0.03},
    ]
    assert plan_chunks(2, 5, 2) == [
        (0, (0, 1)),
        (0, (2, 3)),
        (0, (4,)),
        (1, (0, 1)),
        (1, (2, 3)),
        (1, (4,)),
    ]
    with pytest.raises(InvalidValueError, match="list of values"):
        designs_of({"toy.capacity": 3})  # type: ignore[dict-item]


@given(
    designs=st.integers(1, 6),
    runs=st.integers(0, 400),
    workers=st.integers(1, 16),
    unit=st.integers(1, 64),
)
def test_a_guided_plan_runs_every_run_once_and_ends_in_small_chunks(
    designs: int, runs: int, workers: int, unit: int
) -> None:
    plan = plan_guided(designs, runs, workers, unit)
    cells = [(d, r) for d, chunk in plan for r in chunk]
    assert cells == [(d, r) for d in range(designs) for r in range(runs)]
    assert all(chunk == tuple(range(chunk[0], chunk[-1] + 1)) for _, chunk in plan)
    first = max(unit, -(-designs * runs // (2 * workers)))
    assert all(len(chunk) <= first + unit for _, chunk in plan)
    if plan:
        assert len(plan[-1][1]) <= unit
        # a chunk cut short by its design's end aside, each is no larger than the one before
        sizes = [len(chunk) for _, chunk in plan if chunk[-1] != runs - 1]
        assert sizes == sorted(sizes, reverse=True)


def test_a_guided_plan_of_a_bench_sized_sweep_sends_few_chunks() -> None:
    plan = plan_guided(4, 1055, 2, 52)
    assert plan[0] == (0, tuple(range(1055)))
    assert len(plan) <= 20
    assert [len(c) for _, c in plan[-3:]] == [52, 52, 15]


@pytest.mark.parametrize("chunk_size", [1, 5, 100])
def test_chunking_does_not_change_the_results(serial: str, chunk_size: int) -> None:
    cohort = generate_cohort(400, seed=9)
    again = sweep(
        [TOY], cohort, SETTINGS, GRID, runs=12, seed=3, chunk_size=chunk_size, progress=False
    )
    assert again.digest() == serial


def test_a_process_pool_gives_the_same_results(serial: str) -> None:
    cohort = generate_cohort(400, seed=9)
    context = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        pooled = sweep(
            [TOY], cohort, SETTINGS, GRID, runs=12, seed=3, executor=pool, progress=False
        )
    assert pooled.digest() == serial


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_dask_gives_the_same_results(serial: str) -> None:
    distributed = pytest.importorskip("distributed")
    cohort = generate_cohort(400, seed=9)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        executor = client.get_executor()
        on_dask = sweep(
            [TOY], cohort, SETTINGS, GRID, runs=12, seed=3, executor=executor, progress=False
        )
    assert on_dask.digest() == serial


def test_one_design_of_a_sweep_equals_a_simulation(serial: str) -> None:
    cohort = generate_cohort(400, seed=9)
    results = sweep([TOY], cohort, SETTINGS, GRID, runs=12, seed=3, progress=False)
    alone = simulate([TOY], cohort, SETTINGS.with_values(results.designs[2]), runs=12, seed=3)
    assert results.select(2).series_data.tobytes() == alone.series_data.tobytes()


def test_the_object_kernel_gives_the_same_sweep(serial: str) -> None:
    cohort = generate_cohort(400, seed=9)
    objects = sweep(
        [TOY], cohort, SETTINGS, GRID, runs=12, seed=3, kernel="objects", progress=False
    )
    assert objects.digest() == serial


def test_a_mistake_is_reported_before_any_work_is_sent() -> None:
    with pytest.raises(InvalidValueError, match="unknown design field 'capaciteit'"):
        sweep([TOY], generate_cohort(10), SETTINGS, {"toy.capaciteit": [1]}, runs=1, progress=False)
