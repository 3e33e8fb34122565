"""The cost model: BT Hoogkerk's cost per resident, once, 004_b7ccad7045cc3ba8.txt, "Kosten"."""

from __future__ import annotations

import attrs
import pendulum
from sociaaldomein_hoogkerk import (
    ACTUAL_PER_RESIDENT,
    RESIDENTS,
    HoogkerkPilot,
    example_families,
)
from sociaaldomein_hoogkerk.letter import LETTER

from sociaaldomein import Cohort, Gemeente, Money
from sociaaldomein.simulation import Settings, simulate

KOSTEN = str(LETTER.cite("Kosten"))


def test_the_cost_model_charges_the_cost_per_resident_once_as_the_line_counts_it() -> None:
    """004_b7ccad7045cc3ba8.txt, "Kosten": the substitution line is the cost per resident times
    the residents; the letter gives no amounts, so the figure is illustrative."""
    gemeente = Gemeente(plugins=[HoogkerkPilot()])
    kosten = gemeente.compiled("hoogkerk").cost_model
    assert kosten is not None
    assert (kosten.vast_per_maand, kosten.per_gezin_per_maand) == (Money(0), Money(0))
    assert kosten.per_instroom == ACTUAL_PER_RESIDENT
    assert (kosten.afgeleid, kosten.illustratief, str(kosten.bron)) == (True, True, KOSTEN)
    assert kosten.total(months=15, admitted=RESIDENTS) == gemeente.funding().total()


def test_a_municipalitys_own_price_is_not_illustrative() -> None:
    kosten = HoogkerkPilot(actual_per_resident=Money(4_200)).cost_model()
    assert kosten.per_instroom == Money(4_200)
    assert not kosten.illustratief
    assert kosten.herkomst == "derived"


def test_a_default_design_spends_the_line_on_the_residents_it_counts() -> None:
    """004_b7ccad7045cc3ba8.txt, "Kosten" and "Waarom de proeftuin": over the proeftuin, October
    2016 to December 2017, BT Hoogkerk takes on residents until the line is spent: exactly
    RESIDENTS of them, for exactly the line."""
    _, resident = example_families()[0]
    cohort = Cohort.from_gezinnen(attrs.evolve(resident, id=f"hk-{i:03d}") for i in range(120))
    settings = Settings(pendulum.date(2016, 10, 1), months=15, referral_probability=0.5)
    results = simulate(Gemeente(plugins=[HoogkerkPilot()]), cohort, settings, runs=2, seed=1)
    line = ACTUAL_PER_RESIDENT * RESIDENTS
    assert results.budget("hoogkerk") == line
    for run in range(2):
        assert results.series("admitted", "hoogkerk")[run].sum() == RESIDENTS
        assert results.spent("hoogkerk", run) == line
        assert results.deficit("hoogkerk", run) == Money(0)
