"""What the fast paths of the kernels keep: the same numbers, the same results, the collector.

Every speed-up of the kernels changes how numbers are drawn or where state
lives, never which numbers or what a run decides; these tests say so.
"""

from __future__ import annotations

import concurrent.futures as cf
import gc
import os
import subprocess
import sys
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import Gemeente, Money, PluginSpec
from sociaaldomein.simulation import (
    PRIORITIES,
    Phase,
    PilotDesign,
    Settings,
    generate_cohort,
    simulate,
)
from sociaaldomein.simulation.engine import AUTO_LANES, Kernel, choose_kernel
from sociaaldomein.simulation.kernel import run_columnar
from sociaaldomein.simulation.model import build_model
from sociaaldomein.simulation.objects import run_objects
from sociaaldomein.simulation.runs import (
    draw,
    draw_events,
    draws_events,
    event_generator,
    family_generator,
    generators,
    months_per_draw,
    row_drawer,
    series_index,
)
from sociaaldomein.simulation.sweep import _workers
from sociaaldomein.testing import ToyPilot

TOY = PluginSpec("sociaaldomein.testing:ToyPilot", {"capacity": 50, "min_problems": 2})
START = pendulum.date(2024, 1, 1)


def _settings(months: int = 6, **design: Any) -> Settings:
    return Settings(
        START,
        months=months,
        referral_probability=0.05,
        problem_change_probability=0.05,
        default=PilotDesign(**design),
    )


@given(
    seed=st.integers(0, 2**32),
    shapes=st.lists(
        st.tuples(st.integers(1, 3), st.integers(1, 4), st.integers(1, 9)), min_size=1, max_size=6
    ),
)
def test_draws_are_the_generators_uniform_32_bit_numbers(
    seed: int, shapes: list[tuple[int, int, int]]
) -> None:
    # Any sequence of draws, odd sizes among them, gives the numbers of integers(0, 2**32).
    fast, plain = np.random.default_rng(seed), np.random.default_rng(seed)
    for months, rows, families in shapes:
        expected = plain.integers(0, 1 << 32, size=(months, rows, families), dtype=np.uint32)
        assert np.array_equal(draw(fast, months, rows, families), expected)


@given(root=st.integers(0, 2**63), run=st.integers(0, 10_000))
def test_a_runs_generators_are_the_children_of_its_seed_sequence(root: int, run: int) -> None:
    families, events = np.random.SeedSequence(root, spawn_key=(run,)).spawn(2)
    expected = [np.random.default_rng(s).integers(0, 1 << 32, 4) for s in (families, events)]
    found = [g.integers(0, 1 << 32, 4) for g in generators(root, run)]
    assert all(np.array_equal(a, b) for a, b in zip(found, expected, strict=True))


def test_family_and_event_generators_are_independent_children() -> None:
    a = family_generator(7, 3).integers(0, 1 << 32, 8)
    b = event_generator(7, 3).integers(0, 1 << 32, 8)
    assert not np.array_equal(a, b)
    assert np.array_equal(a, generators(7, 3)[0].integers(0, 1 << 32, 8))


def test_a_big_cohort_drawn_row_by_row_decides_as_the_object_kernel() -> None:
    # Above 16,384 families a month is drawn one row at a time (months_per_draw is 1).
    cohort = generate_cohort(16_401, seed=5)
    model = build_model(Gemeente(specs=[TOY]), cohort, _settings(months=4, priority="problems"))
    assert months_per_draw(model) == 1
    for runs in ([0], [0, 1]):
        columnar, objects = run_columnar(model, runs, 11), run_objects(model, runs, 11)
        assert np.array_equal(columnar.series, objects.series)
        assert np.array_equal(columnar.assessed, objects.assessed)
    assert int(columnar.series.sum()) > 0


