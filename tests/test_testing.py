"""The helpers plugin authors get from sociaaldomein.testing."""

from __future__ import annotations

import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import (
    FEITEN,
    Citation,
    Cohort,
    Compare,
    Gemeente,
    Gezin,
    Kostenmodel,
    Money,
    Pilot,
    Predicate,
    Rule,
    hookimpl,
)
from sociaaldomein.testing import (
    ToyPilot,
    assert_outcomes_agree,
    assert_silent_on_other_pilots,
    make_gezin,
)
from sociaaldomein.testing.strategies import gezinnen

ON = pendulum.date(2024, 6, 1)
SOURCE = Citation("test", "inconsistent on purpose")


@settings(max_examples=50, deadline=None)
@given(st.lists(gezinnen(), max_size=10))
def test_a_consistent_pilot_passes(families: list[Gezin]) -> None:
    assert_outcomes_agree(Gemeente(plugins=[ToyPilot()]), "toy", families, ON)


class Inconsistent(ToyPilot):
    """Its vector form says 'three problems', its scalar form 'two'."""

    def eligibility(self) -> Rule:
        def three(cohort: Cohort, on: pendulum.Date) -> np.ndarray:
            return np.asarray(np.bitwise_count(cohort.column("problemen")) >= 3)

        return Predicate(
            "two or more problems",
            lambda g, on: len(g.problemen) >= 2,
            three,
            source=SOURCE,
        )


def test_a_disagreement_names_the_family_and_both_outcomes() -> None:
    families = [
        make_gezin("agrees", problemen=["SCHULDEN", "VERSLAVING", "GEEN_WERK"]),
        make_gezin("disagrees", problemen=["SCHULDEN", "VERSLAVING"]),
    ]
    with pytest.raises(AssertionError, match="'disagrees' is ELIGIBLE one by one but NOT_ELIGIBLE"):
        assert_outcomes_agree(Gemeente(plugins=[Inconsistent()]), "toy", families, ON)


def test_find_all_returns_every_matching_node() -> None:
    rule = Compare(FEITEN.aantal_problemen, ">=", 2, source=SOURCE) & Compare(
        FEITEN.aantal_problemen, "<=", 4, source=SOURCE
    )
    explanation = rule.explain(make_gezin(problemen=["SCHULDEN"]), ON)
    found = explanation.find_all("number of simultaneous problems")
    assert [e.passed for e in found] == [False, True]


def test_silence_on_other_pilots_holds_for_pilot_plugins_and_catches_a_leak() -> None:
    assert_silent_on_other_pilots(ToyPilot())

    class Leaky(ToyPilot):
        @hookimpl
        def sociaaldomein_cost_model(self, pilot: Pilot) -> Kostenmodel | None:
            return Kostenmodel(per_gezin_per_maand=Money(1))  # for every pilot: a bug

    with pytest.raises(AssertionError, match="sociaaldomein_cost_model answers"):
        assert_silent_on_other_pilots(Leaky())
