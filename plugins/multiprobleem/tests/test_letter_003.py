"""Letter 003 (doorstart pilot multiprobleemgezinnen), statement by statement.

Every test cites the file and section it checks; the quotes of the plugin's
readings are checked against the letter the plugin ships.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    GRONINGEN,
    RESTANT,
    RESTANT_OP,
    SAMENWERKINGSPARTNERS,
    Aanvulling,
    MultiprobleemPilot,
    Selectie,
    example_families,
)
from sociaaldomein_multiprobleem.readings import READINGS

from sociaaldomein import (
    Citation,
    Cohort,
    Financieringsmodel,
    Gemeente,
    InvalidValueError,
    Money,
    Outcome,
    readings_of,
)
from sociaaldomein.simulation import PilotDesign, Settings, simulate
from sociaaldomein.testing.checks import find_letter

LETTER = "003_720c15da674da257.txt"
START = pendulum.date(2011, 1, 1)


def letter_text() -> str:
    path = find_letter(LETTER, "sociaaldomein_multiprobleem")
    if path is None:
        pytest.skip(f"{LETTER} is not in the plugin's letters/ folder")
    return path.read_text(encoding="utf-8")


def funding(plugin: MultiprobleemPilot | None = None) -> Gemeente:
    return Gemeente("Groningen", plugins=[plugin or MultiprobleemPilot()])


def test_every_reading_quotes_the_letter_and_the_plugin_lists_it() -> None:
    """003_720c15da674da257.txt, "12. Financiën" and "7. Toewijzing gezinnen": each quote stands
    in the letter, in the section it cites."""
    text = letter_text()
    for reading in READINGS:
        assert reading.found_in(text), reading.quote
        assert reading.citation.letter == LETTER
    assert set(READINGS) <= set(readings_of(MultiprobleemPilot()))


# 12. Financiën ---------------------------------------------------------------


def test_the_money_left_on_1_april_2011_is_spent_from_that_day() -> None:
    """003_720c15da674da257.txt, "12. Financiën": "De inschatting is dat op 1 april 2011 nog € 7,5
    ton zal resterend": nothing of it is spent in January to March 2011."""
    lines = funding().compiled("multiprobleem").funding
    assert {line.periode.start for line in lines if line.periode} == {RESTANT_OP}
    assert pendulum.date(2011, 4, 1) == RESTANT_OP
    per_year = funding().funding_overview().per_year()
    # 275 of the 457 days from 1 April 2011 to 1 July 2012 fall in 2011
    assert per_year == {2011: Money("451312.91"), 2012: Money("298687.09")}
    assert sum(per_year.values(), Money.zero()) == RESTANT


def test_a_budget_from_the_doorstarts_start_is_the_other_reading() -> None:
    """003_720c15da674da257.txt, "12. Financiën": "Een ruwe begroting voor de doorstart tot 1
    januari 2011" read as a budget from the start: the spread from 1 January 2011."""
    other = MultiprobleemPilot(budget_vanaf=START)
    per_year = funding(other).funding_overview().per_year()
    assert per_year == {2011: Money("500457.04"), 2012: Money("249542.96")}


def test_a_budget_from_after_the_end_is_refused_with_its_field() -> None:
    """003_720c15da674da257.txt, "12. Financiën": the money is spent within the doorstart."""
    with pytest.raises(InvalidValueError, match=r"budget_lines\.budget_vanaf"):
        MultiprobleemPilot(budget_vanaf=pendulum.date(2012, 7, 1))


def test_the_six_ton_runs_the_doorstart_and_the_rest_is_ghp_bound() -> None:
    """003_720c15da674da257.txt, "12. Financiën": "€ 6 ton nodig is voor de exploitatie"; "Er is
    dan nog voldoende budget over voor inzet van het GHP gebonden budget"."""
    per_model = funding().funding().per_model()
    assert per_model == {
        Financieringsmodel.PROJECTBUDGET: Money(600_000),
        Financieringsmodel.GHP_GEBONDEN: Money(150_000),
    }
    assert MultiprobleemPilot().cost_model().vast_per_maand == Money(40_000)


def test_a_simulation_from_1_april_2011_spends_the_money_only_from_then() -> None:
    """003_720c15da674da257.txt, "12. Financiën": the plan holds nothing before 1 April 2011."""
    _, gezin = example_families()[0]
    cohort = Cohort.from_gezinnen(attrs.evolve(gezin, id=f"mpg-{i:02d}") for i in range(5))
    settings = Settings(START, months=18, referral_probability=1.0)
    results = simulate(funding(), cohort, settings, runs=1, seed=1)
    plan = results.series("plan_cents", "multiprobleem")[0]
    assert plan[:3].sum() == 0
    assert plan[3:].sum() == 75_000_000