@pytest.mark.parametrize("priority", ["fifo", "problems", "zrm"])
@pytest.mark.parametrize("families_return", [False, True])
def test_the_object_kernels_flat_state_decides_as_the_columnar_kernel(
    priority: str, families_return: bool
) -> None:
    settings = Settings(
        START,
        months=18,
        referral_probability=0.08,
        problem_change_probability=0.05,
        families_return=families_return,
        default=PilotDesign(
            priority=priority,  # type: ignore[arg-type]
            waitlist_leave_probability=0.05,
            step_down_probability=0.05,
            setback_probability=0.05,
            max_months=4,
        ),
    )
    model = build_model(Gemeente(specs=[TOY]), generate_cohort(600, seed=2), settings)
    columnar, objects = run_columnar(model, [0, 1, 2], 4), run_objects(model, [0, 1, 2], 4)
    assert np.array_equal(columnar.series, objects.series)
    assert np.array_equal(columnar.assessed, objects.assessed)


def _two_pilots(dynamic: bool, **settings: Any) -> Settings:
    # Two pilots, one that ends inside the window and one whose money runs out, so a
    # pilot stops, families wait, are admitted by priority, leave and are routed on.
    return Settings(
        START,
        months=14,
        referral_probability=0.08,
        problem_change_probability=0.05 if dynamic else 0.0,
        **settings,
    )


def _short_and_poor(pilots: int = 2) -> Gemeente:
    return Gemeente(
        plugins=[
            ToyPilot("short", capacity=3, min_problems=3, end=pendulum.date(2024, 9, 1)),
            ToyPilot("poor", capacity=40, min_problems=1, per_year=Money(60_000)),
        ][:pilots]
    )


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("pilots", [1, 2])
@pytest.mark.parametrize("families", [601, 8_193])
@pytest.mark.parametrize("dynamic", [False, True])
@pytest.mark.parametrize("priority", ["fifo", "problems", "zrm"])
@pytest.mark.parametrize("families_return", [False, True])
def test_a_run_alone_decides_as_the_same_run_among_others(
    plain: bool, pilots: int, families: int, dynamic: bool, priority: str, families_return: bool
) -> None:
    # One run keeps its pilots' figures as Python ints and its lanes as they come and go;
    # several runs side by side keep arrays: the same run gives the same numbers either way.
    design = PilotDesign(
        priority=priority,  # type: ignore[arg-type]
        waitlist_leave_probability=0.2,
        step_down_probability=0.0 if plain else 0.05,  # plain: goals and regular route only
        setback_probability=0.05,
        max_months=None if plain else 4,
        end_when_budget_exhausted=True,
        budget=Decimal("150000.00"),
    )
    settings = attrs.evolve(_two_pilots(dynamic, families_return=families_return), default=design)
    cohort = generate_cohort(families, seed=3)
    model = build_model(_short_and_poor(pilots), cohort, settings)
    together = run_columnar(model, [0, 1, 2], 9)
    for i in range(3):
        alone = run_columnar(model, [i], 9)
        assert np.array_equal(alone.series[0], together.series[i])
        assert np.array_equal(alone.assessed[0], together.assessed[i])
        assert np.array_equal(alone.ended_month[0], together.ended_month[i])
        assert np.array_equal(alone.ended_by[0], together.ended_by[i])
    # "short" ends with its looptijd, "poor" when its money is spent; families left waiting
    assert together.ended_by.tolist() == [[1, 4][:pilots]] * 3
    assert int(together.series[..., series_index("left_waitlist")].sum()) > 0


@given(
    seed=st.integers(0, 2**32),
    families=st.integers(1, 41),
    calls=st.integers(1, 5),
)
def test_a_row_drawer_draws_the_generators_uniform_32_bit_numbers(
    seed: int, families: int, calls: int
) -> None:
    fast, plain = np.random.default_rng(seed), np.random.default_rng(seed)
    row = row_drawer(fast, families)
    for _ in range(calls):
        expected = plain.integers(0, 1 << 32, size=families, dtype=np.uint32)
        assert np.array_equal(row(), expected)


@given(
    rows=st.lists(st.integers(0, 299), min_size=1, max_size=40),
    problems=st.lists(st.integers(0, 511), min_size=40, max_size=40),
    month=st.integers(0, 11),
)
@settings(max_examples=30)
def test_a_routing_table_routes_as_the_rules_do(
    rows: list[int], problems: list[int], month: int
) -> None:
    # The toy pilots read the problems alone: a month's routing is a table over the masks.
    model = build_model(_short_and_poor(), generate_cohort(300, seed=4), _settings(months=12))
    assert model.dynamics is not None
    table = model.dynamics.table(month)
    assert table is not None
    at = np.asarray(rows)
    now = np.asarray(problems[: len(rows)], dtype=np.uint16)
    bits, fallback = model.dynamics.routes(month, at, now)
    assert np.array_equal(table[0][now], bits)
    assert np.array_equal(table[1][now], fallback)


