"""The cheap vectorised path gives the answers the plain one gave.

``CompiledPilot.outcomes`` works out each fact once per call
(:func:`~sociaaldomein.domain.feiten.shared_vectors`), folds combinators into
one array, and asks the routes only about eligible families.  These tests hold
it to the straightforward evaluation: every rule and every route over the whole
cohort, the first route taken winning.
"""

from __future__ import annotations

import functools

import attrs
import numpy as np
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import (
    FEITEN,
    AllOf,
    AnyOf,
    Citation,
    Cohort,
    Compare,
    Gemeente,
    Gezin,
    HasAny,
    InGebied,
    IsTrue,
    OneOf,
    Outcome,
    PluginSpec,
    Rule,
    Signaal,
)
from sociaaldomein.domain.cohort import Array
from sociaaldomein.domain.compiled import OUTCOME_CODES, CompiledPilot
from sociaaldomein.domain.feiten import shared_vectors
from sociaaldomein.simulation import generate_cohort
from sociaaldomein.testing import assert_outcomes_agree
from sociaaldomein.testing.strategies import gezinnen

PILOTS = {
    "gezinsverzorger": "sociaaldomein_gezinsverzorger:GezinsverzorgerPilot",
    "samen": "sociaaldomein_samen:SamenPilot",
    "multiprobleem": "sociaaldomein_multiprobleem:MultiprobleemPilot",
    "hoogkerk": "sociaaldomein_hoogkerk:HoogkerkPilot",
}
GEMEENTE = Gemeente(specs=[PluginSpec(target) for target in PILOTS.values()])
COMPILED = GEMEENTE.compile()
TEST = Citation("test", "counted fact")


def _plain_outcomes(pilot: CompiledPilot, cohort: Cohort, on: pendulum.Date) -> Array:
    """The outcome codes as worked out before: every route over the whole cohort."""
    pilot = pilot.at(on)
    if on not in pilot.pilot.looptijd:
        return np.full(len(cohort), OUTCOME_CODES[Outcome.CLOSED], dtype=np.int8)
    eligible = pilot.eligibility.evaluate(cohort, on)
    codes = np.where(
        eligible, OUTCOME_CODES[Outcome.ELIGIBLE], OUTCOME_CODES[Outcome.NOT_ELIGIBLE]
    ).astype(np.int8)
    undecided = eligible.copy()
    for route in pilot.routes:
        taken = undecided & route.when.evaluate(cohort, on)
        codes[taken] = OUTCOME_CODES[route.outcome]
        undecided &= ~taken
    return codes


def _in_looptijd(pilot: CompiledPilot, months: int) -> pendulum.Date:
    return pilot.pilot.looptijd.start.add(months=months)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(sorted(PILOTS)),
    st.integers(0, 2**16),
    st.integers(0, 11),
    st.integers(1, 3_000),
)
def test_the_four_pilots_outcomes_equal_the_plain_evaluation(
    name: str, seed: int, months: int, size: int
) -> None:
    pilot = COMPILED[name]
    cohort = generate_cohort(size, seed=seed)
    on = _in_looptijd(pilot, months)
    fast = pilot.outcomes(cohort, on)
    assert fast.dtype == np.int8
    assert fast.tolist() == _plain_outcomes(pilot, cohort, on).tolist()


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(PILOTS)), st.lists(gezinnen(), min_size=1, max_size=10))
def test_the_four_pilots_outcomes_equal_their_one_by_one_verdicts(
    name: str, families: list[Gezin]
) -> None:
    pilot = COMPILED[name]
    assert_outcomes_agree(GEMEENTE, name, families, _in_looptijd(pilot, 2))


def test_routes_asked_about_most_of_a_cohort_give_the_same_codes() -> None:
    # samen admits a large share; a cohort of eligible families only takes the other branch
    pilot = COMPILED["samen"]
    on = _in_looptijd(pilot, 1)
    cohort = generate_cohort(20_000, seed=3)
    eligible = cohort.take(pilot.eligibility.evaluate(cohort, on))
    assert len(eligible) > 0
    codes = pilot.outcomes(eligible, on)
    assert (codes != OUTCOME_CODES[Outcome.NOT_ELIGIBLE]).all()
    assert codes.tolist() == _plain_outcomes(pilot, eligible, on).tolist()


