"""Building the model: the quick paths for small cohorts give what the general ones give."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Gemeente, InvalidValueError
from sociaaldomein.domain.cohort import Array
from sociaaldomein.simulation import Settings, generate_cohort, simulate
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