def test_routing_that_reads_more_than_the_problems_has_no_table() -> None:
    # With phased intake, who may enter depends on the family's referrer, not its problems.
    phased = PilotDesign(phases=(Phase(0, ["GEMEENTE"]), Phase(4, ["HUISARTS"])))
    settings = attrs.evolve(_settings(months=8), default=phased)
    model = build_model(Gemeente(specs=[TOY]), generate_cohort(200, seed=4), settings)
    assert model.dynamics is not None
    assert model.dynamics.table(5) is None


def test_auto_runs_one_small_run_on_objects_and_many_runs_side_by_side() -> None:
    small = build_model(Gemeente(specs=[TOY]), generate_cohort(10, seed=1), _settings())
    assert choose_kernel(small, 1) == "objects"
    assert choose_kernel(small, 2) == "columnar"
    assert choose_kernel(small, 1, "columnar") == "columnar"
    big = build_model(Gemeente(specs=[TOY]), generate_cohort(AUTO_LANES, seed=1), _settings())
    assert choose_kernel(big, 1) == "columnar"


def test_a_model_without_event_chances_draws_no_events() -> None:
    model = build_model(Gemeente(specs=[TOY]), generate_cohort(20, seed=1), _settings())
    assert not draws_events(model)
    assert draw_events(model, None) is draw_events(model, None)  # decided once
    chancy = build_model(
        Gemeente(specs=[TOY]),
        generate_cohort(20, seed=1),
        _settings(extension_months=6, extension_probability=0.5),
    )
    assert draws_events(chancy)
    with pytest.raises(ValueError, match="generator"):
        draw_events(chancy, None)


def test_a_run_leaves_the_garbage_collector_as_it_found_it() -> None:
    cohort = generate_cohort(50, seed=1)
    frozen = gc.get_freeze_count()
    simulate(Gemeente(specs=[TOY]), cohort, _settings(), runs=3, seed=1)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    gc.disable()
    try:
        simulate(Gemeente(specs=[TOY]), cohort, _settings(), runs=3, seed=1)
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()  # frozen by the caller: still frozen after a run
    try:
        simulate(Gemeente(specs=[TOY]), cohort, _settings(), runs=3, seed=1)
        assert gc.get_freeze_count() > 0  # a run that unfroze them would leave none
    finally:
        gc.unfreeze()


def _tuned(env: dict[str, str]) -> str:
    code = "from sociaaldomein.simulation.engine import tune_allocator; print(tune_allocator())"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "SOCIAALDOMEIN_"))}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")
def test_a_dask_workers_tiny_trim_threshold_is_undone_unless_kept() -> None:
    assert _tuned({"MALLOC_TRIM_THRESHOLD_": "65536"}) == "True"
    assert _tuned({"MALLOC_TRIM_THRESHOLD_": "65536", "SOCIAALDOMEIN_MALLOC": "keep"}) == "False"
    assert _tuned({}) == "False"
    assert _tuned({"MALLOC_TRIM_THRESHOLD_": str(1 << 30)}) == "False"


class _Client:
    def nthreads(self) -> dict[str, int]:
        return {"tcp://a:1": 4, "tcp://b:1": 2}


class _DaskLikeExecutor(cf.Executor):
    """What Dask's ``Client.get_executor()`` shows a sweep: its client."""

    _client = _Client()


def test_chunks_are_sized_from_the_clusters_threads() -> None:
    assert _workers(_DaskLikeExecutor()) == 6
    with cf.ThreadPoolExecutor(max_workers=3) as pool:
        assert _workers(pool) == 3