# 7. Toewijzing gezinnen ------------------------------------------------------


def test_twenty_families_in_total_not_twenty_at_once() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "De gezinscoaches gaan werken met 10
    gezinnen" and "nog een selectie van maximaal 10 gezinnen": a total over the doorstart."""
    pilot = MultiprobleemPilot().pilot
    assert pilot.max_totaal == 20
    assert pilot.max_totaal_bron is not None
    assert pilot.max_totaal_bron.section == "7. Toewijzing gezinnen"
    assert pilot.capaciteit is None


def test_the_21st_family_is_told_the_total_is_reached() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": no family beyond the ten and ten."""
    compiled = funding().compiled("multiprobleem")
    _, gezin = example_families()[0]
    verdict = compiled.decide(gezin, pendulum.date(2011, 6, 1), occupancy=2, admitted_so_far=20)
    assert verdict.outcome is Outcome.WAITLIST
    assert "at most 20 in total" in verdict.notes[-1].text


def test_the_selection_refuses_the_eleventh_addition() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "maximaal 10" more during the pilot."""
    selectie = Selectie(MultiprobleemPilot().doorstart)
    top = [f"gezin-{i:02}" for i in range(10)]
    selectie = selectie.designate_top10(top, pendulum.date(2010, 12, 1), SAMENWERKINGSPARTNERS)
    for i in range(10):
        selectie = selectie.add(f"extra-{i}", pendulum.date(2011, 5, 1), SAMENWERKINGSPARTNERS)
    with pytest.raises(InvalidValueError, match="at most 10 families are added"):
        selectie.add("extra-10", pendulum.date(2011, 5, 2), SAMENWERKINGSPARTNERS)


def test_a_simulation_admits_twenty_in_all_though_families_leave() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": families that leave free no selection;
    the simulation stops intake at twenty."""
    _, gezin = example_families()[0]
    cohort = Cohort.from_gezinnen(attrs.evolve(gezin, id=f"mpg-{i:02d}") for i in range(40))
    settings = Settings(
        RESTANT_OP,
        months=15,
        referral_probability=1.0,
        default=PilotDesign(progress_probability=0.9),
    )
    results = simulate(funding(), cohort, settings, runs=2, seed=3)
    admitted = results.series("admitted", "multiprobleem").sum(axis=1)
    assert (admitted == 20).all()


def test_the_korrewegwijk_and_the_indische_buurt_are_one_area_each_explained() -> None:
    """003_720c15da674da257.txt, the agreement's preamble ("in de wijken de Hoogte, Korrewegwijk en
    Tuinwijk") and "7. Toewijzing gezinnen" ("woonachtig zijn in de Indische Buurt, de Hoogte of
    Tuinwijk"): both families meet the area condition under the defaults."""
    _, gezin = example_families()[0]
    compiled = funding().compiled("multiprobleem")
    for wijk, found in [
        ("Korrewegwijk", "Korrewegwijk"),
        ("Indische Buurt", "Indische Buurt lies in the Korrewegwijk"),
    ]:
        verdict = compiled.decide(attrs.evolve(gezin, wijk=wijk), pendulum.date(2011, 6, 1))
        assert verdict.eligible, wijk
        area = verdict.eligibility.find("a krachtwijk")
        assert area is not None
        assert area.passed
        assert area.observed == found
        assert area.source is not None
        assert area.source.section == "7. Toewijzing gezinnen"


def test_zo_nodig_is_a_decision_recorded_not_an_admission() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "zo nodig aangevuld met gezinnen uit
    Selwerd, Paddepoel of Beijum en verder"; the preamble spells "Beyum"."""
    _, gezin = example_families()[0]
    selwerd = attrs.evolve(gezin, wijk="Selwerd")
    on = pendulum.date(2011, 6, 1)
    assert not funding().compiled("multiprobleem").decide(selwerd, on).eligible
    besluit = Aanvulling(on.subtract(days=10), "the stuurgroep", Citation("besluit.txt", "1"))
    aangevuld = funding(MultiprobleemPilot(aanvulling=besluit)).compiled("multiprobleem")
    verdict = aangevuld.decide(selwerd, on)
    assert verdict.eligible
    cited = verdict.eligibility.find("zo nodig aangevuld")
    assert cited is not None
    assert cited.source == Citation("besluit.txt", "1")
    assert "the stuurgroep" in cited.text
    assert GRONINGEN.find("Beyum") == GRONINGEN.find("Beijum")
    assert "Beyum" in letter_text()
