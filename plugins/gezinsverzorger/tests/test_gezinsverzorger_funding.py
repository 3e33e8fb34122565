"""The money of the pilot gezinsverzorger: 000_6fd8bb18cab06410.txt, "Kosten pilot"."""

from __future__ import annotations

import pendulum
from sociaaldomein_gezinsverzorger import GezinsverzorgerPilot, monthly_plan

from sociaaldomein import Financieringsmodel, Gemeente, Money, Periode
from sociaaldomein.testing import ToyPilot


def test_the_funding_overview_2021_2023_adds_up_to_336000() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": "De totale kosten voor deze tweejarige pilot
    bedragen: € 336.000,-. Voor 2021 ... € 42.000,- zijn; voor 2022: € 168.000,-;
    2023: € 126.000,-."."""
    overview = Gemeente(plugins=[GezinsverzorgerPilot()]).funding_overview(years=[2021, 2022, 2023])
    assert overview.total() == Money.parse("€ 336.000,-")
    assert overview.total().format_nl() == "EUR 336.000,00"
    assert overview.per_year() == {
        2021: Money.parse("€ 42.000,-"),
        2022: Money.parse("€ 168.000,-"),
        2023: Money.parse("€ 126.000,-"),
    }


def test_the_yearly_lines_are_the_only_lines_and_cite_the_letter() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": charged to "de begrote middelen voor
    jeugdhulp"; a fixed project budget, written in the letter (not derived)."""
    lines = list(Gemeente(plugins=[GezinsverzorgerPilot()]).funding())
    assert [line.jaar for line in lines] == [2021, 2022, 2023]
    for line in lines:
        assert line.model is Financieringsmodel.PROJECTBUDGET
        assert line.financier == "Gemeente Groningen (begrote middelen jeugdhulp)"
        assert not line.afgeleid
        assert line.bron is not None
        assert (line.bron.letter, line.bron.section) == ("000_6fd8bb18cab06410.txt", "Kosten pilot")


def test_staff_costs_are_the_same_money_and_not_extra_funding() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": "De kosten zijn voor de twee medewerkers":
    medewerker B € 182.000,- and medewerker C € 154.000,-, "Totaal € 336.000,-"."""
    plugin = GezinsverzorgerPilot()
    groningen = Gemeente(plugins=[plugin])
    staff = sorted(
        (p.kosten for p in plugin.pilot.bemensing if p.kosten is not None), key=lambda m: m.amount
    )
    assert staff == [Money.parse("€ 154.000,-"), Money.parse("€ 182.000,-")]
    assert Money.total(staff) == groningen.funding().total()
    assert len(groningen.funding()) == 3


def test_a_volunteer_adds_no_money() -> None:
    """000_6fd8bb18cab06410.txt, "Inzet vrijwilligers": a volunteer is not in "Kosten pilot"."""
    with_volunteer = Gemeente(plugins=[GezinsverzorgerPilot(vrijwilliger_vanaf_jaar_twee=True)])
    assert with_volunteer.funding().total() == Money(336_000)


def test_the_derived_monthly_plan_matches_the_yearly_amounts() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": EUR 14.000 a month from October 2021 is
    derived, not written; it must reproduce the letter's yearly amounts exactly."""
    plan = monthly_plan()
    assert len(plan) == 24
    assert {amount for _, amount in plan} == {Money(14_000)}
    assert (plan[0][0], plan[-1][0]) == (pendulum.date(2021, 10, 1), pendulum.date(2023, 9, 1))
    per_year: dict[int, Money] = {}
    for month, amount in plan:
        per_year[month.year] = per_year.get(month.year, Money.zero()) + amount
    lines = Gemeente(plugins=[GezinsverzorgerPilot()]).funding().per_year()
    assert per_year == lines


def test_the_monthly_plan_follows_a_later_start() -> None:
    """The looptijd is derived, so it is a parameter; the total stays the letter's."""
    later = GezinsverzorgerPilot(start=pendulum.date(2022, 1, 1), end=pendulum.date(2024, 1, 1))
    plan = later.monthly_plan()
    assert plan[0][0] == pendulum.date(2022, 1, 1)
    assert Money.total(amount for _, amount in plan) == Money(336_000)


def test_funding_is_given_for_this_pilot_only() -> None:
    """Each plugin answers for its own pilot (hookspecs: "None for a pilot that is not its own")."""
    toy = ToyPilot(start=pendulum.date(2021, 1, 1), end=pendulum.date(2024, 1, 1))
    groningen = Gemeente(plugins=[GezinsverzorgerPilot(), toy])
    assert groningen.funding(pilots=["toy"]).per_pilot() == {"toy": Money(30_000)}
    assert groningen.funding().per_pilot()["gezinsverzorger"] == Money(336_000)
    window = Periode(pendulum.date(2022, 1, 1), pendulum.date(2023, 1, 1))
    in_2022 = groningen.funding(periode=window, pilots=["gezinsverzorger"])
    assert in_2022.total() == Money(168_000)
