"""The cost model: the 6 ton a month and the GHP-bound rest per family.

003_720c15da674da257.txt, "12. Financiën" and "7. Toewijzing gezinnen".
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    EXPLOITATIE,
    LOOPTIJD_VERLENGDE_PILOT,
    MAX_AANVULLINGEN,
    RESTANT,
    TOP,
    MultiprobleemPilot,
    cost_model,
    example_families,
)
from sociaaldomein_multiprobleem.letter import FINANCIEN

from sociaaldomein import Cohort, Gemeente, InvalidValueError, Kostenmodel, Money, Periode
from sociaaldomein.simulation import Settings, simulate

DOORSTART = Periode(pendulum.date(2011, 1, 1), pendulum.date(2012, 7, 1))


def test_the_running_costs_a_month_and_the_ghp_budget_per_selected_family() -> None:
    """003_720c15da674da257.txt, "12. Financiën": the 7,5 ton remains "op 1 april 2011", so the 6
    ton runs over the 15 months from then, and the EUR 150.000 left over the top 10 and at most 10
    more ("7. Toewijzing gezinnen"); both derived."""
    kosten = Gemeente(plugins=[MultiprobleemPilot()]).compiled("multiprobleem").cost_model
    assert kosten == Kostenmodel(
        vast_per_maand=Money(40_000),
        per_instroom=Money(7_500),
        bron=FINANCIEN,
        afgeleid=True,
    )
    assert TOP + MAX_AANVULLINGEN == 20
    assert kosten.total(15, admitted=20) == RESTANT


def test_the_budget_from_the_doorstarts_start_is_a_reading_of_its_own() -> None:
    """003_720c15da674da257.txt, "12. Financiën": "een ruwe begroting voor de doorstart tot 1
    januari 2011", read as a budget from the doorstart's start, spreads the 6 ton over 18 months,
    rounded down so that the months never spend more than the letter's amount."""
    kosten = MultiprobleemPilot(budget_vanaf=pendulum.date(2011, 1, 1)).cost_model()
    assert kosten.vast_per_maand == Money("33333.33")
    assert kosten.total(DOORSTART.months(), admitted=20) == RESTANT - Money("0.06")
    assert kosten.vast_per_maand * DOORSTART.months() <= EXPLOITATIE


def test_the_letters_reading_spreads_the_running_costs_over_its_15_months() -> None:
    """003_720c15da674da257.txt, "Tenslotte": the doorstart as the extension from 1 April 2011."""
    kosten = MultiprobleemPilot(looptijd=LOOPTIJD_VERLENGDE_PILOT).cost_model()
    assert kosten.vast_per_maand * 15 == EXPLOITATIE
    assert kosten.per_instroom == Money(7_500)


def test_a_selection_of_no_families_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"cost_model\.gezinnen"):
        cost_model(DOORSTART, gezinnen=0)


def test_a_default_design_spends_what_the_doorstart_has_for_twenty_families() -> None:
    """003_720c15da674da257.txt, "12. Financiën": with the default design and the twenty families
    the partners may select, the doorstart spends its 7,5 ton, but for the cents the rounding
    keeps.  The money remains on 1 April 2011, so the simulation starts then."""
    _, gezin = example_families()[0]
    cohort = Cohort.from_gezinnen(attrs.evolve(gezin, id=f"mpg-{i:02d}") for i in range(20))
    settings = Settings(pendulum.date(2011, 4, 1), months=15, referral_probability=1.0)
    results = simulate(Gemeente(plugins=[MultiprobleemPilot()]), cohort, settings, runs=2, seed=1)
    assert results.budget("multiprobleem") == RESTANT
    for run in range(2):
        assert results.series("admitted", "multiprobleem")[run].sum() == 20
        assert results.spent("multiprobleem", run) == RESTANT
        assert results.deficit("multiprobleem", run) == Money(0)
