"""Budgets and the funding-model calculators, checked against the letters' figures."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein.domain.budget import Begroting, Budgetregel, Financieringsmodel, monthly_plan
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.funding import (
    GhpBudget,
    ProductVolume,
    lumpsum_from_counterfactual,
    payback_year,
    substitution_saving,
)
from sociaaldomein.domain.money import CENT, Money
from sociaaldomein.domain.periode import Periode
from sociaaldomein.errors import InvalidValueError, UnknownPilotError

KOSTEN_PILOT = Citation("000_6fd8bb18cab06410.txt", "Kosten pilot")
JEUGDHULP = "Gemeente Groningen (jeugdhulp)"
# 000 "Kosten pilot": EUR 336.000 for two years; 2021 is three months' worth, so October 2021.
PILOTPERIODE = Periode(pendulum.date(2021, 10, 1), pendulum.date(2023, 10, 1))


def regel(
    bedrag: Money,
    *,
    jaar: int | None = None,
    periode: Periode | None = None,
    pilot: str = "gezinsverzorger",
    financier: str = JEUGDHULP,
    omschrijving: str = "kosten pilot",
    afgeleid: bool = False,
) -> Budgetregel:
    return Budgetregel(
        pilot,
        omschrijving,
        bedrag,
        financier,
        Financieringsmodel.PROJECTBUDGET,
        jaar=jaar,
        periode=periode,
        bron=KOSTEN_PILOT,
        afgeleid=afgeleid,
    )


def d(text: str) -> pendulum.Date:
    parsed = pendulum.parse(text, exact=True)
    assert type(parsed) is pendulum.Date
    return parsed


# --- the figures of letter 000 -------------------------------------------------------


def test_gezinsverzorger_years_add_up_to_the_pilot_total() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": 42.000 + 168.000 + 126.000 = 336.000,-."""
    per_year = {2021: "€ 42.000,-", 2022: "€ 168.000,-", 2023: "€ 126.000,-"}
    begroting = Begroting(regel(Money.parse(t), jaar=y) for y, t in per_year.items())
    assert str(begroting.total()) == "EUR 336.000,00"
    assert begroting.total() == Money.parse("€ 336.000,-")
    assert list(begroting.per_year()) == [2021, 2022, 2023]
    assert begroting.per_funder() == {JEUGDHULP: Money(336_000)}


def test_gezinsverzorger_staff_lines_add_up_to_the_same_total() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": medewerker B 182.000 + C 154.000 = 336.000,-."""
    staff = Begroting(
        [
            regel(Money(182_000), periode=PILOTPERIODE, omschrijving="1 fte medewerker B"),
            regel(Money(154_000), periode=PILOTPERIODE, omschrijving="1 fte medewerker C"),
        ]
    )
    assert str(staff.total()) == "EUR 336.000,00"
    assert sum(staff.per_year().values(), Money.zero()) == Money(336_000)


