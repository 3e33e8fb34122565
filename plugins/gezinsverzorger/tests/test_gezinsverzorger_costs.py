"""The cost model: two professionals a month, 000_6fd8bb18cab06410.txt, "Kosten pilot"."""

from __future__ import annotations

import attrs
import pendulum
from sociaaldomein_gezinsverzorger import MONTHLY, TOTAL, GezinsverzorgerPilot, example_families
from sociaaldomein_gezinsverzorger.letter import PERSONEELSKOSTEN

from sociaaldomein import Cohort, Gemeente, Kostenmodel, Money
from sociaaldomein.simulation import Settings, simulate


def test_the_cost_model_is_the_staff_a_month_whoever_is_in_care() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": EUR 336.000 for the two staff over two years is
    EUR 14.000 a month (derived); a family in care costs nothing on top."""
    kosten = Gemeente(plugins=[GezinsverzorgerPilot()]).compiled("gezinsverzorger").cost_model
    assert kosten == Kostenmodel(vast_per_maand=Money(14_000), bron=PERSONEELSKOSTEN, afgeleid=True)
    assert kosten.vast_per_maand == MONTHLY
    assert kosten.herkomst == "derived"
    assert kosten.total(months=24, family_months=240, admitted=30) == TOTAL


def test_a_default_design_spends_the_letters_total_over_the_24_months() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": simulated with the default design, the pilot
    spends exactly EUR 336.000 over October 2021 to October 2023, full or not."""
    _, gezin = example_families()[0]
    cohort = Cohort.from_gezinnen(attrs.evolve(gezin, id=f"gv-{i:02d}") for i in range(12))
    settings = Settings(pendulum.date(2021, 10, 1), months=24, referral_probability=0.2)
    results = simulate(Gemeente(plugins=[GezinsverzorgerPilot()]), cohort, settings, runs=2, seed=3)
    assert results.budget("gezinsverzorger") == TOTAL
    for run in range(2):
        assert results.series("admitted", "gezinsverzorger")[run].sum() > 0
        assert results.spent("gezinsverzorger", run) == TOTAL
        assert results.remaining("gezinsverzorger", run) == Money(0)
        assert results.deficit("gezinsverzorger", run) == Money(0)
