"""Building the model: the quick paths for small cohorts give what the general ones give."""

from __future__ import annotations

import gc
import weakref
from datetime import date

import attrs
import numpy as np
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Gemeente, InvalidValueError, Money
from sociaaldomein.domain.cohort import Array
from sociaaldomein.simulation import PRIORITIES, PilotDesign, Settings, generate_cohort, simulate
from sociaaldomein.simulation import model as built
from sociaaldomein.simulation.results import Results
from sociaaldomein.testing import ToyPilot

SETTINGS = Settings(pendulum.date(2024, 1, 1))


def _no_pair(columns: object, field: str) -> Array | None:
    return None


@given(families=st.integers(min_value=0, max_value=300), seed=st.integers(0, 2**16))
def test_levels_are_the_same_stacked_one_domain_at_a_time_and_unpacked(
    families: int, seed: int
) -> None:
    cohort = generate_cohort(families, seed=seed)
    stacked = built._family_levels(cohort, SETTINGS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(built, "_STACKED_LEVELS", -1)
        by_domain = built._family_levels(cohort, SETTINGS)
        patch.setattr(built, "_pair", _no_pair)
        unpacked = built._family_levels(cohort, SETTINGS)
    for a, b, c in zip(stacked, by_domain, unpacked, strict=True):
        np.testing.assert_array_equal(a, b)
        np.testing.assert_array_equal(a, c)
        assert a.dtype == b.dtype == c.dtype == np.int8
    level, goal = stacked
    assert ((level >= 1) & (level <= 5)).all()
    assert ((goal >= level) & (goal <= 5)).all()


def test_a_cohort_without_a_level_column_is_refused_by_name() -> None:
    cohort = generate_cohort(20, seed=1).select(["problemen", "zrm.financien"])
    # Half a packed pair held: read one by one, the missing half is named.
    with pytest.raises(InvalidValueError, match=r"'zrm_haalbaar\.financien' was not loaded"):
        built._family_levels(cohort, SETTINGS)


def test_month_starts_are_kept_and_right() -> None:
    first = built._month_starts(pendulum.date(2024, 11, 1), 3)
    assert first == (
        pendulum.date(2024, 11, 1),
        pendulum.date(2024, 12, 1),
        pendulum.date(2025, 1, 1),
    )
    assert built._month_starts(pendulum.date(2024, 11, 1), 3) is first


def _toy_run(gemeente: Gemeente) -> Results:
    return simulate(
        gemeente,
        generate_cohort(200, seed=5),
        Settings(pendulum.date(2024, 1, 1), months=8, problem_change_probability=0.1),
        runs=3,
        seed=4,
        progress=False,
    )


def test_a_held_composition_simulated_again_gives_the_same_runs_and_keeps_nothing_alive() -> None:
    held = Gemeente(plugins=[ToyPilot()])
    first = _toy_run(held)
    again = _toy_run(held)  # the split rules kept with the compiled pilot are reused
    assert held.compile() is held.compile()  # compiled once, kept
    assert again.digest() == first.digest() == _toy_run(Gemeente(plugins=[ToyPilot()])).digest()
    pilot = weakref.ref(held.compiled("toy"))
    del held, first, again
    gc.collect()
    assert pilot() is None  # what builds keep refers to the pilots weakly


_TABLES = (
    "capacity",
    "total_cap",
    "fixed_cents",
    "family_cents",
    "intake_cents",
    "reserve_months",
    "t_up",
    "t_down",
    "t_regular",
    "t_step_down",
    "t_leave",
    "step_down_level",
    "max_months",
    "priority",
    "end_on_exhaustion",
    "start_month",
    "end_month",
    "plan_cents",
    "pot_of_month",
    "pot_budget",
)


def _same_model(a: built.Model, b: built.Model) -> None:
    for name in _TABLES:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert (a.pilots, a.dates, a.costs, a.moments) == (b.pilots, b.dates, b.costs, b.moments)
    assert (a.partners, a.t_referral, a.t_problem_change) == (
        b.partners,
        b.t_referral,
        b.t_problem_change,
    )


_DESIGNS = st.builds(
    PilotDesign,
    capacity=st.none() | st.integers(0, 20),
    priority=st.sampled_from(PRIORITIES),
    cost_per_family_month=st.none() | st.integers(0, 3_000).map(Money),
    budget=st.none() | st.integers(0, 10**6).map(Money),
    budget_scope=st.sampled_from(["total", "year"]),
    progress_probability=st.floats(0, 1),
    max_months=st.none() | st.integers(1, 30),
)


@given(
    designs=st.lists(_DESIGNS, min_size=2, max_size=4),
    months=st.integers(1, 30),
    start=st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)),
)
def test_a_held_composition_builds_under_any_settings_what_a_fresh_one_builds(
    designs: list[PilotDesign], months: int, start: date
) -> None:
    # What is kept per composition and settings never changes a model: a composition held
    # over several settings (each kept in turn) builds what a fresh composition builds.
    held = Gemeente(plugins=[ToyPilot()])
    cohort = generate_cohort(30, seed=2)
    for design in designs:
        chosen = Settings(pendulum.instance(start), months=months, pilots={"toy": design})
        again = attrs.evolve(chosen)  # equal, another object
        fresh = built.build_model(Gemeente(plugins=[ToyPilot()]), cohort, chosen)
        _same_model(built.build_model(held, cohort, chosen), fresh)
        _same_model(built.build_model(held, cohort, again), fresh)


def test_a_design_changed_in_place_is_built_as_changed() -> None:
    held = Gemeente(plugins=[ToyPilot()])
    cohort = generate_cohort(30, seed=2)
    chosen = Settings(pendulum.date(2024, 1, 1), pilots={"toy": PilotDesign(capacity=1)})
    assert built.build_model(held, cohort, chosen).capacity.tolist() == [1]
    chosen.pilots["toy"] = PilotDesign(capacity=5)  # the settings are frozen, their dict is not
    assert built.build_model(held, cohort, chosen).capacity.tolist() == [5]


def test_models_of_equal_settings_share_their_tables_read_only() -> None:
    held = Gemeente(plugins=[ToyPilot()])
    chosen = Settings(pendulum.date(2024, 1, 1), months=12)
    first = built.build_model(held, generate_cohort(30, seed=2), chosen)
    other = built.build_model(held, generate_cohort(40, seed=3), attrs.evolve(chosen))
    assert other.plan_cents is first.plan_cents  # worked out once for the composition
    assert other.n_families == 40
    with pytest.raises(ValueError, match="read-only"):
        first.capacity[0] = 9  # shared by every model of the composition: never written
    longer = built.build_model(held, generate_cohort(30, seed=2), attrs.evolve(chosen, months=13))
    assert longer.plan_cents.shape == (1, 13)


def test_what_is_kept_for_a_window_wider_than_the_looptijd_keeps_no_pilot_alive() -> None:
    held = Gemeente(plugins=[ToyPilot()])
    # From 2020 for 200 months: the pilot (2024-2026) is widened over the window, and the
    # widened copy is kept with the composition's settings.
    wide = Settings(pendulum.date(2020, 1, 1), months=200, problem_change_probability=0.1)
    first = simulate(held, generate_cohort(50, seed=1), wide, runs=2, seed=3, progress=False)
    again = simulate(held, generate_cohort(50, seed=1), wide, runs=2, seed=3, progress=False)
    assert again.digest() == first.digest()
    pilot = weakref.ref(held.compiled("toy"))
    del held
    gc.collect()
    assert pilot() is None