def test_routing_is_taken_ahead_only_when_it_reads_the_problems_alone() -> None:
    from sociaaldomein import FEITEN, Predicate
    from sociaaldomein.simulation.model import _date_free
    from sociaaldomein.testing.toy import TOY_SOURCE

    model = build_model(Gemeente(specs=[TOY]), generate_cohort(50, seed=1), _settings())
    assert model.dynamics is not None
    assert model.dynamics.date_free
    (toy,) = [cp for cp in model.dynamics.pilots if cp is not None]
    on_a_date = Predicate(
        "three problems and a date",
        lambda gezin, on: on.month > 6,
        lambda cohort, on: (
            np.bitwise_count(cohort.column("problemen")) >= (3 if on.month > 6 else 4)
        ),
        source=TOY_SOURCE,
        facts=[FEITEN.aantal_problemen],
    )
    assert not _date_free([attrs.evolve(toy, eligibility=on_a_date)])
    assert _date_free([None, toy])


@settings(max_examples=25, deadline=None)
@given(
    families=st.integers(1, 900),
    months=st.integers(1, 40),
    change=st.sampled_from([0.02, 0.3, 1.0]),
    priority=st.sampled_from(PRIORITIES),
    seed=st.integers(0, 2**16),
)
def test_routing_ahead_decides_as_routing_month_by_month(
    families: int, months: int, change: float, priority: str, seed: int
) -> None:
    # Ahead, a month's problems come from the flips the draws hit (and a whole table only
    # for "fewest problems first"); month by month, from flipping them as they come.
    chosen = attrs.evolve(
        _settings(months=months, priority=priority, waitlist_leave_probability=0.02),
        problem_change_probability=change,
        referral_probability=0.2,
    )
    model = build_model(Gemeente(specs=[TOY]), generate_cohort(families, seed=seed), chosen)
    assert model.dynamics is not None
    monthly = attrs.evolve(model, dynamics=attrs.evolve(model.dynamics, date_free=False))
    ahead, by_month = run_objects(model, [0, 1], seed), run_objects(monthly, [0, 1], seed)
    assert np.array_equal(ahead.series, by_month.series)
    assert np.array_equal(ahead.assessed, by_month.assessed)
    assert np.array_equal(ahead.series, run_columnar(model, [0, 1], seed).series)


def test_routing_ahead_is_taken_for_a_small_cohort_and_refers_families() -> None:
    chosen = _settings(months=30, priority="fifo", waitlist_leave_probability=0.02)
    model = build_model(Gemeente(specs=[TOY]), generate_cohort(700, seed=3), chosen)
    assert model.dynamics is not None
    assert model.dynamics.date_free
    assert months_per_draw(model) > 1  # so the object kernel routes ahead
    assert int(run_objects(model, [0], 8).series[..., 0].sum()) > 0  # families were referred


@given(
    amount=st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False),
    parts=st.integers(1, 40),
)
def test_a_plan_splits_cents_as_money_splits(amount: Decimal, parts: int) -> None:
    from sociaaldomein import Money
    from sociaaldomein.simulation.model import cents, split_cents

    money = Money(amount)
    assert split_cents(cents(money), parts) == [cents(p) for p in money.split(parts)]


@pytest.mark.parametrize("kernel", ["columnar", "objects"])
@pytest.mark.parametrize("runs", [1, 3])
@pytest.mark.parametrize("pilots", [1, 2])
def test_each_exit_is_counted_under_its_own_reason(kernel: Kernel, runs: int, pilots: int) -> None:
    # Only the regular route open: every exit but goals met is a regular one; then
    # only step-downs. A swapped pair of reason codes would show the other name.
    specs = [TOY] + [PluginSpec("sociaaldomein.testing:ToyPilot", {"name": "toy2"})] * (pilots - 1)
    cohort = generate_cohort(600, seed=4)
    only = {
        "exit_regular": {"regular_care_probability": 0.5, "step_down_probability": 0.0},
        "exit_step_down": {
            "regular_care_probability": 0.0,
            "step_down_probability": 0.5,
            "step_down_level": 1,
        },
    }
    for named, design in only.items():
        settings = _settings(months=12, max_months=None, **design)
        results = simulate(specs, cohort, settings, runs=runs, seed=2, kernel=kernel)
        other = "exit_step_down" if named == "exit_regular" else "exit_regular"
        assert int(results.series(named).sum()) > 0, named
        assert int(results.series(other).sum()) == 0, other