def _counted(calls: list[pendulum.Date]) -> Compare:
    fact = FEITEN.aantal_kinderen
    vector = fact.vector

    def counting(cohort: Cohort, on: pendulum.Date) -> Array:
        calls.append(on)
        return vector(cohort, on)

    return Compare(attrs.evolve(fact, vector=counting), ">=", 1, source=TEST)


def test_a_fact_read_by_several_rules_is_worked_out_once_inside_shared_vectors() -> None:
    calls: list[pendulum.Date] = []
    leaf = _counted(calls)
    rule = AllOf([leaf, leaf, leaf])
    cohort = generate_cohort(500, seed=1)
    on = pendulum.date(2024, 1, 1)
    with shared_vectors():
        inside = rule.evaluate(cohort, on)
        again = rule.evaluate(cohort, on)
        rule.evaluate(cohort, on.add(days=1))
    assert calls == [on, on.add(days=1)]
    assert inside.tolist() == again.tolist() == leaf.evaluate(cohort, on).tolist()


def test_outside_shared_vectors_nothing_is_kept() -> None:
    calls: list[pendulum.Date] = []
    leaf = _counted(calls)
    cohort = generate_cohort(100, seed=2)
    on = pendulum.date(2024, 1, 1)
    with shared_vectors():
        leaf.evaluate(cohort, on)
    leaf.evaluate(cohort, on)
    leaf.evaluate(cohort, on)
    assert len(calls) == 3


def test_another_cohort_gets_its_own_vector() -> None:
    calls: list[pendulum.Date] = []
    leaf = _counted(calls)
    on = pendulum.date(2024, 1, 1)
    one, other = generate_cohort(300, seed=1), generate_cohort(300, seed=2)
    with shared_vectors():
        first = leaf.evaluate(one, on)
        second = leaf.evaluate(other, on)
    assert len(calls) == 2
    assert first.tolist() == leaf.evaluate(one, on).tolist()
    assert second.tolist() == leaf.evaluate(other, on).tolist()


_LEAVES = (
    Compare(FEITEN.aantal_problemen, ">=", 3, source=TEST),
    Compare(FEITEN.aantal_kinderen, ">=", 2, source=TEST),
    Compare(FEITEN.zrm_leeftijd_dagen, "<=", 30, source=TEST),
    IsTrue(FEITEN.ouder_chronisch, source=TEST),
    IsTrue(FEITEN.minderjarig_kind, source=TEST),
    HasAny(FEITEN.signalen, [Signaal.VOORTDURENDE_OVERLAST], source=TEST),
    OneOf(FEITEN.wijk, ["Hoogkerk"], source=TEST),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_LEAVES), min_size=1, max_size=6),
    st.booleans(),
    st.integers(1, 4_000),
    st.integers(0, 2**16),
)
def test_all_of_and_any_of_equal_the_plain_fold_of_their_rules(
    leaves: list[Rule], every: bool, size: int, seed: int
) -> None:
    # the few families still open are asked about on their own rows: the same answer
    cohort = generate_cohort(size, seed=seed)
    on = pendulum.date(2024, 1, 1)
    rule: Rule = AllOf(leaves) if every else AnyOf(leaves)
    plain = functools.reduce(
        np.logical_and if every else np.logical_or, [r.evaluate(cohort, on) for r in leaves]
    )
    with shared_vectors():
        shared = rule.evaluate(cohort, on)
    assert rule.evaluate(cohort, on).tolist() == plain.tolist() == shared.tolist()


def _area_rule() -> InGebied:
    found = [r for r in COMPILED["multiprobleem"].eligibility.leaves() if isinstance(r, InGebied)]
    return found[0]


@settings(max_examples=60, deadline=None)
@given(st.data(), st.lists(gezinnen(), min_size=1, max_size=12))
def test_an_area_rule_over_a_cohort_decides_as_its_explanation(
    data: st.DataObject, families: list[Gezin]
) -> None:
    tree = _area_rule().indeling
    names = sorted(g.naam for g in tree)
    areas = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3))
    rule = InGebied(tree, areas, source=TEST)
    on = pendulum.date(2024, 1, 1)
    vector = rule.evaluate(Cohort.from_gezinnen(families), on)
    assert vector.tolist() == [rule.explain(g, on).passed for g in families]
