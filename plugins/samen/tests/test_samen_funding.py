"""The money of SAMEN.: 002_3dca2c59337eb1a8.txt, "Hoe wordt de taak SAMEN. gefinancierd?" and
"Welke stukken leggen wij nu aan u voor".  The letter gives no amounts; these tests use their
own figures and check the arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
from sociaaldomein_samen import BusinessCase, SamenPilot, payback

from sociaaldomein import Financieringsmodel, Gemeente, InvalidValueError, Money, ProductVolume

COUNTERFACTUAL = (
    ProductVolume("begeleiding", 10, Money(1_000)),
    ProductVolume("lichte behandeling", Decimal("2.5"), Money(400)),
)


def test_the_lumpsum_equals_what_indicated_care_would_have_cost() -> None:
    """002_3dca2c59337eb1a8.txt, "Hoe wordt de taak SAMEN. gefinancierd?": "een lumpsum budget,
    ter hoogte van het budget dat de gemeente anders zou uitgeven aan de op indicatie
    verstrekte jeugdhulp": 10 x EUR 1.000 + 2,5 x EUR 400 = EUR 11.000 a year."""
    groningen = Gemeente(plugins=[SamenPilot(counterfactual=COUNTERFACTUAL)])
    lumpsum = [r for r in groningen.funding() if r.model is Financieringsmodel.LUMPSUM]
    assert [(r.jaar, r.bedrag) for r in lumpsum] == [
        (2023, Money(11_000)),
        (2024, Money(11_000)),
        (2025, Money(11_000)),
    ]
    assert all(r.financier == "Gemeente Groningen (jeugdhulpbudget)" for r in lumpsum)


def test_pre_investment_before_the_start_and_transition_budget_over_the_transition() -> None:
    """002_3dca2c59337eb1a8.txt, "Welke stukken leggen wij nu aan u voor": "incidentele
    voorinvesteringen" for the preparations, and "gedurende de transitieperiode ... een
    incidenteel budget"; the transition lasts until the end of 2024 ("Afsluitend")."""
    plugin = SamenPilot(
        counterfactual=COUNTERFACTUAL,
        voorinvestering=Money(200_000),
        incidenteel_budget=Money(731_000),
    )
    overview = Gemeente(plugins=[plugin]).funding_overview()
    rows = {(r.model, r.jaar): r.bedrag for r in overview.rows}
    assert rows[Financieringsmodel.VOORINVESTERING, 2022] == Money(200_000)
    # Spread by days: 365 of 731 days in 2023, 366 in 2024.
    assert rows[Financieringsmodel.INCIDENTEEL, 2023] == Money(365_000)
    assert rows[Financieringsmodel.INCIDENTEEL, 2024] == Money(366_000)
    assert overview.total() == Money(3 * 11_000 + 200_000 + 731_000)


def test_every_line_cites_the_letter_and_is_marked_as_not_from_it() -> None:
    """002_3dca2c59337eb1a8.txt gives no amounts, so no line is a figure of the letter."""
    lines = list(Gemeente(plugins=[SamenPilot()]).funding())
    assert {r.model for r in lines} == {
        Financieringsmodel.LUMPSUM,
        Financieringsmodel.VOORINVESTERING,
        Financieringsmodel.INCIDENTEEL,
    }
    assert all(r.afgeleid for r in lines)
    assert all(r.bron is not None and r.bron.letter == "002_3dca2c59337eb1a8.txt" for r in lines)
    assert all("illustratief" in r.omschrijving for r in lines)
    own = SamenPilot(
        counterfactual=COUNTERFACTUAL, voorinvestering=Money(1), incidenteel_budget=Money(2)
    )
    assert not any("illustratief" in r.omschrijving for r in Gemeente(plugins=[own]).funding())


def test_an_extended_assignment_gets_another_year_of_lumpsum() -> None:
    """002_3dca2c59337eb1a8.txt, "De taak SAMEN, in relatie tot ...": the separate assignment
    runs "de eerste jaren"; a longer one is paid the same way."""
    plugin = SamenPilot(counterfactual=COUNTERFACTUAL).extend(
        pendulum.date(2027, 1, 1), reason="evaluation not finished"
    )
    years = [
        r.jaar
        for r in Gemeente(plugins=[plugin]).funding()
        if r.model is Financieringsmodel.LUMPSUM
    ]
    assert years == [2023, 2024, 2025, 2026]


def test_the_business_case_earns_the_incidental_costs_back() -> None:
    """002_3dca2c59337eb1a8.txt, "Welke stukken leggen wij nu aan u voor": "deze incidentele
    kosten [kunnen] op termijn worden terugverdiend met de besparingen op de zorgkosten".
    EUR 3 mln of incidental costs, EUR 10 mln of care a year, 10 % saved, half in 2023:
    0,5 + 1 + 1 + 1 reaches 3 in 2026."""
    assumptions = BusinessCase(saving_rate="0.1", ramp_up=["0.5"])
    assert assumptions.savings(Money(10_000_000))[2023] == Money(500_000)
    assert payback(Money(3_000_000), Money(10_000_000), assumptions) == 2026
    plugin = SamenPilot(
        counterfactual=[ProductVolume("begeleiding", 1_000, Money(10_000))],
        voorinvestering=Money(2_000_000),
        incidenteel_budget=Money(1_000_000),
        business_case=assumptions,
    )
    assert plugin.payback_year() == 2026


def test_without_savings_the_costs_are_never_earned_back() -> None:
    """The business case is a claim to check: with no saving there is no payback year."""
    assert payback(Money(1), Money(10_000_000), BusinessCase(saving_rate=0)) is None
    short = BusinessCase(saving_rate="0.1", ramp_up=["0.5"], horizon_years=3)
    assert payback(Money(3_000_000), Money(10_000_000), short) is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"saving_rate": "1.5"}, "BusinessCase.saving_rate"),
        ({"ramp_up": ["2"]}, "BusinessCase.ramp_up"),
        ({"horizon_years": 0}, "BusinessCase.horizon_years"),
        ({"saving_rate": 0.1}, "BusinessCase"),
    ],
)
def test_wrong_assumptions_are_named(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        BusinessCase(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