def test_monthly_plan_of_the_gezinsverzorger_pilot() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": 24 months of EUR 14.000 (derived).

    Grouped by calendar year the derived months give back the letter's own
    figures for 2021, 2022 and 2023, which confirms the start in October 2021.
    """
    plan = monthly_plan(Money(336_000), PILOTPERIODE)
    assert [bedrag for _, bedrag in plan] == [Money(14_000)] * 24
    assert plan[0][0] == d("2021-10-01")
    assert plan[-1][0] == d("2023-09-01")
    per_year: dict[int, Money] = {}
    for month, bedrag in plan:
        per_year[month.year] = per_year.get(month.year, Money.zero()) + bedrag
    assert per_year == {2021: Money(42_000), 2022: Money(168_000), 2023: Money(126_000)}


# --- Budgetregel ---------------------------------------------------------------


def test_budgetregel_refuses_a_float_or_a_bare_number() -> None:
    with pytest.raises(InvalidValueError, match="float") as info:
        regel(42_000.0, jaar=2021)  # type: ignore[arg-type]
    assert info.value.field == "Budgetregel.bedrag"
    with pytest.raises(InvalidValueError, match="must be Money"):
        regel(42_000, jaar=2021)  # type: ignore[arg-type]


def test_budgetregel_refuses_fractions_of_a_cent() -> None:
    with pytest.raises(InvalidValueError, match="whole cents"):
        regel(Money("0.005", exact=True), jaar=2021)


def test_budgetregel_needs_exactly_one_of_jaar_and_periode() -> None:
    with pytest.raises(InvalidValueError, match="neither") as neither:
        regel(Money(1))
    assert neither.value.field == "Budgetregel.jaar"
    with pytest.raises(InvalidValueError, match="not both") as both:
        regel(Money(1), jaar=2021, periode=PILOTPERIODE)
    assert both.value.field == "Budgetregel.periode"


@pytest.mark.parametrize("jaar", [1899, 2201, True])
def test_budgetregel_refuses_an_implausible_year(jaar: int) -> None:
    with pytest.raises(InvalidValueError) as info:
        regel(Money(1), jaar=jaar)
    assert info.value.field == "Budgetregel.jaar"


@pytest.mark.parametrize("field", ["pilot", "omschrijving", "financier"])
def test_budgetregel_refuses_empty_text(field: str) -> None:
    text = {"pilot": "gezinsverzorger", "omschrijving": "kosten", "financier": JEUGDHULP}
    text[field] = "  "
    with pytest.raises(InvalidValueError) as info:
        Budgetregel(
            text["pilot"], text["omschrijving"], Money(1), text["financier"], "LUMPSUM", jaar=2021
        )
    assert info.value.field == f"Budgetregel.{field}"


def test_budgetregel_takes_a_model_by_name_and_lists_the_names_otherwise() -> None:
    r = Budgetregel("SAMEN.", "subsidie", Money(1), "Gemeente Groningen", "LUMPSUM", jaar=2023)
    assert r.model is Financieringsmodel.LUMPSUM
    with pytest.raises(InvalidValueError, match="GHP_GEBONDEN"):
        Budgetregel("SAMEN.", "subsidie", Money(1), "Gemeente Groningen", "P x Q", jaar=2023)


def test_a_derived_figure_says_so_when_printed() -> None:
    """000 "Kosten pilot" writes no monthly figure: EUR 14.000 a month is derived."""
    derived = regel(Money(14_000), jaar=2022, afgeleid=True)
    written = regel(Money(168_000), jaar=2022)
    assert "afgeleid" in str(derived)
    assert "afgeleid" not in str(written)
    assert "000_6fd8bb18cab06410.txt" in str(written)


def test_every_funding_model_has_its_own_description() -> None:
    descriptions = [m.description for m in Financieringsmodel]
    assert all(descriptions)
    assert len(set(descriptions)) == len(Financieringsmodel) == 6


# --- Begroting ---------------------------------------------------------------------


def test_a_period_is_spread_over_calendar_years_by_days() -> None:
    # 1-7-2021 to 1-7-2023: 184 days in 2021, 365 in 2022, 181 in 2023; one euro a day.
    r = regel(Money(730), periode=Periode(d("2021-07-01"), d("2023-07-01")))
    assert Begroting([r]).per_year() == {2021: Money(184), 2022: Money(365), 2023: Money(181)}


def test_spreading_conserves_cents_that_do_not_divide() -> None:
    r = regel(Money("100.00"), periode=Periode(d("2021-12-01"), d("2022-02-01")))  # 31 + 31 days
    per_year = Begroting([r]).per_year()
    assert sorted(per_year.values()) == [Money(50), Money(50)]
    odd = regel(Money("0.01"), periode=Periode(d("2021-12-01"), d("2022-02-01")))
    assert sum(Begroting([odd]).per_year().values(), Money.zero()) == Money("0.01")


def test_for_year_gives_the_year_share_as_a_derived_line() -> None:
    spread = regel(Money(730), periode=Periode(d("2021-07-01"), d("2023-07-01")))
    fixed = regel(Money(42_000), jaar=2022)
    year = Begroting([spread, fixed]).for_year(2022)
    assert len(year) == 2
    share, kept = year
    assert share.bedrag == Money(365)
    assert share.afgeleid
    assert share.periode == Periode.year(2022)
    assert kept == fixed
    assert len(Begroting([spread, fixed]).for_year(2030)) == 0


def test_for_pilot_filters_and_refuses_an_unknown_pilot() -> None:
    begroting = Begroting([regel(Money(1), jaar=2021), regel(Money(2), jaar=2023, pilot="SAMEN.")])
    assert begroting.for_pilot("SAMEN.").total() == Money(2)
    with pytest.raises(UnknownPilotError, match="gezinsverzorger"):
        begroting.for_pilot("gezinsverzorgers")


def test_begrotingen_concatenate_in_order() -> None:
    a = Begroting([regel(Money(1), jaar=2021)])
    b = Begroting([regel(Money(2), jaar=2022), regel(Money(3), jaar=2023)])
    both = a + b
    assert [r.bedrag for r in both] == [Money(1), Money(2), Money(3)]
    assert len(both) == 3
    with pytest.raises(TypeError):
        _ = a + 1


def test_begroting_refuses_what_is_not_a_line() -> None:
    with pytest.raises(InvalidValueError) as info:
        Begroting([regel(Money(1), jaar=2021), Money(2)])  # type: ignore[list-item]
    assert info.value.field == "Begroting.regels[1]"


@st.composite
def budgetregels(draw: st.DrawFn) -> Budgetregel:
    bedrag = Money(Decimal(draw(st.integers(-(10**9), 10**10))).scaleb(-2))
    start = pendulum.date(2019, 1, 1).add(days=draw(st.integers(0, 2000)))
    periode = Periode(start, start.add(days=draw(st.integers(1, 1500))))
    use_year = draw(st.booleans())
    return Budgetregel(
        draw(st.sampled_from(["gezinsverzorger", "SAMEN.", "Hoogkerk"])),
        "regel",
        bedrag,
        draw(st.sampled_from(["Gemeente Groningen", "corporaties", "Rijk"])),
        draw(st.sampled_from(list(Financieringsmodel))),
        jaar=start.year if use_year else None,
        periode=None if use_year else periode,
    )


@given(st.lists(budgetregels(), max_size=25))
def test_every_view_of_a_begroting_adds_up_to_its_total(regels: list[Budgetregel]) -> None:
    begroting = Begroting(regels)
    exact = sum((r.bedrag.amount for r in regels), Decimal(0))
    assert begroting.total().amount == exact
    for view in (begroting.per_year(), begroting.per_funder(), begroting.per_model()):
        assert sum(view.values(), Money.zero()) == begroting.total()
    assert sum(begroting.per_pilot().values(), Money.zero()) == begroting.total()
    for year, bedrag in begroting.per_year().items():
        assert bedrag == bedrag.rounded()
        assert begroting.for_year(year).total() == bedrag


# --- monthly plan -------------------------------------------------------------------


@given(st.integers(-(10**10), 10**10), st.integers(0, 3000), st.integers(1, 1200))
def test_monthly_plan_conserves_every_cent(c: int, offset: int, days: int) -> None:
    start = pendulum.date(2015, 1, 1).add(days=offset)
    periode = Periode(start, start.add(days=days))
    total = Money(Decimal(c).scaleb(-2))
    plan = monthly_plan(total, periode)
    assert len(plan) == periode.months()
    assert sum((m for _, m in plan), Money.zero()) == total
    spread = [m.amount for _, m in plan]
    assert max(spread) - min(spread) <= CENT
    months = [first for first, _ in plan]
    assert all(m.day == 1 for m in months)
    assert all(b == a.add(months=1) for a, b in itertools.pairwise(months))
    assert start.replace(day=1) == months[0]


def test_monthly_plan_refuses_a_float_and_fractions_of_a_cent() -> None:
    with pytest.raises(InvalidValueError, match="float"):
        monthly_plan(336_000.0, PILOTPERIODE)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="whole cents"):
        monthly_plan(Money("0.001", exact=True), PILOTPERIODE)


# --- lumpsum (002) --------------------------------------------------------------------


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["begeleiding", "behandeling", "dagbesteding"]),
            st.decimals(min_value=0, max_value=10**6, places=2),
            st.integers(0, 10**7),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_lumpsum_is_price_times_volume(rows: list[tuple[str, Decimal, int]]) -> None:
    """002_3dca2c59337eb1a8.txt, "Hoe wordt de taak SAMEN. gefinancierd?": P x Q."""
    products = [ProductVolume(c, v, Money(Decimal(p).scaleb(-2))) for c, v, p in rows]
    lumpsum = lumpsum_from_counterfactual(products)
    exact = sum((v * Decimal(p).scaleb(-2) for _, v, p in rows), Decimal(0))
    assert abs(lumpsum.bedrag.amount - exact) <= CENT / 2
    assert sum(lumpsum.per_categorie().values(), Money.zero()) == lumpsum.bedrag
    assert set(lumpsum.per_categorie()) == {c for c, _, _ in rows}


def test_lumpsum_rounds_once_not_per_line() -> None:
    half_cents = [ProductVolume(f"c{i}", 1, Money("0.005", exact=True)) for i in range(3)]
    assert lumpsum_from_counterfactual(half_cents).bedrag == Money("0.02")


@pytest.mark.parametrize(
    ("volume", "prijs"),
    [(Decimal(-1), Money(1)), (Decimal(1), Money(-1)), (1.5, Money(1)), (Decimal(1), 75.0)],
)
def test_product_volume_refuses_negative_and_float(volume: Decimal, prijs: Money) -> None:
    with pytest.raises(InvalidValueError):
        ProductVolume("begeleiding", volume, prijs)


def test_lumpsum_needs_a_counterfactual() -> None:
    with pytest.raises(InvalidValueError, match="at least one"):
        lumpsum_from_counterfactual([])


# --- substitution (004) ---------------------------------------------------------------


@given(st.integers(1, 10**7), st.integers(1, 10**7), st.integers(0, 10**5))
def test_substitution_saving_as_money_and_as_residents(cf: int, actual: int, n: int) -> None:
    """004_b7ccad7045cc3ba8.txt, "Kosten": minder middelen óf meer bewoners."""
    s = substitution_saving(Money(Decimal(cf).scaleb(-2)), Money(Decimal(actual).scaleb(-2)), n)
    assert s.besparing == Money(Decimal((cf - actual) * n).scaleb(-2))
    served = n + s.extra_bewoners
    assert served * actual <= cf * n < (served + 1) * actual
    assert s.is_saving == (actual < cf and n > 0)


def test_substitution_refuses_a_free_service_and_a_float() -> None:
    with pytest.raises(InvalidValueError, match="actual_per_resident"):
        substitution_saving(Money(100), Money(0), 10)
    with pytest.raises(InvalidValueError, match="float"):
        substitution_saving(Money(100), 80.0, 10)  # type: ignore[arg-type]


# --- GHP-bound budget (003) ---------------------------------------------------------


def ghp_pot() -> GhpBudget:
    """003_720c15da674da257.txt, "12. Financiën": 7,5 ton left minus 6 ton running costs."""
    return GhpBudget(Money.parse("750.000,00") - Money.parse("600.000,00"))


def test_ghp_budget_refuses_coach_costs() -> None:
    """003_720c15da674da257.txt, "Begrippenlijst": coaches are not GHP-bound."""
    with pytest.raises(InvalidValueError) as info:
        ghp_pot().purchase(
            "gezin-01", "uren gezinscoach", Money(1_000), d("2011-02-01"), coach_kosten=True
        )
    assert info.value.field == "GhpAankoop.coach_kosten"
    assert "003_720c15da674da257.txt" in str(info.value)
    assert "Begrippenlijst" in str(info.value)


def test_ghp_purchases_are_recorded_per_family_in_a_new_value() -> None:
    pot = ghp_pot()
    after = (
        pot.purchase("gezin-01", "schuldhulp", Money(2_500), d("2011-02-01"))
        .purchase("gezin-02", "kinderopvang", Money(1_200), d("2011-03-01"))
        .purchase("gezin-01", "verhuizing", Money(800), d("2011-04-01"))
    )
    assert pot.spent() == Money.zero()
    assert after.per_gezin() == {"gezin-01": Money(3_300), "gezin-02": Money(1_200)}
    assert after.spent() == Money(4_500)
    assert after.remaining() + after.spent() == Money(150_000)


def test_ghp_budget_refuses_more_than_remains_and_names_what_remains() -> None:
    pot = ghp_pot().purchase("gezin-01", "schuldhulp", Money(149_000), d("2011-02-01"))
    with pytest.raises(InvalidValueError, match=r"EUR 1\.000,00") as info:
        pot.purchase("gezin-02", "woning", Money("1000.01"), d("2011-03-01"))
    assert info.value.field == "GhpAankoop.bedrag"
    emptied = pot.purchase("gezin-02", "woning", Money(1_000), d("2011-03-01"))
    assert emptied.remaining() == Money.zero()


def test_ghp_purchase_must_be_a_positive_amount_of_money() -> None:
    with pytest.raises(InvalidValueError):
        ghp_pot().purchase("gezin-01", "x", Money(0), d("2011-02-01"))
    with pytest.raises(InvalidValueError, match="float"):
        ghp_pot().purchase("gezin-01", "x", 10.0, d("2011-02-01"))  # type: ignore[arg-type]


# --- payback of a pre-investment (002) ------------------------------------------------


def test_payback_year_of_a_voorinvestering() -> None:
    """002_3dca2c59337eb1a8.txt: incidental costs earned back from savings (businesscase)."""
    besparingen = {2025: Money(600_000), 2023: Money(-100_000), 2024: Money(500_000)}
    assert payback_year(Money(1_000_000), besparingen) == 2025
    assert payback_year(Money(400_000), besparingen) == 2024
    assert payback_year(Money(1_000_001), besparingen) is None
    assert payback_year(Money(1), {}) is None


@given(
    st.dictionaries(st.integers(2020, 2040), st.integers(-(10**6), 10**6)), st.integers(1, 10**7)
)
def test_payback_year_is_the_first_year_cumulative_savings_reach_it(
    savings: dict[int, int], investment: int
) -> None:
    year = payback_year(Money(investment), {y: Money(s) for y, s in savings.items()})
    cumulative = 0
    for y in sorted(savings):
        cumulative += savings[y]
        if year is None or y < year:
            assert cumulative < investment
        elif y == year:
            assert cumulative >= investment


def test_payback_year_refuses_floats_and_no_investment() -> None:
    with pytest.raises(InvalidValueError, match="float"):
        payback_year(Money(1), {2024: 1.0})  # type: ignore[dict-item]
    with pytest.raises(InvalidValueError, match="more than"):
        payback_year(Money(0), {2024: Money(1)})
