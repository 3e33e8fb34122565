"""The cost model: the lumpsum subsidy, a twelfth a month.

002_3dca2c59337eb1a8.txt, "Hoe wordt de taak SAMEN. gefinancierd?".
"""

from __future__ import annotations

import attrs
import pendulum
from sociaaldomein_samen import (
    ILLUSTRATIVE_INCIDENTEEL_BUDGET,
    SamenPilot,
    example_families,
)
from sociaaldomein_samen.letter import FINANCIERING

from sociaaldomein import Cohort, Gemeente, Kostenmodel, Money, ProductVolume
from sociaaldomein.simulation import Settings, simulate


def test_the_cost_model_is_the_yearly_lumpsum_a_twelfth_a_month() -> None:
    """002_3dca2c59337eb1a8.txt, "Hoe wordt de taak SAMEN. gefinancierd?": a lumpsum subsidy,
    a fixed amount a year; illustrative while the counterfactual is."""
    plugin = SamenPilot()
    kosten = Gemeente(plugins=[plugin]).compiled("samen").cost_model
    lumpsum = plugin.lumpsum().bedrag
    assert kosten == Kostenmodel(
        vast_per_maand=Money(1_050_000), bron=FINANCIERING, afgeleid=True, illustratief=True
    )
    assert kosten.total(months=12) == lumpsum


def test_a_municipalitys_own_counterfactual_rounds_down_and_is_not_illustrative() -> None:
    products = [ProductVolume("begeleiding (basisjeugdhulp)", 1_000, Money(7_000))]
    kosten = SamenPilot(counterfactual=products).cost_model()
    assert kosten.vast_per_maand == Money("583333.33")
    assert kosten.total(months=12) <= Money(7_000_000)
    assert not kosten.illustratief


def test_a_default_design_spends_the_lumpsum_of_every_year_of_the_assignment() -> None:
    """002_3dca2c59337eb1a8.txt, "Hoe wordt de taak SAMEN. gefinancierd?": over the three years
    of the separate assignment the default design spends three yearly lumpsums; the one-off
    transition budget stays unspent (the pre-investment falls before the start)."""
    _, jeugdige = example_families()[0]
    cohort = Cohort.from_gezinnen(attrs.evolve(jeugdige, id=f"samen-{i:02d}") for i in range(10))
    settings = Settings(pendulum.date(2023, 1, 1), months=36, referral_probability=0.1)
    plugin = SamenPilot()
    results = simulate(Gemeente(plugins=[plugin]), cohort, settings, runs=2, seed=1)
    for run in range(2):
        assert results.series("admitted", "samen")[run].sum() > 0
        assert results.spent("samen", run) == plugin.lumpsum().bedrag * 3
        assert results.remaining("samen", run) == ILLUSTRATIVE_INCIDENTEEL_BUDGET
