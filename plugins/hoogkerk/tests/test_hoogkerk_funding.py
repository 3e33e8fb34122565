"""Funding by substitution and the saving condition: 004_b7ccad7045cc3ba8.txt, "Kosten"."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_hoogkerk import (
    ACTUAL_PER_RESIDENT,
    COUNTERFACTUAL_PER_RESIDENT,
    RESIDENTS,
    HoogkerkPilot,
    check_saving,
)
from sociaaldomein_hoogkerk.letter import LETTER

from sociaaldomein import Financieringsmodel, Gemeente, InvalidValueError, Money

KOSTEN = str(LETTER.cite("Kosten"))
OKTOBER_2017 = pendulum.date(2017, 10, 1)


def test_the_funding_line_is_substitution_and_says_its_figures_are_illustrative() -> None:
    """004_b7ccad7045cc3ba8.txt, "Kosten": "gefinancierd op basis van substitutie"; the letter
    gives no amounts."""
    begroting = Gemeente("Groningen", plugins=[HoogkerkPilot()]).funding()
    (line,) = begroting
    assert line.model is Financieringsmodel.SUBSTITUTIE
    assert line.afgeleid
    assert "illustrative" in line.omschrijving
    assert str(line.bron) == KOSTEN
    assert line.bedrag == ACTUAL_PER_RESIDENT * RESIDENTS
    assert line.periode is not None
    assert (line.periode.start, line.periode.end) == (
        pendulum.date(2016, 10, 1),
        pendulum.date(2018, 1, 1),
    )


def test_the_line_spreads_over_2016_and_2017_to_the_cent() -> None:
    """004_b7ccad7045cc3ba8.txt, "Waarom de proeftuin": October 2016 up to and including December
    2017, spread by days."""
    overview = Gemeente("Groningen", plugins=[HoogkerkPilot()]).funding_overview()
    per_year = overview.per_year()
    assert sorted(per_year) == [2016, 2017]
    assert per_year[2016] + per_year[2017] == overview.total()
    assert per_year[2016] < per_year[2017]


def test_the_saving_is_less_money_or_more_residents() -> None:
    """004_b7ccad7045cc3ba8.txt, "Kosten": "door het besteden van minder middelen óf door het
    begeleiden van meer bewoners, voor dezelfde middelen"."""
    plugin = HoogkerkPilot(
        counterfactual_per_resident=Money(8_000), actual_per_resident=Money(6_400), residents=50
    )
    case = plugin.business_case
    assert case.besparing == Money(80_000)
    assert case.extra_bewoners == 12  # 400.000 / 6.400 = 62.5 residents, 12 in full more
    assert case.is_saving
    defaults = HoogkerkPilot().business_case
    assert defaults.counterfactual_per_resident == COUNTERFACTUAL_PER_RESIDENT


def test_the_evaluation_fails_without_a_saving() -> None:
    """004_b7ccad7045cc3ba8.txt, "Kosten": the potential saving is "een belangrijke voorwaarde"
    of the proeftuin."""
    duurder = HoogkerkPilot(
        counterfactual_per_resident=Money(5_000), actual_per_resident=Money(5_500)
    )
    resultaat = check_saving(duurder.evaluatieplan, duurder.business_case, OKTOBER_2017)
    assert resultaat.voortzetten is False
    assert resultaat.oordeel.startswith("condition not met")
    assert KOSTEN in resultaat.oordeel
    assert resultaat.waarde("besparing") == -50_000
    gelijk = HoogkerkPilot(
        counterfactual_per_resident=Money(5_000), actual_per_resident=Money(5_000)
    )
    assert (
        check_saving(gelijk.evaluatieplan, gelijk.business_case, OKTOBER_2017).voortzetten is False
    )


def test_a_saving_meets_the_condition_but_does_not_decide_alone() -> None:
    """004_b7ccad7045cc3ba8.txt, "Kosten": the saving counts "naast de kwalitatief goede
    ondersteuning"."""
    plugin = HoogkerkPilot()
    resultaat = check_saving(plugin.evaluatieplan, plugin.business_case, OKTOBER_2017)
    assert resultaat.voortzetten is None
    assert resultaat.oordeel.startswith("condition met")
    assert resultaat.waarde("extra bewoners") == plugin.business_case.extra_bewoners
    assert resultaat.moment == "eindevaluatie kwaliteit en businesscase"


def test_a_check_at_a_moment_outside_the_plan_is_refused() -> None:
    """004_b7ccad7045cc3ba8.txt, "Waarom de proeftuin": the saving is checked at a moment of the
    evaluation plan."""
    plugin = HoogkerkPilot()
    with pytest.raises(InvalidValueError, match="not in the plan"):
        check_saving(plugin.evaluatieplan, plugin.business_case, OKTOBER_2017, "jaarverslag")


def test_a_business_case_needs_a_positive_cost() -> None:
    """004_b7ccad7045cc3ba8.txt, "Kosten": a business case needs a positive cost per resident."""
    with pytest.raises(InvalidValueError):
        HoogkerkPilot(actual_per_resident=Money(0))
