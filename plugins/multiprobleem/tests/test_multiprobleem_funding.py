"""Money: 003_720c15da674da257.txt, "12. Financiën", "Begrippenlijst" and "7."."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    LOOPTIJD_VERLENGDE_PILOT,
    PILOTBUDGET,
    MultiprobleemPilot,
    Urenverdeling,
    ghp_budget,
)
from sociaaldomein_multiprobleem.letter import LETTER

from sociaaldomein import Financieringsmodel, Gemeente, InvalidValueError, Money

FINANCIEN = str(LETTER.cite("12. Financiën"))


def gemeente(plugin: MultiprobleemPilot | None = None) -> Gemeente:
    return Gemeente("Groningen", plugins=[plugin or MultiprobleemPilot()])


def test_the_funding_adds_up_to_the_7_5_ton_left() -> None:
    """003_720c15da674da257.txt, "12. Financiën": "op 1 april 2011 nog € 7,5 ton", of which "€ 6
    ton" runs the doorstart; the rest is GHP-bound."""
    overview = gemeente().funding_overview()
    assert overview.total() == Money(750_000)
    per_model = gemeente().funding().per_model()
    assert per_model == {
        Financieringsmodel.PROJECTBUDGET: Money(600_000),
        Financieringsmodel.GHP_GEBONDEN: Money(150_000),
    }
    assert all(row.bron is not None and row.bron.startswith(FINANCIEN) for row in overview.rows)


def test_the_ghp_bound_rest_is_marked_derived() -> None:
    """The EUR 150.000 is 7,5 ton minus 6 ton: arithmetic, not a figure in the letter."""
    lines = {line.model: line for line in gemeente().funding()}
    assert lines[Financieringsmodel.GHP_GEBONDEN].afgeleid
    assert not lines[Financieringsmodel.PROJECTBUDGET].afgeleid


def test_the_pilots_1_5_million_is_not_counted_again() -> None:
    """003_720c15da674da257.txt, "12. Financiën": EUR 1,5 million for the whole pilot since 2009;
    half of it was spent before the doorstart, so only the remainder is a funding line."""
    total = gemeente().funding().total()
    assert total != PILOTBUDGET
    assert PILOTBUDGET - total == Money(750_000)


def test_the_lines_run_over_the_doorstart() -> None:
    """003_720c15da674da257.txt, "12. Financiën" and the agreement's opening: the remainder funds
    the doorstart, 2011 to 1 July 2012 (from 1 April 2011 when read as the extension of
    "Tenslotte")."""
    per_year = gemeente().funding_overview().per_year()
    assert sorted(per_year) == [2011, 2012]
    assert sum(per_year.values(), Money.zero()) == Money(750_000)
    verlengd = gemeente(MultiprobleemPilot(looptijd=LOOPTIJD_VERLENGDE_PILOT)).funding()
    assert {line.periode.start for line in verlengd if line.periode} == {pendulum.date(2011, 4, 1)}


def test_running_costs_above_the_remainder_are_refused() -> None:
    """003_720c15da674da257.txt, "12. Financiën": the GHP-bound budget is what is left after the
    running costs."""
    with pytest.raises(InvalidValueError, match=r"12\. Financiën"):
        MultiprobleemPilot(exploitatie=Money(800_000))


def test_the_projectleider_buys_per_family_but_never_the_coaches() -> None:
    """003_720c15da674da257.txt, "Begrippenlijst", GHP gebonden budget: "De kosten van de
    gezinscoaches zelf behoren hier niet toe"; "5. Taken van de projectleider": buys per family."""
    pot = ghp_budget()
    assert pot.remaining() == Money(150_000)
    pot = pot.purchase("gezin-07", "schuldhulp", Money(2_500), pendulum.date(2011, 3, 1))
    assert pot.remaining() == Money(147_500)
    assert pot.per_gezin() == {"gezin-07": Money(2_500)}
    with pytest.raises(InvalidValueError, match="gezinscoaches"):
        pot.purchase("gezin-07", "coach", Money(1_000), pendulum.date(2011, 3, 1), True)
    with pytest.raises(InvalidValueError, match="more than remains"):
        pot.purchase("gezin-08", "opname", Money(150_000), pendulum.date(2011, 3, 1))


def test_the_coach_hours_split_per_family() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": per family "welk deel van de uren van
    de gezinscoaches regulier kan worden bekostigd en welk deel voor rekening van het project
    komt"."""
    verdeling = Urenverdeling("gezin-07", Decimal("130.5"), Decimal("0.4"))
    assert verdeling.regulier_uren() + verdeling.project_uren() == Decimal("130.5")
    assert verdeling.project_uren() == Decimal("78.3")
    assert verdeling.project_kosten(Money(65)) == Money("5089.50")
    assert Urenverdeling("gezin-08", 40).project_uren() == 40


@pytest.mark.parametrize("deel", [Decimal("-0.1"), Decimal("1.01")])
def test_a_share_is_between_0_and_1(deel: Decimal) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": a "deel" of the coach hours."""
    with pytest.raises(InvalidValueError) as info:
        Urenverdeling("gezin-07", 10, deel)
    assert info.value.field == "Urenverdeling.regulier_deel"


def test_hours_are_exact() -> None:
    """Hours are Decimal, like money: a float is refused."""
    with pytest.raises(InvalidValueError, match="Decimal"):
        Urenverdeling("gezin-07", 10.5)  # type: ignore[arg-type]
